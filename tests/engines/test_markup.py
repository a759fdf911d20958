"""Material's invalid toggle attributes are removed; nothing else of the page changes."""

from __future__ import annotations

from generator.engines.markup import fix_material_markup

PAGE = ('<body><input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">'
        '<input id="q" type="text" autocomplete="off"></body>')


def test_toggles_lose_autocomplete_text_inputs_keep_it() -> None:
    fixed = fix_material_markup(PAGE)
    assert 'id="__drawer">' in fixed and 'id="__search">' in fixed
    assert fixed.count('autocomplete="off"') == 1  # the text input's is valid and stays
    assert fix_material_markup(fixed) == fixed
