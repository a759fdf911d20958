"""Make Graphviz SVG safe and accessible: no links, scripts, handlers or external references; title, desc, role."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from generator.errors import BuildError

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)

_DROP = {"script", "foreignObject", "image", "iframe", "object", "embed", "style", "use", "animate", "set", "handler", "title", "desc", "metadata"}
_UNWRAP = {"a", "switch"}


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def _clean_attributes(element: ET.Element) -> None:
    for key in list(element.attrib):
        name, value = _local(key).lower(), element.attrib[key]
        lowered = value.lower().replace(" ", "")
        # ids and classes from Graphviz name internal nodes and differ with a graph's place in a batch.
        if name.startswith("on") or name in ("href", "id", "class", "src", "style") or "javascript:" in lowered or "url(" in lowered:
            del element.attrib[key]


def _clean_children(parent: ET.Element) -> None:
    index = 0
    while index < len(parent):
        child = parent[index]
        tag = _local(child.tag) if isinstance(child.tag, str) else ""
        if tag in _DROP or not tag:
            parent.remove(child)
            continue
        if tag in _UNWRAP:  # keep what an <a> draws, drop the link itself
            parent.remove(child)
            for offset, grandchild in enumerate(list(child)):
                parent.insert(index + offset, grandchild)
            continue
        _clean_attributes(child)
        _clean_children(child)
        index += 1


def sanitize_svg(data: bytes, title: str, desc: str) -> bytes:
    """Graphviz SVG → standalone, responsive SVG with role="img", <title> and <desc> (Chinese summary)."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise BuildError(f"Graphviz 输出的 SVG 无法解析：{exc}") from exc
    if _local(root.tag) != "svg":
        raise BuildError("Graphviz 输出的不是 SVG。")
    view_box = root.get("viewBox")
    _clean_children(root)
    root.attrib.clear()
    root.set("width", "100%")
    if view_box:
        root.set("viewBox", view_box)
    root.set("preserveAspectRatio", "xMidYMin meet")
    root.set("role", "img")
    root.set("aria-labelledby", "chart-title chart-desc")
    title_el = ET.Element(f"{{{SVG_NS}}}title", {"id": "chart-title"})
    title_el.text = title
    desc_el = ET.Element(f"{{{SVG_NS}}}desc", {"id": "chart-desc"})
    desc_el.text = desc
    root.insert(0, desc_el)
    root.insert(0, title_el)
    body = ET.tostring(root, encoding="unicode", short_empty_elements=True)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n").encode("utf-8")
