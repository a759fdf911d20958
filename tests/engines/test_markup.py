"""Material's invalid toggle attributes are removed; nothing else of the page changes."""

from __future__ import annotations

from generator.engines.markup import compact_whitespace, fix_material_markup

PAGE = ('<body><input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">'
        '<input id="q" type="text" autocomplete="off"></body>')


def test_toggles_lose_autocomplete_text_inputs_keep_it() -> None:
    fixed = fix_material_markup(PAGE)
    assert 'id="__drawer">' in fixed and 'id="__search">' in fixed
    assert fixed.count('autocomplete="off"') == 1  # the text input's is valid and stays
    assert fix_material_markup(fixed) == fixed


def test_indentation_goes_outside_verbatim_elements() -> None:
    page = ("<body>\n    <div>\n      <p>第一行\n        第二行</p>\n\n\n    </div>\n"
            "<pre><code>key:\n    value</code></pre>\n  <textarea>\n  a</textarea>\n  <script>\n  if (a) {\n    b()\n  }</script>\n"
            "  <style>\n  p {\n    color: red }</style>\n  <p>行内 <code>a\n    b</code></p>\n</body>")
    assert compact_whitespace(page) == (
        "<body>\n<div>\n<p>第一行\n第二行</p>\n</div>\n"
        "<pre><code>key:\n    value</code></pre>\n<textarea>\n  a</textarea>\n<script>\n  if (a) {\n    b()\n  }</script>\n"
        "<style>\n  p {\n    color: red }</style>\n<p>行内 <code>a\n    b</code></p>\n</body>")


def test_visible_spaces_and_single_spaces_stay() -> None:
    # U+3000 (全角空格) and U+00A0 are text, not HTML white space; a space inside a line is the reader's word gap.
    page = "<p>\n\u3000\u3000第一段\n\u00a0注 1</p>\n<p>a b  c</p>"
    assert compact_whitespace(page) == page



def test_the_text_a_reader_gets_is_unchanged() -> None:
    import html.parser

    class Words(html.parser.HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.words: list[str] = []

        def handle_data(self, data: str) -> None:
            self.words.extend(data.split(" "))  # not split(): a newline must become one separator, like a space

    page = "<ul>\n  <li>\n    <a href=\"x\">\n      办理时限\n    </a>\n  </li>\n</ul>\n<p>  甲 乙</p>"
    before, after = Words(), Words()
    before.feed(" ".join(page.split("\n")))
    after.feed(" ".join(compact_whitespace(page).split("\n")))
    assert [w for w in before.words if w] == [w for w in after.words if w]
    assert compact_whitespace(compact_whitespace(page)) == compact_whitespace(page)
