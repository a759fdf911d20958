"""The workbook written from deflated row pieces: what a spreadsheet reads back from it."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

import pytest
from openpyxl import load_workbook

from generator.exports import xlsx
from generator.exports.xlsx import Sheet, frame, rows_piece, workbook_chunks
from generator.exports.ziputil import FIXED_TIME

STAMP = datetime(2024, 7, 1)


def _book(pieces: list[list]) -> bytes:
    sheets = [Sheet("行政职权目录", ("事项名称", "说明")), Sheet("收费目录", ("收费项目",))]
    return b"".join(workbook_chunks(frame(sheets, STAMP, "权力公开目录"), pieces))


def test_rows_from_several_pieces_read_back_in_order_as_text() -> None:
    data = _book([[rows_piece([["=1+1", "a <b> & c"], ["", "第二行"]]), rows_piece([]), rows_piece([["第三行", ""]])], [rows_piece([])]])
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["行政职权目录", "收费目录"]
    sheet = book["行政职权目录"]
    assert [list(r) for r in sheet.iter_rows(values_only=True)] == [
        ["事项名称", "说明"], ["=1+1", "a <b> & c"], [None, "第二行"], ["第三行", None]]
    assert sheet["A2"].data_type == "s"  # text, never a formula
    assert sheet.freeze_panes == "A2" and sheet["A1"].font.b and sheet["B2"].alignment.wrap_text
    assert [list(r) for r in book["收费目录"].iter_rows(values_only=True)] == [["收费项目"]]
    assert book.properties.created == STAMP == book.properties.modified and book.properties.title == "权力公开目录"


def test_the_archive_is_deterministic_and_checks() -> None:
    pieces = lambda: [[rows_piece([["甲", "乙"]])], [rows_piece([["丙"]])]]  # noqa: E731
    data = _book(pieces())
    assert data == _book(pieces())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        assert archive.namelist()[0] == "[Content_Types].xml"
        assert {i.date_time for i in archive.infolist()} == {FIXED_TIME}
        assert "<f>" not in archive.read("xl/worksheets/sheet1.xml").decode()


def test_characters_xml_cannot_hold_are_written_as_spreadsheetml_escapes() -> None:
    assert xlsx.row_xml(["a\x01b"]) == '<row><c s="2" t="inlineStr"><is><t xml:space="preserve">a_x0001_b</t></is></c></row>'
    assert "_x005F_x0041_" in xlsx.row_xml(["_x0041_"])  # a literal escape stays literal


def test_entries_and_offsets_past_four_gigabytes_are_written_as_zip64(monkeypatch: pytest.MonkeyPatch) -> None:
    """The 4 GB threshold lowered to 100 bytes: every large sheet, every later offset and the directory go through ZIP64,
    and readers still find every row (zipfile reads the ZIP64 fields only where a header holds 0xFFFFFFFF)."""
    small = _book([[rows_piece([["短"]])], [rows_piece([])]])
    assert b"PK\x06\x06" not in small  # below the threshold: the plain format, bytes as before
    monkeypatch.setattr(xlsx, "_LIMIT", 100)
    long_row = "很长的一行" * 50
    data = _book([[rows_piece([[long_row]])], [rows_piece([["第二张"]])]])
    assert b"PK\x06\x06" in data and b"PK\x06\x07" in data
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        assert any(info.file_size >= 100 for info in archive.infolist())
    book = load_workbook(io.BytesIO(data), read_only=True)
    assert [row for row in book.worksheets[0].iter_rows(min_row=2, values_only=True)] == [(long_row,)]
    assert [row for row in book.worksheets[1].iter_rows(min_row=2, values_only=True)] == [("第二张",)]
