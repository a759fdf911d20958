"""The folder Zensical builds in: a generated config, a docs folder and Zensical's own cache.

Zensical builds a project folder (config, docs/, site/), and requires docs_dir and site_dir inside the config's
folder. The generated mkdocs.yml INHERITs the project's (nav, theme, Markdown extensions, validation are read once,
by Zensical) and only moves docs_dir and site_dir into the workspace, points custom_dir at the project's overrides,
keeps Material's classic look and turns Zensical's own search off (Pagefind indexes the site instead).

The page cache: with a cache folder the workspace is kept between builds. Zensical keeps the rendered Markdown of
every page in its .cache/ by content, so an unchanged page is not rendered again; docs/ is synchronised, not
rewritten. The folder is locked while a build uses it; a second build at the same time (or GONGKAI_NO_CACHE=1)
builds in a private folder that is removed afterwards.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.cache import caching_disabled

CONFIG_NAME = "mkdocs.yml"


@contextmanager
def workspace(cache: Path | None, scratch_parent: Path) -> Iterator[Path]:
    lock = None
    if cache is not None and not caching_disabled():
        try:
            cache.mkdir(parents=True, exist_ok=True)
            lock = open(cache / ".lock", "w", encoding="utf-8")  # noqa: SIM115 — held across the yield
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:  # another build holds it, or the cache cannot be written: a private folder, never a failure
            if lock is not None:
                lock.close()
            lock = None
    if lock is not None:
        try:
            yield cache
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
            lock.close()
        return
    private = Path(tempfile.mkdtemp(prefix=".zensical-", dir=scratch_parent))
    try:
        yield private
    finally:
        shutil.rmtree(private, ignore_errors=True)


def hand_written(docs_dir: Path) -> dict[str, bytes]:
    """The project's own pages and files (content/), by path; hidden files are left out as MkDocs leaves them out."""
    files = {}
    for path in sorted(p for p in docs_dir.rglob("*") if p.is_file()):
        relative = path.relative_to(docs_dir)
        if not any(part.startswith(".") for part in relative.parts):
            files[relative.as_posix()] = path.read_bytes()
    return files


def sync_docs(docs: Path, files: dict[str, bytes]) -> None:
    """Make `docs` hold exactly `files`: unchanged files are not touched, others written, stale ones removed."""
    for path in sorted(p for p in docs.rglob("*") if p.is_file()) if docs.is_dir() else ():
        if path.relative_to(docs).as_posix() not in files:
            path.unlink()
    for relative, content in files.items():
        target = docs / relative
        try:
            if target.stat().st_size == len(content) and target.read_bytes() == content:
                continue
        except OSError:
            target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)


def write_config(root: Path, project_config: Path, custom_dir: Path | None, versioned: bool, notice: str | None = None) -> Path:
    """The workspace's mkdocs.yml (JSON is YAML); Zensical merges it over the project's by INHERIT."""
    theme: dict = {"variant": "classic"}  # Material's look, which overrides/ and its contrast checks were made for
    if custom_dir is not None:
        theme["custom_dir"] = str(custom_dir)
    config = {"INHERIT": str(project_config.resolve()), "docs_dir": "docs", "site_dir": "site", "theme": theme,
              "plugins": [{"search": {"enabled": False}}]}
    extra: dict = {}
    if versioned:  # the version selector reads mike's ../versions.json, which `gongkai publish` writes
        extra["version"] = {"provider": "mike"}
    if notice:  # a line above every page (overrides/main.html, block announce)
        extra["gk_notice"] = notice
    if extra:
        config["extra"] = extra
    path = root / CONFIG_NAME
    text = json.dumps(config, ensure_ascii=False, indent=1)
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path


def move_site(built: Path, site_dir: Path) -> None:
    """Zensical's output into `site_dir` (an empty folder): a rename on one file system, else a copy."""
    try:
        site_dir.rmdir()
        os.rename(built, site_dir)
    except OSError:
        shutil.copytree(built, site_dir, dirs_exist_ok=True)
        shutil.rmtree(built, ignore_errors=True)
