"""Keyboard-only use, reaching every control with Tab as a reader without a mouse would.

tests/search/ already drives the header box's arrow keys and the table sort buttons once focused; these tests
add what they leave out: getting there by Tab, a visible focus ring, the search page, and no keyboard trap."""

from __future__ import annotations

import pytest

from tests.a11y.conftest import open_page

pytestmark = pytest.mark.e2e

MAX_TABS = 400  # more than the focusable elements of any checked page

# Material's palette toggle focuses a visually hidden radio whose label (the next sibling) is the button seen: the
# ring is looked for on what is seen.
ACTIVE_JS = """() => {
  const el = document.activeElement;
  const seen = el.matches(".md-option") && el.nextElementSibling ? el.nextElementSibling : el;
  const style = getComputedStyle(seen);
  const ring = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none";
  return {tag: el.tagName.toLowerCase(), id: el.id, cls: String(el.className), text: (el.textContent || "").trim().slice(0, 20),
          ring: ring, inFooter: !!el.closest("footer")};
}"""


def tab_to(tab, selector: str) -> dict:  # noqa: ANN001 — playwright Page
    """Press Tab until the focused element matches `selector`; fail if it never does."""
    for _ in range(MAX_TABS):
        tab.keyboard.press("Tab")
        if tab.evaluate("s => document.activeElement.matches(s)", selector):
            return tab.evaluate(ACTIVE_JS)
    pytest.fail(f"按 Tab {MAX_TABS} 次也到不了 {selector}")


def test_first_tab_shows_the_skip_link(tab, site_url, pages) -> None:  # noqa: ANN001
    open_page(tab, site_url, pages["行政职权页"])
    tab.keyboard.press("Tab")
    active = tab.evaluate(ACTIVE_JS)
    assert "md-skip" in active["cls"] and active["text"] == "跳转至" and active["ring"], active
    box = tab.locator("a.md-skip").bounding_box()
    assert box and box["x"] >= 0 and box["y"] >= 0, "跳转链接获得焦点后应当在屏幕上可见"
    target = tab.get_attribute("a.md-skip", "href")
    tab.keyboard.press("Enter")
    # The jump is the key's default action, which a loaded machine may run after press() returns: wait for it.
    tab.wait_for_function("hash => location.hash === hash", arg=target[target.index("#"):], timeout=10_000)


def test_header_search_is_reached_by_tab(tab, site_url, pages) -> None:  # noqa: ANN001
    open_page(tab, site_url, pages["首页"])
    active = tab_to(tab, "#gk-search-input")
    assert active["ring"], "搜索框获得焦点时没有可见的焦点框"
    tab.keyboard.type("许可")
    tab.wait_for_selector("#gk-search-listbox:not([hidden]) [role=option]")
    tab.keyboard.press("ArrowDown")
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    assert "/search/" not in tab.url and tab.url != site_url


def test_search_page_by_keyboard_only(tab, site_url) -> None:  # noqa: ANN001
    tab.goto(site_url + "search/")
    tab_to(tab, "#gk-search-page-input")
    tab.keyboard.type("许可")
    tab.keyboard.press("Enter")
    status = "[data-gk-search-page] [data-gk-status]"
    tab.wait_for_function(f"document.querySelector('{status}').textContent.startsWith('找到')", timeout=10_000)
    before = tab.inner_text(status)
    # the folded 筛选 control comes before the results: Tab reaches it, Enter unfolds it, Tab reaches a checkbox
    active = tab_to(tab, "[data-gk-filters] > summary")
    assert active["ring"], "“筛选”获得焦点时没有可见的焦点框"
    tab.keyboard.press("Enter")
    # (a department, not 行政职权: every live record the sample finds for 许可 is a power, so that box changes nothing)
    active = tab_to(tab, "[data-gk-facets] input[type=checkbox][value='清河县市场监督管理局']")
    assert active["ring"], "筛选项获得焦点时没有可见的焦点框"
    tab.keyboard.press("Space")
    assert tab.evaluate("document.activeElement.checked")
    tab.wait_for_function(f"document.querySelector('{status}').textContent !== {before!r}", timeout=10_000)
    # then on to the first result, which Enter opens
    active = tab_to(tab, "[data-gk-results] a")
    assert active["ring"], "搜索结果链接获得焦点时没有可见的焦点框"
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    assert "/search/" not in tab.url


def _visible_names(tab) -> list[str]:  # noqa: ANN001
    return tab.evaluate("Array.from(document.querySelector('article table').tBodies[0].rows)"
                        ".filter(r => !r.hidden).map(r => r.cells[0].textContent.trim())")


def test_catalogue_table_by_keyboard_only(tab, site_url, pages) -> None:  # noqa: ANN001
    open_page(tab, site_url, pages["行政职权目录"])
    everything = _visible_names(tab)
    assert len(everything) > 2
    active = tab_to(tab, ".gk-table-filter__input")
    assert active["ring"], "筛选框获得焦点时没有可见的焦点框"
    target = everything[-1]
    tab.keyboard.type(target)
    shown = _visible_names(tab)
    assert target in shown and len(shown) < len(everything), shown
    # the catalogue's first table lists departments (部门 | 事项数), so its rows are counted as departments
    assert tab.inner_text(".gk-table-filter__status >> nth=0") == f"显示 {len(shown)} / {len(everything)} 个部门"
    tab.keyboard.press("Escape")
    assert _visible_names(tab) == everything
    # the next stop after the filter is the first column's sort button: Space sorts, Space again reverses
    tab.keyboard.press("Tab")
    active = tab.evaluate(ACTIVE_JS)
    assert active["tag"] == "button" and "gk-sort" in active["cls"] and active["ring"], active
    header = "article table th:first-child"
    tab.keyboard.press("Space")
    assert tab.get_attribute(header, "aria-sort") == "ascending"
    ascending = _visible_names(tab)
    tab.keyboard.press("Space")
    assert tab.get_attribute(header, "aria-sort") == "descending" and _visible_names(tab) == ascending[::-1]
    # and the rows' links open with Enter
    tab_to(tab, "article table tbody a")
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    assert "/catalogue/powers/" not in tab.url


def test_tab_goes_through_the_page_without_a_trap(tab, site_url, pages) -> None:  # noqa: ANN001
    """Tab visits every control once, reaches the footer and wraps around; every stop shows a focus ring."""
    open_page(tab, site_url, pages["服务事项页"])
    seen: list[dict] = []
    for _ in range(MAX_TABS):
        tab.keyboard.press("Tab")
        active = tab.evaluate(ACTIVE_JS)
        if active["tag"] == "body" or (seen and active == seen[0]):
            break
        seen.append(active)
    else:
        pytest.fail(f"按 Tab {MAX_TABS} 次焦点仍未走完整页（可能被困住）")
    assert any(stop["inFooter"] for stop in seen), "Tab 走不到页脚"
    no_ring = [stop for stop in seen if not stop["ring"]]
    assert not no_ring, f"这些元素获得焦点时没有可见的焦点框：{no_ring[:10]}"
