"""DOT generation: golden file per template, every element present, hostile text never changes the structure."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.charts.dot import chart_dot
from generator.charts.text import clean
from tests.charts.entries import HOSTILE, TEMPLATES, make_entry
from tests.charts.labels import label_text, skeleton

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("GONGKAI_UPDATE_GOLDEN") == "1"


def squash(text: object) -> str:
    return clean(text).replace(" ", "")


def test_every_required_template_exists():
    assert set(TEMPLATES) >= {"licensing", "penalty-general", "penalty-simple", "coercive-measure", "coercive-enforcement",
                              "levy", "confirmation", "benefit", "inspection", "information-request"}


@pytest.mark.parametrize("template_id", sorted(TEMPLATES))
def test_golden_dot(template_id: str):
    dot = chart_dot(make_entry(template_id))
    golden = GOLDEN / f"{template_id}.dot"
    if UPDATE:
        golden.write_text(dot, encoding="utf-8")
    assert golden.is_file(), f"missing golden file; run with GONGKAI_UPDATE_GOLDEN=1 to create {golden.name}"
    assert dot == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("template_id", sorted(TEMPLATES))
def test_every_step_post_limit_and_right_is_in_the_dot(template_id: str):
    entry = make_entry(template_id)
    text = label_text(chart_dot(entry))
    for step in entry.steps:
        assert squash(step.name) in text
        assert squash(step.post) in text
        for limit in (step.statutory_limit, step.promised_limit):
            if limit:
                assert squash(limit.text()) in text
        for right in step.rights:
            assert squash(right.name) in text and squash(right.deadline) in text
        for interface in step.interfaces:
            assert squash(interface.kind.value) in text and squash(interface.party) in text
        for branch in step.branches:
            assert squash(branch.condition) in text and squash(branch.outcome) in text
        if step.disclosure:
            assert squash(step.disclosure) in text
    for right in entry.record.rights:  # rights not tied to a step still appear
        assert squash(right.name) in text
    for remedy in entry.template.remedies:
        assert squash(remedy.name) in text and squash(remedy.deadline) in text
    assert squash(entry.template.mode.value) in text and squash(entry.record.trigger) in text
    for channel in entry.supervision.internal + entry.supervision.external + list(entry.complaints):
        assert squash(channel.name) in text and squash(channel.phone) in text
    assert "图例" in text


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_cannot_change_structure(hostile: str):
    for template_id in ("licensing", "penalty-general"):
        plain, evil = chart_dot(make_entry(template_id)), chart_dot(make_entry(template_id, hostile))
        assert skeleton(evil) == skeleton(plain)
        assert "javascript:" not in evil and "href=" not in evil.lower() and "\\" not in evil
        assert squash(hostile) in label_text(evil)  # shown as typed, not lost


def test_chart_shows_the_application_elements_the_record_gives():
    """Issue 21: 容缺受理, 告知承诺制, 特别程序 and 送达方式 reach the chart only when the record gives them."""
    import dataclasses

    entry = make_entry("licensing")
    assert "容缺" not in label_text(chart_dot(entry)) and "特别程序" not in label_text(chart_dot(entry))
    data = entry.record.model_dump(mode="json") | {
        "deficiency_acceptance": {"materials": ["营业执照"], "promise": "5 个工作日内补齐"},
        "commitment": {"promise": "符合条件"},
        "special_procedures": [{"name": "听证"}, {"name": "专家评审"}],
        "delivery": ["窗口领取", "免费邮寄"],
    }
    record = type(entry.record).model_validate(data)
    text = label_text(chart_dot(dataclasses.replace(entry, record=record)))
    for shown in ("可容缺受理：营业执照", "实行告知承诺制", "特别程序（不计入时限）：听证、专家评审", "送达方式：窗口领取、免费邮寄"):
        assert squash(shown) in text, shown
