"""Search in headless Chromium against the built sample site (Pagefind index, our search UI)."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.search.conftest import SECRET_ID, SECRET_TERM
from tests.search.helpers import browse_by_facet, public_entries, read_results, search_page, status_text, tick_facet

pytestmark = pytest.mark.e2e


def _name_fragment_target(catalogue):  # noqa: ANN001, ANN202
    """Prefer a power named with 营业执照 (the issue's example); else the first power, by a 4-character fragment."""
    powers = public_entries(catalogue, "powers")
    assert powers, "样例目录中没有公开的行政职权"
    for entry in powers:
        if "营业执照" in entry.name:
            return "营业执照", entry
    entry = powers[0]
    return entry.name[:4], entry


def test_name_fragment_puts_that_record_first(page, base_url, built_site) -> None:  # noqa: ANN001
    fragment, entry = _name_fragment_target(built_site.catalogue)
    results = search_page(page, base_url, fragment)
    assert results, f"搜索“{fragment}”没有结果"
    named = {e.name for e in built_site.catalogue.public() if fragment in e.name}
    # every record named with the fragment ranks above every record that only mentions it in its text
    assert {r.title for r in results[: len(named)]} == named, [r.title for r in results]
    assert entry.name in named


def test_word_of_fee_basis_name_finds_the_fee(page, base_url, built_site) -> None:  # noqa: ANN001
    fees = public_entries(built_site.catalogue, "fees")
    if not fees:
        pytest.skip("样例目录中还没有收费依据")
    fee = fees[0]
    word = re.sub(r"（.*?）|\(.*?\)", "", fee.name)  # the name without its parenthesised qualifier
    results = search_page(page, base_url, word)
    hrefs = [r.href.rstrip("/") for r in results]
    assert any(h.endswith(fee.url) for h in hrefs), f"搜索“{word}”没有找到收费依据 {fee.id}：{hrefs}"
    hit = next(r for r in results if r.href.rstrip("/").endswith(fee.url))
    assert hit.meta.split(" · ")[:2] == ["收费依据", fee.department.short_name or fee.department.name]


def test_results_show_kind_department_and_category(page, base_url, built_site) -> None:  # noqa: ANN001
    fragment, entry = _name_fragment_target(built_site.catalogue)
    result = next(r for r in search_page(page, base_url, fragment) if r.title == entry.name)
    department = entry.department.short_name or entry.department.name
    assert result.meta.split(" · ")[:2] == ["行政职权", department]
    assert entry.record.category.value in result.meta


def test_a_facet_narrows_the_results(page, base_url, built_site) -> None:  # noqa: ANN001
    kinds = {e.kind for e in built_site.catalogue.public()}
    if len(kinds) < 2:
        pytest.skip("样例目录中只有一类事项")
    everything = search_page(page, base_url, "监督")  # every record page has a 监督和投诉 section
    total = int(re.search(r"\d+", status_text(page)).group())
    assert total >= 2 and everything
    tick_facet(page, "类型", "行政职权")
    page.wait_for_function(f"!document.querySelector('[data-gk-search-page] [data-gk-status]').textContent.includes('找到 {total} 项')")
    narrowed = read_results(page)
    narrowed_total = int(re.search(r"\d+", status_text(page)).group())
    assert 0 < narrowed_total < total
    assert narrowed_total == len(public_entries(built_site.catalogue, "powers"))
    assert all(r.meta.startswith("行政职权") for r in narrowed)


def test_a_facet_alone_fetches_no_index_chunk(page, base_url, built_site) -> None:  # noqa: ANN001
    # Pagefind 1.5.2 fetched the whole index for a search without words (generator/search/index.py).
    total, fetched = browse_by_facet(page, base_url, "类型", "收费依据")
    assert total == len(public_entries(built_site.catalogue, "fees")) > 0
    assert [u for u in fetched if "/index/" in u] == []
    assert page.console_errors == []


def test_nothing_of_a_secret_record_is_found(page, base_url, built_site) -> None:  # noqa: ANN001
    assert built_site.catalogue.entries[SECRET_ID].is_secret
    for term in (SECRET_TERM, "鸬鹚", "鹈鹕"):
        results = search_page(page, base_url, term)
        assert results == [], f"涉密记录的内容被搜到了：{term}"
        assert status_text(page).startswith("没有找到")


def test_sample_secret_powers_are_not_found(page, base_url, built_site) -> None:  # noqa: ANN001
    secret = [e for e in built_site.catalogue.secret_powers() if e.id != SECRET_ID]
    if not secret:
        pytest.skip("样例目录中还没有涉密职权")
    for entry in secret:
        results = search_page(page, base_url, entry.name)
        assert all(entry.id not in r.href and r.title != entry.name for r in results)


def test_header_box_keyboard(page, base_url, built_site) -> None:  # noqa: ANN001
    fragment, entry = _name_fragment_target(built_site.catalogue)
    page.goto(base_url)
    page.keyboard.press("/")  # the shortcut focuses our box (Material's own search is off)
    assert page.evaluate("document.activeElement.id") == "gk-search-input"
    page.keyboard.type(fragment)
    box = page.locator("#gk-search-input")
    page.wait_for_selector("#gk-search-listbox:not([hidden]) [role=option]")
    assert box.get_attribute("aria-expanded") == "true"
    assert page.inner_text("[data-gk-search] [data-gk-status]").startswith("找到")  # announced (aria-live)
    page.keyboard.press("ArrowDown")
    first = page.locator("#gk-search-listbox [role=option]").first
    assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
    assert first.get_attribute("aria-selected") == "true"
    page.keyboard.press("ArrowUp")
    assert box.get_attribute("aria-activedescendant") is None
    page.keyboard.press("ArrowUp")  # wraps to the last option: "all results"
    assert box.get_attribute("aria-activedescendant") == "gk-search-option-all"
    page.keyboard.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    assert page.is_hidden("#gk-search-listbox")
    page.keyboard.press("ArrowDown")  # reopens on the first option
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert fragment in page.inner_text("article h1")
    assert page.console_errors == []


def test_header_enter_without_choice_opens_search_page(page, base_url) -> None:  # noqa: ANN001
    page.goto(base_url)
    page.focus("#gk-search-input")
    page.keyboard.type("许可")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/search/" in page.url and "q=" in page.url
    read_results(page)
    assert page.input_value("#gk-search-page-input") == "许可"


def test_no_page_logs_a_console_error(page, base_url, built_site) -> None:  # noqa: ANN001
    catalogue = built_site.catalogue
    paths = ["", "search/?q=许可", "catalogue/powers/", "catalogue/secret/", "departments/"]
    paths += [e.url + "/" for kind in ("powers", "fees", "services") for e in public_entries(catalogue, kind)[:2]]
    paths += [f"departments/{d}/" for d in sorted(catalogue.departments)[:2]]
    for path in paths:
        page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
        if path.startswith("search/"):
            read_results(page)
    assert page.console_errors == [], page.console_errors


# Chrome's order for a committed input-method word: input events with isComposing=true, then compositionend.
_COMPOSE = """
([pinyin, word]) => {
  const input = document.querySelector('#gk-search-page-input');
  input.focus();
  input.dispatchEvent(new CompositionEvent('compositionstart'));
  input.value = pinyin;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: true }));
  window.__gkCompose = () => {
    input.value = word;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: true }));
    input.dispatchEvent(new CompositionEvent('compositionend', { data: word }));
  };
}
"""


def test_pinyin_being_composed_is_not_searched(page, base_url, built_site) -> None:  # noqa: ANN001
    fragment, _ = _name_fragment_target(built_site.catalogue)
    page.goto(f"{base_url}search/")
    page.wait_for_selector("[data-gk-search-page][data-gk-ready]")
    page.evaluate(_COMPOSE, ["yingye", fragment])
    page.wait_for_timeout(800)  # a search for the pinyin would have answered by now
    assert "yingye" not in status_text(page) and "q=" not in page.url
    page.evaluate("window.__gkCompose()")
    results = read_results(page)
    assert results and fragment in results[0].title
    assert page.console_errors == []


def test_fast_typing_ends_with_the_last_term(page, base_url, built_site) -> None:  # noqa: ANN001
    fragment, _ = _name_fragment_target(built_site.catalogue)
    page.goto(f"{base_url}search/")
    page.wait_for_selector("[data-gk-search-page][data-gk-ready]")
    page.evaluate(
        """(terms) => { const input = document.querySelector('#gk-search-page-input');
             for (const t of terms) { input.value = t; input.dispatchEvent(new Event('input', { bubbles: true })); } }""",
        ["许", "许可", "监督", fragment],
    )
    page.wait_for_function(
        "(t) => document.querySelector('[data-gk-search-page] [data-gk-status]').textContent.startsWith('找到')"
        " && new URL(location.href).searchParams.get('q') === t",
        arg=fragment, timeout=10_000,
    )
    page.wait_for_timeout(500)  # a stale search finishing late would overwrite the list now
    results = read_results(page)
    assert fragment in results[0].title
    assert parse_qs(urlsplit(page.url).query)["q"] == [fragment]
