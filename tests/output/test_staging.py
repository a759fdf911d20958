"""generator/output/staging.py: the swap, world-readable output, and what killed builds leave behind."""

from __future__ import annotations

import errno
import json
import logging
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from generator.output import Staging, clean_leftovers, swap_into_place
from generator.output.staging import MARKER, exchange


def test_swap_restores_previous_site_when_the_final_rename_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out, staged, old = tmp_path / "site", tmp_path / ".site-x" / "new", tmp_path / ".site-x" / "old"
    out.mkdir()
    (out / "a").write_text("old", encoding="utf-8")
    staged.mkdir(parents=True)
    real_rename = Path.rename

    def rename(self: Path, target: Path) -> Path:
        if self == staged:
            raise OSError(errno.EXDEV, "cross-device link")
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    monkeypatch.setattr("generator.output.staging.exchange", lambda a, b: False)  # the two-rename fallback
    with pytest.raises(OSError):
        swap_into_place(staged, out, old)
    assert (out / "a").read_text(encoding="utf-8") == "old"


def test_exchange_trades_two_folders_in_one_step(tmp_path: Path) -> None:
    """publish replaces the root site with no moment without one (renameat2 RENAME_EXCHANGE on Linux)."""
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "from-a").write_text("a", encoding="utf-8")
    (b / "from-b").write_text("b", encoding="utf-8")
    if not exchange(a, b):
        pytest.skip("renameat2(RENAME_EXCHANGE) is not available here")
    assert [p.name for p in a.iterdir()] == ["from-b"] and [p.name for p in b.iterdir()] == ["from-a"]


def test_swap_uses_the_exchange_when_it_can(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out, staged, old = tmp_path / "site", tmp_path / ".site-x" / "new", tmp_path / ".site-x" / "old"
    out.mkdir()
    staged.mkdir(parents=True)
    (staged / "index.html").write_text("new", encoding="utf-8")
    renamed = []
    monkeypatch.setattr(Path, "rename", lambda self, target: renamed.append(self))
    if not exchange(staged, out) or not exchange(staged, out):  # probe, and undo the probe
        pytest.skip("renameat2(RENAME_EXCHANGE) is not available here")
    swap_into_place(staged, out, old)
    assert renamed == [] and (out / "index.html").read_text(encoding="utf-8") == "new"


def test_staging_replaces_the_whole_folder_and_leaves_nothing_beside_it(tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / "stale.html").write_text("old", encoding="utf-8")
    with Staging(out) as staging:
        (staging.site / "index.html").write_text("new", encoding="utf-8")
        staging.commit()
    assert sorted(p.name for p in out.iterdir()) == ["index.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_failed_build_leaves_the_previous_site_and_no_work_folder(tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), Staging(out) as staging:
        (staging.site / "index.html").write_text("half", encoding="utf-8")
        raise RuntimeError("the engine failed")
    assert (out / "index.html").read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_the_site_is_world_readable_whatever_the_umask(tmp_path: Path) -> None:
    out, private = tmp_path / "site", tmp_path / "private.txt"
    private.write_text("x", encoding="utf-8")
    private.chmod(0o600)
    previous = os.umask(0o077)
    try:
        with Staging(out) as staging:
            (staging.site / "assets").mkdir()
            (staging.site / "assets" / "a.css").write_text("a{}", encoding="utf-8")
            (staging.site / "run.sh").write_text("x", encoding="utf-8")
            (staging.site / "run.sh").chmod(0o700)
            (staging.site / "link").symlink_to(private)  # left alone: chmod would follow it
            staging.commit()
    finally:
        os.umask(previous)
    modes = {p.relative_to(out).as_posix(): p.lstat().st_mode & 0o777 for p in out.rglob("*") if not p.is_symlink()}
    assert out.stat().st_mode & 0o777 == 0o755
    assert modes == {"assets": 0o755, "assets/a.css": 0o644, "run.sh": 0o644}
    assert private.stat().st_mode & 0o777 == 0o600


def _work_folder(parent: Path, name: str, owner: dict | None) -> Path:
    folder = parent / name
    (folder / "new").mkdir(parents=True)
    (folder / "new" / "index.html").write_text("half a site", encoding="utf-8")
    if owner is not None:
        (folder / MARKER).write_text(json.dumps(owner), encoding="utf-8")
    return folder


def _ended_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_leftovers_of_killed_builds_are_removed_and_nothing_else(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    out = tmp_path / "site"
    host = socket.gethostname()
    killed = _work_folder(tmp_path, ".site-k1ll3d00", {"host": host, "pid": _ended_pid(), "token": "a"})
    other_name = _work_folder(tmp_path, ".2025-06-30-abcdefgh", {"host": host, "pid": _ended_pid(), "token": "b"})
    running = _work_folder(tmp_path, ".site-running", {"host": host, "pid": os.getppid(), "token": "c"})
    elsewhere = _work_folder(tmp_path, ".site-0th3rh0s", {"host": host + "-other", "pid": _ended_pid(), "token": "d"})
    users = _work_folder(tmp_path, ".site-notes", None)  # someone's own folder: no marker, not mkdtemp's name
    legacy = _work_folder(tmp_path, ".site-a1b2c3d4", None)  # an earlier version's mkdtemp folder, long quiet
    legacy.chmod(0o700)
    os.utime(legacy, (0, 0))
    recent = _work_folder(tmp_path, ".site-e5f6g7h8", None)  # the same, but touched just now: maybe in use
    recent.chmod(0o700)
    old_site = tmp_path / "site.old"
    old_site.mkdir()
    (old_site / "index.html").write_text('<meta name="generator" content="mkdocs-1.6.1, mkdocs-material-9.6">', encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="gongkai"):
        clean_leftovers(out)
    left = {p.name for p in tmp_path.iterdir()}
    assert left == {running.name, elsewhere.name, users.name, recent.name}, left
    assert not {killed.name, other_name.name, legacy.name, "site.old"} & left
    assert caplog.messages == []


def test_an_old_folder_that_is_not_a_site_is_kept_with_a_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    backup = tmp_path / "site.old"
    backup.mkdir()
    (backup / "我的备份.txt").write_text("不要删", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="gongkai"):
        clean_leftovers(tmp_path / "site")
    assert (backup / "我的备份.txt").is_file()
    assert len(caplog.messages) == 1 and "无法确认是 Gongkai 生成的" in caplog.messages[0]


def test_a_build_in_progress_in_this_process_is_not_cleaned(tmp_path: Path) -> None:
    out = tmp_path / "site"
    with Staging(out) as first:
        clean_leftovers(out)  # e.g. a second build started meanwhile
        assert first.site.is_dir()
