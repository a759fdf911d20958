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


FILLERS = ["待定", "暂无", "见附件", "详见附件2", "略", "同上", "/", "-", "—", "……", "N/A", "（原清单未载明）", "【原清单空白】", "未载", "不详"]
CONTENT = ["无数量限制", "原件", "略高于上年", "同上年度标准", "县政务服务中心", "原清单第 12 行：受理条件见第三条", "-5 元", "见《食品安全法》第三十五条"]


def _yaml_line(value: str) -> bytes:
    quoted = f'"{value}"' if value[0] in "-/[{【（(" or value in ("N/A",) else value
    return f"name: 测试\nresult: {quoted}\n".encode()


def test_filler_found_through_the_byte_shortcut_and_content_left_alone() -> None:
    from generator.editor.checks import filler_diagnostics

    for value in FILLERS:
        doc = _doc({"name": "测试", "result": value}, _yaml_line(value))
        assert [d.key for d in filler_diagnostics([doc])] == ["result"], value
    for value in CONTENT:
        doc = _doc({"name": "测试", "result": value}, _yaml_line(value))
        assert list(filler_diagnostics([doc])) == [], value
