"""A tiny DOT writer: node ids and attribute values are ours, labels are already-escaped HTML-like text."""

from __future__ import annotations

from dataclasses import dataclass, field

FONT = "Noto Sans CJK SC"

# Attribute values are fixed strings from this package only; this check keeps it that way.
_SAFE_VALUE = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789#,.: _-")


def _attrs(attrs: dict[str, str]) -> str:
    parts = []
    for key in sorted(attrs):
        value = attrs[key]
        if key == "label":
            parts.append(f"label=<{value}>")
            continue
        if not set(value) <= _SAFE_VALUE and value != FONT:
            raise ValueError(f"unsafe DOT attribute value for {key!r}")
        parts.append(f'{key}="{value}"')
    return "[" + " ".join(parts) + "]"


@dataclass
class Graph:
    name: str
    lines: list[str] = field(default_factory=list)

    def node(self, node_id: str, label: str, **attrs: str) -> str:
        self.lines.append(f"  {node_id} {_attrs({'label': label, **attrs})};")
        return node_id

    def edge(self, tail: str, head: str, label: str = "", **attrs: str) -> None:
        extra = {"label": label, **attrs} if label else attrs
        self.lines.append(f"  {tail} -> {head} {_attrs(extra)};" if extra else f"  {tail} -> {head};")

    def same_rank(self, *node_ids: str) -> None:
        self.lines.append("  { rank=same; " + " ".join(f"{n};" for n in node_ids) + " }")

    def raw(self, line: str) -> None:
        self.lines.append("  " + line)

    def source(self, header: list[str]) -> str:
        body = "\n".join(["  " + h for h in header] + self.lines)
        return f"digraph {self.name} {{\n{body}\n}}\n"
