"""Stage 2, validate: pydantic errors become one plain Chinese diagnostic each, with the field's label."""

from __future__ import annotations

import collections
import datetime
import decimal
import re
import typing

import pytest

from generator.validate import validate_all, validate_document
from tests.helpers import DEPARTMENT, power, raw, service


def _problems(data: dict, kind: str = "powers") -> list[tuple[tuple, str]]:
    record, problems = validate_document(raw(data, kind))
    assert record is None
    return [(d.loc, f"{d.subject()}{d.message}") for d in problems]


def test_good_records_validate() -> None:
    records, problems = validate_all([raw(DEPARTMENT, "department"), raw(power()), raw(service(), "services")])
    assert problems == [] and len(records) == 3


def test_missing_field_names_the_field() -> None:
    data = power()
    del data["name"]
    assert _problems(data) == [(("name",), "职权名称 (name): 缺少必填字段。职权的规范名称，与权力清单一致。")]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"name": "  "}, "职权名称 (name): 不能为空。职权的规范名称，与权力清单一致。"),
        ({"name": None}, "职权名称 (name): 不能为空。职权的规范名称，与权力清单一致。"),
        ({"category": "行政许可证"}, "职权类别 (category): “行政许可证”不是有效的取值。可选：行政许可、行政处罚、行政强制、行政征收、行政裁决、行政确认、行政给付、行政检查、非行政许可审批、行政奖励、其他行政执法权、行政事业性收费、重大事项决策、内部管理、其他。"),
        ({"changed_on": "2025-13-01"}, "变更日期 (changed_on): “2025-13-01”不是有效的日期。请按 YYYY-MM-DD 填写真实存在的日期，例如 2024-03-01。"),
        ({"secret": "yes"}, "涉密不公开 (secret): 应填 true 或 false，现在是文本“yes”。true 表示本职权涉密不公开，只在不公开事项目录列出名称、理由和依据；此时文件中只能填写《字段说明》“涉密职权”一节的字段。"),
        ({"statutory_limit": 20}, "法定时限 (statutory_limit): 时限必须写明单位，不能只写“20”。请写成 {days: 20, unit: 工作日} 或 {days: 20, unit: 自然日}。"),
        ({"statutory_limit": {"days": 20, "unit": "天"}}, "单位 (unit): “天”不是有效的取值。可选：工作日、自然日。"),
        ({"statutory_limit": {"days": -1, "unit": "工作日"}}, "天数 (days): “-1”超出范围，应不小于 0。时限的天数，填写整数；当场办结填 0。不是天数的时限不填，写在“时限表述”中。"),
        ({"id": "Bad Id"}, "编号 (id): “Bad Id”格式不对：编号只能用小写字母 a-z、数字 0-9 和连字符 -，例如 market-regulation。"),
        ({"职权名称": "x"}, "未知字段 (职权名称): 不认识的字段“职权名称”。您是不是想写“name”（职权名称）？"),
        ({"conditions": "x" * 200}, "受理条件 (conditions): 应填列表（每项以“- ”开头），现在是文本“" + "x" * 39 + "…”。申请人需要满足的条件，或行使职权的条件。"),
    ],
    ids=["blank", "null", "enum", "date", "bool", "bare-limit", "unit", "range", "id", "chinese-key", "long-value"],
)
def test_messages(fields: dict, expected: str) -> None:
    problems = _problems(power(**fields))
    assert [m for _, m in problems] == [expected]


def test_nested_location_is_kept_for_positions() -> None:
    basis = [{"title": "法", "level": "法律", "text": "原文"}]
    assert _problems(power(legal_basis=basis))[0][0] == ("legal_basis", 0, "article")


def test_every_error_is_reported_not_only_the_first() -> None:
    assert len(_problems(power(name="", category="x", changed_on="2025-02-30"))) == 3


# Issue 21 item 8: no English pydantic message or Python type name ever reaches an editor.
PYTHON_NAMES = re.compile(r"\b(ordereddict|OrderedDict|CommentedMap|frozenset|set|bytes|bytearray|dict|list|tuple|NoneType|None|"
                          r"datetime|Decimal|int|str|float|bool|object|Input|should|Value|error|valid|further)\b")


def _odd_values() -> list:
    return [collections.OrderedDict(a=1), {"b", "a"}, frozenset({1}), b"\x01\x02", (1, 2), 3.5, -7, 10**30, True, None, "",
            "x" * 500, {"k": [1, {"n": None}]}, ["a", ["b"]], datetime.date(2024, 1, 1), decimal.Decimal("1.5"), object()]


def _nested(path: tuple[str, ...], rows: dict[tuple[str, ...], object], value: object) -> object:
    """A document with `value` at `path`, list fields on the way wrapped in one-item lists."""
    node: object = value
    for depth in range(len(path) - 1, 0, -1):
        node = {path[depth]: node}
        if typing.get_origin(rows[path[:depth]]) is list or "list[" in str(rows[path[:depth]]):
            node = [node]
    return node


@pytest.mark.parametrize("kind", ["powers", "services", "fees", "department"])
def test_every_field_with_odd_values_gets_chinese_messages(kind: str) -> None:
    from generator.editor.kinds import walk
    from generator.validate import model_for

    model = model_for(kind)
    rows = {row.path: row.info.annotation for row in walk(model)}
    base = {"powers": power(), "services": service(), "department": dict(DEPARTMENT)}.get(kind, {"id": "f", "department": "demo"})
    seen = 0
    for path in rows:
        for value in _odd_values():
            data = dict(base)
            data[path[0]] = _nested(path, rows, value)
            _, problems = validate_document(raw(data, kind))
            for d in problems:
                seen += 1
                assert not PYTHON_NAMES.search(d.message), (path, value, d.message)
                assert re.search(r"[\u4e00-\u9fff]", d.message), (path, value, d.message)
    assert seen > 100


def test_every_pydantic_error_type_has_a_chinese_message() -> None:
    from pydantic_core.core_schema import ErrorType

    from generator.fieldinfo import lookup
    from generator.models import Power
    from generator.validate import _message

    document = raw(power())
    for kind in typing.get_args(ErrorType):
        for value in _odd_values():
            error = {"type": kind, "loc": ("materials", 0, "copies"), "input": value, "msg": "Input should be a valid thing",
                     "ctx": {"expected": "'a' or 'b'", "min_length": 2, "max_length": 3, "ge": 0, "le": 9, "gt": 0, "lt": 9, "error": "bad"}}
            message = _message(Power, error, lookup(Power, error["loc"]), document)
            assert not PYTHON_NAMES.search(message), (kind, value, message)
            assert re.search(r"[\u4e00-\u9fff]", message), (kind, message)
