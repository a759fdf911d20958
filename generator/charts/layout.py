"""Node text set by the chart itself: box sizes from font metrics, the text kept in the DOT, <text> placed in the SVG.

Graphviz lays out empty boxes of a fixed size (it never shapes the text, which was most of its time). The DOT
keeps each node's lines as `//@` comments just above the node, so the DOT stays the one source of a chart: its
hash is the cache key, a text change shows in its diff, and the SVG step reads the lines back from it. Comments
hold only `escape`d text, so a record string cannot end one early or reach the graph.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from generator.charts.metrics import FONT, ascent, line_width
from generator.charts.text import BODY_SIZE, Line, escape
from generator.errors import BuildError

MARGIN_X = 8.64  # points: the node margin in HEADER (0.12 in × 0.08 in), so boxes look as Graphviz drew them
MARGIN_Y = 5.76
LINE_SPACING = 1.25  # line height / font size: CJK text needs more air than Graphviz's 1.0
_COMMENT = re.compile(r"^  //@ (\w+) (\d+)(b?) (.*)$", re.M)


def line_height(line: Line) -> float:
    return line.size * LINE_SPACING


def box_size(lines: Sequence[Line]) -> tuple[int, int]:
    """Width and height of a node in whole points (Graphviz rounds fixed sizes to points)."""
    width = max((line_width(l.text, l.size, l.bold) for l in lines), default=0.0)
    height = sum(map(line_height, lines))
    return math.ceil(width + 2 * MARGIN_X), math.ceil(height + 2 * MARGIN_Y)


def node_comments(node_id: str, lines: Iterable[Line]) -> list[str]:
    return [f"  //@ {node_id} {l.size}{'b' if l.bold else ''} {escape(l.text)}" for l in lines]


def edge_comment(tail: str, head: str, text: str) -> str:
    """An edge's short label (a fixed word of ours), set beside the middle of the edge."""
    return f"  //@> {tail} {head} {escape(text)}"


def _comment_lines(text: str) -> list[tuple[str, Line]]:
    return [(node_id, Line(html.unescape(t), int(size), bool(b))) for node_id, size, b, t in _COMMENT.findall(text)]


def node_lines(dot: str) -> dict[str, list[Line]]:
    """The lines of every node, read back from the DOT's `//@` comments."""
    found: dict[str, list[Line]] = {}
    for node_id, line in _comment_lines(dot):
        found.setdefault(node_id, []).append(line)
    return found


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _text(x: float, y: float, size: float, text: str, bold: bool = False) -> str:
    """One line; the font, the body size and left alignment (SVG's default) come from the enclosing group."""
    weight = ' font-weight="bold"' if bold else ""
    size_attr = "" if size == BODY_SIZE else f' font-size="{size:g}"'
    return f'<text x="{x:.2f}" y="{y:.2f}"{size_attr}{weight}>{_xml(text)}</text>\n'


def text_svg(lines: Sequence[Line]) -> str:
    """<text> elements for a node's lines, left-aligned from the top, in coordinates centred on the node."""
    width, height = box_size(lines)
    x, top = -width / 2 + MARGIN_X, -height / 2 + MARGIN_Y
    out = []
    for line in lines:
        leading = line_height(line)
        out.append(_text(x, top + (leading - line.size) / 2 + ascent(line.size), line.size, line.text, line.bold))
        top += leading
    return "".join(out)


# A node's comment lines are consecutive, and catalogues repeat whole nodes (template steps, a department's
# supervision and complaint channels): each distinct block is read and set once.
@lru_cache(maxsize=1 << 14)
def _block_svg(block: str) -> str:
    return text_svg([line for _, line in _comment_lines(block)])


EDGE_TEXT_SIZE = 10
_GROUP_FONT = f' font-family="{FONT}" font-size="{BODY_SIZE}"'


@lru_cache(maxsize=256)
def _note_svg(escaped: str) -> str:
    size = EDGE_TEXT_SIZE
    return _text(3, ascent(size) - size / 2, size, html.unescape(escaped))


def text_layer(dot: str) -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """Each node's comment block and each edge's (escaped) note, in one pass over the DOT's lines."""
    blocks: dict[str, list[str]] = {}
    notes: dict[tuple[str, str], str] = {}
    for row in dot.split("\n"):
        if row.startswith("  //@ "):
            blocks.setdefault(row[6:row.index(" ", 6)], []).append(row)
        elif row.startswith("  //@> "):
            _, _, _, tail, head, text = row.split(" ", 5)
            notes[(tail, head)] = text
    return {node: "\n".join(rows) for node, rows in blocks.items()}, notes


_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_GEOMETRY = re.compile(r' (?:points|d)="([^"]*)"')


def _points(shapes: str) -> list[float]:
    """The coordinates of the first shape Graphviz drew for a node or edge (its outline, or the edge's path)."""
    found = _GEOMETRY.search(shapes)
    return [float(v) for v in _NUMBER.findall(found.group(1))] if found else []


def _centre(flat: list[float]) -> tuple[float, float]:
    xs, ys = flat[0::2], flat[1::2]
    return (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2


def _spline_middle(flat: list[float]) -> tuple[float, float]:
    """The middle of a B-spline given as cubic Bézier segments (on-curve points every third control point)."""
    points = list(zip(flat[0::2], flat[1::2]))
    segments = max(1, (len(points) - 1) // 3)
    first = 3 * (segments // 2)
    if segments % 2 == 0 or first + 3 >= len(points):
        return points[min(first, len(points) - 1)]
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = points[first:first + 4]  # Bézier at t = 1/2
    return (x0 + 3 * x1 + 3 * x2 + x3) / 8, (y0 + 3 * y1 + 3 * y2 + y3) / 8


# A node or edge group of Graphviz's SVG: its id, then the lines that draw it (up to its closing tag).
_GROUP = re.compile(r'class="(node|edge)">\n<title>(\w+)(?:&#45;&gt;(\w+))?</title>\n((?:<(?!/g>)[^\n]*\n)*)')


def place_text(svg: str, dot: str) -> str:
    """The Graphviz SVG of `dot` with each node's lines set in the middle of its (empty) outline and each edge's
    note beside the middle of the edge, each in a group translated there."""
    blocks, notes = text_layer(dot)

    def add(match: re.Match) -> str:
        kind, first, second, shapes = match.groups()
        if kind == "node" and first in blocks:
            where, text = _points(shapes), _block_svg(blocks[first])
            if len(where) < 4:
                raise BuildError(f"Graphviz 没有画出流程图节点 {first} 的形状。")
            x, y = _centre(where)
        elif kind == "edge" and (first, second) in notes and len(where := _points(shapes)) >= 2:
            (x, y), text = _spline_middle(where), _note_svg(notes[(first, second)])
        else:
            return match.group()
        return f'{match.group()}<g transform="translate({x:.2f} {y:.2f})"{_GROUP_FONT}>\n{text}</g>\n'

    return _GROUP.sub(add, svg)
