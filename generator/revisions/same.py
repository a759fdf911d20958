"""An earlier revision's site stores only what differs from the current site (the root of the published tree).

Static hosting has no server redirects, so an earlier revision's folder keeps its own tree of addresses:

- a page byte-identical to the current site's page (but for the notice of a site rebuilt from its snapshot) at the same address becomes a small page that says the item
  did not change since that revision and forwards to the current page (`same_page`);
- any other file byte-identical to the current one (download, chart, JSON, schema, image) is not stored again; the
  revision's own pages link to the current site's copy instead (`retarget`). Files that scripts or the host read by
  a path they compute (search index, sitemap, feed, scripts and styles, the editor's bundle: FETCHED) are always
  kept, so search and the version selector read the revision's own data;
- a folder of the editor (`admin/`) whose page is the same as the current one is dropped with its page forwarded.

The list of what was left out is kept in the publish stamp, so the next publish can put the revision's full site
back together from the previous tree (`restore`) before comparing it with the new current site.
"""

from __future__ import annotations

import html
import os
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

# Read by scripts or by the host at a path they compute, not through a link in a page: always kept.
FETCHED = ("assets/", "pagefind", "search/", "sitemap.xml", "feed.xml", "404.html")
BUNDLE_FOLDERS = ("admin",)  # the editor's scripts read its files: dropped whole only when its page is the current one
LINK = re.compile(rb'(\s(?:href|src)=")([^"#?]*)([^"]*")')
# The notice a site rebuilt from a revision's snapshot carries on every page (sources.SNAPSHOT_NOTICE): a page that
# differs from the current one only by it showed the same content.
_NOTICE = re.compile(rb'(data-md-component="announce">)(\s*(?:<aside class="md-banner">\s*<div class="md-banner__inner md-grid md-typeset">'
                     rb'\s*<p class="gk-notice">[^<]*</p>\s*</div>\s*</aside>\s*)?)(</div>)')


@dataclass
class Same:
    pages: list[str] = field(default_factory=list)  # forwarded to the current page
    files: list[str] = field(default_factory=list)  # not stored: the revision's pages link to the current copy
    linked: list[str] = field(default_factory=list)  # pages whose links were pointed at the current copies
    noticed: list[str] = field(default_factory=list)  # forwarded pages that differed only by the snapshot notice
    notice: str = ""  # that notice's block

    def as_stamp(self) -> dict:
        found = {"same_pages": self.pages, "same_files": self.files, "linked": self.linked}
        return {**found, "noticed": self.noticed, "notice": self.notice} if self.noticed else found

    @classmethod
    def from_stamp(cls, stamp: dict) -> Same:
        return cls(*(list(stamp.get(key, [])) for key in ("same_pages", "same_files", "linked", "noticed")), stamp.get("notice", ""))


def same_page(depth: int, address: str, revision: str) -> str:
    """The page kept for an unchanged page of `revision`: a note and a link to the current page (`address`, from the
    site root; the folder sits `depth` levels below it). No timed redirect: a reader (or a screen reader) must have
    time to read why the address changes (WCAG 2.2.1), so the reader follows the link."""
    target = html.escape("../" * depth + address)
    return (
        '<!doctype html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>本页未变更</title>\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<link rel="canonical" href="{target}">\n'
        '<meta name="robots" content="noindex">\n</head>\n'
        f'<body>\n<p>本页在 {html.escape(revision)} 修订时的内容与最新修订相同，没有另存一份。'
        f'请查看<a href="{target}">最新修订的同一页面</a>。</p>\n</body>\n</html>\n'
    )


def _address(rel: str) -> str:
    parent, name = posixpath.split(rel)
    if name != "index.html":
        return rel
    return parent + "/" if parent else ""


def _identical(a: Path, b: Path) -> bytes | bool:
    """Whether `a` (the revision's) has the bytes of `b` (the current site's); for a page that differs only by the
    snapshot notice, that notice's block (restore puts it back)."""
    try:
        sa, sb = a.stat(), b.stat()
    except OSError:
        return False
    if (sa.st_dev, sa.st_ino) == (sb.st_dev, sb.st_ino):
        return True
    if a.suffix == ".html":
        one, two = a.read_bytes(), b.read_bytes()
        if one == two:
            return True
        found = _NOTICE.search(one)
        if found and b"gk-notice" in found.group(2) and _NOTICE.sub(rb"\1\3", one, count=1) == _NOTICE.sub(rb"\1\3", two, count=1):
            return found.group(2)
        return False
    if sa.st_size != sb.st_size:
        return False
    with a.open("rb") as fa, b.open("rb") as fb:
        while True:
            ca, cb = fa.read(1 << 20), fb.read(1 << 20)
            if ca != cb:
                return False
            if not ca:
                return True


def site_files(folder: Path, skip: set[str]) -> list[str]:
    found = []
    for top, dirs, names in os.walk(folder):
        dirs.sort()
        rel_top = Path(top).relative_to(folder).as_posix()
        for name in sorted(names):
            rel = name if rel_top == "." else f"{rel_top}/{name}"
            if rel not in skip:
                found.append(rel)
    return found


def _replace(path: Path, data: bytes) -> None:
    """Write a new file in place of `path`: its old inode may be a hard link into the previous tree."""
    path.unlink()
    path.write_bytes(data)


def is_relative(url: str) -> bool:
    """Whether a link's address (without query or fragment) is a path relative to its page: not empty, not from the
    host's root, not a fragment and not another scheme (https:, tel:, mailto:)."""
    return bool(url) and not url.startswith(("/", "#")) and ":" not in url.split("/", 1)[0]


def retarget(page: bytes, page_rel: str, revision: str, paths: set[str], to_current: bool) -> bytes:
    """Point the page's links to `paths` (addresses inside the revision's site) at the current site's copies, or
    (to_current False) back at the revision's own. `page_rel`: the page's address inside the revision's site."""
    base = posixpath.dirname(page_rel)
    where = posixpath.join(revision, base) if base else revision

    def swap(match: re.Match[bytes]) -> bytes:
        url = match.group(2).decode("utf-8", "surrogateescape")
        if not is_relative(url):
            return match.group(0)
        if to_current:
            target = posixpath.normpath(posixpath.join(base, url))
            if target not in paths:
                return match.group(0)
            new = posixpath.relpath(target, where)
        else:
            target = posixpath.normpath(posixpath.join(where, url))
            if target.startswith(("../", revision + "/")) or target not in paths:
                return match.group(0)
            new = posixpath.relpath(posixpath.join(revision, target), where)
        return match.group(1) + new.encode("utf-8", "surrogateescape") + match.group(3)

    return LINK.sub(swap, page)


def _in(rel: str, folders: tuple[str, ...]) -> bool:
    return rel.split("/", 1)[0] in folders


def leave_out_same(root: Path, folder: Path, revision: str, skip: set[str]) -> Same:
    """Compare an earlier revision's site in `folder` (root/<revision>) with the current site at `root`; keep only
    what differs (see the module's docstring). `skip`: top-level names of `folder` that are not its site."""
    same = Same()
    files = site_files(folder, skip)
    identical = {}
    for rel in files:
        found = _identical(folder / rel, root / rel)
        if found:
            identical[rel] = found
    bundles = {rel.split("/", 1)[0] for rel in files if _in(rel, BUNDLE_FOLDERS) and rel.endswith("/index.html")
               and rel.count("/") == 1 and rel in identical}
    for rel in files:
        if rel not in identical:
            continue
        if rel.endswith(".html") and rel != "404.html":
            same.pages.append(rel)
            if isinstance(identical[rel], bytes):
                same.noticed.append(rel)
                same.notice = identical[rel].decode("utf-8")
            _replace(folder / rel, same_page(rel.count("/") + 1, _address(rel), revision).encode("utf-8"))
        elif not rel.startswith(FETCHED) and (not _in(rel, BUNDLE_FOLDERS) or _in(rel, tuple(bundles))):
            same.files.append(rel)
            (folder / rel).unlink()
    removed = set(same.files)
    if removed:
        forwarded = set(same.pages)
        for rel in files:
            if rel.endswith(".html") and rel not in forwarded:
                page = (folder / rel).read_bytes()
                changed = retarget(page, rel, revision, removed, to_current=True)
                if changed != page:
                    _replace(folder / rel, changed)
                    same.linked.append(rel)
    _prune_empty(folder)
    return same


def _prune_empty(folder: Path) -> None:
    for top, dirs, names in os.walk(folder, topdown=False):
        if not dirs and not names and Path(top) != folder:
            try:
                Path(top).rmdir()
            except OSError:
                pass


def restore(previous_root: Path, folder: Path, revision: str, same: Same) -> None:
    """Undo `leave_out_same` on a copy (hard links) of a revision folder from the previous tree, whose root is
    `previous_root`: the revision's full site again."""
    for rel in same.pages + same.files:
        target = folder / rel
        target.unlink(missing_ok=True)
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(previous_root / rel, target)
        except OSError:
            target.write_bytes((previous_root / rel).read_bytes())
    notice = same.notice.encode("utf-8")
    for rel in same.noticed:
        _replace(folder / rel, _NOTICE.sub(lambda m: m.group(1) + notice + m.group(3), (folder / rel).read_bytes(), count=1))
    removed = set(same.files)
    for rel in same.linked:
        page = (folder / rel).read_bytes()
        _replace(folder / rel, retarget(page, rel, revision, removed, to_current=False))
