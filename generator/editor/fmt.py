"""`gongkai fmt`: key order as in the models and one layout, with every comment kept (ruamel round-trip).

A file that does not parse is reported and left exactly as it is.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from generator.editor.kinds import BY_FOLDER, KINDS, child_model, field_order
from generator.load import DEPARTMENT_FILE


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
    try:
        text = path.read_text(encoding="utf-8")
        formatted = format_text(text, model_for_path(path))
    except UnicodeDecodeError:
        return FmtResult(path, False, "文件不是 UTF-8 编码，未修改。")
    except Exception as exc:  # noqa: BLE001 — any parse failure: report it and leave the file untouched
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        mark = getattr(exc, "problem_mark", None)
        where = f"第 {mark.line + 1} 行：" if mark is not None else ""
        return FmtResult(path, False, f"{where}YAML 无法解析（{problem}），未修改。请先用 gongkai check 找出并改正错误。")
    changed = formatted != text
    if changed and not check_only:
        path.write_text(formatted, encoding="utf-8")
    return FmtResult(path, changed)


def yaml_files(paths: list[Path]) -> list[Path]:
    found: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found.update(p for p in path.rglob("*.yaml") if p.is_file())
        elif path.suffix in (".yaml", ".yml"):
            found.add(path)
    return sorted(found)
