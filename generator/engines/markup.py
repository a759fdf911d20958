"""Repairs to Material's page markup that its templates do not let us override; Zensical's templates (Material's successor) print the same toggles."""

from __future__ import annotations

# Material's base.html puts autocomplete="off" on its two toggle checkboxes, outside any template block. The
# HTML spec does not allow autocomplete on checkboxes, so the Nu HTML Checker reports an error on every page.
# (It only stops Firefox restoring an open drawer after "back"; the drawer closes on the next click.)
_TOGGLES = (
    ('type="checkbox" id="__drawer" autocomplete="off">', 'type="checkbox" id="__drawer">'),
    ('type="checkbox" id="__search" autocomplete="off">', 'type="checkbox" id="__search">'),
)


def fix_material_markup(html: str) -> str:
    """The page HTML with Material's invalid attributes removed; everything else byte-identical."""
    for old, new in _TOGGLES:
        html = html.replace(old, new, 1)
    return html
