"""The editor stage of `check`: placeholder detection stays exact with its byte-search shortcut."""

from __future__ import annotations

from pathlib import Path

from generator.editor.checks import placeholder_diagnostics
from generator.editor.scaffold import PLACEHOLDER
from generator.load import RawDocument


def _doc(data: object, raw: bytes | None) -> RawDocument:
    return RawDocument(Path("c/demo/powers/x.yaml"), "c/demo/powers/x.yaml", "powers", "demo", data, raw)


def test_placeholder_found_in_plain_and_escaped_text() -> None:
    plain = _doc({"name": f"{PLACEHOLDER}：名称"}, f"name: {PLACEHOLDER}：名称\n".encode())
    escaped = _doc({"name": f"{PLACEHOLDER}"}, b'name: "\\u5f85\\u586b\\u5199"\n')  # the bytes lack the word
    unknown = _doc({"basis": [{"name": PLACEHOLDER}]}, None)  # no bytes (built in memory): always walked
    for doc in (plain, escaped, unknown):
        assert [d.key for d in placeholder_diagnostics([doc])] != [], doc


def test_files_without_the_word_are_skipped_and_clean() -> None:
    doc = _doc({"name": "市场监管"}, "name: 市场监管\n".encode())
    assert not doc.may_contain(PLACEHOLDER)
    assert list(placeholder_diagnostics([doc])) == []
