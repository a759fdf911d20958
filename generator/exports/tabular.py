"""CSV (UTF-8 with BOM, for Excel and WPS) and XLSX (openpyxl) writers for the tables in `columns`."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import datetime

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.writer.excel import ExcelWriter

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


def _fill_sheet(sheet, table: Table, catalogue: Catalogue, department: str | None) -> None:  # noqa: ANN001 — openpyxl Worksheet
    sheet.append(headers(table))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for values in rows(table, catalogue, department):
        sheet.append(values)
        for cell in sheet[sheet.max_row]:
            cell.data_type = "s"  # never a formula, whatever the text starts with
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    for index, header in enumerate(headers(table), start=1):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = max(10, min(40, 2 * len(header) + 4))


def to_xlsx(tables: tuple[Table, ...], catalogue: Catalogue, stamp: datetime, department: str | None = None, title: str = "") -> bytes:
    """One workbook, one sheet per table. `stamp` fixes created/modified so the bytes depend only on the data."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for table in tables:
        _fill_sheet(workbook.create_sheet(table.title), table, catalogue, department)
    props = workbook.properties
    props.creator = props.lastModifiedBy = "Gongkai"
    props.title = title or None
    props.created = props.modified = stamp
    buffer = io.BytesIO()
    # ExcelWriter directly: openpyxl's save_workbook() would stamp `modified` with the clock.
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).save()
    return normalise_zip(buffer.getvalue())
