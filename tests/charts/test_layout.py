"""Node text set by the chart: box sizes from the font, lines kept in the DOT, text placed inside each shape."""

from __future__ import annotations

import re

import pytest

from generator.charts import layout
from generator.charts.batch import run_dot
from generator.charts.graph import Graph
from generator.charts.text import Line, lines
from generator.errors import BuildError


def test_box_size_is_text_plus_margins():
    body = (Line("申请材料", 10, False), Line("依据", 9, True))
    width, height = layout.box_size(body)
    assert width == pytest.approx(40 + 2 * layout.MARGIN_X, abs=1)
    assert height == pytest.approx(19 * layout.LINE_SPACING + 2 * layout.MARGIN_Y, abs=1)


def test_lines_survive_the_dot_round_trip_even_when_hostile():
    text = lines('"]; evil [shape=none] // <b>&amp;\\', 60) + lines("第二行", bold=True)
    graph = Graph("g")
    graph.box("n1", text)
    dot = graph.source([])
    assert layout.node_lines(dot) == {"n1": list(text)}
    assert dot.count("\n  n1 [") == 1 and "evil [" not in dot.replace("//@", "")


def _draw(graph: Graph) -> str:
    dot = graph.source(['node [shape="box" fontname="Noto Sans CJK SC"];'])
    out = run_dot([dot], ("svg",), ["t"])[0]
    return layout.place_text(out["svg"].decode(), dot)


def test_text_is_placed_inside_its_node_and_notes_beside_their_edge():
    graph = Graph("g")
    graph.box("a", lines("第一步", bold=True) + lines("承办岗位：受理岗"))
    graph.box("b", lines("第二步"))
    graph.edge("a", "b")
    graph.edge_note("a", "b", "分支")
    svg = _draw(graph)
    node_a = re.search(r"<title>a</title>\n<polygon[^>]*points=\"([^\"]+)\"", svg)
    xs = [float(p.split(",")[0]) for p in node_a.group(1).split()]
    ys = [float(p.split(",")[1]) for p in node_a.group(1).split()]
    shift = re.search(r"<title>a</title>\n(?:<[^\n]*\n)*?<g transform=\"translate\(([-0-9.]+) ([-0-9.]+)\)\"[^>]*>", svg)
    cx, cy = float(shift.group(1)), float(shift.group(2))
    assert min(xs) < cx < max(xs) and min(ys) < cy < max(ys)
    first_lines = re.findall(r'<text x="([-0-9.]+)" y="([-0-9.]+)"[^>]*>[^<]*第一步', svg)
    assert first_lines
    for x, y in first_lines:
        assert min(xs) < cx + float(x) < max(xs) and min(ys) < cy + float(y) < max(ys)
    assert ">分支</text>" in svg.split('class="edge"')[1]


def test_a_node_graphviz_did_not_draw_is_a_build_error():
    graph = Graph("g")
    graph.box("a", lines("甲"))
    svg = '<g class="node">\n<title>a</title>\n</g>'
    with pytest.raises(BuildError):
        layout.place_text(svg, graph.source([]))


def test_text_sits_in_the_middle_of_every_shape(tmp_path):
    """The centre is read from each shape's outline, whatever decoration the shape adds (tab, component, …)."""
    graph = Graph("g")
    for shape in ("box", "note", "tab", "component", "box3d"):
        graph.box(shape, lines("办理环节的名称"), shape=shape)
    graph.box("decision", lines("作出决定"), peripheries="2")
    graph.box("rounded", lines("办结"), style="rounded")
    svg = _draw(graph)
    for match in re.finditer(r'<title>(\w+)</title>\n((?:<(?!g )[^\n]*\n)*)<g transform="translate\(([-0-9.]+) ([-0-9.]+)\)', svg):
        numbers = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", re.search(r' (?:points|d)="([^"]*)"', match.group(2)).group(1))]
        xs, ys = numbers[0::2], numbers[1::2]
        x, y = float(match.group(3)), float(match.group(4))
        assert min(xs) < x < max(xs) and min(ys) < y < max(ys), match.group(1)
    assert svg.count("<g transform=") == 7
