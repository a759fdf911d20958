"""Find active content in HTML and SVG: scripts, event handlers, script URLs, images from record text.

html.parser decodes entities in attribute values exactly as a browser does, so `&#106;avascript:` is caught.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

# Attributes whose value a browser loads or navigates to.
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset", "background", "lowsrc"}
_SCRIPT_SCHEME = re.compile(r"^(javascript|vbscript|data):", re.IGNORECASE)
_IGNORED_IN_URL = re.compile(r"[\x00-\x20]")  # browsers drop these inside a scheme
# Elements a record can never legitimately introduce.
ACTIVE_TAGS = {"iframe", "object", "embed", "frame", "frameset", "base", "applet", "foreignobject"}
INVISIBLE = {"script", "style", "template", "title"}


@dataclass
class Finding:
    where: str
    what: str


@dataclass
class _Scanner(HTMLParser):
    origin: str = ""
    taint: tuple[str, ...] = ()  # strings that only record text contains
    findings: list[Finding] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    _stack: list[str] = field(default_factory=list)
    _script: dict[str, str | None] | None = None
    _script_text: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        HTMLParser.__init__(self, convert_charrefs=True)

    def _flag(self, what: str) -> None:
        self.findings.append(Finding(self.origin, what))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in ACTIVE_TAGS:
            self._flag(f"<{tag}> element")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self._flag(f"<{tag} {name}={value[:60]!r}>")
            if name in URL_ATTRIBUTES and _SCRIPT_SCHEME.match(_IGNORED_IN_URL.sub("", value)):
                if not (tag == "img" and value.startswith("data:image/")):  # the theme's own inline icons
                    self._flag(f"<{tag} {name}={value[:60]!r}>")
            if name in ("src", "srcset", "data", "poster") and any(t in value for t in self.taint):
                self._flag(f"<{tag} {name}={value[:60]!r}> loads a resource named by record text")
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            self._flag("<meta http-equiv=refresh>")
        if tag == "script":
            self._script, self._script_text = values, []
        self._stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self._pop(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self._check_script(self._script, "".join(self._script_text))
            self._script = None
        self._pop(tag)

    def _pop(self, tag: str) -> None:
        if tag in self._stack:
            while self._stack and self._stack.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script_text.append(data)
        elif not INVISIBLE.intersection(self._stack):
            self.text.append(data)

    def _check_script(self, attrs: dict[str, str | None], body: str) -> None:
        """The site's own scripts: local files, Material's config, JSON data. None may carry record text."""
        kind = (attrs.get("type") or "").lower()
        if any(t in body for t in self.taint) and kind not in ("application/ld+json", "application/json"):
            self._flag(f"<script> with record text: {body[:80]!r}")
        if "</" in body.lower() and kind in ("application/ld+json", "application/json"):
            self._flag("JSON script that could close its element")


def scan_html(origin: str, html: str, taint: tuple[str, ...]) -> tuple[list[Finding], str]:
    """(active content found, visible text with whitespace collapsed)."""
    scanner = _Scanner(origin=origin, taint=taint)
    scanner.feed(html)
    scanner.close()
    return scanner.findings, " ".join("".join(scanner.text).split())
