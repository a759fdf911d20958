"""The page cache: a warm build reuses unchanged pages outside the nav and writes the same bytes as a cold one."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest

from generator.mkdocs_adapter.engine import build_site
from generator.site import SiteBundle
from tests.conftest import ROOT, compile_sample

CONFIG = ROOT / "mkdocs.yml"


@pytest.fixture(scope="module")
def bundle() -> SiteBundle:
    return compile_sample("mkdocs")


def _build(bundle: SiteBundle, out: Path, cache: Path | None = None, parallel: bool = True) -> None:
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        build_site(bundle, CONFIG, out, page_cache=cache, parallel=parallel)
    finally:
        os.chdir(cwd)


def _tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _record_page(bundle: SiteBundle) -> str:
    return next(path for path in sorted(bundle.pages) if path.startswith("powers/"))


def test_warm_build_reuses_record_pages_and_writes_identical_bytes(bundle: SiteBundle, tmp_path: Path) -> None:
    cache = tmp_path / "pages"
    _build(bundle, tmp_path / "cold", cache)
    stored = list(cache.rglob("*.html.z"))
    records = [p for p in bundle.pages if p.startswith(("powers/", "fees/", "services/"))]
    assert len(stored) >= len(records) > 40
    _build(bundle, tmp_path / "warm", cache)
    cold, warm = _tree(tmp_path / "cold"), _tree(tmp_path / "warm")
    assert sorted(cold) == sorted(warm)
    assert [name for name in cold if cold[name] != warm[name]] == []
    assert b"/powers/" in cold["sitemap.xml"]


def test_a_changed_page_is_rendered_again(bundle: SiteBundle, tmp_path: Path) -> None:
    cache = tmp_path / "pages"
    _build(bundle, tmp_path / "first", cache)
    path = _record_page(bundle)
    page = bundle.pages[path]
    changed = SiteBundle(pages={**bundle.pages, path: dataclasses.replace(page, content=page.content + "\n\n页面缓存测试段落\n")},
                         files=bundle.files)
    _build(changed, tmp_path / "second", cache)
    html_path = path.removesuffix(".md") + "/index.html"
    assert "页面缓存测试段落" in (tmp_path / "second" / html_path).read_text(encoding="utf-8")
    assert "页面缓存测试段落" not in (tmp_path / "first" / html_path).read_text(encoding="utf-8")
