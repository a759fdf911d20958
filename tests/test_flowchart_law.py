"""The statutory templates (flowcharts/) against their law: every step cites and quotes its article, every
statutory limit is tied to the article that sets it (figure, unit and counting rule), and the citation defects
found in the legal review stay fixed."""

from __future__ import annotations

import re

import pytest

from generator.models.common import DayUnit, LimitStart
from generator.templates import load_templates
from tests.conftest import ROOT

TEMPLATES, PROBLEMS = load_templates(ROOT / "flowcharts")
NUMERALS = {1: "一", 2: "二", 3: "三", 4: "四", 5: "五", 6: "六", 7: "七", 8: "八", 9: "九", 10: "十", 15: "十五", 20: "二十",
            30: "三十", 45: "四十五", 60: "六十", 90: "九十"}


EVENT_WORDS = {LimitStart.RECEIVED: ("收到",), LimitStart.ACCEPTED: ("受理",), LimitStart.FILED: ("立案",),
               LimitStart.DECIDED: ("决定", "形成"), LimitStart.DELIVERED: ("送达", "收到")}


def working_days_by_law(title: str, days: int, text: str) -> bool | None:
    """The unit the law itself prescribes for a period of `days` (None: the law has no general rule)."""
    if title == "中华人民共和国行政许可法":
        return True  # 第八十二条: every period of this law is in working days
    if title == "中华人民共和国行政处罚法":
        return days in (2, 3, 5, 7)  # 第八十五条
    if title == "中华人民共和国行政强制法":
        return days <= 10  # 第六十九条
    return "工作日" in text or None


def _limits():
    for template in TEMPLATES.values():
        for step in template.steps:
            if step.statutory_limit is not None:
                yield pytest.param(template.id, step, id=f"{template.id}-{step.id}")


def test_every_template_loads() -> None:
    assert PROBLEMS == []
    assert len(TEMPLATES) == 10


@pytest.mark.parametrize("template_id", sorted(TEMPLATES))
def test_every_step_cites_and_quotes_its_article(template_id: str) -> None:
    for step in TEMPLATES[template_id].steps:
        assert re.search(r"第[一二三四五六七八九十百]+条|〔\d{4}〕\d+号", step.article), (step.id, step.article)
        assert step.quote.strip(), step.id


@pytest.mark.parametrize(("template_id", "step"), list(_limits()))
def test_every_statutory_limit_is_tied_to_its_article(template_id: str, step) -> None:  # noqa: ANN001
    limit = step.statutory_limit
    basis = limit.basis
    assert basis is not None, f"{template_id}/{step.id}: a statutory limit without its article"
    assert basis.title in step.article or basis.title.removeprefix("中华人民共和国") in step.article, (step.article, basis.title)
    number = re.match(r"第[一二三四五六七八九十百]+条", basis.article)
    assert number and number.group(0) in step.article, (step.id, basis.article, step.article)  # the step cites the limit's article
    if not limit.counted:
        return
    figure = NUMERALS.get(limit.days, "")
    assert f"{limit.days}" in basis.text or f"{figure}日" in basis.text, (step.id, limit.days, basis.text)
    working = working_days_by_law(basis.title, limit.days, basis.text)
    if working is not None:
        assert (limit.unit is DayUnit.WORKING) is working, (step.id, limit.unit)
    if limit.starts is not None:  # the starting point is the event the article counts from, in its own words
        assert any(word in basis.text for word in EVENT_WORDS[limit.starts]), (step.id, limit.starts, basis.text)


def _step(template_id: str, step_id: str):  # noqa: ANN202
    return next(s for s in TEMPLATES[template_id].steps if s.id == step_id)


def test_enforcement_hearing_quotes_article_36_as_it_is() -> None:
    review = _step("coercive-enforcement", "review")
    assert review.quote.startswith("当事人收到催告书后有权进行陈述和申辩。")
    assert "不得因" not in review.quote  # that sentence is 行政处罚法 第四十五条, not 行政强制法 第三十六条
    right = _step("coercive-enforcement", "remind").rights[0]
    assert "加重" not in (right.description or "") and "更重" not in (right.description or "")


@pytest.mark.parametrize(("template_id", "step_id"), [("penalty-general", "investigate"), ("inspection", "handle")])
def test_preservation_of_evidence_is_penalty_law_article_56(template_id: str, step_id: str) -> None:
    branch = next(b for b in _step(template_id, step_id).branches if "证据可能灭失" in b.condition)
    assert branch.article == "《中华人民共和国行政处罚法》第五十六条"
    assert "先行登记保存" in branch.outcome and "七日内（工作日，第八十五条）" in branch.outcome
    assert "行政强制法" not in branch.outcome


def test_two_officers_rule_cites_article_42() -> None:
    for template in TEMPLATES.values():
        for step in template.steps:
            said = f"{step.actor or ''}{step.description or ''}"
            if "不得少于两人" in said or "不少于两人" in said:
                if template.law == "中华人民共和国行政处罚法" or "行政处罚法" in step.article:
                    assert "第四十二条" in step.article, (template.id, step.id)


def test_free_hearing_is_article_63_paragraph_2() -> None:
    hearing = _step("penalty-general", "hearing")
    right = hearing.rights[0]
    assert "当事人不承担行政机关组织听证的费用（第六十三条第二款）" in (right.description or "")
    assert "当事人不承担行政机关组织听证的费用。" in hearing.quote
    assert hearing.statutory_limit is None  # the 5 days are the party's, stated with the right
    assert "5 个工作日" in (right.deadline or "")


def test_simple_procedure_payment_and_hand_in_times() -> None:
    collect = _step("penalty-simple", "collect")
    limit = collect.statutory_limit
    assert (limit.days, limit.unit, limit.starts.value) == (15, DayUnit.CALENDAR, "送达")
    assert limit.basis.article == "第六十七条第三款"
    branch = collect.branches[0]
    assert "第七十条" in branch.outcome and "第七十一条" in branch.outcome and "二日内（工作日" in branch.outcome
    assert all(s.statutory_limit is None or s.statutory_limit.days != 2 for s in TEMPLATES["penalty-simple"].steps)


@pytest.mark.parametrize("template_id", sorted(TEMPLATES))
def test_review_deadline_is_2023_article_20(template_id: str) -> None:
    reviews = [r for r in TEMPLATES[template_id].remedies if "行政复议" in r.name]
    assert reviews, template_id
    for remedy in reviews:
        assert "知道或者应当知道" in remedy.deadline and "第二十条" in (remedy.article or ""), remedy
    after_review = [r for r in TEMPLATES[template_id].remedies if "第四十五条" in (r.article or "")]
    assert after_review and "15 日" in after_review[0].deadline


@pytest.mark.parametrize(("template_id", "item"), [("penalty-simple", "第（一）项"), ("information-request", "第（四）项")])
def test_review_comes_first_where_article_23_requires(template_id: str, item: str) -> None:
    remedies = TEMPLATES[template_id].remedies
    first = [r for r in remedies if r.first]
    assert len(first) == 1 and f"第二十三条第一款{item}" in first[0].article
    if template_id == "penalty-simple":  # every decision of this procedure is made on the spot: no direct suit
        assert not any("6 个月" in r.deadline for r in remedies)


def test_benefit_says_information_verification() -> None:
    step = _step("benefit", "investigate")
    assert "信息核查" in step.quote and "信息核查" in step.description and "信息查询" not in step.description


def test_coercive_measure_keeps_sealing_apart_from_closing() -> None:
    steps = {s.id: s for s in TEMPLATES["coercive-measure"].steps}
    assert "查封、扣押" in steps["decide"].name and "只适用于查封、扣押" in steps["hold"].statutory_limit.note
    other = next(b for b in steps["approve"].branches if "封闭、封存" in b.condition)
    assert "第九条" in other.article and "只适用于查封" in other.outcome
