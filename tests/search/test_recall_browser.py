"""Recall of the search page on the sample site: every record page whose indexed text holds a common word is found.

Pagefind 1.5.2 cut the query with the browser's Intl.Segmenter, which cut 举报, 复议 and 低保 (words the jieba-cut index
holds whole) into single characters: 举报 found 3 of its 15 pages. The counts are read from the built pages
(tests/search/recall.py), never written down here."""

from __future__ import annotations

import pytest

from tests.search.recall import found_pages, pages_containing

pytestmark = pytest.mark.e2e

# Words Chromium's segmenter cut in two (举报, 复议, 低保) and words it kept whole (投诉, 许可), as citizens type them.
WORDS = ("举报", "复议", "低保", "投诉", "许可")


@pytest.mark.parametrize("word", WORDS)
def test_every_page_holding_a_common_word_is_found(page, base_url, built_site, word) -> None:  # noqa: ANN001
    holding = pages_containing(built_site.root, [word])[word]
    assert holding, f"样例站点中没有含“{word}”的事项页面，换一个词"
    found = found_pages(page, base_url, word)
    assert holding - found == set(), f"搜索“{word}”漏掉了 {len(holding - found)}/{len(holding)} 个含该词的页面"


def test_a_query_of_single_characters_is_cut_into_words(page, base_url, built_site) -> None:  # noqa: ANN001
    """对举报: the browser cuts it into 对|举|报; searched as 对 举报, every page found holds 举报 (not every page with 对)."""
    found = found_pages(page, base_url, "对举报")
    holding = pages_containing(built_site.root, ["举报"])["举报"]
    assert found and found <= holding
