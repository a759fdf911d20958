"""The sample built on each engine: the same pages and files, the same sitemap, and the same search index input,
so search finds the same items (the browser tests in tests/search/ run on both as well)."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

from tests.conftest import ENGINES

pytestmark = pytest.mark.e2e

# Each engine's own theme files (Material's and Zensical's scripts, styles and images differ by name) and the
# search bundle, whose file names are content hashes; the bundle's contents are compared record by record below.
ENGINE_OWN = ("assets/javascripts/", "assets/stylesheets/", "assets/images/", "pagefind/")
_LOC = re.compile(r"<loc>(.*?)</loc>")


def site_files(site: Path) -> set[str]:
    files = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    return {f for f in files if not f.startswith(ENGINE_OWN)}


def search_records(site: Path) -> dict[str, dict]:
    """Every Pagefind fragment (a record page's indexed text, filters and metadata), by URL."""
    records = {}
    for fragment in site.glob("pagefind/**/*.pf_fragment"):
        data = json.loads(gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd"))
        records[data["url"]] = data
    return records


@pytest.fixture(scope="module")
def sites(sample_site_on) -> dict[str, Path]:  # noqa: ANN001 — tests.conftest fixture
    return {engine: sample_site_on(engine).out for engine in ENGINES}


def test_no_engine_misses_a_page_or_file_the_other_writes(sites: dict[str, Path]) -> None:
    files = {engine: site_files(site) for engine, site in sites.items()}
    for engine, own in files.items():
        others = set().union(*(f for e, f in files.items() if e != engine))
        assert sorted(others - own) == [], f"{engine} 缺少其他引擎生成的文件"
    assert len([f for f in files["mkdocs"] if f.endswith("index.html")]) > 100


def test_the_sitemaps_list_the_same_pages(sites: dict[str, Path]) -> None:
    locs = {engine: sorted(_LOC.findall((site / "sitemap.xml").read_text(encoding="utf-8"))) for engine, site in sites.items()}
    assert locs["zensical"] == locs["mkdocs"] and len(locs["mkdocs"]) > 100


def test_search_indexes_the_same_records(sites: dict[str, Path]) -> None:
    records = {engine: search_records(site) for engine, site in sites.items()}
    assert sorted(records["zensical"]) == sorted(records["mkdocs"]) and len(records["mkdocs"]) > 40
    differing = [url for url, data in records["mkdocs"].items() if records["zensical"][url] != data]
    assert differing == [], "两种引擎生成的页面被索引的内容不同"
