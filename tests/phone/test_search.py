"""Issue 22 item 1: a citizen searches on a phone (390×844) — results under the box, traditional script, common words,
withdrawn items last, a folded 筛选 control, and help when nothing is found."""

from __future__ import annotations

import re

import pytest

from tests.phone.conftest import PHONE, open_search, result_titles

pytestmark = pytest.mark.e2e

STATUS = "[data-gk-search-page] [data-gk-status]"


@pytest.mark.parametrize("term", ["营业执照", "營業執照", "低保"])
def test_first_result_is_on_the_first_screen(tab, site_url: str, term: str) -> None:  # noqa: ANN001
    open_search(tab, site_url, term)
    top = tab.evaluate("document.querySelector('[data-gk-results] > li').getBoundingClientRect().top")
    assert 0 < top < PHONE["height"] - 60, f"“{term}”的第一条结果在第 {top:.0f}px（屏高 {PHONE['height']}px）"
    assert tab.get_attribute("[data-gk-filters]", "open") is None, "筛选应折叠，不把结果挤到屏幕下方"
    assert tab.console_errors == []


def test_traditional_script_finds_what_simplified_finds(tab, site_url: str) -> None:  # noqa: ANN001
    for simplified, traditional in (("营业执照", "營業執照"), ("身份证", "身份證")):
        open_search(tab, site_url, simplified)
        expected = result_titles(tab)
        open_search(tab, site_url, traditional)
        assert result_titles(tab) == expected and expected, traditional


# What a citizen types → words one of which the first result's title must carry (portal/synonyms.yaml).
COMMON = {"低保": ("最低生活保障",), "开店": ("个体工商户",), "生孩子": ("出生",), "罚款": ("罚款", "处罚"),
          "办证": ("证", "执照"), "12345": ("举报",)}


@pytest.mark.parametrize("typed", list(COMMON))
def test_common_words_find_sensible_items(tab, site_url: str, typed: str) -> None:  # noqa: ANN001
    open_search(tab, site_url, typed)
    titles = result_titles(tab)
    assert titles and any(word in titles[0] for word in COMMON[typed]), f"“{typed}”：{titles[:3]}"


def test_12345_is_matched_whole_and_explained(tab, site_url: str) -> None:  # noqa: ANN001
    open_search(tab, site_url, "12345")
    marks = tab.eval_on_selector_all("[data-gk-results] mark", "els => els.map(e => e.textContent.trim())")
    assert "12" not in marks, marks  # Pagefind's prefix fallback used to find every "12"
    assert "政务服务便民热线" in tab.inner_text("[data-gk-note]")


def test_a_number_alone_never_falls_back_to_its_prefix(tab, site_url: str) -> None:  # noqa: ANN001
    open_search(tab, site_url, "123456")  # in no record and not among the office's words
    assert result_titles(tab) == []
    assert tab.inner_text(STATUS).startswith("没有找到")


def test_withdrawn_items_are_left_out_until_asked_for_then_last(tab, site_url: str) -> None:  # noqa: ANN001
    open_search(tab, site_url, "食品经营")
    titles = result_titles(tab)
    assert titles and not any("已取消" in t for t in titles)
    assert "已取消" in tab.inner_text(STATUS)
    tab.click("[data-gk-filters] > summary")
    before = tab.inner_text(STATUS)
    tab.check("[data-gk-facets] input[name='状态'][value='已取消']")
    tab.wait_for_function("(s) => document.querySelector('[data-gk-search-page] [data-gk-status]').textContent !== s", arg=before)
    after = result_titles(tab)
    withdrawn = [i for i, t in enumerate(after) if "已取消" in t]
    assert withdrawn and withdrawn == list(range(len(after) - len(withdrawn), len(after))), after
    assert "已选 1 项" in tab.inner_text("[data-gk-filters] > summary")
    assert tab.inner_text(".gk-result--withdrawn .gk-result__meta").startswith("已取消")


def test_more_button_only_when_there_are_more(tab, site_url: str) -> None:  # noqa: ANN001
    open_search(tab, site_url, "营业执照")
    assert len(result_titles(tab)) < 10 and tab.is_hidden("[data-gk-more]")
    open_search(tab, site_url, "许可")
    total = int(re.search(r"找到 (\d+) 项", tab.inner_text(STATUS)).group(1))
    assert total > 10 and tab.is_visible("[data-gk-more]")
    tab.click("[data-gk-more]")
    tab.wait_for_function("(n) => document.querySelectorAll('[data-gk-results] > li').length > n", arg=10)
    assert tab.is_visible("[data-gk-more]") == (total > 20)


def test_nothing_found_offers_near_words_catalogues_and_12345(tab, site_url: str) -> None:  # noqa: ANN001
    open_search(tab, site_url, "營業職照xx")  # a typo: found as typed nowhere, but 营业 is a word of the sample
    assert result_titles(tab) == []
    tab.wait_for_selector("[data-gk-near] a")
    assert "营业" in tab.eval_on_selector_all("[data-gk-near] a", "els => els.map(e => e.textContent)")
    empty = tab.inner_text("[data-gk-empty]")
    assert "目录" in empty and "12345" in empty
    browse = tab.locator(".gk-search-browse a", has_text="服务事项目录")  # below the results, on both engines
    assert browse.is_visible() and browse.get_attribute("href").rstrip("/").endswith("catalogue/services")
    assert tab.get_attribute("[data-gk-empty] a[href^='tel:']", "href") == "tel:12345"


def test_header_box_reads_traditional_script(tab, site_url: str) -> None:  # noqa: ANN001
    tab.goto(site_url)
    tab.fill("#gk-search-input", "營業執照")
    tab.wait_for_selector("#gk-search-listbox:not([hidden]) .gk-result__title")
    titles = tab.eval_on_selector_all("#gk-search-listbox .gk-result__title", "els => els.map(e => e.textContent)")
    assert any("营业执照" in t for t in titles), titles


def test_table_filter_reads_traditional_script(tab, site_url: str) -> None:  # noqa: ANN001
    tab.goto(site_url + "catalogue/services/")
    box = ".gk-table-filter__input >> nth=0"
    tab.fill(box, "身份证")
    simplified = tab.inner_text(".gk-table-filter__status >> nth=0")
    assert simplified.startswith("显示 ") and not simplified.startswith("显示 0 ")
    tab.fill(box, "身份證")
    tab.wait_for_function("(s) => document.querySelector('.gk-table-filter__status').textContent === s", arg=simplified)
