"""The sample's fee bases and records against the documents they cite (the legal review of issue 19)."""

from __future__ import annotations

from generator.check import check_catalogue
from tests.conftest import ROOT

CATALOGUE = check_catalogue(ROOT / "catalogue", ROOT / "flowcharts").catalogue


def _record(record_id: str):  # noqa: ANN202
    return CATALOGUE.entries[record_id].record


def test_real_estate_fee_document_number_and_reductions() -> None:
    for fee_id in ("real-estate-registration-fee-residential", "real-estate-registration-fee-non-residential", "real-estate-certificate-fee"):
        fee = _record(fee_id)
        numbers = [d.number for d in fee.approving_documents]
        assert "发改价格规〔2016〕2559号" in numbers and not any("发改价规" in n for n in numbers), fee_id
    for fee_id in ("real-estate-registration-fee-residential", "real-estate-registration-fee-non-residential"):
        exemptions = "；".join(_record(fee_id).exemptions)
        assert "异议登记的，减半收取" in exemptions  # 2559: 更正登记、异议登记 at half rate …
        assert "更正登记、变更登记的，免收" in exemptions and "财税〔2019〕45号" in exemptions  # … 更正登记 free since 2019-07-01
        assert "更正登记、异议登记的，不收取" not in exemptions
        assert _record(fee_id).review_notes  # 45号 was read through local notices only: said so on the page


def test_garage_and_parking_space_at_80_yuan() -> None:
    fee = _record("real-estate-registration-fee-non-residential")
    garage = next(s for s in fee.standards if "车库" in s.item)
    assert garage.amount == "80 元" and "财税〔2019〕45号" in garage.note
    assert "财税〔2019〕45号" in [d.number for d in fee.approving_documents]


def test_id_card_exemption_is_article_21_for_first_and_renewed_cards_only() -> None:
    exemption = _record("id-card-fee").exemptions[0]
    assert "初次申请领取和换领" in exemption and "第二十一条第二款" in exemption and "丢失补领、损坏换领的不免收" in exemption
    collection = _record("id-card-fee-collection")
    assert collection.legal_basis[0].article == "第二十一条第一款"
    assert "丢失补领、损坏换领的不在免收范围" in collection.procedure.steps[0].description


def test_simple_penalty_record_promises_nothing_for_the_officers_hand_in() -> None:
    collect = next(s for s in _record("traffic-violation-simple-penalty").procedure.steps if s.ref == "collect")
    assert collect.promised_limit is None and "15 日内" in collect.description and "2 个工作日内交至" in collect.description


def test_named_records_take_their_limits_from_their_own_law() -> None:
    expected = {
        "food-business-licence": ("食品经营许可和备案管理办法", 10, "工作日", "受理"),
        "construction-permit": ("中华人民共和国建筑法", 7, "自然日", "收到申请"),
        "enterprise-establishment-registration": ("中华人民共和国市场主体登记管理条例", 3, "工作日", "收到申请"),
        "motor-vehicle-registration": ("中华人民共和国道路交通安全法", 5, "工作日", "受理"),
        "medical-institution-licence": ("医疗机构管理条例", 45, "自然日", "受理"),
    }
    for record_id, (title, days, unit, starts) in expected.items():
        limit = _record(record_id).statutory_limit
        assert (limit.basis.title, limit.days, limit.unit.value, limit.starts.value) == (title, days, unit, starts), record_id
        decide = next(s for s in CATALOGUE.entries[record_id].steps if s.key == "decide")
        assert decide.statutory_overridden and decide.statutory_limit.basis.title == title, record_id
