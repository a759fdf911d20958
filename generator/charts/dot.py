"""The DOT source of one entry's flowchart: all seven elements of DESIGN.md §1 plus a legend.

Only fixed strings from this module reach DOT attributes. Record text enters as node lines (`text.lines`, set by
layout.py) or, for the title, through `text.lines_html`; both are fully escaped.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import chain

from generator.catalogue import Entry, ResolvedStep
from generator.charts.graph import FONT, Graph
from generator.charts.legend import legend_below, legend_lines
from generator.charts.text import BODY_SIZE, Line, clean, escape, lines, lines_html
from generator.models.common import Channel, TimeLimit
from generator.models.procedure import Right, StepKind
from generator.remedies import remedies_of, review_first

STYLE = {
    "start": {"shape": "box", "style": "rounded,filled", "fillcolor": "#e8f1fb"},
    "step": {},  # the node defaults in HEADER: most nodes are steps, so most need no attributes of their own
    "decision": {"shape": "box", "style": "filled", "fillcolor": "#fff4d6", "peripheries": "2"},
    "branch": {"shape": "box", "style": "dashed,filled", "fillcolor": "#fafafa"},
    "remedy": {"shape": "box", "style": "rounded,filled", "fillcolor": "#fde8e8"},
    "interface": {"shape": "component", "style": "filled", "fillcolor": "#eef7ee"},
    "right": {"shape": "note", "style": "filled", "fillcolor": "#fff9c4"},
    "disclosure": {"shape": "tab", "style": "filled", "fillcolor": "#e6f4f8"},
    "supervision": {"shape": "box3d", "style": "filled", "fillcolor": "#f1eafa"},
}
EDGE = {
    "flow": {"penwidth": "1.6"},
    "branch": {"style": "dashed"},
    "note": {"style": "dotted", "arrowhead": "none"},
    "interface": {"style": "dotted", "dir": "both"},
}
HEADER = [
    f'graph [fontname="{FONT}" rankdir="TB" nodesep="0.3" ranksep="0.35" pad="0.2" labelloc="t" fontsize="16" bgcolor="white"];',
    f'node [fontname="{FONT}" fontsize="{BODY_SIZE}" margin="0.12,0.08" penwidth="1.1" shape="box" style="filled" fillcolor="#ffffff"];',
    f'edge [fontname="{FONT}" fontsize="10" arrowsize="0.7"];',
]


def joined(parts: list[tuple[Line, ...]]) -> tuple[Line, ...]:
    return tuple(chain.from_iterable(parts))


def limit_line(label: str, limit: TimeLimit | None, basis: bool = False) -> str:
    return f"{label}：{clean(limit.describe(basis))}" if limit else ""


def step_limit_lines(step: ResolvedStep) -> list[str]:
    statutory = f"法定时限：{clean(step.statutory_text())}" if step.statutory_limit else ""
    return [x for x in (statutory, limit_line("承诺时限", step.promised_limit), step.timing_note()) if x]


def step_label(index: int, step: ResolvedStep) -> tuple[Line, ...]:
    parts = [lines(f"{index}. {clean(step.name)}", 26, bold=True),
             lines(step.post or "未指定", 30, prefix="承办岗位：")]
    if step.statutory_limit or step.promised_limit:
        parts += [lines(line, 30) for line in step_limit_lines(step)]
    else:
        parts.append(lines("时限：本环节无单独时限"))
    if step.article:
        parts.append(lines(step.article, 34, size=9, prefix="依据："))
    return joined(parts)


def mode_of(entry: Entry) -> str:
    record = entry.record
    mode = getattr(record, "exercise_mode", None) or (entry.template.mode if entry.template else None)
    return mode.value if mode else ("依申请" if entry.kind == "services" else "未注明")


def start_label(entry: Entry) -> tuple[Line, ...]:
    record = entry.record
    parts = [lines("办理条件", bold=True), lines(mode_of(entry), prefix="行使方式：")]
    if getattr(record, "trigger", None):
        parts.append(lines(record.trigger, 32, prefix="启动情形："))
    if getattr(record, "service_object", None):
        parts.append(lines(record.service_object, 32, prefix="对象："))
    for condition in getattr(record, "conditions", []):
        parts.append(lines(condition, 32, prefix="· "))
    for basis in getattr(record, "legal_basis", []):
        parts.append(lines(f"《{clean(basis.title)}》{clean(basis.article)}", 34, size=9, prefix="依据："))
    if getattr(record, "materials", None):
        parts.append(lines(f"申请材料 {len(record.materials)} 项，不齐全的一次性告知补正", 32, size=9))
    if getattr(record, "deficiency_acceptance", None):
        parts.append(lines(f"可容缺受理：{'、'.join(clean(m) for m in record.deficiency_acceptance.materials)}", 32, size=9))
    if getattr(record, "commitment", None):
        parts.append(lines("实行告知承诺制", 32, size=9))
    return joined(parts)


def end_label(entry: Entry) -> tuple[Line, ...]:
    record = entry.record
    parts = [lines("办结", bold=True)]
    if getattr(record, "result", None):
        parts.append(lines(record.result, 30, prefix="办理结果："))
    parts.append(lines(limit_line("法定时限", getattr(record, "statutory_limit", None), basis=True), 32))
    parts.append(lines(limit_line("承诺时限", getattr(record, "promised_limit", None)), 32))
    special = getattr(record, "special_procedures", ())
    if special:
        parts.append(lines("、".join(clean(p.name) for p in special), 32, size=9, prefix="特别程序（不计入时限）："))
    if getattr(record, "delivery", None):
        parts.append(lines("、".join(clean(d) for d in record.delivery), 32, prefix="送达方式："))
    if entry.contact and entry.contact.phone:
        parts.append(lines(entry.contact.phone, 32, prefix="咨询电话："))
    return joined(parts)


def channel_lines(channel: Channel) -> tuple[Line, ...]:
    details = [f"电话 {clean(channel.phone)}" if channel.phone else "", f"地址 {clean(channel.address)}" if channel.address else "",
               f"网址 {clean(channel.website)}" if channel.website else "", f"邮箱 {clean(channel.email)}" if channel.email else ""]
    text = clean(channel.name) + ("：" + "；".join(d for d in details if d) if any(details) else "")
    return lines(text, 36, prefix="· ")


def step_kind(entry: Entry, step: ResolvedStep) -> StepKind | None:
    if not (entry.template and step.from_template):
        return None
    return next((ts.kind for ts in entry.template.steps if ts.id == step.key), None)


def right_label(right: Right) -> tuple[Line, ...]:
    parts = [lines(right.name, 24, bold=True, prefix="相对人权利：")]
    if right.deadline:
        parts.append(lines(right.deadline, 26, prefix="期限："))
        if right.basis:  # the article that sets the period; none is shown when the law sets none
            parts.append(lines(right.basis_text(), 28, size=9))
    if right.description:
        parts.append(lines(right.description, 28, size=9))
    return joined(parts)


class ChartBuilder:
    """Builds the graph in a fixed order, so the same entry always gives the same DOT text."""

    def __init__(self, entry: Entry) -> None:
        self.entry = entry
        self.graph = Graph("flowchart")
        self.remedies = remedies_of(entry)
        self.remedy_node = "remedies" if self.remedies else ""

    def node(self, node_id: str, label: tuple[Line, ...], style: str) -> str:
        return self.graph.box(node_id, label, **STYLE[style])

    def edge(self, tail: str, head: str, style: str, label: str = "", **extra: str) -> None:
        self.graph.edge(tail, head, **EDGE[style], **extra)
        if label:
            self.graph.edge_note(tail, head, label)

    def build(self) -> str:
        entry = self.entry
        title = f"{clean(entry.name)}　{'权力运行流程图' if entry.kind == 'powers' else '办理流程图'}"
        self.graph.raw(f"label=<{lines_html(title, 40, size=16, bold=True)}{lines_html(entry.department.name, 40, size=11)}>;")
        previous = self.node("start", start_label(entry), "start")
        self.loose_rights(previous)
        for index, step in enumerate(entry.steps, 1):
            previous = self.step(index, step, previous)
        end = self.node("finish", end_label(entry), "start")
        self.edge(previous, end, "flow")
        if self.remedy_node:
            self.node(self.remedy_node, self.remedies_label(), "remedy")
            self.edge(end, self.remedy_node, "note", "不服决定")
        self.supervision(end)
        return self.graph.source(HEADER)

    def step(self, index: int, step: ResolvedStep, previous: str) -> str:
        node_id = f"s{index}"
        kind = step_kind(self.entry, step)
        self.node(node_id, step_label(index, step), "decision" if kind is StepKind.DECISION else "step")
        self.edge(previous, node_id, "flow")
        beside = [self.interface(node_id, j, i) for j, i in enumerate(step.interfaces, 1)]
        beside += [self.right(node_id, j, r) for j, r in enumerate(step.rights, 1)]
        if step.disclosure:
            beside.append(self.node(f"{node_id}d", lines(step.disclosure, 26, prefix="公开："), "disclosure"))
            self.edge(node_id, f"{node_id}d", "note")
        if beside:
            self.graph.same_rank(node_id, *beside)
        for j, branch in enumerate(step.branches, 1):
            self.branch(node_id, j, branch)
        return node_id

    def interface(self, step_id: str, j: int, interface) -> str:
        node_id = f"{step_id}i{j}"
        label = lines(interface.kind.value, 24, bold=True, prefix="衔接：") + lines(interface.party, 26)
        if interface.note:
            label += lines(interface.note, 26, size=9)
        self.node(node_id, label, "interface")
        # No label: labelled edges inside rank=same corrupt memory in Graphviz 2.43 when a process lays out several graphs.
        self.edge(step_id, node_id, "interface")
        return node_id

    def right(self, step_id: str, j: int, right: Right) -> str:
        node_id = f"{step_id}r{j}"
        self.node(node_id, right_label(right), "right")
        self.edge(step_id, node_id, "note")
        return node_id

    def branch(self, step_id: str, j: int, branch) -> None:
        node_id = f"{step_id}b{j}"
        label = lines(branch.condition, 28, prefix="情形：") + lines(branch.outcome, 28, prefix="处理：")
        if branch.article:
            label += lines(branch.article, 32, size=9, prefix="依据：")
        self.node(node_id, label, "branch")
        self.edge(step_id, node_id, "branch", "终结" if branch.ends else "分支")
        if branch.ends and self.remedy_node:
            self.edge(node_id, self.remedy_node, "branch", "救济")
        elif not branch.ends:
            self.edge(node_id, step_id, "branch", "", constraint="false")

    def loose_rights(self, start: str) -> None:
        keys = {s.key for s in self.entry.steps}
        loose = [r for r in getattr(self.entry.record, "rights", []) if r.step not in keys]
        for j, right in enumerate(loose, 1):
            self.right(start, j, right)

    def remedies_label(self) -> tuple[Line, ...]:
        parts = [lines("救济途径", bold=True)]
        first = review_first(self.remedies)
        if first:
            parts.append(lines(clean(first), 32, bold=True, prefix="复议前置："))
        for remedy in self.remedies:
            when = f"{clean(remedy.applies_when)}：" if remedy.applies_when else ""
            name = clean(remedy.name) + ("（须先申请）" if remedy.first else "")
            parts.append(lines(f"{when}{name}，{clean(remedy.deadline)}", 32, prefix="· "))
            if remedy.article:
                parts.append(lines(remedy.article, 34, size=9, prefix="依据："))
        return joined(parts)

    def supervision(self, end: str) -> str:
        entry = self.entry
        sup = entry.supervision
        parts = [lines("监督方式", bold=True)]
        parts += [lines("内部监督：")] + [channel_lines(c) for c in (sup.internal if sup else [])]
        parts += [lines("外部监督：")] + [channel_lines(c) for c in (sup.external if sup else [])]
        if not (sup and (sup.internal or sup.external)):
            parts.append(lines("未填写"))
        complaints = [lines("投诉举报途径", bold=True)] + [channel_lines(c) for c in entry.complaints]
        if not entry.complaints:
            complaints.append(lines("未填写"))
        self.node("supervision", joined(parts), "supervision")
        self.node("complaints", joined(complaints), "supervision")
        self.graph.edge(end, "supervision", style="invis")
        self.graph.edge(end, "complaints", style="invis")
        self.graph.same_rank("supervision", "complaints")
        return "supervision"


# The node the legend hangs below when it is part of a chart's own graph.
LEGEND_ABOVE = "supervision"


def chart_body_dot(entry: Entry) -> str:
    """The DOT source of an entry's flowchart without the legend (the SVG renderer adds a shared legend)."""
    return ChartBuilder(entry).build()


@lru_cache(maxsize=1)
def _legend() -> tuple[str, ...]:
    return tuple(legend_lines(STYLE, EDGE))


def legend_dot() -> str:
    """The legend as a graph of its own, laid out once per build and placed below every SVG chart."""
    return Graph("legend", list(_legend())).source(HEADER)


def with_legend(body_dot: str) -> str:
    """A chart body's DOT with the legend inside the graph (for PNG and other single-graph uses)."""
    return legend_below(list(_legend()), LEGEND_ABOVE, body_dot)


def chart_dot(entry: Entry) -> str:
    """The complete DOT source (one `digraph`) for an entry's flowchart, legend included."""
    return with_legend(chart_body_dot(entry))


def chart_summary(entry: Entry) -> tuple[str, str]:
    """(title, desc) for the SVG: a plain-Chinese summary of the procedure for screen readers."""
    title = f"{clean(entry.name)}{'权力运行流程图' if entry.kind == 'powers' else '办理流程图'}"
    steps = []
    for index, step in enumerate(entry.steps, 1):
        limits = "，".join(step_limit_lines(step))
        detail = "，".join(x for x in (f"承办岗位：{clean(step.post)}" if step.post else "", limits) if x)
        steps.append(f"{index}. {clean(step.name)}" + (f"（{detail}）" if detail else ""))
    sup = entry.supervision
    channels = [clean(c.name) for c in ((sup.internal + sup.external) if sup else [])]
    first = review_first(remedies_of(entry))
    desc = (f"{clean(entry.department.name)}实施。行使方式：{mode_of(entry)}。共 {len(steps)} 个环节：" + "；".join(steps) + "。"
            + (f"救济：{clean(first)}" if first else "")
            + (f"监督：{'、'.join(channels)}。" if channels else "")
            + (f"投诉举报：{'、'.join(clean(c.name) for c in entry.complaints)}。" if entry.complaints else ""))
    return title, desc


__all__ = ["chart_body_dot", "chart_dot", "chart_summary", "escape", "legend_dot", "with_legend"]
