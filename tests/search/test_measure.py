"""generator/search/measure.py on the sample site: bytes and time per query, as `make bench` reads them."""

from __future__ import annotations

import pytest

from generator.errors import GongkaiError
from generator.search.measure import CHROMIUM_ARGS, FACET_PREFIX, OFFLINE, measure_queries

pytestmark = pytest.mark.e2e


def test_measure_reports_bytes_and_time(built_site, browser) -> None:  # noqa: ANN001
    report = measure_queries(built_site.root, ["许可", "鸬鹚鹈鹕"], browser=browser, runs=3)
    found, missing = report["queries"]
    assert len(found["ms_runs"]) == 3 and found["ms_runs"] == sorted(found["ms_runs"])
    assert found["ms_to_first_result"] == found["ms_runs"][1]  # the median of three
    assert found["results_shown"] > 0 and found["status"].startswith("找到")
    assert found["bytes"]["index"] > 0 and found["bytes"]["fragment"] > 0 and found["bytes"]["runtime"] > 0
    assert found["query_bytes"] == found["bytes"]["index"] + found["bytes"]["fragment"]
    assert found["requests"]["fragment"] == found["results_shown"]  # one fragment per result shown
    assert 0 < found["ms_to_first_result"] < 5000
    assert missing["results_shown"] == 0 and missing["bytes"]["fragment"] == 0
    assert report["max_query_bytes"] == max(found["query_bytes"], missing["query_bytes"])


def test_measure_needs_an_index(tmp_path) -> None:  # noqa: ANN001
    with pytest.raises(GongkaiError, match="没有搜索索引"):
        measure_queries(tmp_path, ["许可"])


def test_measured_bytes_are_the_files_served(built_site, browser) -> None:  # noqa: ANN001
    """Playwright's response.body() under-reported the search worker's fetches (about a quarter of a 20 KB
    index chunk), so the bench counts the size of each bundle file served."""
    found = measure_queries(built_site.root, ["许可"], browser=browser, runs=1)["queries"][0]
    fragments = sorted(p.stat().st_size for p in (built_site.root / "pagefind" / "fragment").iterdir())
    shown = found["requests"]["fragment"]
    assert fragments[0] * shown <= found["bytes"]["fragment"] <= fragments[-1] * shown
    chunks = sorted(p.stat().st_size for p in (built_site.root / "pagefind" / "index").iterdir())
    assert chunks[0] <= found["bytes"]["index"] <= sum(chunks)


def test_a_facet_query_ticks_the_facet_with_the_box_empty(built_site, browser) -> None:  # noqa: ANN001
    fees = sum(1 for e in built_site.catalogue.public() if e.kind == "fees")
    report = measure_queries(built_site.root, [f"{FACET_PREFIX}类型=收费依据", f"{FACET_PREFIX}类型=无此类"],
                             browser=browser, runs=1)
    ticked, unknown = report["queries"]
    assert ticked["status"] == f"找到 {fees} 项结果。" and ticked["results_shown"] == min(fees, 10)
    assert ticked["bytes"]["index"] == 0  # browsing by facet needs no word index (generator/search/index.py)
    assert ticked["bytes"]["fragment"] > 0
    assert unknown["status"] == "no facet 类型=无此类" and unknown["results_shown"] == 0


def test_the_measuring_browser_reaches_no_host_but_127_0_0_1(browser, base_url: str) -> None:  # noqa: ANN001
    """Other hosts fail at name resolution (no request route, which timed the driver). `localhost` names the same
    server, so only the resolver rule can make that fetch fail."""
    assert OFFLINE in CHROMIUM_ARGS
    port = base_url.rstrip("/").rsplit(":", 1)[1]
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(base_url + "search/")
        reach = "(url) => fetch(url, { mode: 'no-cors' }).then(() => 'reached', () => 'failed')"
        assert page.evaluate(reach, base_url + "search/") == "reached"
        assert page.evaluate(reach, f"http://localhost:{port}/search/") == "failed"
    finally:
        context.close()


@pytest.mark.parametrize(("url", "kind"), [
    ("http://h/search/sets/3/t/17.bin?v=ab", "index"),
    ("http://h/search/sets/3/d/0.json?v=ab", "fragment"),
    ("http://h/search/sets/3/f.bin?v=ab", "filter"),
    ("http://h/search/sets/3/index.json", "runtime"),
    ("http://h/pagefind-2/fragment/zh_1.pf_fragment", "fragment"),
    ("http://h/pagefind/index/zh_1.pf_index", "index"),
    ("http://h/assets/gongkai/sets.js", "runtime"),
])
def test_term_set_files_count_as_what_they_are(url: str, kind: str) -> None:
    """A query on a large site fetches term files (index) and page lists (fragment); f.bin loads with the page."""
    from generator.search.measure import _BUNDLE_URL, _category

    assert _BUNDLE_URL.search(url) and _category(url) == kind
