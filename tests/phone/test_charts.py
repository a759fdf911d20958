"""Issue 22 item 4: charts people can read — the viewer (zoom, pan, keyboard, back), text ≥ 14 px on a phone, and a
print on A4 that can be read."""

from __future__ import annotations

import math
from urllib.parse import urlsplit
from collections.abc import Iterator

import pytest
from pypdf import PdfReader

pytestmark = pytest.mark.e2e

POWER = "powers/food-business-licence/"
MIN_PX = 14.0
MIN_PRINTED_PT = 7.5  # a footnote's size; 11 pt chart text prints at about 10 pt

# Every <text> of the viewer's chart with its size on screen: its font size times the scale the SVG is drawn at
# (its CTM, which includes the viewer's zoom).
CHART_TEXT_PX = """() => [...document.querySelectorAll('.gk-viewer__canvas svg text')].map(t => {
  const m = t.getScreenCTM();
  return parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
})"""
TRANSFORM = "() => getComputedStyle(document.querySelector('.gk-viewer__canvas')).transform"
SCALE = "() => new DOMMatrix(getComputedStyle(document.querySelector('.gk-viewer__canvas')).transform).a"


def open_viewer(tab, site_url: str) -> None:  # noqa: ANN001 — playwright Page
    tab.goto(site_url + POWER)
    tab.click("[data-gk-open]")
    tab.wait_for_selector(".gk-viewer[open] .gk-viewer__canvas svg")
    tab.wait_for_function("getComputedStyle(document.querySelector('.gk-viewer__canvas')).transform !== 'none'")


def test_record_page_shows_no_chart_text_below_14px_on_a_phone(tab, site_url: str) -> None:  # noqa: ANN001
    tab.goto(site_url + POWER)
    assert tab.is_hidden(".gk-chart__thumb img"), "手机上不应显示文字只有约 4px 的缩略图"
    assert tab.is_visible("[data-gk-open]")
    sizes = tab.eval_on_selector_all(".gk-steps li", "els => els.map(e => parseFloat(getComputedStyle(e).fontSize))")
    assert sizes and min(sizes) >= 16  # the steps, the chart's text-first form, are body text


def test_viewer_opens_with_chart_text_at_least_14px(tab, site_url: str) -> None:  # noqa: ANN001
    open_viewer(tab, site_url)
    sizes = tab.evaluate(CHART_TEXT_PX)
    assert len(sizes) > 20 and min(sizes) >= MIN_PX - 0.01, f"最小 {min(sizes):.1f}px"
    assert tab.is_visible(".gk-viewer__canvas svg text >> nth=0")
    assert tab.console_errors == []


def test_viewer_keyboard_zooms_pans_and_goes_back(tab, site_url: str) -> None:  # noqa: ANN001
    open_viewer(tab, site_url)
    assert tab.evaluate("document.activeElement.classList.contains('gk-viewer__stage')")
    # Panzoom draws each change in the next animation frame: wait for it rather than read at once.
    before = tab.evaluate(SCALE)
    tab.keyboard.press("+")
    tab.wait_for_function(f"(s) => ({SCALE})() > s", arg=before, timeout=3000)
    moved = tab.evaluate(TRANSFORM)
    tab.keyboard.press("ArrowDown")
    tab.wait_for_function(f"(t) => ({TRANSFORM})() !== t", arg=moved, timeout=3000)
    tab.keyboard.press("0")
    tab.wait_for_function(f"(s) => ({SCALE})() < s", arg=before, timeout=3000)  # the whole chart: smaller than the start
    tab.click(".gk-viewer__bar button >> text=返回")
    tab.wait_for_selector(".gk-viewer", state="hidden")
    assert urlsplit(tab.url).path.endswith(POWER)  # Material's anchor tracking may add a #section
    assert tab.evaluate("document.activeElement.hasAttribute('data-gk-open')")  # focus back where it was


def test_phone_back_button_closes_the_viewer(tab, site_url: str) -> None:  # noqa: ANN001
    open_viewer(tab, site_url)
    tab.go_back()
    tab.wait_for_selector(".gk-viewer", state="hidden")
    assert urlsplit(tab.url).path.endswith(POWER)  # Material's anchor tracking may add a #section


def _printed_sizes(reader: PdfReader) -> Iterator[float]:
    found: list[float] = []

    def visit(text, cm, tm, font, size) -> None:  # noqa: ANN001
        if text.strip():
            found.append(size * math.hypot(tm[0], tm[1]) * math.hypot(cm[0], cm[1]))

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    return found


def test_viewer_prints_the_chart_legibly_on_a4_landscape(tab, site_url: str, tmp_path) -> None:  # noqa: ANN001
    open_viewer(tab, site_url)
    tab.pdf(path=str(tmp_path / "chart.pdf"), prefer_css_page_size=True)
    reader = PdfReader(str(tmp_path / "chart.pdf"))
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (842, 595), "应按 A4 横向打印"
    sizes = list(_printed_sizes(reader))
    assert len(sizes) > 20 and min(sizes) >= MIN_PRINTED_PT, f"最小字号 {min(sizes):.1f}pt"
    text = "".join(page.extract_text() for page in reader.pages)
    assert "办理条件" in text and "编辑此记录" not in text and "搜索" not in text
