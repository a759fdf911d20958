"""Reuse the finished HTML of unchanged pages outside the nav (record, revision and responsibility pages).

Such a page's HTML depends on its own Markdown source, on what every page shares (the site configuration, the
nav: titles and addresses, not the listing pages' contents, the theme files and the versions of the libraries that
render it) and on which of the files it links to exist (MkDocs rewrites a link to an existing file and leaves a
broken one as it is, with a warning). The shared part goes into one context digest; a page's key is the digest
plus its path, its source and its link targets (each with whether it exists, and for a link to a place in another
page, that page's source). A reused page is taken out of MkDocs' build (excluded, so links to it still resolve)
and its stored HTML is copied in as a static file.

A page MkDocs warned about is never kept (commit() drops it): reusing it would hide the warning, and a cached
build must fail or pass exactly as a cold one. Pages are written under a name of this build and renamed into
place only then. The output is byte-identical either way: tests/mkdocs_adapter/test_pagecache.py builds twice
and compares.

Stored zlib-compressed under <project>/.cache/pages/; GONGKAI_NO_CACHE=1 turns it off.
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
import re
import uuid
import zlib
from contextlib import suppress
from importlib import metadata
from pathlib import Path
from typing import Any, Iterable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

from generator.files import describe, printable, read_regular
from generator.engines import markup
from generator.mkdocs_adapter import flavour
from generator.notice import warn

FORMAT = "pages-3"  # bump when what is stored or what a key covers changes
_LIBRARIES = ("mkdocs", "properdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2")
_ADAPTER = Path(__file__).resolve().parent
_MARKUP = Path(markup.__file__).resolve()
# Configuration keys that change what a page looks like; site_dir and strict do not.
_CONFIG_KEYS = ("site_name", "site_url", "site_description", "site_author", "repo_url", "repo_name", "edit_uri",
                "copyright", "use_directory_urls", "extra", "extra_css", "extra_javascript", "markdown_extensions",
                "mdx_configs", "nav")


def _digest(parts: Iterable[bytes]) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(hashlib.sha256(part).digest())
    return h.hexdigest()


def _tree(folder: Path) -> Iterable[bytes]:
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        yield path.relative_to(folder).as_posix().encode()
        yield path.read_bytes()


def _nav_signature(items: list[Any], titles: dict[str, str]) -> list[Any]:
    """Titles and addresses as every page's sidebar shows them; a generated page by its title, a hand-written
    one by its source (its title may come from its first heading)."""
    out: list[Any] = []
    for item in items:
        if isinstance(item, Section):
            out.append(["section", item.title, _nav_signature(item.children, titles)])
        elif isinstance(item, Link):
            out.append(["link", item.title, item.url])
        elif isinstance(item, Page):
            source = titles.get(item.file.src_uri) or hashlib.sha256(item.file.content_bytes).hexdigest()
            out.append(["page", item.title if item.title is not None else "", item.file.src_uri, source])
    return out


def context_digest(config: MkDocsConfig, nav: Navigation, generated_titles: dict[str, str]) -> str:
    settings = {key: config.get(key) for key in _CONFIG_KEYS}
    settings["theme"] = dict(config.theme.items())
    versions = []
    for name in _LIBRARIES:
        try:
            versions.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name}=?")
    parts = [FORMAT.encode(), flavour.version().encode(), json.dumps(settings, sort_keys=True, default=str, ensure_ascii=False).encode(),
             json.dumps(_nav_signature(nav.items, generated_titles), ensure_ascii=False).encode(), " ".join(versions).encode()]
    for folder in [Path(d) for d in config.theme.dirs if Path(d).is_dir() and "site-packages" not in d] + [_ADAPTER]:
        parts.extend(_tree(folder) if folder != _ADAPTER else (p.read_bytes() for p in sorted(folder.glob("*.py"))))
    parts.append(_MARKUP.read_bytes())  # the last pass over every page (whitespace, repairs) is stored with it
    return _digest(parts)


# Link targets in a page's source: Markdown links and the href/src of raw HTML. Over-matching only adds to a key.
_LINK = re.compile(r"""\]\(\s*<?([^)\s>]+)|\b(?:href|src)\s*=\s*["']([^"']+)["']""")
_WARNED_PAGE = re.compile(r"^Doc file '(.+?)' ")


def link_signature(src_uri: str, markdown: bytes, files: Files) -> list[list[str]]:
    """Each relative link target of a page with what decides how MkDocs renders and checks it: whether the file
    exists and, for a link to a place in another page, that page's source. Absolute links and other schemes are
    the page's own text (already in the key)."""
    found: dict[str, list[str]] = {}
    for match in _LINK.finditer(markdown.decode("utf-8", errors="replace")):
        url = match.group(1) or match.group(2)
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^/|^//|^#", url):
            continue
        path, _, fragment = url.partition("#")
        target = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), path.split("?")[0]))
        file = files.get_file_from_path(target)
        source = hashlib.sha256(file.content_bytes).hexdigest() if file is not None and fragment and file.is_documentation_page() else ""
        found[url] = [target, "1" if file is not None else "0", source]
    return [[url, *found[url]] for url in sorted(found)]


def warned_pages(messages: list[str]) -> set[str] | None:
    """The pages MkDocs' warnings name; None when a warning names no page (then no page is kept)."""
    pages = set()
    for message in messages:
        match = _WARNED_PAGE.match(message)
        if match is None:
            return None
        pages.add(match.group(1))
    return pages


def outside_nav(files: Files, nav: Navigation, generated_titles: dict[str, str]) -> list[File]:
    """Generated pages the nav does not list (records, revisions, responsibility lists), in build order."""
    in_nav = {page.file.src_uri for page in nav.pages}
    return [f for f in files.documentation_pages() if f.src_uri in generated_titles and f.src_uri not in in_nav]


class PageCache:
    def __init__(self, folder: Path | None) -> None:
        self.folder = None if os.environ.get("GONGKAI_NO_CACHE") == "1" else folder
        self.configured = self.folder  # where this build's waiting pages are, even after _skip gave up writing
        self.pending: dict[str, str] = {}  # src_uri → key, for pages MkDocs renders this time
        self.stored: dict[str, str] = {}  # src_uri → key, written under this build's name until commit()
        self.reused: set[str] = set()
        self.token = uuid.uuid4().hex  # this build's pages wait under <key>.html.z.<token> (workers share it)
        self.damaged = 0  # entries that could not be read back (rendered afresh)

    def _skip(self, exc: OSError) -> None:
        """A cache that cannot be written (full disk, read-only folder) is left alone for the rest of the build."""
        if self.folder is not None:
            warn(f"页面缓存 {printable(str(self.folder))} 无法写入（{describe(exc)}），本次不再写入缓存；网站照常生成。")
        self.folder = None

    def _path(self, key: str, folder: Path | None = None) -> Path:
        folder = folder or self.folder
        assert folder is not None
        return folder / key[:2] / f"{key}.html.z"

    def reuse(self, outside: list[File], files: Files, config: MkDocsConfig, nav: Navigation,
              generated_titles: dict[str, str]) -> list[File]:
        """Swap every cached page of `outside` for its stored HTML; returns the pages still to render."""
        if self.folder is None:
            return outside
        context = context_digest(config, nav, generated_titles)
        remaining: list[File] = []
        for file in outside:
            links = json.dumps(link_signature(file.src_uri, file.content_bytes, files)).encode()
            key = _digest([context.encode(), file.src_uri.encode(), file.content_bytes, links])
            try:
                html = zlib.decompress(read_regular(self._path(key)))
            except (OSError, zlib.error) as exc:
                self.damaged += not isinstance(exc, FileNotFoundError)
                self.pending[file.src_uri] = key
                remaining.append(file)
                continue
            file.inclusion = InclusionLevel.EXCLUDED
            files.append(File.generated(config, file.dest_uri, content=html))
            self.reused.add(file.src_uri)
        if self.damaged:
            warn(f"页面缓存 {printable(str(self.folder))} 中有 {self.damaged} 个条目已损坏或无法读取，这些页面已重新生成。")
        return remaining

    def _waiting(self, key: str, folder: Path | None = None) -> Path:
        return self._path(key, folder).with_name(f"{key}.html.z.{self.token}")

    def store(self, src_uri: str, html: str) -> None:
        key = self.pending.pop(src_uri, None)
        if key is None or self.folder is None:
            return
        path = self._waiting(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(zlib.compress(html.encode("utf-8", errors="xmlcharrefreplace"), 1))
            self.stored[src_uri] = key
        except OSError as exc:
            with suppress(OSError):
                path.unlink(missing_ok=True)
            self._skip(exc)  # a cache that cannot be written only costs the next build time

    def commit(self, warnings: list[str] | None, also_stored: dict[str, str] | None = None) -> None:
        """Keep this build's pages except those MkDocs warned about (none when a warning names no page, or when
        `warnings` is None: the build broke off); `also_stored`: what the page workers stored. Each rename is
        atomic: a parallel build never reads half a file."""
        stored = {**self.stored, **(also_stored or {})}
        keep = self.folder is not None and warnings is not None  # not after the cache was found unwritable (_skip)
        warned = warned_pages(warnings) if keep and warnings is not None else None
        for src_uri, key in sorted(stored.items()):
            waiting = self._waiting(key, self.configured)
            try:
                if warned is None or src_uri in warned:
                    waiting.unlink(missing_ok=True)
                else:
                    os.replace(waiting, self._path(key, self.configured))
            except OSError:
                pass
        self.stored = {}
