"""Stage 2, validate: raw documents become typed records; pydantic errors become Chinese diagnostics."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from generator.diagnostics import Diagnostic
from generator.fieldinfo import FieldLookup, inner_enum, lookup, submodel_at
from generator.hints import suggest
from generator.load import RawDocument
from generator.models import RECORD_KINDS, Department, Power, SecretPower
from generator.models.common import TimeLimit

_TYPE_NAMES = {str: "文本", int: "整数", float: "小数", bool: "true/false", list: "列表", dict: "键值对", type(None): "空值"}

# pydantic error types → what an editor should write instead. Every type pydantic_core can raise falls into one
# family here or into the generic message, so no English message or Python type name reaches an editor.
_EXPECTED = {
    "文本": ("string_type", "string_unicode", "string_sub_type", "string_not_ascii", "bytes_type", "bytes_invalid_encoding"),
    "整数": ("int_type", "int_parsing", "int_parsing_size", "int_from_float", "float_type", "float_parsing", "finite_number",
             "decimal_type", "decimal_parsing", "decimal_max_digits", "decimal_max_places", "decimal_whole_digits",
             "fraction_type", "fraction_parsing", "complex_type", "complex_str_parsing"),
    "true 或 false": ("bool_type", "bool_parsing"),
    "列表（每项以“- ”开头）": ("list_type", "tuple_type", "set_type", "deque_type", "frozen_set_type", "iterable_type",
                           "iteration_error", "set_item_not_hashable"),
    "键值对（若干“字段: 值”）": ("model_type", "model_attributes_type", "dict_type", "mapping_type", "ordered_dict_type",
                             "counter_type", "frozen_dict_type", "dataclass_type", "dataclass_exact_type", "named_tuple_type",
                             "arguments_type", "invalid_key"),
}
_EXPECTED_BY_TYPE = {kind: text for text, kinds in _EXPECTED.items() for kind in kinds}
_DATE_KINDS = ("date_", "datetime_", "time_", "timezone_")


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
    if isinstance(value, bool):
        return "true/false"
    for kind, name in _TYPE_NAMES.items():
        if isinstance(value, kind):
            return name
    return "不支持的值"


def _shown(value: Any, depth: int = 0) -> str:
    """A value as the editor wrote it (YAML-like), never a Python repr such as ordereddict([...])."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "空"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_shown(k, depth + 1)}: {_shown(v, depth + 1)}" for k, v in value.items()) + "}" if depth < 3 else "{…}"
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        return "[" + ", ".join(_shown(v, depth + 1) for v in items) + "]" if depth < 3 else "[…]"
    if isinstance(value, (str, int, float)):
        return str(value)
    return "…"


def _short(value: Any, limit: int = 40) -> str:
    """A quoted input on one short line: a whole nested mapping would drown the message."""
    text = " ".join(_shown(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _is_time_limit(model: type[BaseModel], loc: tuple[str | int, ...]) -> bool:
    return submodel_at(model, loc) is TimeLimit


def _enum_choices(field: FieldLookup) -> str:
    found = inner_enum(field.info.annotation) if field.info else None
    return "、".join(str(m.value) for m in found) if found else ""


def _present_keys(raw: RawDocument, parent_loc: tuple[str | int, ...]) -> list[str]:
    node: Any = raw.data
    for part in parent_loc:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return []
    return [str(k) for k in node] if isinstance(node, dict) else []


def _message(model: type[BaseModel], error: dict[str, Any], field: FieldLookup, raw: RawDocument | None = None) -> str:
    kind, raw_value, ctx = error["type"], error.get("input"), error.get("ctx") or {}
    value = _short(raw_value)
    hint = field.description
    if kind == "missing":
        return f"缺少必填字段。{hint}"
    if raw_value is None and kind not in ("extra_forbidden", "none_required") and not kind.startswith("gongkai_"):
        return f"不能为空。{hint}"  # `key:` with nothing after it is an empty field, not a type puzzle
    if kind == "model_type" and _is_time_limit(model, tuple(error["loc"])) and isinstance(raw_value, (int, float, str)):
        return f"时限必须写明单位，不能只写“{value}”。请写成 {{days: {value}, unit: 工作日}} 或 {{days: {value}, unit: 自然日}}。"
    if kind == "extra_forbidden" and model is SecretPower and len(error["loc"]) == 1:
        return _secret_extra(field.key)
    if kind == "extra_forbidden":
        parent = tuple(error["loc"][:-1])
        return f"不认识的字段“{field.key}”。" + suggest(model, raw.kind if raw else "", parent, field.key, _present_keys(raw, parent) if raw else ())
    if kind in ("string_too_short", "too_short") and ctx.get("min_length", 1) <= 1:
        return f"不能为空。{hint}"
    if kind in ("string_too_short", "too_short"):
        return f"至少要写 {ctx.get('min_length')} 项。{hint}"
    if kind == "string_pattern_mismatch":
        return f"“{value}”格式不对：编号只能用小写字母 a-z、数字 0-9 和连字符 -，例如 market-regulation。"
    if kind in ("enum", "literal_error", "union_tag_invalid", "union_tag_not_found"):
        choices = _enum_choices(field)
        return f"“{value}”不是有效的取值。" + (f"可选：{choices}。" if choices else hint)
    if kind.startswith(_DATE_KINDS):
        return f"“{value}”不是有效的日期。请按 YYYY-MM-DD 填写真实存在的日期，例如 2024-03-01。"
    if kind in _EXPECTED_BY_TYPE:
        expected = _EXPECTED_BY_TYPE[kind]
        quote = ("写成纯数字的编码、电话会被当作数字（开头的 0 会丢失），请用英文双引号括起来，例如 \"000117108000\"。"
                 if expected == "文本" and isinstance(raw_value, (int, float)) and not isinstance(raw_value, bool) else "")
        return f"应填{' ' if expected[0].isascii() else ''}{expected}，现在是{_type_name(raw_value)}“{value}”。{quote}{hint}"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        bound = {"greater_than_equal": "不小于", "less_than_equal": "不大于", "greater_than": "大于", "less_than": "小于"}[kind]
        limit = next((ctx[k] for k in ("ge", "le", "gt", "lt") if k in ctx), "")
        return f"“{value}”超出范围，应{bound} {limit}。{hint}"
    if kind.startswith("gongkai_"):  # our own validators (models/base.py) already say it in Chinese
        return f"{error.get('msg')}{hint}"
    if kind in ("string_too_long", "too_long"):
        most = ctx.get("max_length")
        return f"太长了，最多 {most} 个字符。" if kind == "string_too_long" else f"太多了，最多 {most} 项。{hint}"
    if kind.startswith("url_"):
        return f"“{value}”不是有效的网址：网址只能以 http:// 或 https:// 开头。{hint}"
    return f"“{value}”不是这个字段能接受的值。{hint}"


def pydantic_diagnostic(raw: RawDocument, model: type[BaseModel], error: dict[str, Any]) -> Diagnostic:
    loc = tuple(error["loc"])
    field = lookup(model, loc)
    if error["type"] == "extra_forbidden":
        known = lookup(Power, loc) if model is SecretPower and len(loc) == 1 else None  # a public field in a secret file
        field = known if known and known.info else FieldLookup(str(loc[-1]), "未知字段", "", None, None)
    return Diagnostic(raw.shown, label=field.label, key=field.key, message=_message(model, error, field, raw), loc=loc)


def validate_document(raw: RawDocument) -> tuple[BaseModel | None, list[Diagnostic]]:
    model = model_for_document(raw)
    try:
        return model.model_validate(raw.data), []
    except ValidationError as exc:
        return None, [pydantic_diagnostic(raw, model, e) for e in exc.errors(include_url=False)]


class Validation:
    """Documents validated one at a time, as they are loaded (load_catalogue's `each`)."""

    def __init__(self) -> None:
        self.records: list[Validated] = []
        self.diagnostics: list[Diagnostic] = []

    def add(self, raw: RawDocument) -> None:
        record, problems = validate_document(raw)
        self.diagnostics += problems
        if record is not None:
            self.records.append(Validated(raw, record))


def validate_all(documents: list[RawDocument]) -> tuple[list[Validated], list[Diagnostic]]:
    validation = Validation()
    for raw in documents:
        validation.add(raw)
    return validation.records, validation.diagnostics
