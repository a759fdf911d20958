"""Stage 2, validate: raw documents become typed records; pydantic errors become Chinese diagnostics."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from generator.diagnostics import Diagnostic
from generator.fieldinfo import FieldLookup, inner_enum, lookup, submodel_at
from generator.load import RawDocument
from generator.models import RECORD_KINDS, Department, Power, SecretPower
from generator.models.common import TimeLimit

_TYPE_NAMES = {str: "文本", int: "整数", float: "小数", bool: "true/false", list: "列表", dict: "键值对", type(None): "空值"}


@dataclass(frozen=True)
class Validated:
    raw: RawDocument
    record: BaseModel


def model_for(kind: str) -> type[BaseModel]:
    return Department if kind == "department" else RECORD_KINDS[kind]


def model_for_document(raw: RawDocument) -> type[BaseModel]:
    """A power file that says `secret: true` is a SecretPower: only what may be published is allowed in it."""
    if raw.kind == "powers" and isinstance(raw.data, dict) and raw.data.get("secret") is True:
        return SecretPower
    return model_for(raw.kind)


def _secret_extra(key: str) -> str:
    known = Power.model_fields.get(key)
    named = f"“{known.title}”（{key}）" if known and known.title else f"“{key}”"
    allowed = "、".join(f"{info.title}（{name}）" for name, info in SecretPower.model_fields.items())
    return (f"涉密不公开的职权不能填写{named}：代码仓库是公开的，写进仓库的内容就等于公开。"
            f"请删除这个字段，完整记录只保存在本单位的涉密系统中；这里只能填写{allowed}。")


def _type_name(value: Any) -> str:
    return _TYPE_NAMES.get(type(value), type(value).__name__)


def _suggest(model: type[BaseModel], parent_loc: tuple[str | int, ...], key: str) -> str:
    holder = submodel_at(model, parent_loc)
    if holder is None:
        return "请删除或改正这个字段。"
    by_label = {info.title: name for name, info in holder.model_fields.items() if info.title}
    match = by_label.get(str(key)) or next(iter(difflib.get_close_matches(str(key), list(holder.model_fields), 1, 0.6)), None)
    if match:
        return f"您是不是想写“{match}”（{holder.model_fields[match].title}）？"
    return "请删除或改正这个字段；可用的字段见《字段说明》。"


def _short(value: Any, limit: int = 40) -> str:
    """A quoted input on one short line: a whole nested mapping would drown the message."""
    text = ("true" if value else "false") if isinstance(value, bool) else " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _is_time_limit(model: type[BaseModel], loc: tuple[str | int, ...]) -> bool:
    return submodel_at(model, loc) is TimeLimit


def _enum_choices(field: FieldLookup) -> str:
    found = inner_enum(field.info.annotation) if field.info else None
    return "、".join(str(m.value) for m in found) if found else ""


def _message(model: type[BaseModel], error: dict[str, Any], field: FieldLookup) -> str:
    kind, raw_value, ctx = error["type"], error.get("input"), error.get("ctx") or {}
    value = _short(raw_value)
    hint = field.description
    if kind == "missing":
        return f"缺少必填字段。{hint}"
    if raw_value is None and (kind.endswith("_type") or kind in ("enum", "date_from_datetime_parsing")):
        return f"不能为空。{hint}"  # `key:` with nothing after it is an empty field, not a type puzzle
    if kind == "model_type" and _is_time_limit(model, tuple(error["loc"])) and isinstance(raw_value, (int, float, str)):
        return f"时限必须写明单位，不能只写“{value}”。请写成 {{days: {value}, unit: 工作日}} 或 {{days: {value}, unit: 自然日}}。"
    if kind == "extra_forbidden" and model is SecretPower and len(error["loc"]) == 1:
        return _secret_extra(field.key)
    if kind == "extra_forbidden":
        return f"不认识的字段“{field.key}”。" + _suggest(model, tuple(error["loc"][:-1]), field.key)
    if kind in ("string_too_short", "too_short"):
        return f"不能为空。{hint}"
    if kind == "string_pattern_mismatch":
        return f"“{value}”格式不对：编号只能用小写字母 a-z、数字 0-9 和连字符 -，例如 market-regulation。"
    if kind == "enum":
        return f"“{value}”不是有效的取值。可选：{_enum_choices(field)}。"
    if kind.startswith("date"):
        return f"“{value}”不是有效的日期。请按 YYYY-MM-DD 填写真实存在的日期，例如 2024-03-01。"
    if kind in ("string_type", "int_type", "bool_type", "list_type", "model_type", "dict_type", "int_from_float"):
        expected = {"string_type": "文本", "int_type": "整数", "int_from_float": "整数", "bool_type": "true 或 false",
                    "list_type": "列表（每项以“- ”开头）", "model_type": "键值对（若干“字段: 值”）", "dict_type": "键值对"}[kind]
        return f"应填{' ' if expected[0].isascii() else ''}{expected}，现在是{_type_name(raw_value)}“{value}”。{hint}"
    if kind in ("greater_than_equal", "less_than_equal"):
        bound = "不小于" if kind == "greater_than_equal" else "不大于"
        return f"“{value}”超出范围，应{bound} {ctx.get('ge', ctx.get('le'))}。{hint}"
    if kind.startswith("gongkai_"):  # our own validators (models/base.py) already say it in Chinese
        return f"{error.get('msg')}{hint}"
    if kind == "string_too_long":
        return f"太长了，最多 {ctx.get('max_length')} 个字符。"
    return f"取值无效（{error.get('msg')}）。{hint}"


def pydantic_diagnostic(raw: RawDocument, model: type[BaseModel], error: dict[str, Any]) -> Diagnostic:
    loc = tuple(error["loc"])
    field = lookup(model, loc)
    if error["type"] == "extra_forbidden":
        known = lookup(Power, loc) if model is SecretPower and len(loc) == 1 else None  # a public field in a secret file
        field = known if known and known.info else FieldLookup(str(loc[-1]), "未知字段", "", None, None)
    return Diagnostic(raw.shown, label=field.label, key=field.key, message=_message(model, error, field), loc=loc)


def validate_document(raw: RawDocument) -> tuple[BaseModel | None, list[Diagnostic]]:
    model = model_for_document(raw)
    try:
        return model.model_validate(raw.data), []
    except ValidationError as exc:
        return None, [pydantic_diagnostic(raw, model, e) for e in exc.errors(include_url=False)]


def validate_all(documents: list[RawDocument]) -> tuple[list[Validated], list[Diagnostic]]:
    records: list[Validated] = []
    diagnostics: list[Diagnostic] = []
    for raw in documents:
        record, problems = validate_document(raw)
        diagnostics.extend(problems)
        if record is not None:
            records.append(Validated(raw, record))
    return records, diagnostics
