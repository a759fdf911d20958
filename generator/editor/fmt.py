"""`gongkai fmt`: key order as in the models and one layout, with every comment kept (ruamel round-trip).

A file that does not parse is reported and left exactly as it is.
"""

from __future__ import annotations

import io
import os
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from generator.editor.kinds import BY_FOLDER, KINDS, child_model, field_order
from generator.files import NotRegularFile, describe, read_regular, refusal
from generator.load import DEPARTMENT_FILE, MAX_FILE_BYTES, discover, yaml_problem


@dataclass(frozen=True)
class FmtResult:
    path: Path
    changed: bool
    error: str | None = None


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.allow_duplicate_keys = False
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # never fold long Chinese lines: a reflow would show as a change in review
    return yaml


def model_for_path(path: Path) -> type[BaseModel] | None:
    """The record kind from where the file sits: department.yaml, <kind folder>/x.yaml or flowcharts/x.yaml."""
    if path.name == DEPARTMENT_FILE:
        return KINDS["department"].model
    if path.parent.name in BY_FOLDER:
        return BY_FOLDER[path.parent.name].model
    if path.parent.name == "flowcharts":
        return KINDS["procedure"].model
    return None


def reorder(node: Any, model: type[BaseModel] | None) -> None:
    """Put known keys in canonical order (unknown keys keep their place after them); recurse into children."""
    if isinstance(node, CommentedMap):
        if model is not None:
            order = {name: i for i, name in enumerate(field_order(model))}
            keys = sorted(node.keys(), key=lambda k: (order.get(k, len(order)),))  # stable: unknown keys keep order
            for key in keys:
                node.move_to_end(key)
        for key, value in node.items():
            reorder(value, child_model(model, key))
    elif isinstance(node, CommentedSeq):
        for value in node:
            reorder(value, model)


def format_text(text: str, model: type[BaseModel] | None) -> str:
    """Formatted text; raises ruamel's errors (and ValueError for impossible dates) on invalid YAML."""
    yaml = _yaml()
    data = yaml.load(text)
    reorder(data, model)
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def format_file(path: Path, check_only: bool) -> FmtResult:
    """Read (a regular file only), format and, unless `check_only`, replace the file. Anything that stops it leaves
    the file exactly as it was and says why."""
    try:
        text = read_regular(path, MAX_FILE_BYTES).decode("utf-8")
    except UnicodeDecodeError:
        return FmtResult(path, False, "文件不是 UTF-8 编码，未修改。")
    except NotRegularFile as exc:  # a link, a device or a pipe is refused before a byte is read
        return FmtResult(path, False, f"{refusal(exc.kind)}未修改。")
    except OSError as exc:
        return FmtResult(path, False, f"无法读取：{describe(exc)}，未修改。")
    problem = yaml_problem(str(path), text)  # an alias bomb or deep nesting would hang or crash the round trip
    if problem is not None:
        return FmtResult(path, False, f"第 {problem.line} 行：{problem.message}未修改。")
    try:
        formatted = format_text(text, model_for_path(path))
    except Exception as exc:  # noqa: BLE001 — any parse failure: report it and leave the file untouched
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        mark = getattr(exc, "problem_mark", None)
        where = f"第 {mark.line + 1} 行：" if mark is not None else ""
        return FmtResult(path, False, f"{where}YAML 无法解析（{problem}），未修改。请先用 gongkai check 找出并改正错误。")
    changed = formatted != text
    if changed and not check_only:
        try:
            _replace(path, formatted.encode("utf-8"))
        except OSError as exc:
            return FmtResult(path, False, f"无法写入：{describe(exc)}，未修改。")
    return FmtResult(path, changed)


def _replace(path: Path, content: bytes) -> None:
    """Write beside the file, then rename over it: a link put in its place meanwhile is replaced, never written
    through, and a reader never sees half a file. The file keeps its permissions."""
    mode = os.stat(path, follow_symlinks=False).st_mode & 0o777
    temporary = path.with_name(f".{path.name}.{os.getpid()}.fmt")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), mode)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(content)
        os.chmod(temporary, mode)  # the umask may have narrowed it
        os.replace(temporary, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(temporary)
        raise


def yaml_files(paths: list[Path]) -> tuple[list[Path], list[FmtResult]]:
    """The .yaml files of `paths` (folders searched without following links), and a refusal for every link,
    device or pipe met on the way, which is never read or written."""
    found: set[Path] = set()
    refused: list[FmtResult] = []
    for path in paths:
        if path.is_dir() and not path.is_symlink():
            files, problems = discover(path, skip_hidden=True)  # not .git, .venv or .cache, even for `gongkai fmt .`
            found.update(p for p in files if p.suffix == ".yaml")
            refused += [FmtResult(Path(d.path), False, f"{d.message}未修改。") for d in problems]
        elif path.suffix in (".yaml", ".yml") or path.is_symlink():
            found.add(path)  # a link named here is refused when format_file opens it
    return sorted(found), refused

