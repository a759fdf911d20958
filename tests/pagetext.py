"""The text a reader sees on a built record page, and the facts a page may only state when its record does.

Shared by the sample-site and the real-records corpus tests (issue 21 "must show").
"""

from __future__ import annotations

import html
import re
from pathlib import Path

_ARTICLE = re.compile(r"<article\b[^>]*>(.*?)</article>", re.S)
_HIDDEN = re.compile(r"<(script|style|svg)\b.*?</\1>|<div class=\"gk-facets\" hidden.*?</div>", re.S)
_TAG = re.compile(r"<[^>]+>")

# Phrases page templates write from a field's value or from its absence. Each may appear on a page only when the
# record (or a file the page also draws on: its department, fee bases, procedure template) contains the phrase,
# or the given field says it: a default rendered as a fact would break this.
DEFAULT_FACTS = ("无需提交材料", "不收费", "原件", "1 份", "无减免政策", "必需", "当场办结")


def article_text(page: str) -> str:
    """The main content as text: no navigation, no hidden search facets, no scripts, no chart drawing."""
    found = _ARTICLE.search(page)
    body = _HIDDEN.sub(" ", found.group(1) if found else page)
    return " ".join(html.unescape(_TAG.sub(" ", body)).split())


def page_of(site: Path, url: str) -> str:
    return article_text((site / url / "index.html").read_text(encoding="utf-8"))


def unsupported(text: str, sources: str, stated: dict[str, bool]) -> list[str]:
    """Default phrases on the page that neither the source files contain nor a stated field explains."""
    return [p for p in DEFAULT_FACTS if p in text and p not in sources and not stated.get(p, False)]
