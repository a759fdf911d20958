"""The few git commands Gongkai runs: read files of another commit without touching the working tree."""

from __future__ import annotations

import io
import subprocess
import tarfile
from pathlib import Path

from generator.errors import GongkaiError


def git(*args: str, cwd: Path) -> bytes:
    try:
        return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True).stdout
    except (OSError, subprocess.CalledProcessError) as exc:
        detail = getattr(exc, "stderr", b"") or b""
        raise GongkaiError(f"git {' '.join(args)} 失败：{detail.decode('utf-8', 'replace').strip() or exc}") from None


def export_tree(repo: Path, rev: str, paths: list[str], dest: Path) -> None:
    """The files of `paths` as they were at `rev` (paths missing at that revision are simply absent)."""
    present = [p for p in paths if git("ls-tree", "--name-only", rev, p, cwd=repo).strip()]
    if not present:
        return
    archive = git("archive", "--format=tar", rev, "--", *present, cwd=repo)
    try:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(dest, filter="data")  # links inside stay links (load refuses them); others are refused here
    except (tarfile.TarError, OSError) as exc:
        raise GongkaiError(f"无法取出 {rev} 的文件（其中有指向别处的链接或不安全的路径？）：{exc}") from None


def repository_root(folder: Path) -> Path | None:
    """The work tree that holds `folder`, or None when it is not in one (or git is missing)."""
    try:
        return Path(git("rev-parse", "--show-toplevel", cwd=folder).decode("utf-8").strip())
    except GongkaiError:
        return None


def adding_commit(repo: Path, path: Path) -> str | None:
    """The newest commit in HEAD's history that added the file `path` (relative to nothing: absolute or repo-relative)."""
    try:
        found = git("log", "--format=%H", "--diff-filter=A", "--", str(path), cwd=repo).decode("ascii").split()
    except GongkaiError:
        return None
    return found[0] if found else None
