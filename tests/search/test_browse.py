"""Browsing tables on department and category pages: sort and filter with JS, full list without."""

from __future__ import annotations

import pytest

from generator.render.context import category_page

pytestmark = pytest.mark.e2e


def _busiest_department(catalogue):  # noqa: ANN001, ANN202
    ranked = sorted(catalogue.departments, key=lambda d: (-len(catalogue.of_department(d, "powers")), d))
    powers = catalogue.of_department(ranked[0], "powers")
    if len(powers) < 2:
        pytest.skip("样例目录中没有职权多于一项的部门")
    return ranked[0], powers


def _names(page) -> list[str]:  # noqa: ANN001
    return page.evaluate(
        "Array.from(document.querySelector('article table').tBodies[0].rows)"
        ".filter(r => !r.hidden).map(r => r.cells[0].textContent.trim())"
    )


def test_department_table_filters(page, base_url, built_site) -> None:  # noqa: ANN001
    department, powers = _busiest_department(built_site.catalogue)
    page.goto(f"{base_url}departments/{department}/")
    target = powers[-1].name
    expected = sorted(p.name for p in powers if target in p.name)
    page.fill(".gk-table-filter__input >> nth=0", target)
    assert sorted(_names(page)) == expected
    assert page.inner_text(".gk-table-filter__status >> nth=0") == f"显示 {len(expected)} / {len(powers)} 项"
    page.press(".gk-table-filter__input >> nth=0", "Escape")
    assert len(_names(page)) == len(powers)
    assert page.console_errors == []


def test_department_table_sorts_by_keyboard(page, base_url, built_site) -> None:  # noqa: ANN001
    department, powers = _busiest_department(built_site.catalogue)
    page.goto(f"{base_url}departments/{department}/")
    header = page.locator("article table >> nth=0").locator("th >> nth=0")
    header.locator("button").focus()
    page.keyboard.press("Enter")
    assert header.get_attribute("aria-sort") == "ascending"
    ascending = _names(page)
    assert sorted(ascending) == sorted(p.name for p in powers)
    page.keyboard.press("Enter")
    assert header.get_attribute("aria-sort") == "descending"
    assert _names(page) == list(reversed(ascending))
    assert page.console_errors == []


def test_tables_list_everything_without_javascript(browser, base_url, built_site) -> None:  # noqa: ANN001
    department, powers = _busiest_department(built_site.catalogue)
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{base_url}departments/{department}/")
        assert sorted(_names(page)) == sorted(p.name for p in powers)
        assert page.locator(".gk-table-filter").count() == 0
        category = powers[0].record.category
        page.goto(base_url + category_page(category).removesuffix(".md") + "/")
        listed = _names(page)
        assert len(listed) == sum(1 for e in built_site.catalogue.of_kind("powers") if e.record.category == category)
    finally:
        context.close()


def test_category_page_is_enhanced(page, base_url, built_site) -> None:  # noqa: ANN001
    department, powers = _busiest_department(built_site.catalogue)
    category = powers[0].record.category
    page.goto(base_url + category_page(category).removesuffix(".md") + "/")
    rows = sum(1 for e in built_site.catalogue.of_kind("powers") if e.record.category == category)
    if rows < 2:
        pytest.skip("该类别只有一项职权")
    assert page.locator(".gk-table-filter").count() >= 1
    assert page.locator("article table th button.gk-sort").count() >= 2


def test_a_table_of_departments_counts_departments(page, base_url, built_site) -> None:  # noqa: ANN001
    page.goto(f"{base_url}departments/")
    count = len(built_site.catalogue.departments)
    assert page.inner_text(".gk-table-filter__status >> nth=0") == f"共 {count} 个部门"
    page.fill(".gk-table-filter__input >> nth=0", "民政")
    shown = len(_names(page))
    assert 0 < shown < count
    assert page.inner_text(".gk-table-filter__status >> nth=0") == f"显示 {shown} / {count} 个部门"
    assert page.console_errors == []
