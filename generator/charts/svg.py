"""Make Graphviz SVG safe and accessible: no links, scripts, handlers or external references; title, desc, role.

Two paths. Plain Graphviz output takes a regex fast path (whole elements and attributes removed, then the result
checked against a strict grammar and whitelists; removing whole elements keeps the input's well-formedness).
Everything else takes the full streaming rewrite: the input is cut into tags and text with one regex, every kept
tag is rebuilt from its parsed attributes (so nothing unparsed can slip through), and the nesting is checked, so
malformed input is still a build error.
"""

from __future__ import annotations

import html
import re

from generator.errors import BuildError

SVG_NS = "http://www.w3.org/2000/svg"

_DROP = {"script", "foreignObject", "image", "iframe", "object", "embed", "style", "use", "animate", "set", "handler", "title", "desc", "metadata"}
_UNWRAP = {"a", "switch"}
# Graphviz's own class names are fixed words (kept so tests and styles can find nodes); ids and other classes are not.
_KEEP_CLASSES = {"graph", "node", "edge", "cluster"}
# Graphviz's own class names are fixed words; other ids and classes name internal nodes and depend on batch position.
_KEEP_CLASSES = {"graph", "node", "edge", "cluster"}
_TOKEN = re.compile(r"<(?:(!--.*?--)|([!?][^>]*)|(/?)([A-Za-z][\w:.-]*)((?:\s+[^\s=/>]+\s*=\s*\"[^\"]*\")*)\s*(/?))>|([^<]+)", re.S)
_ATTR = re.compile(r"([^\s=/>]+)\s*=\s*\"([^\"]*)\"")
_ENTITY = re.compile(r"&(?!(?:#\d+|#x[0-9a-fA-F]+|amp|lt|gt|quot|apos);)")


def _local(name: str) -> str:
    return name.rsplit(":", 1)[-1]


def _keep_attribute(name: str, value: str) -> bool:
    key = _local(name).lower()
    lowered = html.unescape(value).lower().replace(" ", "")
    if key == "class":
        return value in _KEEP_CLASSES
    if name.startswith("xmlns") or key.startswith("on") or key in ("href", "id", "src", "style"):
        return False
    return "javascript:" not in lowered and "url(" not in lowered


def _attributes(raw: str) -> str:
    kept = (f' {name}="{_ENTITY.sub("&amp;", value).replace("<", "&lt;")}"'
            for name, value in _ATTR.findall(raw) if _keep_attribute(name, value))
    return "".join(kept)


def _root(raw: str, title: str, desc: str) -> str:
    view_box = dict(_ATTR.findall(raw)).get("viewBox")
    box = f' viewBox="{html.escape(html.unescape(view_box))}"' if view_box else ""
    return (f'<svg xmlns="{SVG_NS}" width="100%"{box} preserveAspectRatio="xMidYMin meet" role="img"'
            f' aria-labelledby="chart-title chart-desc"><title id="chart-title">{html.escape(title, quote=False)}</title>'
            f'<desc id="chart-desc">{html.escape(desc, quote=False)}</desc>')


def _walk(text: str, title: str, desc: str) -> list[str]:
    out: list[str] = []
    stack: list[str] = []  # open element names, to check nesting and to know when a dropped subtree ends
    dropping = 0  # depth inside a dropped element
    pos = 0
    for match in _TOKEN.finditer(text):
        if match.start() != pos:
            raise BuildError("Graphviz 输出的 SVG 无法解析：标签不完整。")
        pos = match.end()
        comment, other, closing, name, raw, empty, chars = match.groups()
        if comment is not None:
            continue
        if other is not None:  # <?xml ...?> and <!DOCTYPE ...> are dropped; anything else (CDATA, entities) is refused
            if other.startswith("?") or other.upper().startswith("!DOCTYPE"):
                continue
            raise BuildError("Graphviz 输出的 SVG 含有不支持的声明。")
        if chars is not None:
            if not stack and chars.strip():
                raise BuildError("Graphviz 输出的 SVG 在根元素之外含有文字。")
            if stack and not dropping:
                out.append(_ENTITY.sub("&amp;", chars))
            continue
        tag = _local(name)
        if closing:
            if not stack or stack.pop() != name:
                raise BuildError("Graphviz 输出的 SVG 无法解析：标签未正确闭合。")
            if dropping:
                dropping -= 1
            elif tag not in _UNWRAP:
                out.append(f"</{name}>")
            continue
        if not stack:
            if tag != "svg" or out:
                raise BuildError("Graphviz 输出的不是 SVG。")
            out.append(_root(raw, title, desc))
        elif dropping or tag in _DROP:
            dropping += 0 if empty else 1
        elif tag not in _UNWRAP:  # keep what an <a> draws, drop the link itself
            out.append(f"<{name}{_attributes(raw)}{'/' if empty else ''}>")
        if not empty:
            stack.append(name)
        elif not stack:
            out.append("</svg>")
    if pos != len(text) or stack or not out:
        raise BuildError("Graphviz 输出的 SVG 无法解析：文件不完整。")
    return out


# Fast path for ordinary Graphviz output (~3x cheaper): a few regex substitutions, then a strict check of the
# whole text against a tiny grammar (double-quoted attributes only, no raw < or > in text) and a whitelist of tag
# names, attribute names and entities. Anything unexpected (a link, a comment left over, "javascript" even in a
# label, an unknown attribute) sends the chart through the full clean-up above, so the guarantees never rest on it.
_PREAMBLE = re.compile(r'\A<\?xml[^<>]*\?>\s*<!DOCTYPE svg PUBLIC "[^"<>]*"\s*"[^"<>]*">\s*(?:<!--[^<>]*?-->\s*)*')
_ROOT = re.compile(r'<svg\b[^<>]*?\sviewBox="([0-9. -]+)"[^<>]*>')
_DROPPED = re.compile(r'<!--[^<>]*?-->\n?|<title>[^<>]*</title>\n?| id="[^"<>]*"| class="(?!(?:graph|node|edge|cluster)")[^"<>]*"')
_GRAMMAR = re.compile(r'(?:[^<>]+|</?[a-z]+(?:\s+[a-zA-Z-]+="[^"<>]*")*\s*/?>)*')
_TAG_NAMES = re.compile(r"</?([a-z]+)")
_ATTR_NAMES = re.compile(r'\s([a-zA-Z-]+)="')
_ENTITIES = re.compile(r"&(?!(?:amp|lt|gt|#45);)")
_FAST_TAGS = {"svg", "g", "polygon", "polyline", "path", "ellipse", "text"}
_FAST_ATTRS = {"class", "cx", "cy", "d", "fill", "font-family", "font-size", "font-style", "font-weight", "points",
               "rx", "ry", "stroke", "stroke-dasharray", "stroke-width", "text-anchor", "transform", "x", "y"}


def _fast_sanitize(text: str, title: str, desc: str) -> str | None:
    """The clean SVG text, or None when the input is not plain Graphviz output."""
    preamble = _PREAMBLE.match(text)
    root = _ROOT.match(text, preamble.end()) if preamble else None
    if not root or not text.endswith("</svg>\n"):
        return None
    body = _DROPPED.sub("", text[root.end():])
    lowered = body.lower()
    if "javascript" in lowered or "url(" in lowered or _ENTITIES.search(body) or not _GRAMMAR.fullmatch(body):
        return None
    if set(_TAG_NAMES.findall(body)) - _FAST_TAGS or set(_ATTR_NAMES.findall(body)) - _FAST_ATTRS:
        return None
    head = (f'<svg xmlns="{SVG_NS}" width="100%" viewBox="{root.group(1)}" preserveAspectRatio="xMidYMin meet"'
            f' role="img" aria-labelledby="chart-title chart-desc"><title id="chart-title">{_escape(title)}</title>'
            f'<desc id="chart-desc">{_escape(desc)}</desc>')
    return head + body


def _escape(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def sanitize_svg(data: bytes, title: str, desc: str) -> bytes:
    """Graphviz SVG → standalone, responsive SVG with role="img", <title> and <desc> (Chinese summary)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BuildError(f"Graphviz 输出的 SVG 无法解析：{exc}") from exc
    body = _fast_sanitize(text, title, desc)
    if body is not None:
        return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body).encode("utf-8")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + "".join(_walk(text, title, desc)) + "\n").encode("utf-8")
