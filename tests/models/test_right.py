"""A right's deadline that counts days names the article that sets them (Right.basis); one the law leaves open does not
invent a figure, and nothing is shown as its basis."""

from __future__ import annotations

import json

import jsonschema
import pytest
from pydantic import ValidationError

from generator.editor.kinds import KINDS
from generator.editor.schema import schema_for
from generator.models.procedure import COUNTED_DEADLINE, Right

HEARING_BASIS = {"title": "中华人民共和国行政处罚法", "article": "第六十四条第（一）项、第八十五条",
                 "text": "当事人要求听证的，应当在行政机关告知后五日内提出；"}

COUNTED = ["收到《行政处罚告知书》之日起 5 个工作日内", "告知后三日内", "公示期 7 日内", "征求意见期间（30 日）",
           "自知道之日起两个月内", "收到检验结论之日起７个工作日内", "十五天内"]
OPEN = ["在《行政处罚告知书》载明的期限内提出；法律未规定具体期限", "当场提出", "收到不予许可决定时", "公示期间提出",
        "调查期间", "征收决定公告后"]


@pytest.mark.parametrize("deadline", COUNTED)
def test_a_counted_deadline_without_basis_is_refused(deadline: str) -> None:
    assert COUNTED_DEADLINE.search(deadline)
    with pytest.raises(ValidationError) as caught:
        Right(name="陈述、申辩", deadline=deadline)
    error = caught.value.errors()[0]
    assert error["type"] == "gongkai_right_basis"
    assert deadline in error["msg"] and "basis" in error["msg"] and "法律未规定具体期限" in error["msg"]


@pytest.mark.parametrize("deadline", OPEN)
def test_a_deadline_that_counts_nothing_needs_no_basis(deadline: str) -> None:
    assert not COUNTED_DEADLINE.search(deadline)
    right = Right(name="陈述、申辩", deadline=deadline)
    assert right.basis is None and right.basis_text() == ""  # no default stands in for an absent basis


def test_a_counted_deadline_with_its_basis_names_the_article() -> None:
    right = Right(name="申请听证", deadline="行政机关告知后 5 个工作日内提出", basis=HEARING_BASIS)
    assert right.basis_text() == "依据《中华人民共和国行政处罚法》第六十四条第（一）项、第八十五条"


def test_the_editor_schema_flags_what_the_model_refuses() -> None:
    """schema/*.json carries the same rule, so VS Code and the form editor flag a figure without its basis."""
    schema = schema_for(KINDS["power"])
    right_schema = {**schema["$defs"]["Right"], "$defs": schema["$defs"]}
    validator = jsonschema.Draft202012Validator(json.loads(json.dumps(right_schema)))
    for deadline in COUNTED:
        assert not validator.is_valid({"name": "陈述、申辩", "deadline": deadline}), deadline
        assert validator.is_valid({"name": "陈述、申辩", "deadline": deadline, "basis": HEARING_BASIS}), deadline
    for deadline in OPEN:
        assert validator.is_valid({"name": "陈述、申辩", "deadline": deadline}), deadline
