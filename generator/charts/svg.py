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
from dataclasses import dataclass

from generator.errors import BuildError

SVG_NS = "http://www.w3.org/2000/svg"

_DROP = {"script", "foreignObject", "image", "iframe", "object", "embed", "style", "use", "animate", "set", "handler", "title", "desc", "metadata"}
_UNWRAP = {"a", "switch"}
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


# Fast path for ordinary Graphviz output (~4x cheaper): one strict check of the whole text against a tiny
# grammar that spells out the whitelist (tag names, attribute names, double-quoted values without ":", "(" or "&",
# entities, no raw < or > in text), then one substitution that drops comments, <title>s and the ids of groups.
# Anything else (a link, a script, an unknown attribute or entity, a class Graphviz does not write, a value that
# could hold "javascript:" or "url(") sends the chart through the full clean-up above, so the guarantees never
# rest on it. Text content is never markup, so a label may say "javascript:" on either path.
_PREAMBLE = re.compile(r'\A<\?xml[^<>]*\?>\s*<!DOCTYPE svg PUBLIC "[^"<>]*"\s*"[^"<>]*">\s*(?:<!--[^<>]*?-->\s*)*')
_ROOT = re.compile(r'<svg\b[^<>]*?\sviewBox="([0-9. -]+)"[^<>]*>')
_FAST_TAGS = "svg|g|polygon|polyline|path|ellipse|text"
_FAST_ATTRS = ("cx|cy|d|fill|font-family|font-size|font-style|font-weight|points|rx|ry|stroke|stroke-dasharray"
               "|stroke-width|text-anchor|x|y")
_FAST_ATTR = (rf'\s(?:(?:{_FAST_ATTRS})="[^"<>&:()]*"|class="(?:graph|node|edge|cluster)"'
              r'|transform="[a-z0-9 .,()-]*")')
# Possessive quantifiers: a failed match must fail in linear time, not try every split of every text run.
_GRAMMAR = re.compile(
    r'(?:[^<>&]++|&(?:amp|lt|gt|#45);'
    rf'|<g(?: id="[^"<>&]*+")?(?:{_FAST_ATTR})*+\s*+/?>|<(?:{_FAST_TAGS})(?:{_FAST_ATTR})*+\s*+/?>|</(?:{_FAST_TAGS})>'
    r'|<!--[^<>]*?-->|<title>[^<>&]*+(?:&(?:amp|lt|gt|#45);[^<>&]*+)*+</title>)*+')
# Every alternative starts with "<", so the regex engine can skip straight to the next tag.
_DROPPED = re.compile(r'<!--[^<>]*-->\n?|<title>[^<>]*</title>\n?|<g id="[^"<>]*"')


def _drop(match: re.Match) -> str:
    return "<g" if match.group().startswith("<g") else ""


def _fast_sanitize(text: str, title: str, desc: str) -> str | None:
    """The clean SVG text, or None when the input is not plain Graphviz output."""
    preamble = _PREAMBLE.match(text)
    root = _ROOT.match(text, preamble.end()) if preamble else None
    if not root or not text.endswith("</svg>\n") or not _GRAMMAR.fullmatch(text, root.end()):
        return None
    body = _DROPPED.sub(_drop, text[root.end():])
    head = (f'<svg xmlns="{SVG_NS}" width="100%" viewBox="{root.group(1)}" preserveAspectRatio="xMidYMin meet"'
            f' role="img" aria-labelledby="chart-title chart-desc"><title id="chart-title">{_escape(title)}</title>'
            f'<desc id="chart-desc">{_escape(desc)}</desc>')
    return head + body


def _escape(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def sanitize_svg(data: bytes | str, title: str, desc: str, legend: LegendArt | None = None) -> bytes:
    """Graphviz SVG → standalone, responsive SVG with role="img", <title> and <desc> (Chinese summary),
    and the shared legend below the chart when one is given."""
    try:
        text = data if isinstance(data, str) else data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BuildError(f"Graphviz 输出的 SVG 无法解析：{exc}") from exc
    body = _fast_sanitize(text, title, desc)
    if body is None:
        body = "".join(_walk(text, title, desc)) + "\n"
    if legend is not None:
        body = add_legend(body, legend)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body).encode("utf-8")


# The shared legend (laid out once, see legend.py) goes below each chart: its sanitized content in a translated
# group, a white background under both, and a viewBox that holds both. Only numbers we compute enter the chart.
@dataclass(frozen=True)
class LegendArt:
    width: float
    height: float
    content: str  # sanitized SVG elements, in the legend's own coordinates (0 0 width height)


_VIEW_BOX = re.compile(r'<svg [^<>]*?viewBox="([^"<>]*)"')
LEGEND_GAP = 14.4  # the chart's bottom pad (0.2 in) and the legend's top pad would otherwise add up


def _view_box(svg: str) -> tuple[re.Match, tuple[float, ...]]:
    found = _VIEW_BOX.match(svg)
    numbers = found.group(1).replace(",", " ").split() if found else []
    try:
        values = tuple(float(v) for v in numbers)
    except ValueError:
        values = ()
    if not found or len(values) != 4:
        raise BuildError("流程图 SVG 缺少有效的 viewBox，无法加入图例。")
    return found, values


def legend_art(clean_svg: bytes) -> LegendArt:
    """The legend's sanitized SVG (from sanitize_svg) cut down to its content and size."""
    text = clean_svg.decode("utf-8").split("\n", 1)[1]
    _, (_, _, w, h) = _view_box(text)
    start = text.index("</desc>") + len("</desc>")
    return LegendArt(w, h, text[start:text.rindex("</svg>")])


def _n(value: float) -> str:
    return f"{value:.2f}"


def add_legend(text: str, legend: LegendArt) -> str:
    """A sanitized chart SVG (from its root element on) with the legend centred below it, on one white background."""
    found, (x, y, w, h) = _view_box(text)
    lx, ly = x + (w - legend.width) / 2, y + h - LEGEND_GAP
    left, width, height = min(x, lx), max(w, legend.width), h + legend.height - LEGEND_GAP
    box = f'{_n(left)} {_n(y)} {_n(width)} {_n(height)}'
    right, bottom = left + width, y + height
    background = (f'<polygon fill="white" stroke="none" points="{_n(left)},{_n(y)} {_n(right)},{_n(y)} '
                  f'{_n(right)},{_n(bottom)} {_n(left)},{_n(bottom)} {_n(left)},{_n(y)}"/>')
    desc_end = text.index("</desc>") + len("</desc>")
    end = text.rindex("</svg>")
    out = (text[:found.start(1)] + box + text[found.end(1):desc_end] + background + text[desc_end:end]
           + f'<g transform="translate({_n(lx)} {_n(ly)})">{legend.content}</g>' + text[end:])
    return out
