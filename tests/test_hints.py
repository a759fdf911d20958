"""“Did you mean” (issue 21 item 8): a suggestion names only a key of the same record part, close in spelling or
meaning; with no such key the editor gets the list of that part's fields, never a wrong guess."""

from __future__ import annotations

import re

import pytest

from generator.hints import SYNONYMS, suggest
from generator.models import RECORD_KINDS, Department
from generator.validate import validate_document
from tests.helpers import DEPARTMENT, power, raw, service

ROOTS = {"department": Department, **RECORD_KINDS}
SUGGESTED = re.compile(r"“([a-z_]+)”（")


def _unknown_key_message(kind: str, key: str) -> str:
    data = {"powers": power(), "services": service(), "department": dict(DEPARTMENT)}.get(kind) or {
        "id": "f", "name": "费", "department": "demo", "fee_type": "行政事业性收费", "standards": [{"item": "x", "amount": "1 元"}],
        "approving_documents": [{"title": "t", "number": "n", "issuer": "i"}], "payer": "p", "changed_on": "2025-01-01", "change_note": "c"}
    data[key] = "x"
    _, problems = validate_document(raw(data, kind))
    found = [d.message for d in problems if d.key == key]
    assert len(found) == 1, problems
    return found[0]


def _suggested(message: str) -> list[str]:
    head = message.split("这里可以用的字段")[0]  # the field list names every field; only a guess before it counts
    return SUGGESTED.findall(head)


HINT_CASES = sorted((kind, key) for kind, model in ROOTS.items() for key in SYNONYMS if key not in model.model_fields)
OTHER_KIND_KEYS = sorted({(kind, key) for kind, model in ROOTS.items() for other in ROOTS.values()
                          for key in other.model_fields if key not in model.model_fields})


@pytest.mark.parametrize(("kind", "key"), HINT_CASES, ids=[f"{k}-{key}" for k, key in HINT_CASES])
def test_each_hint_suggests_only_keys_of_its_own_kind(kind: str, key: str) -> None:
    message = _unknown_key_message(kind, key)
    assert all(s in ROOTS[kind].model_fields for s in _suggested(message)), message
    assert _suggested(message) or "这里可以用的字段：" in message, message


@pytest.mark.parametrize(("kind", "key"), OTHER_KIND_KEYS, ids=[f"{k}-{key}" for k, key in OTHER_KIND_KEYS])
def test_a_key_of_another_kind_is_never_suggested_across(kind: str, key: str) -> None:
    message = _unknown_key_message(kind, key)
    assert all(s in ROOTS[kind].model_fields for s in _suggested(message)), message


@pytest.mark.parametrize(
    ("kind", "key", "expected"),
    [
        ("fees", "legal_basis", ["approving_documents"]),  # a fee's legal basis is its approving documents
        ("fees", "quantity_limit", []),  # once suggested statutory_limit, a field fees do not have
        ("powers", "fee_type", []),  # a fee basis's field: named as such, not guessed
        ("powers", "promise_limit", ["promised_limit"]),  # a typo
        ("services", "material", ["materials"]),
        ("powers", "承诺时限", ["promised_limit"]),  # the Chinese label itself
        ("services", "收费", ["charged", "fee_bases", "fee_conditions"]),  # labels that contain the word
        ("department", "phone", ["contact"]),
    ],
)
def test_known_cases(kind: str, key: str, expected: list[str]) -> None:
    message = _unknown_key_message(kind, key)
    assert _suggested(message) == expected, message


def test_no_near_key_lists_the_fields_not_yet_written() -> None:
    message = _unknown_key_message("fees", "quantity_limit")
    assert "这里可以用的字段：" in message and "exemptions（减免政策）" in message
    assert "payer（" not in message  # already in the record
    assert "statutory_limit" not in message


def test_a_key_of_another_kind_says_whose_it_is() -> None:
    assert "“fee_type”是收费依据的字段，行政职权没有这个字段。" in _unknown_key_message("powers", "fee_type")


def test_nested_unknown_key_gets_its_own_part() -> None:
    data = power(materials=[{"name": "申请书", "copy": 2}])
    _, problems = validate_document(raw(data))
    message = problems[0].message
    assert _suggested(message) == ["copies"], message


def test_suggest_without_a_holder_is_plain() -> None:
    assert suggest(RECORD_KINDS["powers"], "powers", ("nope",), "x") == "请删除或改正这个字段。"
