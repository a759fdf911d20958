"""`gongkai build`: atomic output (issue 8 item 5) and the swap."""

from __future__ import annotations

import errno
import hashlib
import shutil
from pathlib import Path

import pytest

from generator.build import BuildRequest, build
from generator.errors import BuildError, CatalogueError
from tests.conftest import GOOD, ROOT
from tests.test_sample_site import _contents


def _tree_digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def previous_site(tmp_path: Path) -> Path:
    """An existing output folder with a marker that a real build would never write."""
    out = tmp_path / "out" / "site"
    out.mkdir(parents=True)
    (out / "index.html").write_text("previous site", encoding="utf-8")
    (out / "marker.txt").write_text("keep me", encoding="utf-8")
    return out


def _request(catalogue: Path, out: Path) -> BuildRequest:
    return BuildRequest(catalogue, out, ROOT / "mkdocs.yml", GOOD / "flowcharts")


def _assert_untouched(out: Path, before: dict[str, str]) -> None:
    assert _tree_digest(out) == before
    assert sorted(p.name for p in out.parent.iterdir()) == [out.name], "a staged or .old folder was left behind"


def test_bad_record_leaves_previous_site(good_catalogue: Path, previous_site: Path) -> None:
    before = _tree_digest(previous_site)
    (good_catalogue / "catalogue" / "demo-market" / "powers" / "sign-penalty.yaml").write_text("id: sign-penalty\n", encoding="utf-8")
    with pytest.raises(CatalogueError):
        build(_request(good_catalogue / "catalogue", previous_site))
    _assert_untouched(previous_site, before)


@pytest.mark.parametrize("stage", ["generator.mkdocs_adapter.engine.build_site", "generator.build.index_site", "generator.build.fix_sitemap"])
def test_crash_after_staging_leaves_previous_site(stage: str, previous_site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = _tree_digest(previous_site)

    def disk_full(*args: object, **kwargs: object) -> None:
        for staged in (a for a in args if isinstance(a, Path) and a.is_dir()):
            (staged / "half-written.html").write_text("…", encoding="utf-8")  # a partial write, then the disk is full
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(stage, disk_full)
    with pytest.raises(BuildError, match="写入输出目录失败"):
        build(_request(GOOD / "catalogue", previous_site))
    _assert_untouched(previous_site, before)


def test_crashing_dot_leaves_previous_site(previous_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = _tree_digest(previous_site)
    crashing = tmp_path / "dot"
    crashing.write_text("#!/bin/sh\nkill -SEGV $$\n", encoding="utf-8")  # Graphviz dying on a signal
    crashing.chmod(0o755)
    monkeypatch.setenv("GONGKAI_CHART_CACHE", "off")
    monkeypatch.setattr("generator.charts.batch.dot_binary", lambda: str(crashing))
    with pytest.raises(BuildError, match="Graphviz"):
        build(_request(GOOD / "catalogue", previous_site))
    _assert_untouched(previous_site, before)


def test_engine_bug_still_leaves_previous_site(previous_site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = _tree_digest(previous_site)

    def crash(*args: object, **kwargs: object) -> None:
        raise RuntimeError("engine crashed")

    monkeypatch.setattr("generator.mkdocs_adapter.engine.build_site", crash)
    with pytest.raises(RuntimeError):
        build(_request(GOOD / "catalogue", previous_site))
    _assert_untouched(previous_site, before)


def test_output_parent_that_is_a_file_is_a_plain_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(BuildError, match="无法创建输出目录"):
        build(_request(GOOD / "catalogue", blocker / "site"))


def test_good_fixture_builds_every_page(tmp_path: Path) -> None:
    out = tmp_path / "site"
    build(_request(GOOD / "catalogue", out))
    for page in ["powers/shop-licence", "powers/sign-penalty", "fees/licence-fee", "services/residence-certificate",
                 "departments/demo-market", "departments/demo-civil", "catalogue/secret"]:
        assert (out / page / "index.html").is_file(), page
    assert not (out / "powers" / "secret-check").exists()
    # The secret fixture power carries SENTINEL-… in its non-public fields: none may reach any byte of the output.
    leaks = [where for p in sorted(out.rglob("*")) if p.is_file() for where, data in _contents(p) if b"SENTINEL" in data]
    assert leaks == []
    shutil.rmtree(out)


def test_a_second_build_copies_the_search_index(good_catalogue: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages of an unchanged catalogue come out the same, so every search shard comes from <project>/.cache/search;
    GONGKAI_NO_CACHE=1 indexes afresh."""
    from generator.search import index

    build(_request(good_catalogue / "catalogue", tmp_path / "one"))
    assert any((good_catalogue / ".cache" / "search").iterdir())
    runs: list[Path] = []
    real = index._run_pagefind
    monkeypatch.setattr(index, "_run_pagefind", lambda command, cwd: runs.append(cwd) or real(command, cwd))
    build(_request(good_catalogue / "catalogue", tmp_path / "two"))
    assert runs == []
    assert _tree_digest(tmp_path / "two") == _tree_digest(tmp_path / "one")
    monkeypatch.setenv("GONGKAI_NO_CACHE", "1")
    build(_request(good_catalogue / "catalogue", tmp_path / "three"))
    assert len(runs) == 1


def test_build_makes_only_whole_sites(tmp_path: Path) -> None:
    # a part is generator.parts.build_part's job: build() never reaches up into parts/
    with pytest.raises(ValueError, match="build_part"):
        build(BuildRequest(ROOT / "catalogue", tmp_path / "out", ROOT / "mkdocs.yml", part="1/3"))
    assert not (tmp_path / "out").exists()
