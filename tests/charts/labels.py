"""Read DOT back for tests: the structure without labels, and the plain text inside labels."""

from __future__ import annotations

import html
import re


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
    """The DOT with every label removed: what record text must never be able to change."""
    out, last = [], 0
    for start, end in _label_spans(dot):
        out.append(dot[last:start] + "label=<>")
        last = end
    return "".join(out) + dot[last:]


def label_text(dot: str) -> str:
    """All label text, tags dropped, entities decoded, line breaks and spaces removed."""
    texts = [re.sub(r"<[^<>]*>", "", dot[s + 7:e - 1]) for s, e in _label_spans(dot)]
    return html.unescape("\n".join(texts)).replace(" ", "")
