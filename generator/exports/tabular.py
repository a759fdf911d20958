"""CSV (UTF-8 with BOM, for Excel and WPS) and XLSX writers for the tables in `columns`."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import datetime

from generator.catalogue import Catalogue
from generator.exports.columns import Table, headers, rows
from generator.exports.deflate import Piece
from generator.exports.xlsx import Sheet, frame, rows_piece, workbook_chunks

BOM = "\ufeff"
# A spreadsheet treats a cell that starts with one of these as a formula; a leading apostrophe keeps it text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_safe(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def to_csv(table: Table, catalogue: Catalogue, department: str | None = None) -> bytes:
    """CSV with a BOM and CRLF line ends (RFC 4180), one header row, then the rows."""
    return csv_bytes(table, rows(table, catalogue, department))


def csv_bytes(table: Table, cells: Iterable[list[str]]) -> bytes:
    """The CSV of `table` holding the rows `cells` (as columns.rows gives them)."""
    head = io.StringIO(newline="")
    csv.writer(head, lineterminator="\r\n").writerow(headers(table))
    return (BOM + head.getvalue()).encode("utf-8") + csv_rows(cells)


def csv_rows(cells: Iterable[list[str]]) -> bytes:
    """Rows as CSV lines, no header: a department's share of a whole-catalogue table joins others' as they are."""
    text = io.StringIO(newline="")
    writer = csv.writer(text, lineterminator="\r\n")
    for row in cells:
        writer.writerow([_csv_safe(cell) for cell in row])
    return text.getvalue().encode("utf-8")


def sheets_of(tables: Iterable[Table]) -> list[Sheet]:
    return [Sheet(table.title, tuple(headers(table))) for table in tables]


def to_xlsx(tables: tuple[Table, ...], catalogue: Catalogue, stamp: datetime, department: str | None = None, title: str = "",
            made: dict[str, Piece] | None = None) -> bytes:
    """One workbook, one sheet per table (generator/exports/xlsx.py). `stamp` fixes created/modified so the bytes
    depend only on the data. `made`: table key → its rows already deflated (a department's share of the whole
    workbook holds the same rows)."""
    made = made or {}
    pieces = [[made[t.key] if t.key in made else rows_piece(rows(t, catalogue, department))] for t in tables]
    return b"".join(workbook_chunks(frame(sheets_of(tables), stamp, title), pieces))
