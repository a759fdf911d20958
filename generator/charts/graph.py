"""A tiny DOT writer: node ids and attribute values are ours, labels are already-escaped HTML-like text."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from generator.charts.layout import box_size, edge_comment, node_comments
from generator.charts.metrics import FONT
from generator.charts.text import Line

# Attribute values are fixed strings from this package only; this check keeps it that way.
_SAFE_VALUE = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789#,.: _-")


@lru_cache(maxsize=256)
def _fixed(items: tuple[tuple[str, str], ...]) -> str:
    """The non-label attributes, sorted and checked once per distinct set (charts reuse a handful of styles)."""
    for key, value in items:
        if not set(value) <= _SAFE_VALUE and value != FONT:
            raise ValueError(f"unsafe DOT attribute value for {key!r}")
    return " ".join(f'{key}="{value}"' for key, value in sorted(items))


# Catalogues repeat whole nodes (template steps, a department's channels) under the same ids.
@lru_cache(maxsize=1 << 14)
def _box(node_id: str, lines: tuple[Line, ...], attrs: tuple[tuple[str, str], ...]) -> str:
    width, height = box_size(lines)
    size = (("width", f"{width / 72:.4f}"), ("height", f"{height / 72:.4f}"), ("fixedsize", "true"))
    return "\n".join([*node_comments(node_id, lines), f'  {node_id} [label="" {_fixed(attrs + size)}];'])


def _attrs(attrs: dict[str, str], label: str | None = None) -> str:
    fixed = _fixed(tuple(attrs.items()))
    if label is None:
        return f"[{fixed}]"
    return f"[label=<{label}> {fixed}]" if fixed else f"[label=<{label}>]"


@dataclass
class Graph:
    name: str
    lines: list[str] = field(default_factory=list)

    def node(self, node_id: str, label: str, **attrs: str) -> str:
        self.lines.append(f"  {node_id} {_attrs(attrs, label)};")
        return node_id

    def box(self, node_id: str, lines: tuple[Line, ...], **attrs: str) -> str:
        """A node whose text the chart sets itself (layout.py): Graphviz only sees an empty box of the text's size."""
        self.lines.append(_box(node_id, lines, tuple(attrs.items())))
        return node_id

    def edge(self, tail: str, head: str, label: str = "", **attrs: str) -> None:
        if label or attrs:
            self.lines.append(f"  {tail} -> {head} {_attrs(attrs, label or None)};")
        else:
            self.lines.append(f"  {tail} -> {head};")

    def edge_note(self, tail: str, head: str, text: str) -> None:
        """A short word beside an edge, set by the chart (layout.py): an edge label would cost Graphviz a layout rank."""
        self.lines.append(edge_comment(tail, head, text))

    def same_rank(self, *node_ids: str) -> None:
        self.lines.append("  { rank=same; " + " ".join(f"{n};" for n in node_ids) + " }")

    def raw(self, line: str) -> None:
        self.lines.append("  " + line)

    def source(self, header: list[str]) -> str:
        body = "\n".join(["  " + h for h in header] + self.lines)
        return f"digraph {self.name} {{\n{body}\n}}\n"
