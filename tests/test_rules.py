"""Stage 3, rules: checks on one record that its schema cannot express."""

from __future__ import annotations

import pytest

from generator.diagnostics import Severity
from generator.rules import VAGUE_MATERIAL, record_rules
from tests.helpers import BASIS, power, secret_power, service, validated


@pytest.mark.parametrize("name", ["其他材料", "其它材料", "相关材料", "有关证明材料", "其他", "申请人认为需要提交的其他材料"])
def test_vague_materials(name: str) -> None:
    assert VAGUE_MATERIAL.search(name)


@pytest.mark.parametrize("name", ["营业执照", "居民身份证", "其他股东的身份证明", "材料清单"])
def test_specific_materials(name: str) -> None:
    assert not VAGUE_MATERIAL.search(name)


def _found(data: dict, kind: str = "powers") -> list[tuple[str, Severity, tuple]]:
    return [(d.key, d.severity, d.loc) for d in record_rules(validated(data, kind))]


def test_good_power_has_no_problem() -> None:
    assert _found(power()) == []


def test_disclosed_power_needs_legal_basis() -> None:
    assert _found(power(legal_basis=[])) == [("legal_basis", Severity.ERROR, ("legal_basis",))]


def test_secret_power_is_its_own_model_without_public_rules() -> None:
    assert _found(secret_power()) == []  # no legal basis, no supervision: nothing public to check


def test_secret_power_allows_only_what_may_be_published() -> None:
    """An allow-list: every key outside SecretPower is an error naming the field, also keys no model knows yet."""
    from generator.validate import validate_document
    from tests.helpers import raw

    data = secret_power(legal_basis=BASIS, office="涉密科室", change_note="调整", future_field="x")
    record, problems = validate_document(raw(data))
    assert record is None
    assert sorted(p.key for p in problems) == ["change_note", "future_field", "legal_basis", "office"]
    by_key = {p.key: p for p in problems}
    assert by_key["legal_basis"].label == "实施依据" and "涉密不公开的职权不能填写“实施依据”（legal_basis）" in by_key["legal_basis"].message
    assert "涉密不公开的职权不能填写“future_field”" in by_key["future_field"].message
    assert all("代码仓库是公开的" in p.message for p in problems)
    missing, problems = validate_document(raw(secret_power(secrecy=None)))
    assert missing is None and [p.key for p in problems] == ["secrecy"]


def test_charged_without_fee_basis_points_at_charged() -> None:
    assert _found(service(charged=True), "services") == [("fee_bases", Severity.ERROR, ("charged",))]
    assert _found(service(fee_bases=["f"]), "services") == [("charged", Severity.ERROR, ("charged",))]


def test_step_rules() -> None:
    steps = [{"name": "受理", "post": "窗口"}, {"name": "审核"}, {"post": "岗"}]
    assert _found(power(procedure={"steps": steps})) == [
        ("steps", Severity.WARNING, ("procedure", "steps", 1)),
        ("name", Severity.ERROR, ("procedure", "steps", 2, "name")),
    ]


def test_vague_material_is_a_warning_at_the_material() -> None:
    data = service(materials=[{"name": "身份证"}, {"name": "其他材料"}])
    assert _found(data, "services") == [("name", Severity.WARNING, ("materials", 1, "name"))]


def test_fee_validity_dates() -> None:
    fee = {"id": "f", "name": "工本费", "department": "demo", "fee_type": "行政事业性收费",
           "standards": [{"item": "证", "amount": "10 元"}],
           "approving_documents": [{"title": "通知", "number": "1号", "issuer": "省发改委"}],
           "payer": "申请人", "valid_from": "2025-01-01", "valid_until": "2024-01-01",
           "changed_on": "2025-01-01", "change_note": "首次制定"}
    assert _found(fee, "fees") == [("valid_until", Severity.ERROR, ("valid_until",))]
