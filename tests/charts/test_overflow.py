"""Headless Chromium: no label of any sample chart overflows its node's shape (1px tolerance)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.charts.render import ChartRenderer
from generator.charts.stage import charted_entries, render_charts
from generator.check import check_catalogue

ROOT = Path(__file__).resolve().parents[2]
TOLERANCE = 1.0

# For each <g class="node">: the union of its shape boxes, then every <text> box that sticks out of it. Screen
# boxes, because the chart sets a node's text inside a translated group of its own; the tolerance is in SVG units.
OVERFLOWS_JS = """(tolerance) => {
  const found = [];
  for (const node of document.querySelectorAll('svg g.node')) {
    const shapes = node.querySelectorAll('polygon, ellipse, path, polyline, rect, circle');
    if (!shapes.length) continue;
    const slack = tolerance * node.ownerSVGElement.getScreenCTM().a;
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const s of shapes) {
      const b = s.getBoundingClientRect();
      x0 = Math.min(x0, b.left); y0 = Math.min(y0, b.top); x1 = Math.max(x1, b.right); y1 = Math.max(y1, b.bottom);
    }
    for (const t of node.querySelectorAll('text')) {
      const b = t.getBoundingClientRect();
      if (b.left < x0 - slack || b.top < y0 - slack || b.right > x1 + slack || b.bottom > y1 + slack) {
        found.push(t.textContent + ' [' + [b.left, b.top, b.width, b.height].map(v => v.toFixed(1)).join(',') +
                   '] outside [' + [x0, y0, x1 - x0, y1 - y0].map(v => v.toFixed(1)).join(',') + ']');
      }
    }
  }
  return found;
}"""

NARROW = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 100"><g class="graph">
<g class="node"><polygon points="10,10 {right},10 {right},60 10,60 10,10"/>
<text x="20" y="40" font-family="Noto Sans CJK SC" font-size="14">承办岗位：执法大队负责人</text></g></g></svg>"""


@pytest.fixture(scope="module")
def browser_page(chromium):  # noqa: ANN001, ANN201 — the session's playwright Browser (tests/conftest.py)
    page = chromium.new_page()
    yield page
    page.close()


def overflows(page, svg: str) -> list[str]:
    page.set_content(f"<!doctype html><html><body style='margin:0'>{svg}</body></html>")
    page.evaluate("document.fonts.ready")
    return page.evaluate(OVERFLOWS_JS, TOLERANCE)


@pytest.fixture(scope="module")
def sample_svgs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    entries = charted_entries(check_catalogue(ROOT / "catalogue").catalogue)
    files = render_charts(entries, ChartRenderer(tmp_path_factory.mktemp("charts")))
    return {path: data.decode("utf-8").split("\n", 1)[1] for path, data in sorted(files.items())}


def test_detector_fails_on_a_narrowed_shape(browser_page):
    assert overflows(browser_page, NARROW.format(right=60))  # the label is ~170px wide, the box 50px
    assert overflows(browser_page, NARROW.format(right=380)) == []


def test_no_label_overflows_its_shape_in_any_sample_chart(browser_page, sample_svgs):
    assert sample_svgs, "the sample catalogue has no charts"
    problems = {path: found for path, svg in sample_svgs.items() if (found := overflows(browser_page, svg))}
    assert not problems, problems


def test_detector_sees_text_of_a_translated_group(browser_page, sample_svgs):
    """Node text sits in its own translated group: moving that group must count as an overflow."""
    svg = next(iter(sample_svgs.values()))
    start = svg.index('<g transform="translate(')
    moved = svg[:start] + '<g transform="translate(-60 -40)"><g' + svg[start + 2:]
    moved = moved.replace("</text>\n</g>", "</text>\n</g></g>", 1)
    assert overflows(browser_page, svg) == []
    assert overflows(browser_page, moved)
