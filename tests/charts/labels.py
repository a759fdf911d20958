"""Read DOT back for tests: the structure without any text, and the plain text a chart shows.

Node text lives in `//@` comments (set by layout.py) and box sizes follow from it; the title and the legend still
use Graphviz HTML-like labels."""

from __future__ import annotations

import html
import re

_COMMENT_LINE = re.compile(r"^  //@>? .*\n", re.M)
_SIZE = re.compile(r'\b(width|height)="[0-9.]+"')
_COMMENT_TEXT = re.compile(r"^  //@ (\w+) \d+b? (.*)$|^  //@> \w+ \w+ (.*)$", re.M)


def _label_spans(dot: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    while (start := dot.find("label=<", pos)) != -1:
        depth, i = 0, start + len("label=")
        while True:
            depth += {"<": 1, ">": -1}.get(dot[i], 0)
            i += 1
            if depth == 0:
                break
        spans.append((start, i))
        pos = i
    return spans


def skeleton(dot: str) -> str:
    """The DOT with every label, text comment and text-derived box size removed: what record text must never
    be able to change."""
    out, last = [], 0
    for start, end in _label_spans(dot):
        out.append(dot[last:start] + "label=<>")
        last = end
    return _SIZE.sub(r'\1=""', _COMMENT_LINE.sub("", "".join(out) + dot[last:]))


def label_text(dot: str) -> str:
    """All text a chart shows, tags dropped, entities decoded, line breaks and spaces removed."""
    texts = [re.sub(r"<[^<>]*>", "", dot[s + 7:e - 1]) for s, e in _label_spans(dot)]
    node = None
    for node_id, line, note in _COMMENT_TEXT.findall(dot):  # a node's wrapped lines join up again
        texts.append(("" if node_id and node_id == node else "\n") + line + note)
        node = node_id or None
    return html.unescape("".join(texts)).replace(" ", "")

