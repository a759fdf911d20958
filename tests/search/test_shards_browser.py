"""A sharded index (generator/search/index.py) searched through our UI: results match one unsharded bundle."""

from __future__ import annotations

import json
import re
import shutil
import urllib.request
from collections.abc import Iterator

import pytest

from generator.search.httpd import serve_directory
from generator.search.index import SHARD_MANIFEST, bundle_name, index_site
from tests.search.helpers import browse_by_facet, recording_page, search_page, status_text

pytestmark = pytest.mark.e2e

PAGES_PER_SHARD = 20  # the sample's ~70 record pages make 4 shards


@pytest.fixture(scope="module")
def sharded_url(built_site, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:  # noqa: ANN001
    site = tmp_path_factory.mktemp("sharded") / "site"
    shutil.copytree(built_site.root, site, ignore=shutil.ignore_patterns("pagefind"))
    report = index_site(site, per_shard=PAGES_PER_SHARD)
    assert report.shards >= 3
    with serve_directory(site) as url:
        yield url


@pytest.fixture
def shard_page(browser, sharded_url: str) -> Iterator[object]:  # noqa: ANN001 — playwright Browser
    """Like the `page` fixture, for the sharded copy."""
    yield from recording_page(browser, sharded_url)


def _total(page) -> int:  # noqa: ANN001
    match = re.search(r"找到 (\d+) 项", status_text(page))
    return int(match.group(1)) if match else 0


@pytest.mark.parametrize("term", ["许可", "监督", "营业执照"])
def test_shards_find_what_one_bundle_finds(page, base_url, shard_page, sharded_url, term: str) -> None:  # noqa: ANN001
    whole = search_page(page, base_url, term)
    split = search_page(shard_page, sharded_url, term)
    assert _total(shard_page) == _total(page) > 0
    assert len(split) == len(whole)  # the first page of results is filled from every shard
    assert shard_page.console_errors == []


def test_name_fragment_still_ranks_its_record_first(shard_page, sharded_url, built_site) -> None:  # noqa: ANN001
    named = [e for e in built_site.catalogue.public() if "营业执照" in e.name]
    if not named:
        pytest.skip("样例目录中没有名称含“营业执照”的事项")
    results = search_page(shard_page, sharded_url, "营业执照")
    assert {r.title for r in results[: len(named)]} == {e.name for e in named}, [r.title for r in results]


def test_no_request_fails_on_a_sharded_site(shard_page, sharded_url) -> None:  # noqa: ANN001
    page = shard_page
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))  # the search worker's fetches included
    search_page(page, sharded_url, "许可")
    page.wait_for_load_state("networkidle")
    searched = {m.group(1) for u in urls if (m := re.search(r"/(pagefind(?:-\d+)?)/index/", u))}
    assert searched == {bundle_name(i) for i in range(_shard_count(sharded_url))}  # every shard was searched
    assert page.console_errors == []


def _shard_count(url: str) -> int:
    return sum(len(group) for group in _manifest(url)["workers"])


def _manifest(url: str) -> dict:
    with urllib.request.urlopen(url + "pagefind/" + SHARD_MANIFEST) as response:
        return json.load(response)


def test_worker_groups_search_in_parallel(shard_page, sharded_url) -> None:  # noqa: ANN001
    results = search_page(shard_page, sharded_url, "许可")
    groups = _manifest(sharded_url)["workers"]
    workers = sorted(w.url.removeprefix(sharded_url) for w in shard_page.workers)
    # one Web Worker per group, running the group's first bundle; the other bundles are merged into it
    assert len(groups) == 2 and workers == sorted(group[0] + "pagefind-worker.js" for group in groups)
    assert len({r.href for r in results}) == len(results)  # no result twice


def test_a_facet_alone_fetches_no_index_chunk_from_any_worker(page, base_url, shard_page, sharded_url) -> None:  # noqa: ANN001
    whole, _ = browse_by_facet(page, base_url, "类型", "行政职权")
    split, fetched = browse_by_facet(shard_page, sharded_url, "类型", "行政职权")
    assert split == whole > 0
    assert [u for u in fetched if "/index/" in u] == []  # each worker's runtime asks for none
    assert shard_page.console_errors == []
