"""The CMS preview's flowchart: the browser's DOT (generator/cms/static/gongkai-chart.js, run in Node) is the DOT
generator/charts/dot.py writes, byte for byte, for every sample power and service item; what it cannot draw it
names in Chinese; its data (generator/cms/chart.py) is stable and says why when the chart font is missing."""

from __future__ import annotations

import functools
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from generator.catalogue import Catalogue
from generator.charts.dot import chart_body_dot
from generator.check import check_catalogue
from generator.cms import chart as cms_chart
from generator.cms.chart import chart_data, chart_data_text, wide_ranges
from generator.errors import BuildError
from tests.cms.conftest import require_node_modules

ROOT = Path(__file__).resolve().parent.parent.parent
DRIVER = Path(__file__).resolve().parent / "chart_driver.mjs"


@functools.cache
def sample() -> Catalogue:
    return check_catalogue(ROOT / "catalogue", ROOT / "flowcharts").catalogue


def run_chart(cases: list[dict[str, str]], data: dict[str, Any] | None = None) -> list[dict[str, str]]:
    require_node_modules()
    payload = json.dumps({"data": data or chart_data(sample()), "cases": cases}, ensure_ascii=False)
    done = subprocess.run(["node", str(DRIVER)], input=payload, capture_output=True, text=True, cwd=ROOT, timeout=120)
    if done.returncode != 0:
        pytest.fail(f"chart_driver.mjs failed: {done.stderr}")
    return json.loads(done.stdout)


def test_the_browser_writes_the_sites_dot_for_every_sample_record() -> None:
    entries = [e for e in sample().public() if e.kind in ("powers", "services")]
    files = {p.relative_to(ROOT).as_posix() for p in (ROOT / "catalogue").rglob("*.yaml") if p.parent.name in ("powers", "services")}
    secret = {e.source for e in sample().secret_powers()}
    assert {e.source for e in entries} == files - secret  # every sample file that has a chart is compared
    results = run_chart([{"kind": e.kind, "source": (ROOT / e.source).read_text(encoding="utf-8")} for e in entries])
    for entry, result in zip(entries, results, strict=True):
        assert result.get("dot") == chart_body_dot(entry), f"{entry.source}: {result}"


POWER = ROOT / "catalogue/public-security/powers/vehicle-detention.yaml"


def _with(old: str, new: str) -> str:
    text = POWER.read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1)


def test_what_cannot_be_drawn_is_said_in_chinese() -> None:
    cases = [
        _with("template: coercive-measure", "template: no-such-template"),
        _with("department: public-security", "department: nowhere"),
        _with("name: 扣留未悬挂号牌或者未随车携带行驶证、驾驶证的机动车\n", ""),
        _with("  - ref: approve\n", "  - ref: no-such-step\n"),
        _with("department: public-security\n", "department: public-security\nsecret: true\n"),
    ]
    results = run_chart([{"kind": "powers", "source": text} for text in cases])
    problems = [r.get("problem", r) for r in results]
    assert problems[0].startswith("流程模板“no-such-template”不存在。可用模板：") and "coercive-measure" in problems[0]
    assert problems[1] == "实施主体“nowhere”不是目录中的部门。"
    assert problems[2] == "请先填写名称。"
    assert problems[3] == "模板环节“no-such-step”不在流程模板“coercive-measure”中。"
    assert problems[4] == "本职权涉密不公开，网站上只在不公开事项目录中列出，没有流程图。"  # as on the site: no chart


def test_a_time_limit_without_its_unit_is_named() -> None:
    text = _with("procedure:\n", "promised_limit:\n  days: 5\nprocedure:\n")
    assert run_chart([{"kind": "powers", "source": text}]) == [{"problem": "办理的时限要么写天数和单位，要么只写时限表述。"}]


def test_the_chart_data_is_stable_and_holds_no_secret() -> None:
    text = chart_data_text(sample())
    assert text == chart_data_text(sample())
    data = json.loads(text)
    assert set(data["templates"]) == set(sample().templates) and set(data["departments"]) == set(sample().departments)
    for entry in sample().secret_powers():
        assert entry.name not in text


def test_without_the_chart_font_the_data_says_why(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(bold: bool) -> None:
        raise BuildError("找不到流程图字体 Noto Sans CJK SC。")

    monkeypatch.setattr(cms_chart, "metrics", missing)
    assert chart_data(sample()) == {"unavailable": "生成网站时无法准备流程图数据：找不到流程图字体 Noto Sans CJK SC。"}


def test_the_wide_character_table_is_pythons() -> None:
    """static/wide-chars.json is text.width()'s table; after a Python upgrade, `python -m generator.cms.chart`."""
    stored = json.loads((ROOT / "generator/cms/static" / cms_chart.WIDE_FILE).read_text(encoding="utf-8"))
    assert stored == wide_ranges()
