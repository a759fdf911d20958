"""The sample's fee bases and records against the documents they cite (the legal review of issue 19)."""

from __future__ import annotations

import re

from generator.check import check_catalogue
from generator.models.procedure import COUNTED_DEADLINE
from generator.remedies import DEFAULT_REMEDIES, remedies_of
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
        "motor-vehicle-registration": ("机动车登记规定", 2, "工作日", "受理"),  # 第十二条第三款, within the Act's five
        "medical-institution-licence": ("医疗机构管理条例", 45, "自然日", "受理"),
    }
    for record_id, (title, days, unit, starts) in expected.items():
        limit = _record(record_id).statutory_limit
        assert (limit.basis.title, limit.days, limit.unit.value, limit.starts.value) == (title, days, unit, starts), record_id
        decide = next(s for s in CATALOGUE.entries[record_id].steps if s.key == "decide")
        assert decide.statutory_overridden and decide.statutory_limit.basis.title == title, record_id


def test_records_without_a_template_take_their_limit_from_their_own_law() -> None:
    expected = {
        "vehicle-plate-replacement": ("机动车登记规定", "第五十一条第二款", 15, "工作日", "受理"),  # 十五日 are 工作日, 第九十二条
        "medical-dispute-mediation": ("医疗纠纷预防和处理条例", "第四十条第三款", 30, "工作日", "受理"),
    }
    for record_id, (title, article, days, unit, starts) in expected.items():
        limit = _record(record_id).statutory_limit
        assert (limit.basis.title, limit.basis.article, limit.days, limit.unit.value, limit.starts.value) == (
            title, article, days, unit, starts), record_id
        assert f"{days}个工作日" in limit.basis.text or "十五日" in limit.basis.text, record_id


_NUMERALS = {"十五": 15, "三十": 30, "六十": 60}
_SUIT = re.compile(r"自(接到处理决定通知|收到[^，。；]+?)之日起(十五|三十|六十)日内，?向人民法院(?:起诉|提起诉讼)")


def test_a_law_s_own_suit_period_reaches_the_remedies() -> None:
    """行政诉讼法第四十六条: six months 'unless a law provides otherwise'. Where the law a record cites gives its own
    period for a suit, the reader must be told that period, not the general six months."""
    checked = 0
    for record_id, entry in CATALOGUE.entries.items():
        for basis in getattr(entry.record, "legal_basis", []):
            for event, numeral in _SUIT.findall(basis.text):
                checked += 1
                remedies = remedies_of(entry)
                own = f"自{event}之日起 {_NUMERALS[numeral]} 日内"
                assert any(own in r.deadline for r in remedies), (record_id, own)
                direct = [r for r in remedies if "提起行政诉讼" in r.name and r.applies_when is None]
                assert not any("6 个月" in r.deadline for r in direct), record_id
    assert checked  # the sample has such a law (土地管理法第十四条): the rule is not vacuous


def test_record_remedies_replace_the_template_and_the_general_ones() -> None:
    land = CATALOGUE.entries["land-dispute-ruling"]
    assert land.template is None and remedies_of(land) == tuple(land.record.procedure.remedies)
    assert remedies_of(land) != DEFAULT_REMEDIES
    first = [r for r in remedies_of(land) if r.first]
    assert len(first) == 1 and "第二十三条第一款第（二）项" in first[0].article and first[0].applies_when
    assert land.record.review_notes  # which rulings 第二十三条 reaches is not settled by the law: said on the page
    wage = CATALOGUE.entries["wage-payment-order"]  # no template, no own remedies: the general ones
    assert not wage.record.procedure.remedies and remedies_of(wage) == DEFAULT_REMEDIES
    price = CATALOGUE.entries["price-tag-penalty"]  # a template's remedies
    assert remedies_of(price) == tuple(price.template.remedies)


def test_destitute_support_says_why_it_borrows_the_minimum_allowance_procedure() -> None:
    record = _record("destitute-support")
    assert any(b.article == "第十六条" and "适用本办法第十一条" in b.text for b in record.legal_basis)
    pay = next(s for s in CATALOGUE.entries["destitute-support"].steps if s.key == "pay")
    assert pay.statutory_limit.basis.article == "第十二条第一款" and "最低生活保障金" in pay.statutory_limit.basis.text
    assert any("第十二条第一款" in note and "不是特困人员供养" in note for note in record.review_notes)


def test_construction_permit_threshold_is_the_exemption_as_written() -> None:
    record = _record("construction-permit")
    rule = next(b for b in record.legal_basis if b.title == "建筑工程施工许可管理办法")
    assert rule.article == "第二条第二款" and "30万元以下或者建筑面积在300平方米以下" in rule.text
    assert "30 万元以下或者建筑面积在 300 平方米以下" in record.service_object
    assert "30 万元以上或者" not in record.service_object  # a 50万元, 200 m² works needs no permit


def test_traffic_rules_name_the_officer_and_the_working_days_the_rule_names() -> None:
    """道路交通安全违法行为处理程序规定: 第二十五条第二款 (report to the 交通管理部门负责人 within 24 hours) and
    第四十四条第二款 (简易程序 decisions filed within 二日, 工作日 by 第八十一条)."""
    detention = _record("vehicle-detention")
    approve = next(s for s in detention.procedure.steps if s.ref == "approve")
    assert approve.post == "交通管理大队负责人" and "第二十五条第二款" in approve.description
    assert "中队" not in "".join(p.name for p in detention.posts)
    file = next(s for s in CATALOGUE.entries["traffic-violation-simple-penalty"].steps if s.key == "file")
    limit = file.statutory_limit
    assert (limit.days, limit.unit.value, limit.basis.article) == (2, "工作日", "第四十四条第二款") and "二日内" in limit.basis.text


def test_every_remedy_on_a_sample_page_follows_the_2023_review_law() -> None:
    """行政复议法 was renumbered in 2023: the 60-day period is 第二十条 (was 第九条), 复议前置 for natural resources is
    第二十三条第一款第（二）项 (was 第三十条); a page citing the old numbers, or another period, misleads the reader."""
    seen = 0
    for record_id, entry in CATALOGUE.entries.items():
        for remedy in remedies_of(entry):
            seen += 1
            article = remedy.article or ""
            for old in ("行政复议法》第九条", "行政复议法》第三十条"):
                assert old not in article, (record_id, article)
            if "行政复议" in remedy.name and "行政复议法》第二十条" in article:
                assert "60 日" in remedy.deadline, (record_id, remedy.deadline)
            if remedy.first:
                assert "第二十三条第一款" in article, (record_id, article)
            if "行政诉讼法》第四十六条" in article:
                assert "6 个月" in remedy.deadline, (record_id, remedy.deadline)
    assert seen > 50


def test_medical_institution_licence_cites_the_2022_numbering() -> None:
    """国务院令第752号 deleted 医疗机构管理条例 第十四条: the 诊所备案 text is 第十四条 and the 45 days 第十八条."""
    record = _record("medical-institution-licence")
    basis = record.legal_basis[0]
    assert basis.article == "第十四条" and "诊所按照国务院卫生行政部门的规定" in basis.text
    assert record.statutory_limit.basis.article == "第十八条" and "45日内" in record.statutory_limit.basis.text
    assert any("国务院令第752号" in note for note in record.review_notes)


# 行政处罚法 第四十四条、第四十五条 and 行政许可法 第三十六条 give 陈述、申辩 without a period; a figure there is invented.
_PENALTY_HEARING = "当事人要求听证的，应当在行政机关告知后五日内提出"  # 行政处罚法 第六十四条第（一）项
_WORKING_DAYS = "本法中“二日”“三日”“五日”“七日”的规定是指工作日，不含法定节假日"  # 行政处罚法 第八十五条
_LICENSING_HEARING = "在被告知听证权利之日起五日内提出听证申请"  # 行政许可法 第四十七条第一款


def _all_rights():  # noqa: ANN202
    for record_id, entry in CATALOGUE.entries.items():
        for step in entry.steps:
            for right in step.rights:
                yield record_id, entry, right
        for right in getattr(entry.record, "rights", []):
            yield record_id, entry, right


def test_statement_and_defence_state_no_invented_period() -> None:
    seen = 0
    for record_id, entry, right in _all_rights():
        if right.name == "陈述、申辩":
            seen += 1
            assert right.basis is None and not COUNTED_DEADLINE.search(right.deadline or ""), (record_id, right.deadline)
    assert seen >= 20


def test_penalty_hearing_is_five_working_days_from_notice() -> None:
    seen = set()
    for record_id, entry, right in _all_rights():
        if right.name == "申请听证" and entry.template and entry.template.law == "中华人民共和国行政处罚法":
            seen.add(record_id)
            assert right.deadline == "行政机关告知后 5 个工作日内提出", (record_id, right.deadline)
            assert right.basis.title == "中华人民共和国行政处罚法", record_id
            assert right.basis.article == "第六十四条第（一）项、第八十五条", record_id
            assert _PENALTY_HEARING in right.basis.text and _WORKING_DAYS in right.basis.text, record_id
    assert len(seen) >= 8  # every sample penalty on the general procedure


def test_licensing_hearing_is_five_days_from_being_told_as_article_47_words_it() -> None:
    """第八十二条 makes working days of the 行政机关's own periods (“本法规定的行政机关实施行政许可的期限”); the
    applicant's five days are not called working days here, so the page says 5 日 as the article does."""
    seen = set()
    for record_id, entry, right in _all_rights():
        if right.name == "申请听证" and entry.template and entry.template.law == "中华人民共和国行政许可法":
            seen.add(record_id)
            assert right.deadline == "被告知听证权利之日起 5 日内提出", (record_id, right.deadline)
            assert (right.basis.title, right.basis.article) == ("中华人民共和国行政许可法", "第四十七条第一款"), record_id
            assert _LICENSING_HEARING in right.basis.text, record_id
    assert seen == {"eia-report-form-approval", "construction-planning-permit"}


def test_other_right_periods_quote_their_article() -> None:
    expected = {
        ("food-safety-inspection", "对检验结论申请复检"): ("中华人民共和国食品安全法", "第八十八条第一款", "自收到检验结论之日起七个工作日内"),
        ("house-expropriation", "对补偿方案提出意见"): ("国有土地上房屋征收与补偿条例", "第十条第二款", "征求意见期限不得少于30日"),
        ("staff-annual-appraisal", "申请复核"): ("中华人民共和国公务员法", "第九十五条第一款第（四）项", "自知道该人事处理之日起三十日内"),
    }
    for (record_id, name), (title, article, words) in expected.items():
        right = next(r for r in _record(record_id).rights if r.name == name)
        assert (right.basis.title, right.basis.article) == (title, article) and words in right.basis.text, record_id
    assert any("第九十五条" in note for note in _record("staff-annual-appraisal").review_notes)  # number not matched to the text


def test_periods_whose_source_was_not_found_are_said_to_be_unverified() -> None:
    for record_id in ("unpermitted-construction-penalty", "social-insurance-registration-penalty", "price-tag-penalty",
                      "unlicensed-food-business-penalty", "illegal-land-occupation-penalty", "drunk-driving-penalty",
                      "air-pollution-penalty", "unlicensed-medical-practice-penalty", "illegal-burial-rectification-order",
                      "production-restriction-order", "overdue-fine-surcharge"):
        assert any(note.startswith("陈述、申辩") and "未能核实" in note for note in _record(record_id).review_notes), record_id
    for record_id in ("minimum-living-allowance", "destitute-support"):  # the county's own seven days, said to be its own
        right = next(r for r in _record(record_id).rights if r.name == "对公示提出异议")
        assert right.basis is None and "本单位确定" in right.description and not COUNTED_DEADLINE.search(right.deadline)


def test_plate_fee_and_marriage_registration_say_what_was_and_was_not_verified() -> None:
    plate = _record("vehicle-plate-fee")
    assert plate.standards[0].amount == "100 元" and "发改价格〔2004〕2831号" in [d.number for d in plate.approving_documents]
    assert any("100 元" in note and "未能" in note for note in plate.review_notes)  # current standard not confirmed
    marriage = _record("marriage-registration")  # 国务院令第804号, 2025-04-06, in force 2025-05-10: 身份证 and a signed statement
    assert "国务院令第 804 号" in marriage.change_note and "2025 年 5 月 10 日起施行" in marriage.change_note
    assert not any("户口" in m.name for m in marriage.materials)
