"""Readable for elderly and low-vision readers (targets stated on content/accessibility.md):
contrast at WCAG AAA (7:1, 4.5:1 for large text), body text >= 16px, no text < 14px, no sideways scrolling at 320px."""

from __future__ import annotations

import pytest

from tests.a11y.conftest import PAGE_NAMES, VARIANTS, open_page
from tests.a11y.test_axe import describe

pytestmark = pytest.mark.e2e

BODY_MIN_PX = 16.0  # paragraphs, lists, table cells and quotes in the article
ANY_MIN_PX = 14.0  # navigation, footer, counts and captions
REFLOW_WIDTH = 320  # CSS px: a 1280px screen at 400% zoom (WCAG 1.4.10)

# Every rendered, visible text run on the page with its computed font size; screen-reader-only text (clipped to
# a 1px box) is not seen and so not measured.
TEXT_SIZES_JS = """() => {
  const body = "article p, article li, article td, article th, article dd, article blockquote";
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const out = [];
  while (walker.nextNode()) {
    const text = walker.currentNode.textContent.trim();
    const el = walker.currentNode.parentElement;
    if (!text || !el) continue;
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (box.width <= 1 || box.height <= 1 || style.visibility !== "visible") continue;
    out.push({text: text.slice(0, 30), tag: el.tagName.toLowerCase(), cls: String(el.className).slice(0, 60),
              size: parseFloat(style.fontSize), body: el.closest(body) !== null});
  }
  return out;
}"""


def _rule(result: dict, key: str, rule: str) -> list[dict]:
    return [item for item in result[key] if item["id"] == rule]


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_contrast_meets_wcag_aa(name: str, axe_results) -> None:  # noqa: ANN001
    result = axe_results(name)
    assert not _rule(result, "violations", "color-contrast"), describe(_rule(result, "violations", "color-contrast"))
    assert _rule(result, "passes", "color-contrast"), "对比度规则没有检查到任何文字"


@pytest.mark.parametrize("variant", list(VARIANTS))
@pytest.mark.parametrize("name", PAGE_NAMES)
def test_contrast_meets_enhanced_target(name: str, variant: str, axe_results) -> None:  # noqa: ANN001
    """The stricter target: WCAG 1.4.6 (AAA), 7:1 for normal text and 4.5:1 for large text, in the dark scheme and in
    关怀模式 too."""
    result = axe_results(name, variant)
    failing = _rule(result, "violations", "color-contrast-enhanced")
    assert not failing, f"{name}（{variant}）：\n{describe(failing)}"
    assert _rule(result, "passes", "color-contrast-enhanced"), "增强对比度规则没有运行（axe 默认关闭它）"


@pytest.fixture(scope="module")
def text_sizes(context, site_url, pages):  # noqa: ANN001, ANN201
    """`text_sizes(name)`: the visible text runs of a page, measured once per module."""
    cache: dict[str, list[dict]] = {}

    def measure(name: str) -> list[dict]:
        if name not in cache:
            tab = context.new_page()
            try:
                open_page(tab, site_url, pages[name])
                cache[name] = tab.evaluate(TEXT_SIZES_JS)
            finally:
                tab.close()
        return cache[name]

    return measure


def _small(runs: list[dict], minimum: float) -> str:
    return "\n".join(f"{r['size']}px <{r['tag']} class={r['cls']!r}> {r['text']}" for r in runs if r["size"] < minimum)


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_body_text_is_at_least_16px(name: str, text_sizes) -> None:  # noqa: ANN001
    runs = [r for r in text_sizes(name) if r["body"]]
    assert runs, f"{name}：正文中没有文字"
    assert min(r["size"] for r in runs) >= BODY_MIN_PX, f"{name}：\n{_small(runs, BODY_MIN_PX)}"


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_no_visible_text_below_14px(name: str, text_sizes) -> None:  # noqa: ANN001
    runs = text_sizes(name)
    assert min(r["size"] for r in runs) >= ANY_MIN_PX, f"{name}：\n{_small(runs, ANY_MIN_PX)}"


def test_pages_reflow_at_320px(chromium, site_url, pages) -> None:  # noqa: ANN001
    """At 400% zoom nothing but a wide table scrolls sideways: the page itself never does (WCAG 1.4.10)."""
    context = chromium.new_context(viewport={"width": REFLOW_WIDTH, "height": 640})
    context.route(lambda url: not url.startswith(site_url), lambda route: route.fulfill(status=200, body="{}"))
    try:
        tab = context.new_page()
        overflowing = {}
        for name, page in pages.items():
            open_page(tab, site_url, page)
            width = tab.evaluate("document.documentElement.scrollWidth")
            if width > REFLOW_WIDTH:
                overflowing[name] = width
        assert not overflowing, f"这些页面在 {REFLOW_WIDTH}px 宽时需要左右滚动：{overflowing}"
    finally:
        context.close()
