"""The Zensical workspace: docs/ is synchronised (unchanged files untouched, stale ones removed), and a build that
finds the kept workspace in use builds in a private folder instead of sharing it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.zensical_adapter.workspace import hand_written, sync_docs, workspace


def test_sync_writes_changes_only_and_removes_stale_files(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    sync_docs(docs, {"a.md": b"one", "sub/b.md": b"two", "gone.md": b"old"})
    os.utime(docs / "a.md", (1, 1))
    sync_docs(docs, {"a.md": b"one", "sub/b.md": b"changed"})
    assert (docs / "a.md").stat().st_mtime == 1  # unchanged: not rewritten
    assert (docs / "sub" / "b.md").read_bytes() == b"changed"
    assert not (docs / "gone.md").exists()


def test_hand_written_pages_leave_hidden_files_out(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("x", encoding="utf-8")
    (tmp_path / "about.md").write_text("# 关于", encoding="utf-8")
    assert hand_written(tmp_path) == {"about.md": "# 关于".encode()}


def test_a_busy_workspace_is_not_shared(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GONGKAI_NO_CACHE", raising=False)
    kept = tmp_path / "zensical"
    with workspace(kept, tmp_path) as first:
        with workspace(kept, tmp_path) as second:
            assert first == kept and second != kept and second.parent == tmp_path
        assert not second.exists()  # the private folder is removed afterwards
    with workspace(kept, tmp_path) as again:
        assert again == kept  # free again


def test_no_cache_builds_in_a_private_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GONGKAI_NO_CACHE", "1")
    with workspace(tmp_path / "zensical", tmp_path) as folder:
        assert folder != tmp_path / "zensical"
    assert not (tmp_path / "zensical").exists()


def test_a_configuration_zensical_refuses_is_a_clear_error(tmp_path: Path) -> None:
    """No traceback: the wrapper's configuration is refused by Zensical (here: a nav entry that is not a string)."""
    from generator.errors import BuildError
    from generator.site import SiteBundle
    from generator.zensical_adapter.engine import build_site

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# 首页\n", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: 测试\nnav:\n  - 首页: [1, 2]\n", encoding="utf-8")
    with pytest.raises(BuildError, match="站点生成失败"):
        build_site(SiteBundle(), config, tmp_path / "site", page_cache=None)


def test_a_cache_that_cannot_be_written_builds_in_a_private_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GONGKAI_NO_CACHE", raising=False)
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    with workspace(blocked / "zensical", tmp_path) as folder:
        assert folder.parent == tmp_path and folder.is_dir()
