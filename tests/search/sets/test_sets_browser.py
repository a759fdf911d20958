"""The term-set index (generator/search/sets/, overrides/assets/gongkai/sets.js) searched through the search page of
the sample site, against Pagefind on the same site: a browser without DecompressionStream searches Pagefind, so both
engines run on one copy and must find the same pages."""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import pytest

from generator.search.httpd import serve_directory
from generator.search.index import BUNDLE_DIR, SHARD_MANIFEST, index_site
from generator.search.sets import FROM_PAGES_VARIABLE, index_path
from generator.search.sets.build import fnv1a, read_pages
from generator.search.sets.terms import word_terms
from tests.search.conftest import SECRET_TERM
from tests.search.helpers import browse_by_facet, recording_page, search_page, status_text
from tests.search.recall import found_pages

pytestmark = pytest.mark.e2e

WORDS = ("举报", "许可", "营业执照", "低保", "对举报", "最低生活保障")


@pytest.fixture(scope="module")
def sets_site(built_site, tmp_path_factory: pytest.TempPathFactory) -> Path:  # noqa: ANN001
    """A copy of the sample site indexed again as a large site would be: Pagefind and the term sets."""
    site = tmp_path_factory.mktemp("sets") / "site"
    shutil.copytree(built_site.root, site, ignore=shutil.ignore_patterns("pagefind*"))
    with mock.patch.dict("os.environ", {FROM_PAGES_VARIABLE: "1"}):
        index_site(site)
    return site


@pytest.fixture(scope="module")
def sets_url(sets_site: Path) -> Iterator[str]:
    with serve_directory(sets_site) as url:
        yield url


@pytest.fixture
def sets_page(browser, sets_url: str) -> Iterator[object]:  # noqa: ANN001
    yield from recording_page(browser, sets_url)


@pytest.fixture
def pagefind_page(browser, sets_url: str) -> Iterator[object]:  # noqa: ANN001
    """The same site in a browser that cannot read gzip: search.js falls back to Pagefind."""
    for tab in recording_page(browser, sets_url):
        tab.context.add_init_script("delete window.DecompressionStream;")
        yield tab


def _total(page) -> int:  # noqa: ANN001
    match = re.search(r"找到 (\d+) 项", status_text(page))
    return int(match.group(1)) if match else 0


def test_the_site_lists_its_term_sets(sets_site: Path) -> None:
    manifest = json.loads((sets_site / BUNDLE_DIR / SHARD_MANIFEST).read_text(encoding="utf-8"))
    assert manifest["sets"] == [{"path": index_path(0), "bundles": ["pagefind/"]}]
    assert (sets_site / index_path(0) / "index.json").is_file()


@pytest.mark.parametrize("word", WORDS)
def test_term_sets_find_what_pagefind_finds(sets_page, pagefind_page, sets_url, word: str) -> None:  # noqa: ANN001
    found = found_pages(sets_page, sets_url, word)
    assert found == found_pages(pagefind_page, sets_url, word) and found, word
    assert sets_page.console_errors == [] and pagefind_page.console_errors == []


@pytest.mark.parametrize("pattern", [r"\d{2,}", r"[a-z]{3,}"])
def test_numbers_and_latin_words_are_found_as_pagefind_finds_them(sets_page, pagefind_page, sets_url, sets_site, pattern: str) -> None:  # noqa: ANN001
    texts = [page.text.lower() for page in read_pages(sets_site, ["pagefind"])]
    word = Counter(w for text in texts for w in set(re.findall(pattern, text))).most_common(1)[0][0]  # from the pages
    found = found_pages(sets_page, sets_url, word)
    assert found == found_pages(pagefind_page, sets_url, word) and found, word


def test_a_query_fetches_term_files_and_no_pagefind_index(sets_page, sets_url) -> None:  # noqa: ANN001
    urls: list[str] = []
    sets_page.on("request", lambda request: urls.append(request.url))
    results = search_page(sets_page, sets_url, "许可")
    sets_page.wait_for_load_state("networkidle")
    assert results and _total(sets_page) >= len(results)
    assert [u for u in urls if re.search(r"/pagefind(-\d+)?/(index|filter)/|pagefind\.js|\.pagefind", u)] == []
    assert any("/search/sets/0/t/" in u for u in urls) and any("/fragment/" in u for u in urls)
    excerpts = sets_page.eval_on_selector_all(".gk-result__excerpt mark", "marks => marks.map(m => m.textContent)")
    assert excerpts and set(excerpts) <= {"许可"}


def test_a_name_ranks_its_records_first(sets_page, sets_url, built_site) -> None:  # noqa: ANN001
    named = [e for e in built_site.catalogue.public() if "营业执照" in e.name]
    if not named:
        pytest.skip("样例目录中没有名称含“营业执照”的事项")
    results = search_page(sets_page, sets_url, "营业执照")
    assert {r.title for r in results[: len(named)]} == {e.name for e in named}, [r.title for r in results]


def test_a_facet_alone_counts_what_pagefind_counts(sets_page, pagefind_page, sets_url) -> None:  # noqa: ANN001
    total, _ = browse_by_facet(sets_page, sets_url, "类型", "行政职权")
    assert total == browse_by_facet(pagefind_page, sets_url, "类型", "行政职权")[0] > 0


def test_a_secret_record_is_not_found(sets_page, sets_url) -> None:  # noqa: ANN001
    search_page(sets_page, sets_url, SECRET_TERM)
    assert status_text(sets_page).startswith("没有找到")


def test_the_browser_cuts_and_hashes_terms_as_the_build_did(sets_page, sets_url) -> None:  # noqa: ANN001
    search_page(sets_page, sets_url, "许可")  # loads sets.js
    samples = ["营业执照", "证", "12345", "ICP备案", "最低生活保障", "行政处罚（罚款）", "，"]
    got = sets_page.evaluate("(words) => words.map(w => [gkSets.wordTerms(w), w ? gkSets.fnv1a(w) : 0])", samples)
    assert got == [[word_terms(w), fnv1a(w) if w else 0] for w in samples]
