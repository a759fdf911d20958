"""Zensical builds: pages rendered ahead on every core and the kept workspace (Zensical's own page cache) both write
the same bytes as a plain cold build; a page gone from the bundle is gone from the site."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.site import SiteBundle
from generator.zensical_adapter import engine, prerender
from tests.conftest import ROOT, compile_sample

pytestmark = pytest.mark.e2e
CONFIG = ROOT / "mkdocs.yml"


@pytest.fixture(scope="module")
def bundle() -> SiteBundle:
    return compile_sample("zensical")


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> list[prerender.Prerender]:
    """Every Prerender the builds of a test use, in order."""
    made: list[prerender.Prerender] = []

    class Recorded(prerender.Prerender):
        def __init__(self, enabled: bool = False) -> None:
            super().__init__(enabled)
            made.append(self)

    monkeypatch.setattr(engine, "Prerender", Recorded)
    monkeypatch.setattr(prerender, "MIN_PAGES", 1)
    return made


def _build(bundle: SiteBundle, out: Path, cache: Path | None = None, parallel: bool = True, strict: bool = True) -> dict[str, bytes]:
    engine.build_site(bundle, CONFIG, out, strict=strict, page_cache=cache, parallel=parallel)
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def _outside_nav(bundle: SiteBundle) -> list[str]:
    return [path for path in bundle.pages if path.startswith(("powers/", "fees/", "services/"))]


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: nothing is rendered ahead")
def test_pages_rendered_ahead_write_the_same_site(bundle: SiteBundle, tmp_path: Path, runs, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("GONGKAI_NO_CACHE", "1")
    one = _build(bundle, tmp_path / "one", parallel=False)
    many = _build(bundle, tmp_path / "many", parallel=True)
    assert sorted(one) == sorted(many)
    assert [name for name in one if one[name] != many[name]] == []
    assert runs[0].ahead == runs[0].hits == 0
    # Every page rendered ahead was used: the calls were foreseen exactly, not silently rendered twice.
    assert runs[1].ahead >= len(_outside_nav(bundle)) > 40
    assert runs[1].hits == runs[1].ahead


def test_warm_build_writes_the_same_site_and_renders_nothing_ahead(bundle: SiteBundle, tmp_path: Path, runs) -> None:  # noqa: ANN001
    cache = tmp_path / "zensical"
    cold = _build(bundle, tmp_path / "cold", cache)
    warm = _build(bundle, tmp_path / "warm", cache)
    assert sorted(cold) == sorted(warm)
    assert [name for name in cold if cold[name] != warm[name]] == []
    assert runs[1].ahead == 0  # Zensical's own cache has every page since the first build


def test_a_page_gone_from_the_bundle_is_gone_from_the_site(bundle: SiteBundle, tmp_path: Path, runs) -> None:  # noqa: ANN001
    cache = tmp_path / "zensical"
    gone = _outside_nav(bundle)[0]
    first = _build(bundle, tmp_path / "first", cache)
    fewer = SiteBundle(pages={p: page for p, page in bundle.pages.items() if p != gone}, files=bundle.files)
    second = _build(fewer, tmp_path / "second", cache, strict=False)  # other pages still link to it
    html = gone.removesuffix(".md") + "/index.html"
    assert html in first and html not in second
    assert not (cache / "docs" / gone).exists()
