"""The field reference page (editing/fields.md), generated from the models so it can never go stale."""

from __future__ import annotations

import datetime
import enum
import types
import typing
from typing import Any

from pydantic import BaseModel

from generator.editor.kinds import KINDS, FieldRow, Kind, walk
from generator.render.text import md_escape

PAGE_PATH = "editing/fields.md"
PAGE_TITLE = "字段说明"
NOTES = {
    "secret-power": "职权文件中写有 `secret: true` 时就是涉密职权。代码仓库是公开的，写进仓库就等于公开：涉密职权的文件只能填写"
                    "下表中的字段，其他任何字段都会被检查拒绝；完整记录只保存在本单位的涉密系统中。",
}
_SCALARS = {str: "文本", int: "整数", bool: "true 或 false", float: "小数", datetime.date: "日期（YYYY-MM-DD）"}


def _has_pattern(metadata: list[Any]) -> bool:
    return any(getattr(m, "pattern", None) for m in metadata)


def type_name(annotation: Any, metadata: list[Any] | None = None) -> str:
    """A Chinese name for a field's type, as an editor would say it."""
    metadata = metadata or []
    origin = typing.get_origin(annotation)
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if origin in (typing.Union, types.UnionType):
        return type_name(args[0], metadata) if len(args) == 1 else " 或 ".join(type_name(a) for a in args)
    if origin is typing.Annotated:
        return type_name(args[0], list(annotation.__metadata__))
    if origin is list:
        return f"列表（每项：{type_name(args[0])}）"
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return "选项"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "键值对"
    if annotation is str and _has_pattern(metadata):
        return "编号"
    return _SCALARS.get(annotation, getattr(annotation, "__name__", str(annotation)))


def _key(row: FieldRow) -> str:
    return ".".join(row.path)


def _required(row: FieldRow) -> str:
    return "必填" if row.info.is_required() else "选填"


def _description(row: FieldRow) -> str:
    text = md_escape(row.info.description or "")
    found = row.enum
    if found is not None:
        text += "<br>可选值：" + "、".join(md_escape(m.value) for m in found)
    return text


def _row(row: FieldRow) -> str:
    cells = [f"`{_key(row)}`", md_escape(row.info.title or ""), md_escape(type_name(row.info.annotation, row.info.metadata)),
             _required(row), _description(row)]
    return "| " + " | ".join(cells) + " |"


def _where(kind: Kind) -> str:
    if kind.folder:
        return f"catalogue/<部门编号>/{kind.folder}/<编号>.yaml"
    return "catalogue/<部门编号>/department.yaml" if kind.name == "department" else "flowcharts/<模板编号>.yaml"


def kind_section(kind: Kind) -> str:
    lines = [
        f"## {md_escape(kind.label)} {{#{kind.name}}}", "",
        f"文件位置：`{_where(kind)}`。JSON Schema：[{kind.schema_file}](../schema/{kind.schema_file})。", "",
        *([NOTES[kind.name], ""] if kind.name in NOTES else []),
        "| 字段 | 名称 | 类型 | 必填 | 说明 |", "| --- | --- | --- | --- | --- |",
    ]
    lines += [_row(row) for row in walk(kind.model)]
    return "\n".join(lines) + "\n"


def fields_page() -> str:
    intro = (
        f"# {PAGE_TITLE}\n\n"
        "本页由程序根据数据模型自动生成，列出每种记录的全部字段。“字段”一列是 YAML 文件中要写的键，"
        "带点的写法（例如 legal_basis.title）表示写在上一级字段下面的字段；类型为“列表”的字段，每一项以“- ”开头。\n\n"
    )
    return intro + "\n".join(kind_section(kind) for kind in KINDS.values())
