"""Stage 1, load: find the YAML files of a catalogue and parse them fast, rejecting unsafe YAML."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import DuplicateKeyError, SafeConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent

from generator.cache import ParseCache
from generator.diagnostics import Diagnostic
from generator.models import RECORD_KINDS
from generator.paths import display_path

MAX_FILE_BYTES = 1024 * 1024
MAX_DEPTH = 20  # records nest about 6 levels; deeper input is a mistake or an attack
DEPARTMENT_FILE = "department.yaml"


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


@dataclass
class LoadResult:
    documents: list[RawDocument]
    diagnostics: list[Diagnostic]
    files: int


def classify(catalogue: Path, path: Path) -> tuple[str, str] | None:
    """(kind, department folder) from a file's place in the catalogue, or None when misplaced."""
    parts = path.relative_to(catalogue).parts
    if len(parts) == 2 and parts[1] == DEPARTMENT_FILE:
        return "department", parts[0]
    if len(parts) == 3 and parts[1] in RECORD_KINDS:
        return parts[1], parts[0]
    return None


def discover(catalogue: Path) -> list[Path]:
    return sorted(p for p in catalogue.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


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


def _alias_problem(yaml: YAML, shown: str, text: str) -> Diagnostic | None:
    """Anchors and aliases can blow up when expanded, and records never need them."""
    for event in yaml.parse(text):
        anchor = getattr(event, "anchor", None)
        if isinstance(event, AliasEvent) or anchor:
            mark = event.start_mark
            return Diagnostic(
                shown, mark.line + 1, mark.column + 1,
                message=f"不允许使用 YAML 锚点或别名（&{anchor or ''} / *{anchor or ''}）。请把内容直接写出来。",
            )
    return None


def _too_big(shown: str, size: int) -> Diagnostic:
    return Diagnostic(shown, 1, 1, message=f"文件过大（{size} 字节），单个记录文件不得超过 1 MiB。请拆分或精简内容。")


def _parse(yaml: YAML, shown: str, raw: bytes) -> tuple[Any, Diagnostic | None]:
    if len(raw) > MAX_FILE_BYTES:
        return None, _too_big(shown, len(raw))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, Diagnostic(shown, line, 1, message="文件不是 UTF-8 编码。请在编辑器中以 UTF-8 编码另存。")
    try:
        if ("&" in text or "*" in text) and (problem := _alias_problem(yaml, shown, text)):
            return None, problem
        docs = list(yaml.load_all(text))
    except (MarkedYAMLError, YAMLError) as exc:
        return None, _yaml_error(shown, exc)
    except RecursionError:
        return None, Diagnostic(shown, 1, 1, message="YAML 嵌套层级过深。请检查缩进。")
    if not docs or docs == [None]:
        return None, Diagnostic(shown, 1, 1, message="文件是空的。请填写记录内容，或删除这个文件。")
    if len(docs) != 1:
        return None, Diagnostic(shown, 1, 1, message="一个文件只能写一条记录，请删除多余的“---”分隔线。")
    if not isinstance(docs[0], dict):
        return None, Diagnostic(shown, 1, 1, message="文件内容应为“字段: 值”形式的记录，当前为空或不是键值对。")
    return docs[0], _shape_problem(shown, docs[0])


def _shape_problem(shown: str, data: Any) -> Diagnostic | None:
    """Walk the tree without recursion: a hostile file must not overflow the stack in a later stage."""
    stack = [(data, 1)]
    while stack:
        node, level = stack.pop()
        if level > MAX_DEPTH:
            return Diagnostic(shown, 1, 1, message=f"YAML 嵌套层级过深（超过 {MAX_DEPTH} 层）。记录用不到这么多层，请检查缩进和括号。")
        if isinstance(node, dict):
            for key in node:
                if not isinstance(key, str):
                    return Diagnostic(shown, 1, 1, message=f"字段名“{key}”不是文字。字段名应为英文小写字段名，例如 name；若是值，请写在冒号后面。")
        children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
        stack.extend((child, level + 1) for child in children if isinstance(child, (dict, list)))
    return None


def load_catalogue(catalogue: Path) -> LoadResult:
    """Parse every YAML file under `catalogue`; problems become diagnostics, never exceptions."""
    yaml = _fast_yaml()
    documents: list[RawDocument] = []
    diagnostics: list[Diagnostic] = []
    files = discover(catalogue)
    cache = ParseCache.open(catalogue)  # warm runs skip YAML parsing of unchanged files
    for path in files:
        shown = display_path(path)
        place = classify(catalogue, path)
        if place is None or path.suffix != ".yaml":
            diagnostics.append(_misplaced(shown, path))
            continue
        data, problem = cache.parse(path, lambda: _read_and_parse(yaml, shown, path))
        if problem:
            diagnostics.append(problem)
        else:
            documents.append(RawDocument(path, shown, place[0], place[1], data))
    cache.save()
    return LoadResult(documents, diagnostics, len(files))


def _read_and_parse(yaml: YAML, shown: str, path: Path) -> tuple[Any, Diagnostic | None]:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:  # never read a huge file into memory
            return None, _too_big(shown, size)
        raw = path.read_bytes()
    except OSError as exc:
        return None, Diagnostic(shown, message=f"无法读取文件（{exc.strerror or exc}）。请检查文件权限。")
    return _parse(yaml, shown, raw)


def load_yaml_file(path: Path) -> tuple[Any, Diagnostic | None]:
    """Parse one standalone YAML file (procedure templates) with the same safety rules."""
    return _read_and_parse(_fast_yaml(), display_path(path), path)
