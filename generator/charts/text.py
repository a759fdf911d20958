"""Record text inside Graphviz HTML-like labels: wrapped to a width, then fully entity-escaped.

Every ASCII character that is not a letter, digit or space becomes a numeric entity, so no record string can
close a label, start a tag, add an attribute or trigger a DOT escape (a trailing backslash stays a backslash).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

# C0/C1 controls and other characters that are not allowed in XML (Graphviz parses HTML labels as XML).
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_ASCII_SPECIAL = re.compile(r"[^A-Za-z0-9 \u0080-\U0010ffff]")
# What wrapping keeps whole: a piece of an address up to and including a "/" (its scheme stays with it), so a URL
# breaks only after a slash; an ASCII word (an e-mail address, a number, a file name); else one character. Pieces
# are capped so that a pathological run of letters still wraps.
_WORD = r"[A-Za-z0-9_.:@%+\-?=&#~]"
_TOKEN = re.compile(rf"(?:[A-Za-z][A-Za-z0-9+.\-]*://)?{_WORD}{{0,60}}/|{_WORD}{{1,60}}|.")


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


@lru_cache(maxsize=None)
def _char_width(char: str) -> int:
    return width(char)


def text_width(text: str) -> int:
    """Display width of a whole string (ASCII text, the common case for tokens, needs no per-character look-up)."""
    return len(text) if text.isascii() else sum(map(_char_width, text))


# Chinese line breaking (GB/T 15834, 标点符号用法): closing punctuation never starts a line, it hangs past the width
# instead; opening punctuation never ends one, it moves down with the word it opens.
NO_LINE_START = frozenset("，。、；：？！）》」』】〕〉”’％…")
NO_LINE_END = frozenset("（《「『【〔〈“‘")


def wrap(value: object, limit: int = 28) -> list[str]:
    """Split text into lines of about `limit` units, never inside an ASCII word when it can be avoided, and never
    with a line that starts with closing or ends with opening punctuation (a closing mark may hang past `limit`)."""
    text = clean(value)
    if text_width(text) <= limit:  # most label parts fit on one line: skip the token walk
        return [text] if text else []
    lines: list[str] = []
    line, used = "", 0
    for token in _TOKEN.findall(text):
        size = len(token) if token.isascii() else _char_width(token)  # non-ASCII tokens are single characters
        if used + size > limit and line.strip() and token not in NO_LINE_START:
            carried = _opening_tail(line)
            lines.append(line[: len(line) - len(carried)].rstrip())
            line, used = carried, text_width(carried)
            if token == " " and not carried:
                continue
        line += token
        used += size
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _opening_tail(line: str) -> str:
    """The opening marks that end `line` (carried to the next line), unless they are all the line holds."""
    cut = len(line)
    while cut and line[cut - 1] in NO_LINE_END:
        cut -= 1
    return line[cut:] if line[:cut].strip() else ""


def lines_html(value: object, limit: int = 28, size: int | None = None, bold: bool = False, prefix: str = "") -> str:
    """Wrapped, escaped lines joined by left-aligned breaks; `prefix` is trusted label text (e.g. "岗位：")."""
    return _lines_html(value if type(value) is str else clean(value), limit, size, bold, prefix)


# Catalogues repeat the same label text (template steps, articles, posts, remedies, channels) in thousands of
# charts; the result depends only on the arguments, so a bounded cache keeps DOT generation cheap.
@lru_cache(maxsize=1 << 16)
def _lines_html(value: str, limit: int, size: int | None, bold: bool, prefix: str) -> str:
    lines = wrap(prefix + clean(value), limit)
    body = '<BR ALIGN="LEFT"/>'.join(escape(line) for line in lines)
    if bold:
        body = f"<B>{body}</B>"
    if size:
        body = f'<FONT POINT-SIZE="{int(size)}">{body}</FONT>'
    return body + '<BR ALIGN="LEFT"/>' if body else ""


class Line(NamedTuple):
    """One line of node text, clean and unescaped: the chart sets it itself (see layout.py)."""

    text: str
    size: int
    bold: bool


BODY_SIZE = 11  # the node font size in HEADER; `size=` asks for a smaller one (legal citations)


def lines(value: object, limit: int = 28, size: int | None = None, bold: bool = False, prefix: str = "") -> tuple[Line, ...]:
    """Wrapped lines of node text; `prefix` is trusted label text (e.g. "岗位：")."""
    return _lines(value if type(value) is str else clean(value), limit, size or BODY_SIZE, bold, prefix)


@lru_cache(maxsize=1 << 16)
def _lines(value: str, limit: int, size: int, bold: bool, prefix: str) -> tuple[Line, ...]:
    return tuple(Line(text, size, bold) for text in wrap(prefix + clean(value), limit))
