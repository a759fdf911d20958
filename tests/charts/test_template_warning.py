"""The "category has a statutory template but the power does not use it" warning, with the real flowcharts/.

Templates written around one law (general: false) serve their category without being expected of every power
in it; a power may also state why a general template does not apply.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.resolve import resolve
from tests.charts.entries import TEMPLATES
from tests.helpers import DEPARTMENT, power, validated

WARNING = "本职权未使用"


def warnings(**fields) -> list[str]:
    items = [validated(DEPARTMENT, "department"), validated(power(**fields))]
    _, problems = resolve(items, [i.raw for i in items], TEMPLATES, Path("."))
    return [d.message for d in problems if d.key == "template"]


def test_one_law_templates_are_not_general():
    assert {t for t, tpl in TEMPLATES.items() if not tpl.general} == {"confirmation", "benefit", "levy"}


@pytest.mark.parametrize("category", ["行政确认", "行政给付", "行政征收"])
def test_no_warning_where_the_only_template_is_one_laws_procedure(category: str):
    assert warnings(category=category) == []


@pytest.mark.parametrize("category", ["行政许可", "行政处罚", "行政检查"])
def test_general_template_still_expected(category: str):
    found = warnings(category=category)
    assert len(found) == 1 and WARNING in found[0]


def test_any_template_serving_the_category_is_accepted():
    assert warnings(category="行政处罚", procedure={"template": "penalty-simple"}) == []
    assert warnings(category="行政确认", procedure={"template": "confirmation"}) == []


def test_a_stated_reason_opts_out():
    reason = "依《治安管理处罚法》的特别程序办理"
    assert warnings(category="行政处罚", procedure={"no_template_reason": reason}) == []
