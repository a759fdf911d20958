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


def _linking_page(bundle: SiteBundle, target: str) -> str:
    """A page outside the nav (so the cache may hold it) whose source links to `target`."""
    name = target.rsplit("/", 1)[-1]
    return next(p for p in sorted(bundle.pages) if p != target and p.startswith(("revisions/", "responsibility/"))
                and name in bundle.pages[p].content)


def test_a_page_whose_link_target_disappears_fails_warm_as_cold(bundle: SiteBundle, tmp_path: Path) -> None:
    """The cache never hides a broken link: a page's key covers whether its link targets exist, and a page MkDocs
    warned about is not kept (a warm build used to pass where a cold one failed)."""
    from generator.errors import BuildError

    cache = tmp_path / "pages"
    _build(bundle, tmp_path / "first", cache, parallel=False)
    target = _record_page(bundle)
    linking = _linking_page(bundle, target)
    broken = SiteBundle(pages={p: v for p, v in bundle.pages.items() if p != target}, files=bundle.files)
    for attempt in ("warm", "again", "cold"):
        with pytest.raises(BuildError) as failure:
            _build(broken, tmp_path / attempt, cache if attempt != "cold" else None, parallel=False)
        assert linking in str(failure.value), attempt
    kept = {p.name for p in cache.rglob("*")}
    assert not any(".html.z." in name for name in kept)  # nothing left waiting under a build's name
