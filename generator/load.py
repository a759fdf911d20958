"""Stage 1, load: find the YAML files of a catalogue and parse them fast, rejecting unsafe YAML."""

from __future__ import annotations

import marshal
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

from ruamel.yaml import YAML
from ruamel.yaml.constructor import DuplicateKeyError, SafeConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent

from generator import fastyaml, workshare
from generator.diagnostics import Diagnostic
from generator.files import FileTooBig, NotRegularFile, is_printable, kind_of, read_regular, refusal
from generator.models import RECORD_KINDS
from generator.paths import display_paths

MAX_FILE_BYTES = 1024 * 1024
MAX_DEPTH = 20  # records nest about 6 levels; deeper input is a mistake or an attack
DEPARTMENT_FILE = "department.yaml"
PARALLEL_FROM = 2000  # files; below this a forked helper costs more than it saves


class _StringDates(SafeConstructor):
    """Dates stay strings so that an impossible date becomes a field error with a line, not a crash."""


_StringDates.add_constructor("tag:yaml.org,2002:timestamp", SafeConstructor.construct_yaml_str)


def _fast_yaml() -> YAML:
    yaml = YAML(typ="safe", pure=False)  # ruamel.yaml.clib's C parser when installed
    yaml.Constructor = _StringDates
    yaml.allow_duplicate_keys = False
    return yaml


@dataclass(frozen=True)
class RawDocument:
    """A parsed file: `kind` is 'department' or a key of RECORD_KINDS; `folder` the department folder name."""

    path: Path
    shown: str
    kind: str
    folder: str
    data: Any
    raw: bytes | None = field(default=None, repr=False, compare=False)  # the file's bytes, when loaded from a file

    def may_contain(self, text: str) -> bool:
        """False only when no string in `data` can contain `text` (a cheap byte search before walking the tree)."""
        return self.raw is None or text.encode("utf-8") in self.raw or b"\\" in self.raw  # "\u5f85" escapes


@dataclass
class LoadResult:
    documents: list[RawDocument]
    diagnostics: list[Diagnostic]
    files: int


def classify(catalogue: Path, path: Path) -> tuple[str, str] | None:
    """(kind, department folder) from a file's place in the catalogue, or None when misplaced."""
    return _place(path.relative_to(catalogue).parts)


def _place(parts: tuple[str, ...]) -> tuple[str, str] | None:
    if len(parts) == 2 and parts[1] == DEPARTMENT_FILE:
        return "department", parts[0]
    if len(parts) == 3 and parts[1] in RECORD_KINDS:
        return parts[1], parts[0]
    return None


def discover(folder: Path, skip_hidden: bool = False) -> tuple[list[Path], list[Diagnostic]]:
    """Every regular .yaml/.yml file below `folder`, and a problem for every entry refused unread; `skip_hidden`:
    leave out everything whose name starts with a dot (.git, .venv, .cache)."""
    found, refused = _discover(folder, skip_hidden)
    return [path for _, path in found], [_refused(path, kind) for path, kind in refused]


def discover_relative(folder: Path) -> list[tuple[str, ...]]:
    """The folder-relative name parts of every file discover() finds, without a Path per file (a province has
    100,000: the split build lists them in every part)."""
    found, _ = _discover(folder)
    return [parts for parts, _ in found]


def _suffix(name: str) -> str:
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""  # as Path.suffix: ".yaml" alone is a hidden file


Found = list[tuple[tuple[str, ...], Path]]


def _discover(catalogue: Path, skip_hidden: bool = False) -> tuple[Found, list[tuple[Path, str]]]:
    """(parts below the catalogue, path) of every regular .yaml/.yml file, in Path order; and every entry refused
    with what it is: a symbolic link (file or folder), a device, a pipe or a socket, or a name that is not UTF-8.
    Refused entries are never opened or entered. Uses scandir's file types, not a stat call per file.
    """
    found: Found = []
    refused: list[tuple[Path, str]] = []
    stack: list[tuple[Path, tuple[str, ...]]] = [(catalogue, ())]
    while stack:
        folder, parts = stack.pop()
        try:
            with os.scandir(folder) as scan:
                entries = list(scan)
        except OSError:
            continue
        for entry in entries:
            if skip_hidden and entry.name.startswith("."):
                continue
            try:
                if not is_printable(entry.name):
                    refused.append((folder / entry.name, _BAD_NAME))
                elif entry.is_dir(follow_symlinks=False):
                    stack.append((folder / entry.name, parts + (entry.name,)))
                elif not entry.is_file(follow_symlinks=False):
                    refused.append((folder / entry.name, kind_of(entry.stat(follow_symlinks=False).st_mode)))
                elif _suffix(entry.name) in (".yaml", ".yml"):
                    found.append((parts + (entry.name,), folder / entry.name))
            except OSError:
                continue
    found.sort(key=lambda item: item[0])
    refused.sort()
    return found, refused


def _listed(catalogue: Path, only: frozenset[str]) -> Found:
    """The files `only` names, in _discover's order, without walking the folders: a view of a catalogue whose whole
    check walked them and refused what it must (a part job loads 4,000 files at a time; walking 100,000 files for
    each batch was most of the site part's load). A file that is gone, or became a link, fails as it is read."""
    found = [(tuple(name.split("/")), catalogue / name) for name in only]
    found.sort(key=lambda item: item[0])
    return found


_BAD_NAME = "name"  # the kind of a refused entry whose name is not UTF-8
_BAD_NAME_MESSAGE = "文件名或文件夹名不是有效的 UTF-8 文字，未读取。请用 UTF-8 编码的名称重命名（记录文件名应与编号相同）。"


def _refused(path: Path, kind: str) -> Diagnostic:
    message = _BAD_NAME_MESSAGE if kind == _BAD_NAME else refusal(kind)
    return Diagnostic(display_paths([path])[0], 1, 1, message=message)


def _misplaced(shown: str, path: Path) -> Diagnostic:
    if path.suffix == ".yml":
        msg = "文件扩展名应为 .yaml，请把 .yml 改为 .yaml。"
    else:
        msg = (
            "文件位置不对。部门信息放在 catalogue/<部门编号>/department.yaml；"
            "职权、收费依据、服务事项分别放在该部门文件夹下的 powers/、fees/、services/ 中。"
        )
    return Diagnostic(shown, 1, 1, message=msg)


def _yaml_error(shown: str, exc: YAMLError) -> Diagnostic:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    if isinstance(exc, DuplicateKeyError):
        key = str(getattr(exc, "problem", "")).split('"')[1] if '"' in str(exc.problem) else ""
        return Diagnostic(shown, line, col, label="重复字段", key=key, message=f"字段“{key}”重复出现。同一层级的字段只能写一次，请删除或合并重复的一项。")
    problem = str(getattr(exc, "problem", None) or str(exc).splitlines()[0])
    return Diagnostic(shown, line, col, message=f"YAML 格式错误：{_explain(problem)}")


# ruamel's English problem texts → what an editor should check (first match wins).
_PROBLEMS = (
    ("mapping values are not allowed", "这里不能出现“字段: 值”。多半是缩进不对，或值里含有冒号而没有加引号。"),
    ("could not find expected ':'", "缺少冒号。每个字段写成“字段: 值”，冒号后留一个空格。"),
    ("cannot start any token", "这里有不能开头的字符（如 Tab 或 @、`）。请用空格缩进，或给值加引号。"),
    ("found unexpected end of stream", "引号没有闭合。请检查这一行的引号是否成对。"),
    ("expected <block end>", "缩进不一致。同一层级的字段和列表项要对齐。"),
    ("did not find expected key", "缩进不一致。同一层级的字段要对齐。"),
    ("did not find expected '-' indicator", "列表项缩进不一致。每项以“- ”开头并对齐。"),
    ("found a tab character", "不能用 Tab 缩进，请改用空格。"),
    ("did not find expected node content", "缺少内容。冒号或“- ”后面应有值，括号和引号要成对。"),
    ("unacceptable character", "文件中有不可见的控制字符。请删除它们后再保存。"),
    ("special characters are not allowed", "文件中有不可见的控制字符。请删除它们后再保存。"),
    ("could not determine a constructor for the tag", "不支持 YAML 标签（以 ! 开头的写法）。请去掉标签，直接写值。"),
)


def _explain(problem: str) -> str:
    for needle, advice in _PROBLEMS:
        if needle in problem:
            return advice
    return f"无法解析（{problem}）。请检查这一行及上一行的缩进、冒号和引号。"


# Standard tags whose values are not plain text, numbers, lists or mappings: a set has no order (pages would
# differ build to build), bytes are not text, an omap is a mapping in disguise. Records never need them.
_UNORDERED_OR_BINARY = frozenset(f"tag:yaml.org,2002:{name}" for name in ("set", "omap", "pairs", "binary"))


def _structure_problem(yaml: YAML, shown: str, text: str) -> Diagnostic | None:
    """One pass over the parser's events, before anything is built from them: anchors and aliases (they can blow
    up when expanded, and records never need them), nesting deeper than MAX_DEPTH (the C composer recurses
    without a limit: 30,000 "[" crashed the process) and the !!set, !!omap, !!pairs and !!binary tags."""
    depth = 0
    for event in yaml.parse(text):
        tag = getattr(event, "tag", None)
        if tag in _UNORDERED_OR_BINARY:
            mark = event.start_mark
            return Diagnostic(shown, mark.line + 1, mark.column + 1,
                              message=f"不支持 YAML 标签 !!{tag.rsplit(':', 1)[1]}。请去掉标签：列表每项以“- ”开头，键值对写成“字段: 值”，文字直接写。")
        anchor = getattr(event, "anchor", None)
        if isinstance(event, AliasEvent) or anchor:
            mark = event.start_mark
            return Diagnostic(
                shown, mark.line + 1, mark.column + 1,
                message=f"不允许使用 YAML 锚点或别名（&{anchor or ''} / *{anchor or ''}）。请把内容直接写出来。",
            )
        if isinstance(event, CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                return Diagnostic(shown, event.start_mark.line + 1, event.start_mark.column + 1, message=_TOO_DEEP)
        elif isinstance(event, CollectionEndEvent):
            depth -= 1
    return None


def yaml_problem(shown: str, text: str) -> Diagnostic | None:
    """What parsing alone finds (nothing is built): a syntax error, an anchor or alias, nesting deeper than
    MAX_DEPTH. For tools that then load the file another way, such as `gongkai fmt`'s round-trip loader."""
    try:
        return _structure_problem(_fast_yaml(), shown, text)
    except (MarkedYAMLError, YAMLError) as exc:
        return _yaml_error(shown, exc)


_TOO_DEEP = f"YAML 嵌套层级过深（超过 {MAX_DEPTH} 层）。记录用不到这么多层，请检查缩进和括号。"


def _too_big(shown: str, size: int) -> Diagnostic:
    return Diagnostic(shown, 1, 1, message=f"文件过大（{size} 字节），单个记录文件不得超过 1 MiB。请拆分或精简内容。")


def _parse(shown: str, raw: bytes) -> tuple[Any, Diagnostic | None]:
    """Fast C loader first; the reference loader only for files it is unsure about (errors, anchors, tags…)."""
    if len(raw) > MAX_FILE_BYTES:
        return None, _too_big(shown, len(raw))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, Diagnostic(shown, line, 1, message="文件不是 UTF-8 编码。请在编辑器中以 UTF-8 编码另存。")
    try:
        docs, deepest = fastyaml.load(text)
    except fastyaml.Unsure:
        deepest = MAX_DEPTH + 1  # unknown: walk the tree below
        docs, problem = _reference_load(_fast_yaml(), shown, text)
        if problem:
            return None, problem
    if not docs or docs == [None]:
        return None, Diagnostic(shown, 1, 1, message="文件是空的。请填写记录内容，或删除这个文件。")
    if len(docs) != 1:
        return None, Diagnostic(shown, 1, 1, message="一个文件只能写一条记录，请删除多余的“---”分隔线。")
    if not isinstance(docs[0], dict):
        return None, Diagnostic(shown, 1, 1, message="文件内容应为“字段: 值”形式的记录，当前为空或不是键值对。")
    # The fast loader has already refused non-text keys and measured the nesting: walk only when needed.
    return docs[0], _shape_problem(shown, docs[0]) if deepest > MAX_DEPTH else None


def _reference_load(yaml: YAML, shown: str, text: str) -> tuple[list[Any], Diagnostic | None]:
    """ruamel.yaml: the loader whose results define what a file means, and whose errors have positions."""
    try:
        if problem := _structure_problem(yaml, shown, text):
            return [], problem
        return list(yaml.load_all(text)), None
    except (MarkedYAMLError, YAMLError) as exc:
        return [], _yaml_error(shown, exc)
    except RecursionError:
        return [], Diagnostic(shown, 1, 1, message="YAML 嵌套层级过深。请检查缩进。")
    except (ValueError, IndexError, OverflowError):  # ruamel's number constructors on e.g. "0b_" or "-_"
        return [], Diagnostic(shown, 1, 1, message="YAML 格式错误：有一个数值写法无法识别（例如 0b_、-_ 或位数过多的数字）。请改正该数值，或给它加引号当作文字。")


def _key_text(key: Any) -> str:
    """A non-text key as the editor wrote it: [a, b], not Python's ('a', 'b')."""
    if isinstance(key, (tuple, list)):
        return "[" + ", ".join(_key_text(k) for k in key) + "]"
    if isinstance(key, bool):
        return "true" if key else "false"
    return "空" if key is None else str(key)


def _shape_problem(shown: str, data: Any) -> Diagnostic | None:
    """Walk the tree without recursion: a hostile file must not overflow the stack in a later stage."""
    stack = [(data, 1)]
    while stack:
        node, level = stack.pop()
        if level > MAX_DEPTH:
            return Diagnostic(shown, 1, 1, message=_TOO_DEEP)
        if isinstance(node, dict):
            for key in node:
                if not isinstance(key, str):
                    return Diagnostic(shown, 1, 1, message=f"字段名“{_key_text(key)}”不是文字。字段名应为英文小写字段名，例如 name；若是值，请写在冒号后面。")
        children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
        stack.extend((child, level + 1) for child in children if isinstance(child, (dict, list)))
    return None


def load_catalogue(catalogue: Path, only: frozenset[str] | None = None, each: Callable[[RawDocument], Any] | None = None) -> LoadResult:
    """Parse every YAML file under `catalogue`; problems become diagnostics, never exceptions.
    `only`: the files to load, as catalogue-relative POSIX paths (one part of a split build, generator/parts/).
    `each`: called with every document, in order, as soon as it is loaded (validation runs while helpers parse)."""
    found, refused = _discover(catalogue) if only is None else (_listed(catalogue, only), [])
    files = [path for _, path in found]
    slots: list[Diagnostic | tuple[Path, str, tuple[str, str]]] = []  # a misplaced file's problem, or a file to load
    for (parts, path), shown in zip(found, display_paths(files)):
        place = _place(parts)
        slots.append(_misplaced(shown, path) if place is None or path.suffix != ".yaml" else (path, shown, place))
    loaded = iter(_load_all([(slot[1], slot[0]) for slot in slots if isinstance(slot, tuple)]))
    documents: list[RawDocument] = []
    diagnostics = [_refused(path, kind) for path, kind in refused]
    for slot in slots:
        if not isinstance(slot, tuple):
            diagnostics.append(slot)
            continue
        path, shown, place = slot
        data, problem, raw = next(loaded)
        if problem:
            diagnostics.append(problem)
        else:
            documents.append(document := RawDocument(path, shown, place[0], place[1], data, raw))
            if each is not None:
                each(document)
    next(loaded, None)  # the end: the helpers, if any, are joined
    return LoadResult(documents, diagnostics, len(files) + len(refused))


Loaded = tuple[Any, "Diagnostic | None", "bytes | None"]  # (data, problem, the file's bytes)


def _load_one(shown: str, path: Path) -> Loaded:
    raw, problem = _read(shown, path)
    if raw is None:
        return None, problem, None
    data, problem = _parse(shown, raw)
    return data, problem, raw


def _packed(jobs: list[tuple[str, Path]]) -> list[bytes | Loaded]:
    """A helper's piece. Good documents go back as marshal bytes (several times faster to send than
    pickle); problems and anything marshal cannot carry (e.g. sets from the reference loader) as is."""
    out: list[bytes | Loaded] = []
    for shown, path in jobs:
        data, problem, raw = loaded = _load_one(shown, path)
        try:
            out.append(loaded if problem else marshal.dumps((data, raw)))
        except ValueError:
            out.append(loaded)
    return out


def _unpack(piece: list[bytes | Loaded]) -> list[Loaded]:
    unpacked: list[Loaded] = []
    for item in piece:
        if isinstance(item, bytes):
            data, raw = marshal.loads(item)
            unpacked.append((data, None, raw))
        else:
            unpacked.append(item)
    return unpacked


PIECE = 100  # files a process reads and parses at a time when helpers share the work


def _load_all(jobs: list[tuple[str, Path]]) -> Iterator[Loaded]:
    """Read and parse, in order, in this process and, for large catalogues, in a forked helper on each further core.

    Results are handed out as they come (see workshare), so this process's caller (validation) runs while the
    helpers parse. The data crosses only between this process and its own fork, so marshal (plain dicts, lists,
    scalars and bytes) is safe here; nothing is ever read back from disk this way.
    """
    workers = min(os.cpu_count() or 1, 4)
    if workers < 2 or len(jobs) < PARALLEL_FROM or not workshare.can_fork():
        return (_load_one(shown, path) for shown, path in jobs)
    pieces = [jobs[start:start + PIECE] for start in range(0, len(jobs), PIECE)]
    return workshare.in_order(len(pieces), lambda i: [_load_one(shown, path) for shown, path in pieces[i]],
                              lambda i: _packed(pieces[i]), _unpack, workers - 1)


def _read(shown: str, path: Path) -> tuple[bytes, None] | tuple[None, Diagnostic]:
    try:
        return read_regular(path, MAX_FILE_BYTES), None  # never a huge file, a link or a device into memory
    except FileTooBig as exc:
        return None, _too_big(shown, exc.size)
    except NotRegularFile as exc:
        return None, Diagnostic(shown, 1, 1, message=refusal(exc.kind))
    except OSError as exc:
        return None, Diagnostic(shown, message=f"无法读取文件（{exc.strerror or exc}）。请检查文件权限。")


def _read_and_parse(shown: str, path: Path) -> tuple[Any, Diagnostic | None]:
    raw, problem = _read(shown, path)
    return (None, problem) if raw is None else _parse(shown, raw)


def load_yaml_file(path: Path) -> tuple[Any, Diagnostic | None]:
    """Parse one standalone YAML file (procedure templates) with the same safety rules."""
    return _read_and_parse(display_paths([path])[0], path)
