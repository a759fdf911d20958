"""The last pass over every page an engine writes: repairs to Material's markup that its templates do not let us
override (Zensical's templates, Material's successor, print the same toggles), and the templates' indentation
dropped (`compact_whitespace`)."""

from __future__ import annotations

import re

# Material's base.html puts autocomplete="off" on its two toggle checkboxes, outside any template block. The
# HTML spec does not allow autocomplete on checkboxes, so the Nu HTML Checker reports an error on every page.
# (It only stops Firefox restoring an open drawer after "back"; the drawer closes on the next click.)
_TOGGLES = (
    ('type="checkbox" id="__drawer" autocomplete="off">', 'type="checkbox" id="__drawer">'),
    ('type="checkbox" id="__search" autocomplete="off">', 'type="checkbox" id="__search">'),
)


# Where whitespace is content: preformatted text, form text, scripts and styles, inline code.
_VERBATIM = re.compile(r"(<(pre|textarea|script|style|code)\b.*?</\2>)", re.S | re.I)
_INDENT = re.compile(r"\n[ \t\r\n\f]+")  # HTML white space only: U+3000 and U+00A0 are visible


def compact_whitespace(html: str) -> str:
    """The page with every line break's following indentation (and blank lines) removed outside verbatim
    elements. A browser collapses any run of white space to one space outside them, so the page reads and
    renders the same; the templates' indentation was 13% of a record page's bytes (45 MB at 10,000 records),
    which counts against the host's size limit once per kept revision."""
    parts = _VERBATIM.split(html)  # [text, element, tag name, text, element, tag name, …, text]
    for index in range(0, len(parts), 3):
        parts[index] = _INDENT.sub("\n", parts[index])
    return "".join(part for index, part in enumerate(parts) if index % 3 != 2)


def fix_material_markup(html: str) -> str:
    """The page HTML with Material's invalid attributes removed and its indentation compacted."""
    for old, new in _TOGGLES:
        html = html.replace(old, new, 1)
    return compact_whitespace(html)
