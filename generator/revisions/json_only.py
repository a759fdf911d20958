"""An earlier revision's site keeps its records as JSON only, not again as tables and packages.

The CSV and XLSX tables and the departments' ZIP packages repeat what the JSON holds (data/catalogue.json.gz, one
file per record). They are 85 MB at 10,000 records, and any change to any record makes them differ from the
current site's, so each kept revision stored them again in full: with six revisions, more than the host's 1 GB
together with everything else. The current site keeps every format; an earlier revision keeps its JSON, which is
its whole published state, and every link its pages had to a table or package leads to a short page (NOTE) that
says where that revision's data is and that the tables are offered for the latest revision.
"""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path

from generator.exports.records import WHOLE
from generator.exports.stage import repeats_the_records
from generator.revisions.same import LINK, is_relative, site_files

NOTE = "downloads/earlier-revision.html"


def note_page(revision: str, day: str) -> str:
    """The page every dropped table's link leads to (it sits one folder below the revision's site)."""
    whole, changes, current = (html.escape(p) for p in (f"../{WHOLE}", "../revision.json", "../../downloads/"))
    return (
        '<!doctype html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>本修订的数据下载</title>\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="robots" content="noindex">\n'
        '</head>\n<body>\n<h1>本修订的数据下载</h1>\n'
        f'<p>{html.escape(day)} 修订（{html.escape(revision)}）的数据只保存 JSON 格式，内容与当时公开的完全一致：</p>\n<ul>\n'
        f'<li><a href="{whole}">全部公开事项（JSON，gzip 压缩）</a>：每一项在本修订时的全部公开内容。</li>\n'
        f'<li><a href="{changes}">本修订的变更记录（JSON）</a>：本次修订改了哪些事项、为什么改。</li>\n</ul>\n'
        '<p>Excel、CSV 表格和各部门的压缩包只为最新修订提供，内容是最新的，可能与本修订不同：'
        f'<a href="{current}">最新修订的数据下载</a>。</p>\n</body>\n</html>\n'
    )


def keep_json_only(folder: Path, revision: str, day: str, skip: set[str]) -> list[str]:
    """Delete the table and package downloads of the revision's site in `folder` and point its pages' links to
    them at NOTE; returns what was deleted. `skip`: top-level names of `folder` that are not its site."""
    files = site_files(folder, skip)
    dropped = [rel for rel in files if repeats_the_records(rel)]
    if not dropped:
        return []
    for rel in dropped:
        (folder / rel).unlink()
    (folder / NOTE).parent.mkdir(parents=True, exist_ok=True)
    (folder / NOTE).write_text(note_page(revision, day), encoding="utf-8")
    gone = set(dropped)
    for rel in files:
        if rel.endswith(".html") and rel not in gone:
            page = (folder / rel).read_bytes()
            changed = _point_at_note(page, rel, gone)
            if changed != page:
                (folder / rel).unlink()  # never write through: the inode may be a hard link into the previous tree
                (folder / rel).write_bytes(changed)
    return dropped


def _point_at_note(page: bytes, page_rel: str, gone: set[str]) -> bytes:
    base = posixpath.dirname(page_rel)
    note = posixpath.relpath(NOTE, base or ".").encode("utf-8")

    def swap(match: re.Match[bytes]) -> bytes:
        url = match.group(2).decode("utf-8", "surrogateescape")
        if not is_relative(url):
            return match.group(0)
        target = posixpath.normpath(posixpath.join(base, url))
        return match.group(1) + note + match.group(3) if target in gone else match.group(0)

    return LINK.sub(swap, page)
