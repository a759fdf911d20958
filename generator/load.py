"""Stage 1, load: find the YAML files of a catalogue and parse them fast, rejecting unsafe YAML."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import DuplicateKeyError, SafeConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent

from generator.diagnostics import Diagnostic
from generator.models import RECORD_KINDS
from generator.paths import display_path

MAX_FILE_BYTES = 1024 * 1024
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
        return Diagnostic(shown, line, col, key=key, message=f"字段“{key}”重复出现。同一层级的字段只能写一次，请删除或合并重复的一项。")
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    return Diagnostic(
        shown, line, col, message=f"YAML 格式错误（{problem}）。请检查这一行及上一行的缩进、冒号和引号。"
    )


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


def _parse(yaml: YAML, shown: str, raw: bytes) -> tuple[Any, Diagnostic | None]:
    if len(raw) > MAX_FILE_BYTES:
        return None, Diagnostic(shown, 1, 1, message=f"文件过大（{len(raw)} 字节），单个记录文件不得超过 1 MiB。请拆分或精简内容。")
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
    if len(docs) != 1:
        return None, Diagnostic(shown, 1, 1, message="一个文件只能写一条记录，请删除多余的“---”分隔线。")
    if not isinstance(docs[0], dict):
        return None, Diagnostic(shown, 1, 1, message="文件内容应为“字段: 值”形式的记录，当前为空或不是键值对。")
    return docs[0], None


def load_catalogue(catalogue: Path) -> LoadResult:
    """Parse every YAML file under `catalogue`; problems become diagnostics, never exceptions."""
    yaml = _fast_yaml()
    documents: list[RawDocument] = []
    diagnostics: list[Diagnostic] = []
    files = discover(catalogue)
    for path in files:
        shown = display_path(path)
        place = classify(catalogue, path)
        if place is None or path.suffix != ".yaml":
            diagnostics.append(_misplaced(shown, path))
            continue
        data, problem = _parse(yaml, shown, path.read_bytes())
        if problem:
            diagnostics.append(problem)
        else:
            documents.append(RawDocument(path, shown, place[0], place[1], data))
    return LoadResult(documents, diagnostics, len(files))


def load_yaml_file(path: Path) -> tuple[Any, Diagnostic | None]:
    """Parse one standalone YAML file (procedure templates) with the same safety rules."""
    return _parse(_fast_yaml(), display_path(path), path.read_bytes())
