"""The legend: one sample of every node shape and line style, identical in every chart.

Laying it out costs about a fifth of Graphviz's time per chart, although it never changes; so the SVG renderer
lays it out once (`legend_dot`, a graph of its own) and places it below each chart (svg.add_legend). PNGs and
other whole-graph uses append it to the chart's DOT instead (`with_legend`).
"""

from __future__ import annotations

from generator.charts.graph import Graph
from generator.charts.text import lines_html

SHAPES = (
    ("start", "办理条件 / 办结"),
    ("step", "办理环节"),
    ("decision", "作出决定的环节"),
    ("branch", "分支（补正、不予受理等）"),
    ("remedy", "救济途径"),
    ("interface", "衔接（并联审批、征求意见、法制审核）"),
    ("right", "相对人权利"),
    ("disclosure", "公开信息"),
    ("supervision", "监督方式 / 投诉举报"),
)
LINES = (("flow", "实线：主流程"), ("branch", "虚线：分支"), ("note", "点线：权利、公开、衔接"))


def add_legend(graph: Graph, styles: dict, edges: dict) -> None:
    """Three rows (shapes, shapes, line styles) in a cluster; the invisible edge keeps the rows in order."""
    graph.raw('subgraph cluster_legend { label=<<B>图例</B>>; style="rounded"; color="#999999"; fontsize="12";')
    ids = []
    for i, (style, text) in enumerate(SHAPES):
        ids.append(graph.node(f"legend{i}", lines_html(text, 14, size=9), **{**styles[style], "margin": "0.06,0.03"}))
    for i, (style, text) in enumerate(LINES):
        graph.node(f"legendl{i}a", "", shape="point", width="0.05")
        graph.node(f"legendl{i}b", "", shape="point", width="0.05")
        graph.edge(f"legendl{i}a", f"legendl{i}b", lines_html(text, 16, size=9), **edges[style], minlen="2")
    graph.same_rank(*ids[:5])
    graph.same_rank(*ids[5:], "legendl0a", "legendl1a", "legendl2a")
    # Invisible edges inside a rank keep the samples in reading order (left to right); unlabelled, so safe in 2.43.
    graph.raw(" -> ".join(ids[:5]) + ' [style="invis"];')
    graph.raw(" -> ".join(ids[5:]) + ' [style="invis"];')
    graph.raw("}")
    graph.edge("legend2", "legend6", style="invis")


def legend_lines(styles: dict, edges: dict) -> list[str]:
    """The legend's DOT statements, to go inside a chart's graph or a graph of its own."""
    graph = Graph("legend")
    add_legend(graph, styles, edges)
    return graph.lines


def legend_below(lines: list[str], above: str, body_dot: str) -> str:
    """A chart's DOT (one `digraph`, ending in "}\\n") with the legend added below the node `above`."""
    if not body_dot.endswith("}\n"):
        raise ValueError("not a chart DOT source")
    anchor = f"  {above} -> legend2 [style=\"invis\"];"
    return body_dot[:-2] + "\n".join([*lines, anchor]) + "\n}\n"
