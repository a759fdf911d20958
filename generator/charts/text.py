"""Record text inside Graphviz HTML-like labels: wrapped to a width, then fully entity-escaped.

Every ASCII character that is not a letter, digit or space becomes a numeric entity, so no record string can
close a label, start a tag, add an attribute or trigger a DOT escape (a trailing backslash stays a backslash).
"""

from __future__ import annotations

import re
import unicodedata

# C0/C1 controls and other characters that are not allowed in XML (Graphviz parses HTML labels as XML).
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_ASCII_SPECIAL = re.compile(r"[^A-Za-z0-9 \u0080-\U0010ffff]")


def clean(value: object) -> str:
    """One line of plain text: controls and newlines become spaces, runs of spaces collapse."""
    text = "" if value is None else str(value)
    return " ".join(_CONTROL.sub(" ", text).split())


def escape(text: str) -> str:
    """Entity-escape one already-clean line for an HTML-like label."""
    return _ASCII_SPECIAL.sub(lambda m: f"&#{ord(m.group())};", text)


def width(char: str) -> int:
    """Display width in half-width units: CJK and other wide characters count 2."""
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def wrap(value: object, limit: int = 28) -> list[str]:
    """Split text into lines of at most `limit` units, never inside an ASCII word when it can be avoided."""
    text = clean(value)
    lines: list[str] = []
    line, used = "", 0
    for token in re.findall(r"[A-Za-z0-9_.:/@%+\-]{1,24}|.", text):
        size = sum(width(c) for c in token)
        if used + size > limit and line.strip():
            lines.append(line.rstrip())
            line, used = "", 0
            if token == " ":
                continue
        line += token
        used += size
    if line.strip():
        lines.append(line.rstrip())
    return lines


def lines_html(value: object, limit: int = 28, size: int | None = None, bold: bool = False, prefix: str = "") -> str:
    """Wrapped, escaped lines joined by left-aligned breaks; `prefix` is trusted label text (e.g. "岗位：")."""
    lines = wrap(prefix + clean(value), limit)
    body = '<BR ALIGN="LEFT"/>'.join(escape(line) for line in lines)
    if bold:
        body = f"<B>{body}</B>"
    if size:
        body = f'<FONT POINT-SIZE="{int(size)}">{body}</FONT>'
    return body + '<BR ALIGN="LEFT"/>' if body else ""
