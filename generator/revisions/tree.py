"""Pieces of the published tree: linked copies, the current revision's forwarding pages, sizes and versions.json.

Files are never rewritten in place, so a revision kept from the previous tree is hard-linked into the next one
(no copy of tens of thousands of pages); the host still counts every file (GitHub Pages packs a dereferenced tar).
"""

from __future__ import annotations

import html
import json
import os
import shutil
from pathlib import Path

from generator.revisions.manifest import Revision

STAMP = ".gongkai-publish.json"  # what each revision folder was built from (publish.py), beside versions.json
VERSIONS = "versions.json"


def link_tree(source: Path, target: Path, skip: set[str] = frozenset()) -> None:  # type: ignore[assignment]
    """`target` gets every file of `source` (except the top-level names in `skip`) as a hard link, or a copy."""
    def link(src: str, dst: str) -> None:
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    target.mkdir(parents=True, exist_ok=True)
    for child in sorted(source.iterdir()):
        if child.name in skip:
            continue
        if child.is_dir():
            shutil.copytree(child, target / child.name, copy_function=link, dirs_exist_ok=True)
        else:
            link(str(child), str(target / child.name))


def move_tree(source: Path, target: Path) -> None:
    """Every entry of `source` into `target` by renaming (same filesystem), then `source` is removed."""
    target.mkdir(parents=True, exist_ok=True)
    for child in sorted(source.iterdir()):
        child.rename(target / child.name)
    source.rmdir()


def tree_bytes(folder: Path) -> int:
    total = 0
    for top, _, files in os.walk(folder):
        total += sum(os.lstat(os.path.join(top, name)).st_size for name in files)
    return total


def _forward(depth: int, address: str) -> str:
    """A page that sends the reader to the same page at the site root (the current revision lives there)."""
    target = html.escape("../" * depth + address)
    return (
        '<!doctype html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>最新修订</title>\n'
        f'<meta http-equiv="refresh" content="0; url={target}">\n<link rel="canonical" href="{target}">\n'
        '<meta name="robots" content="noindex">\n</head>\n'
        f'<body>\n<p>这是最新修订，内容见<a href="{target}">本站首页下的同一页面</a>。</p>\n</body>\n</html>\n'
    )


def forwarding_pages(site: Path, target: Path) -> None:
    """In `target` (the current revision's folder) one small page per HTML page of `site` (the root site), each
    forwarding to its root twin, plus the sitemap the version selector reads to stay on the same page."""
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site)
        address = rel.parent.as_posix() + "/" if rel.name == "index.html" else rel.as_posix()
        address = "" if address == "./" else address
        out = target / rel
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(_forward(len(rel.parts), address), encoding="utf-8")
    for name in ("sitemap.xml", "sitemap.xml.gz"):
        if (site / name).is_file():
            shutil.copy2(site / name, target / name)


def versions_json(revisions: list[Revision], full: set[str]) -> bytes:
    """mike's format, newest first; only revisions with a full site are offered in the selector."""
    newest = revisions[-1].id
    items = [
        {"version": r.id, "title": f"{r.data['date']} 修订" + ("（最新）" if r.id == newest else ""), "aliases": ["latest"] if r.id == newest else []}
        for r in reversed(revisions) if r.id in full
    ]
    return (json.dumps(items, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def read_stamp(out: Path) -> dict:
    try:
        data = json.loads((out / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_stamp(out: Path, stamp: dict) -> None:
    (out / STAMP).write_text(json.dumps(stamp, ensure_ascii=False, sort_keys=True, indent=1) + "\n", encoding="utf-8")
