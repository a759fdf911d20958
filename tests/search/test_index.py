"""generator/search/index.py: which pages Pagefind reads, and how failures surface."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import BuildError
from generator.search import index

PAGE = '<!doctype html><html lang="zh"><head><title>{t}</title></head><body><nav>导航栏目</nav>{body}</body></html>'


def _write(site: Path, rel: str, body: str) -> None:
    path = site / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(PAGE.format(t=rel, body=body), encoding="utf-8")


def test_only_record_folders_are_indexed(tmp_path: Path) -> None:
    _write(tmp_path, "powers/a/index.html", "<article data-pagefind-body><h1>食品经营许可</h1></article>")
    _write(tmp_path, "fees/b/index.html", "<article data-pagefind-body><h1>护照收费</h1></article>")
    _write(tmp_path, "catalogue/secret/index.html", "<article data-pagefind-body><h1>涉密事项</h1></article>")
    _write(tmp_path, "index.html", "<article><h1>首页</h1></article>")
    report = index.index_site(tmp_path)
    assert report.pages == 2
    assert report.bundle == tmp_path / "pagefind"
    assert (tmp_path / "pagefind" / "pagefind.js").is_file()


def test_site_without_records_gets_no_index(tmp_path: Path) -> None:
    _write(tmp_path, "index.html", "<article><h1>首页</h1></article>")
    report = index.index_site(tmp_path)
    assert report.pages == 0 and report.bundle is None
    assert not (tmp_path / "pagefind").exists()


def test_pagefind_failure_is_a_build_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(tmp_path, "powers/a/index.html", "<article data-pagefind-body><h1>食品经营许可</h1></article>")
    monkeypatch.setattr(index, "pagefind_executable", lambda: Path("/bin/false"))
    with pytest.raises(BuildError, match="建立搜索索引失败"):
        index.index_site(tmp_path)


def test_missing_binary_is_a_build_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(tmp_path, "powers/a/index.html", "<article data-pagefind-body><h1>食品经营许可</h1></article>")
    monkeypatch.setattr(index, "pagefind_executable", lambda: tmp_path / "no-such-pagefind")
    with pytest.raises(BuildError, match="无法运行 Pagefind"):
        index.index_site(tmp_path)


def test_uses_the_extended_binary() -> None:
    assert "extended" in index.pagefind_executable().name
