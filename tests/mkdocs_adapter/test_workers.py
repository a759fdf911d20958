"""Pages rendered in forked workers: the same bytes as one process, and a failing worker fails the build."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.errors import BuildError
from generator.mkdocs_adapter import workers
from generator.site import SiteBundle
from tests.mkdocs_adapter.test_pagecache import _build, _tree, bundle  # noqa: F401 — the module's bundle fixture

pytestmark = pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: no workers")


def test_parallel_pages_write_the_same_site(bundle: SiteBundle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    monkeypatch.setenv("GONGKAI_NO_CACHE", "1")
    monkeypatch.setattr(workers, "MIN_PAGES", 1)
    _build(bundle, tmp_path / "one", parallel=False)
    _build(bundle, tmp_path / "many", parallel=True)
    one, many = _tree(tmp_path / "one"), _tree(tmp_path / "many")
    assert sorted(one) == sorted(many)
    assert [name for name in one if one[name] != many[name]] == []


def test_a_failing_worker_fails_the_build(bundle: SiteBundle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    monkeypatch.setenv("GONGKAI_NO_CACHE", "1")
    monkeypatch.setattr(workers, "MIN_PAGES", 1)

    def broken(*args: object) -> None:
        raise OSError("disk full (simulated)")

    monkeypatch.setattr(workers, "_render", broken)
    with pytest.raises(BuildError, match="并行生成页面失败.*disk full"):
        _build(bundle, tmp_path / "site", parallel=True)


def test_a_warning_in_a_worker_fails_the_strict_build(bundle: SiteBundle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    import logging

    monkeypatch.setenv("GONGKAI_NO_CACHE", "1")
    monkeypatch.setattr(workers, "MIN_PAGES", 1)

    def warns(*args: object) -> None:
        logging.getLogger("mkdocs.structure.pages").warning(
            "Doc file 'powers/x.md' contains a link 'nope.md', but the target is not found among documentation files.")

    monkeypatch.setattr(workers, "_render", warns)
    with pytest.raises(BuildError, match="nope.md"):
        _build(bundle, tmp_path / "site", parallel=True)
