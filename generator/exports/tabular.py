"""CSV (UTF-8 with BOM, for Excel and WPS) and XLSX (XlsxWriter) writers for the tables in `columns`."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
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
    return csv_bytes(table, rows(table, catalogue, department))


def csv_bytes(table: Table, cells: Iterable[list[str]]) -> bytes:
    """The CSV of `table` holding the rows `cells` (as columns.rows gives them). Encoded as it is written: a text
    buffer of the whole catalogue's largest table held several times its UTF-8 size."""
    buffer = io.BytesIO()
    with io.TextIOWrapper(buffer, encoding="utf-8", newline="", write_through=True) as text:
        writer = csv.writer(text, lineterminator="\r\n")
        text.write(BOM)
        writer.writerow(headers(table))
        for row in cells:
            writer.writerow([_csv_safe(cell) for cell in row])
        return buffer.getvalue()


def _fill_sheet(book: xlsxwriter.Workbook, table: Table, cells: Iterable[list[str]]) -> None:
    """One sheet: bold header row frozen at the top, wrapped text, every cell written as text (never a formula)."""
    sheet = book.add_worksheet(table.title)
    heading, body = book.add_format({"bold": True}), book.add_format({"text_wrap": True, "valign": "top"})
    names = headers(table)
    for column, header in enumerate(names):
        sheet.set_column(column, column, max(10, min(40, 2 * len(header) + 4)))
        sheet.write_string(0, column, header, heading)
    sheet.freeze_panes(1, 0)  # before the rows: a sheet written row by row (streamed) takes no later settings
    for row, values in enumerate(cells, start=1):
        for column, value in enumerate(values):
            sheet.write_string(row, column, value, body)


def to_xlsx(tables: tuple[Table, ...], catalogue: Catalogue, stamp: datetime, department: str | None = None, title: str = "") -> bytes:
    """One workbook, one sheet per table. `stamp` fixes created/modified so the bytes depend only on the data."""
    return workbook_bytes([(table, rows(table, catalogue, department)) for table in tables], stamp, title)


def workbook_bytes(sheets: list[tuple[Table, Iterable[list[str]]]], stamp: datetime, title: str = "", streamed: bool = False) -> bytes:
    """The workbook of `sheets` (table, its rows). `streamed`: written row by row through temporary files with each
    cell's text in place (XlsxWriter's constant_memory), for the whole catalogue's millions of cells; otherwise built
    in memory with one shared table of strings (smaller files)."""
    buffer = io.BytesIO()
    # XlsxWriter writes rows several times faster than openpyxl; no string becomes a formula, number or link.
    options = {"strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False}
    options.update({"constant_memory": True} if streamed else {"in_memory": True})
    book = xlsxwriter.Workbook(buffer, options)
    book.set_properties({"title": title, "author": "Gongkai", "created": stamp})
    for table, cells in sheets:
        _fill_sheet(book, table, cells)
    book.close()
    return normalise_zip(buffer.getvalue())
