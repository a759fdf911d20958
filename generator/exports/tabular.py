"""CSV (UTF-8 with BOM, for Excel and WPS) and XLSX (XlsxWriter) writers for the tables in `columns`."""

from __future__ import annotations

import csv
import io
from datetime import datetime

import xlsxwriter

from generator.catalogue import Catalogue
from generator.exports.columns import Table, headers, rows
from generator.exports.ziputil import normalise_zip

BOM = "\ufeff"
# A spreadsheet treats a cell that starts with one of these as a formula; a leading apostrophe keeps it text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_safe(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def to_csv(table: Table, catalogue: Catalogue, department: str | None = None) -> bytes:
    """CSV with a BOM and CRLF line ends (RFC 4180), one header row, then the rows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headers(table))
    for row in rows(table, catalogue, department):
        writer.writerow([_csv_safe(cell) for cell in row])
    return (BOM + buffer.getvalue()).encode("utf-8")


def _fill_sheet(book: xlsxwriter.Workbook, table: Table, catalogue: Catalogue, department: str | None) -> None:
    """One sheet: bold header row frozen at the top, wrapped text, every cell written as text (never a formula)."""
    sheet = book.add_worksheet(table.title)
    heading, body = book.add_format({"bold": True}), book.add_format({"text_wrap": True, "valign": "top"})
    names = headers(table)
    for column, header in enumerate(names):
        sheet.set_column(column, column, max(10, min(40, 2 * len(header) + 4)))
        sheet.write_string(0, column, header, heading)
    for row, values in enumerate(rows(table, catalogue, department), start=1):
        for column, value in enumerate(values):
            sheet.write_string(row, column, value, body)
    sheet.freeze_panes(1, 0)


def to_xlsx(tables: tuple[Table, ...], catalogue: Catalogue, stamp: datetime, department: str | None = None, title: str = "") -> bytes:
    """One workbook, one sheet per table. `stamp` fixes created/modified so the bytes depend only on the data."""
    buffer = io.BytesIO()
    # XlsxWriter writes rows several times faster than openpyxl; no string becomes a formula, number or link.
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_numbers": False,
                                        "strings_to_urls": False})
    book.set_properties({"title": title, "author": "Gongkai", "created": stamp})
    for table in tables:
        _fill_sheet(book, table, catalogue, department)
    book.close()
    return normalise_zip(buffer.getvalue())
