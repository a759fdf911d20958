"""Check a built site for broken internal links and anchors, from the output HTML alone (engine-neutral).

MkDocs validates the Markdown links it rewrites; this also sees what it cannot: links in raw HTML, in the theme's
templates, in our overrides and in generated markup. Every local href/src/srcset must name a file in the site
(a folder URL means its index.html), and every #fragment an id (or an <a name>) in the page it points to.
External links (http(s) to another host), mailto: and tel: are not followed; javascript: must not occur at all.

One lxml parse per page (pages are parsed once, also when other pages link to their anchors). libxml2 decodes
attribute entities the way a browser does, so `&#106;avascript:` is still javascript:.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.etree
import lxml.html

# Attributes that name a resource the browser loads or navigates to, per element.
LINK_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "a": ("href", "xlink:href"),
    "area": ("href",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "script": ("src",),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "form": ("action",),
    "use": ("href", "xlink:href"),
    "image": ("href", "xlink:href"),
}
# A data: URL is an inline resource for these (the theme's icons); elsewhere it is a navigable document.
DATA_OK = {"img", "source", "link", "video", "audio", "track"}
NOT_FOLLOWED = {"mailto", "tel"}
FORBIDDEN = {"javascript", "vbscript"}
_CONTROL = re.compile(r"[\x00-\x20]")  # browsers drop these inside a scheme, so "java\tscript:" is javascript:
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")  # anything else before a colon is a relative path


@dataclass(frozen=True)
class BrokenLink:
    page: str  # site-relative path of the page holding the link
    tag: str
    url: str
    reason: str  # plain Chinese

    def __str__(self) -> str:
        return f"{self.page}：<{self.tag}> “{self.url}” {self.reason}"


@dataclass(frozen=True)
class _Link:
    tag: str
    url: str


@dataclass
class _Page:
    ids: set[str] = field(default_factory=set)
    links: list[_Link] = field(default_factory=list)


_PARSER = lxml.html.HTMLParser(encoding="utf-8")  # our pages are UTF-8, with or without a <meta charset>


def _collect(root: lxml.etree._Element) -> _Page:
    page = _Page()
    for element in root.iter():
        tag = element.tag
        if not isinstance(tag, str):  # comments, processing instructions
            continue
        attributes = element.attrib
        if "id" in attributes:
            page.ids.add(attributes["id"])
        if tag == "a" and "name" in attributes:
            page.ids.add(attributes["name"])
        for name in LINK_ATTRIBUTES.get(tag, ()):
            value = attributes.get(name)
            if value is not None:
                urls = _srcset_urls(value) if name == "srcset" else [value]
                page.links.extend(_Link(tag, url) for url in urls)
    return page


def _srcset_urls(value: str) -> list[str]:
    """The URLs of a srcset ("a.png 1x, b.png 2x"); each candidate is a URL and an optional descriptor."""
    return [part.split()[0] for part in value.split(",") if part.strip()]


def _parse(path: Path) -> _Page:
    root = lxml.etree.fromstring(path.read_bytes(), _PARSER)
    return _Page() if root is None else _collect(root)  # None: an empty file


@dataclass(frozen=True)
class _Base:
    """Where the site is published (site_url), so absolute URLs to the site itself are checked too."""

    host: str = ""
    path: str = "/"

    @classmethod
    def of(cls, site_url: str | None) -> _Base:
        if not site_url:
            return cls()
        parts = urlsplit(site_url)
        return cls(parts.netloc.lower(), parts.path.rstrip("/") + "/")


class _Checker:
    def __init__(self, site: Path, base: _Base) -> None:
        self.site = site
        self.base = base
        self.pages: dict[str, _Page] = {}
        self.targets: dict[str, tuple[str, bool]] = {}  # URL path → (file it serves, exists): one stat per target
        self.broken: list[BrokenLink] = []

    def page(self, rel: str) -> _Page:
        """The parsed page at a site-relative path; files are parsed once, on first need."""
        if rel not in self.pages:
            self.pages[rel] = _parse(self.site / rel)
        return self.pages[rel]

    def check_page(self, rel: str) -> None:
        for link in self.page(rel).links:
            reason = self.problem(rel, link)
            if reason:
                self.broken.append(BrokenLink(rel, link.tag, link.url, reason))

    def problem(self, rel: str, link: _Link) -> str | None:
        """Why the link is broken, or None."""
        url = link.url.strip()
        parts = urlsplit(url)
        has_scheme = _SCHEME.match(_CONTROL.sub("", url))
        scheme = has_scheme.group(1).lower() if has_scheme else ""
        if scheme in FORBIDDEN:
            return "使用了 javascript: 等脚本链接，网站中不允许出现。"
        if scheme in NOT_FOLLOWED or (scheme == "data" and link.tag in DATA_OK):
            return None
        if scheme == "data":
            return "以 data: 网址打开文档，网站中不允许出现。"
        if scheme and scheme not in ("http", "https"):
            return f"使用了不支持的协议 {scheme}:。"
        if parts.netloc:
            if parts.netloc.lower() != self.base.host or not (parts.path or "/").startswith(self.base.path):
                return None  # another site: not followed
            path = (parts.path or "/")[len(self.base.path):]
            return self.target_problem(path, parts.fragment)
        if url.startswith("/"):
            if not url.startswith(self.base.path):
                return f"以 / 开头，但不在站点路径 {self.base.path} 下。"
            return self.target_problem(parts.path[len(self.base.path):], parts.fragment)
        if not parts.path:  # "#anchor" or "?query": this very page
            return self.fragment_problem(rel, parts.fragment)
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(rel), parts.path))  # decoded once, below
        if joined == ".." or joined.startswith("../"):
            return "指向站点目录之外。"
        return self.target_problem(joined + ("/" if parts.path.endswith("/") else ""), parts.fragment)

    def target_problem(self, path: str, fragment: str) -> str | None:
        """`path` is relative to the site root, still percent-encoded as written in the page."""
        if path not in self.targets:
            self.targets[path] = self._resolve(unquote(path) if "%" in path else path)
        target, exists = self.targets[path]
        if not exists:
            return f"指向的文件 {target} 不存在。"
        return self.fragment_problem(target, fragment)

    def _resolve(self, path: str) -> tuple[str, bool]:
        target = path.lstrip("/")
        candidate = self.site / target
        if not target or target.endswith("/") or candidate.is_dir():
            target = posixpath.join(target.rstrip("/"), "index.html").lstrip("/")
            candidate = self.site / target
        return target, candidate.is_file()

    def fragment_problem(self, target: str, fragment: str) -> str | None:
        if not fragment or fragment == "top":  # "#" and "#top" scroll to the top in every browser
            return None
        if not target.endswith((".html", ".svg")):
            return None  # no ids to check in a PDF, CSV, image…
        anchor = unquote(fragment)
        if anchor in self.page(target).ids:
            return None
        return f"指向的位置 #{anchor} 在 {target} 中不存在。"


def check_site(site: Path, site_url: str | None = None) -> list[BrokenLink]:
    """Every broken internal link or anchor in the built site at `site`, in page order (sorted paths)."""
    checker = _Checker(site, _Base.of(site_url))
    for path in sorted(site.rglob("*.html")):
        checker.check_page(path.relative_to(site).as_posix())
    return checker.broken
