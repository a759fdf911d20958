"""Issue 21 "must show" on the built sample: no page states 无需提交材料, 不收费 or 原件, 1 份 unless its record says
so; ex-officio pages carry no application section; penalty pages show the penalty range."""

from __future__ import annotations

from typing import Any

import pytest

from generator.catalogue import Catalogue, Entry
from generator.check import check_catalogue
from generator.models import Category, Power
from generator.models.charging import ChargeStatus, charge_status
from tests.pagetext import page_of, unsupported

pytestmark = pytest.mark.e2e


def _zero_day_limit(value: Any) -> bool:
    if isinstance(value, dict):
        return value.get("days") == 0 or any(_zero_day_limit(v) for v in value.values())
    return isinstance(value, list) and any(_zero_day_limit(v) for v in value)


def stated(entry: Entry) -> dict[str, bool]:
    """Which default-looking phrases the record itself states through a field."""
    record = entry.record
    materials = getattr(record, "materials", None)
    return {
        "无需提交材料": materials == [],
        "不收费": charge_status(record) in (ChargeStatus.FREE, ChargeStatus.FREE_EXCEPT),
        "1 份": any(m.copies == 1 for m in materials or ()),
        "必需": any(m.required for m in materials or ()),
        "无减免政策": getattr(record, "exemptions", None) == [],
        "当场办结": _zero_day_limit(record.model_dump(mode="json")) or any(s.promised_limit and s.promised_limit.days == 0 for s in entry.steps),
    }


def sources(root, entry: Entry, catalogue: Catalogue, flowcharts=None) -> str:
    """Every file whose words the page may repeat: the record, its department, its fee bases and its template."""
    files = [root / entry.source, root / "catalogue" / entry.department.id / "department.yaml"]
    files += [root / fee.source for fee in catalogue.fees_of(entry)]
    files += [root / u.source for u in catalogue.fee_users.get(entry.id, [])]
    if entry.template:
        files.append((flowcharts or root / "flowcharts") / f"{entry.template.id}.yaml")
    return "\n".join(f.read_text(encoding="utf-8") for f in files if f.is_file())


@pytest.fixture(scope="module")
def sample(sample_site):
    return check_catalogue(sample_site.catalogue, sample_site.flowcharts).catalogue


def test_no_page_states_a_default_the_record_does_not(sample_site, sample) -> None:
    root = sample_site.catalogue.parent
    problems = {}
    for entry in sample.public():
        found = unsupported(page_of(sample_site.out, entry.url), sources(root, entry, sample), stated(entry))
        if found:
            problems[entry.id] = found
    assert problems == {}


def test_ex_officio_pages_have_no_application_and_penalties_show_their_range(sample_site, sample) -> None:
    ex_officio = [e for e in sample.of_kind("powers") if isinstance(e.record, Power) and e.record.ex_officio]
    assert len(ex_officio) >= 10
    for entry in ex_officio:
        text = page_of(sample_site.out, entry.url)
        assert "申请材料" not in text and "一次性告知" not in text and "需要准备什么" not in text, entry.id
        assert "要花多少钱" not in text and " 不收费 " not in text, entry.id
        if entry.record.category is Category.PENALTY:
            assert "处罚种类和幅度" in text and entry.record.penalty and entry.record.penalty.range in text, entry.id


def test_the_check_is_not_vacuous(sample_site, sample) -> None:
    """The sample does state these facts somewhere, and the scan finds them where it does."""
    root = sample_site.catalogue.parent
    texts = {e.id: page_of(sample_site.out, e.url) for e in sample.public()}
    assert any("不收费" in t for t in texts.values()) and any("原件" in t for t in texts.values())
    entry = next(e for e in sample.public() if "原件" in texts[e.id])
    assert unsupported(texts[entry.id], "", {}) != []  # with no source, the same page would be flagged
    assert unsupported(texts[entry.id], sources(root, entry, sample), stated(entry)) == []


def test_rights_show_the_article_beside_a_counted_period_and_none_beside_an_open_one(sample_site, sample) -> None:
    """A penalty page: 申请听证 carries 行政处罚法 第六十四条、第八十五条; 陈述、申辩, which no law counts, says so and
    names no basis (an absent basis is never filled in)."""
    entry = sample.entries["unlicensed-food-business-penalty"]
    text = page_of(sample_site.out, entry.url)
    hearing = "申请听证 ：行政机关告知后 5 个工作日内提出（依据《中华人民共和国行政处罚法》第六十四条第（一）项、第八十五条）"
    assert hearing in text
    statement = text[text.index("陈述、申辩 ：在《行政处罚告知书》载明的期限内提出"):][:80]
    assert "法律未规定具体期限" in statement and "（依据" not in statement
    assert "个工作日内" not in statement
    licence = page_of(sample_site.out, sample.entries["construction-planning-permit"].url)
    assert "被告知听证权利之日起 5 日内提出（依据《中华人民共和国行政许可法》第四十七条第一款）" in licence
