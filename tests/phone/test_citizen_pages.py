"""Issue 22 item 5: citizen pages are for citizens — the editors' link folded away, the publisher in the footer, a
Chinese 404 page with a way on, and the developers' pages out of the citizens' navigation."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.e2e

POWER = "powers/food-business-licence/"


def test_edit_link_is_an_editors_affordance_folded_at_the_foot(tab, site_url: str) -> None:  # noqa: ANN001
    tab.goto(site_url + POWER)
    edit = tab.locator("a", has_text="编辑此记录")
    assert edit.count() == 1 and not edit.is_visible(), "编辑链接应收在页面底部的“供编辑人员使用”中"
    assert "md-button" not in (edit.get_attribute("class") or "")
    assert not tab.locator("text=数据文件").is_visible()
    tab.click("details.gk-editors > summary")
    assert edit.is_visible()
    assert "catalogue/market-regulation/powers/food-business-licence.yaml" in tab.inner_text("details.gk-editors")


def test_footer_names_the_publisher_not_the_theme(tab, site_url: str) -> None:  # noqa: ANN001
    tab.goto(site_url)
    footer = tab.inner_text("footer")
    assert "主办：清河县人民政府办公室" in footer and "12345" in footer
    assert "Material for MkDocs" not in tab.content()
    assert tab.get_attribute("footer a:text('编辑人员入口')", "href").endswith("editing/")


def test_developer_pages_are_not_in_the_citizens_nav(tab, site_url: str) -> None:  # noqa: ANN001
    tab.goto(site_url)
    nav = tab.inner_text("nav.md-nav--primary")
    for citizen in ("行政职权目录", "服务事项目录", "无障碍说明"):
        assert citizen in nav
    for developer in ("编辑指南", "省级规模运行", "字段说明"):
        assert developer not in nav, developer
    tab.goto(site_url + "editing/")  # still published, and it leads on to the other editors' pages
    links = tab.eval_on_selector_all("article a", "els => els.map(e => e.textContent)")
    assert {"字段说明", "省级规模运行", "常见错误和改法"} <= set(links)


def test_404_page_is_in_chinese_with_search_and_catalogues(sample_site) -> None:  # noqa: ANN001
    html = (sample_site.out / "404.html").read_text(encoding="utf-8")
    assert '<html lang="zh-CN"' in html and "没有找到这个页面" in html and "Not found" not in html
    assert 'action="/search/"' in html and 'name="q"' in html
    for target in ("/catalogue/services/", "/catalogue/powers/", "/catalogue/fees/", "/departments/", "tel:12345"):
        assert f'href="{target}"' in html, target


def test_404_page_search_works(tab, site_url: str) -> None:  # noqa: ANN001
    tab.goto(site_url + "404.html")
    tab.fill("#gk-404-input", "低保")
    with tab.expect_navigation():
        tab.press("#gk-404-input", "Enter")
    tab.wait_for_selector("[data-gk-results] .gk-result__title")
    assert "最低生活保障" in tab.inner_text("[data-gk-results]")


def test_downloads_tables_read_as_cards_on_a_phone(tab, site_url: str) -> None:  # noqa: ANN001
    """A three-column table whose 内容 is a sentence was a column a few characters wide at 390 px; as cards each
    description takes the screen's width and every cell keeps its column's name."""
    tab.goto(site_url + "downloads/")
    tab.wait_for_load_state("load")
    first = tab.locator("article table").first
    assert "gk-cards" in (first.get_attribute("class") or "")
    cells = tab.evaluate("""() => [...document.querySelectorAll('article table')[0].querySelectorAll('tbody td')]
        .map(td => ({label: td.dataset.label, width: td.getBoundingClientRect().width}))""")
    assert cells and all(c["label"] in ("文件", "格式", "内容") for c in cells)
    assert min(c["width"] for c in cells) > 300  # the whole card's width, not a third of it
    assert tab.evaluate("document.documentElement.scrollWidth") <= 390


# Material's revision selector as its script adds it to a published site's header once versions.json has arrived.
VERSION_SELECTOR = """() => {
  const topic = document.querySelector('.md-header__topic');
  topic.insertAdjacentHTML('beforeend', '<div class="md-version"><button class="md-version__current" aria-label="Select version">'
    + '2026-10-08 修订（最新）</button><ul class="md-version__list"><li class="md-version__item">'
    + '<a href="../2026-04-20/" class="md-version__link">2026-04-20 修订</a></li></ul></div>');
}"""


def test_the_revision_selector_gets_a_bar_of_its_own_on_a_phone(tab, site_url: str) -> None:  # noqa: ANN001
    """In the header it needs ~200 px where the title box has ~50: it lay over the 关怀 and search buttons."""
    tab.goto(site_url + POWER)
    tab.wait_for_load_state("load")
    tab.evaluate(VERSION_SELECTOR)
    tab.wait_for_selector(".gk-version-bar .md-version", timeout=5000)
    assert tab.locator(".md-header .md-version").count() == 0
    bar = tab.evaluate("""() => { const b = document.querySelector('.gk-version-bar').getBoundingClientRect();
        const h = document.querySelector('.md-header').getBoundingClientRect();
        const c = document.querySelector('.gk-version-bar .md-version__current').getBoundingClientRect();
        return {top: b.top, header: h.bottom, right: c.right, text: document.querySelector('.gk-version-bar').innerText}; }""")
    assert bar["top"] >= bar["header"] - 1 and bar["right"] <= 390
    assert bar["text"].startswith("正在查看：") and "2026-10-08 修订（最新）" in bar["text"]
    assert tab.evaluate("document.documentElement.scrollWidth") <= 390


# For every card cell: the height its column name needs in the name's 5.5em box, and the cell's own height.
LABEL_FITS_JS = """() => [...document.querySelectorAll('table.gk-cards tbody td')].map(td => {
  const probe = document.createElement('span');
  const style = getComputedStyle(td, '::before');
  probe.style.cssText = `display:block;position:absolute;visibility:hidden;width:${style.width};font:${style.font}`;
  probe.textContent = td.dataset.label || '';
  td.appendChild(probe);
  const needed = probe.getBoundingClientRect().height;
  probe.remove();
  return {label: td.dataset.label, needed, height: td.getBoundingClientRect().height};
})"""


def test_a_long_column_name_never_overlaps_the_next_line_of_a_card(tab, site_url: str) -> None:  # noqa: ANN001
    tab.goto(site_url + "scale/")  # its size tables have names of a dozen characters and more
    tab.wait_for_load_state("load")
    cells = tab.evaluate(LABEL_FITS_JS)
    assert any(len(c["label"] or "") > 12 for c in cells)
    short = [c["label"] for c in cells if c["height"] + 1 < c["needed"]]
    assert short == [], f"列名比单元格高，压到了下一行：{short[:5]}"
