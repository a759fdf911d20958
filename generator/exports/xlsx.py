"""A workbook written from deflated pieces of rows (generator/exports/deflate.py), for the catalogue's tables.

Each sheet is a header row, frozen at the top, then text cells (inline strings, wrapped, top-aligned): never a
formula, number or link. Rows and cells carry no position (`r` is optional in SpreadsheetML: a reader counts them),
so a department's rows are the same bytes wherever they land, and a split build's parts deflate their departments'
rows on their own; `workbook_chunks` only joins. Excel, WPS, LibreOffice and openpyxl read such sheets.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from xml.sax.saxutils import escape

from generator.exports.deflate import Piece, deflate, join
from generator.exports.ziputil import FIXED_TIME

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
HEADER_STYLE, BODY_STYLE = 1, 2
# XML 1.0 cannot hold these characters; SpreadsheetML writes them as _xHHHH_ (and a literal _xHHHH_ with its
# underscore escaped, so that it reads back as written).
_UNWRITABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")


def _text(value: str) -> str:
    if _UNWRITABLE.search(value):
        value = _UNWRITABLE.sub(lambda m: f"_x{ord(m.group()):04X}_", value)
    return escape(value)


def row_xml(cells: Sequence[str], style: int = BODY_STYLE) -> str:
    """One row of text cells; an empty cell keeps its place (cells carry no column letter)."""
    out = ["<row>"]
    for value in cells:
        out.append(f'<c s="{style}" t="inlineStr"><is><t xml:space="preserve">{_text(value)}</t></is></c>' if value
                   else f'<c s="{style}"/>')
    out.append("</row>")
    return "".join(out)


def rows_piece(rows: Iterable[Sequence[str]]) -> Piece:
    """The rows' XML, deflated: one department's share of a sheet."""
    return deflate("".join(row_xml(row) for row in rows).encode("utf-8"))


@dataclass(frozen=True)
class Sheet:
    title: str
    headers: tuple[str, ...]


def _width(header: str) -> int:
    return max(10, min(40, 2 * len(header) + 4))


def _sheet_ends(sheet: Sheet, first: bool) -> tuple[bytes, bytes]:
    selected = ' tabSelected="1"' if first else ""
    cols = "".join(f'<col min="{i}" max="{i}" width="{_width(h)}" customWidth="1"/>' for i, h in enumerate(sheet.headers, start=1))
    head = (f'{_XML}<worksheet xmlns="{_MAIN}" xmlns:r="{_RELS}"><sheetViews><sheetView{selected} workbookViewId="0">'
            '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/>'
            f'</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>{cols}</cols><sheetData>'
            + row_xml(sheet.headers, HEADER_STYLE))
    tail = '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>'
    return head.encode("utf-8"), tail.encode("utf-8")


_STYLES = (f'{_XML}<styleSheet xmlns="{_MAIN}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
           '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
           '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
           '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
           '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
           '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
           '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
           '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>'
           '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>')


def _package_files(sheets: Sequence[Sheet], stamp: datetime, title: str) -> dict[str, str]:
    """Every part of the workbook but the sheets, [Content_Types].xml first (some readers sniff the first entry)."""
    count = len(sheets)
    sheet_types = "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                          for i in range(1, count + 1))
    when = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    return {
        "[Content_Types].xml": (f'{_XML}<Types xmlns="{_PKG}/content-types">'
                                '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                                '<Default Extension="xml" ContentType="application/xml"/>'
                                '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                                f'{sheet_types}'
                                '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
                                '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
                                '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
                                '</Types>'),
        "_rels/.rels": (f'{_XML}<Relationships xmlns="{_PKG}/relationships">'
                        f'<Relationship Id="rId1" Type="{_RELS}/officeDocument" Target="xl/workbook.xml"/>'
                        f'<Relationship Id="rId2" Type="{_PKG}/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
                        f'<Relationship Id="rId3" Type="{_RELS}/extended-properties" Target="docProps/app.xml"/>'
                        '</Relationships>'),
        "docProps/app.xml": (f'{_XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
                             '<Application>Gongkai</Application></Properties>'),
        "docProps/core.xml": (f'{_XML}<cp:coreProperties xmlns:cp="{_PKG}/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
                              'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
                              f'<dc:title>{escape(title)}</dc:title><dc:creator>Gongkai</dc:creator>'
                              f'<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created>'
                              f'<dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified></cp:coreProperties>'),
        "xl/workbook.xml": (f'{_XML}<workbook xmlns="{_MAIN}" xmlns:r="{_RELS}"><bookViews><workbookView/></bookViews><sheets>'
                            + "".join(f'<sheet name="{escape(s.title, {chr(34): "&quot;"})}" sheetId="{i}" r:id="rId{i}"/>' for i, s in enumerate(sheets, start=1))
                            + "</sheets></workbook>"),
        "xl/_rels/workbook.xml.rels": (f'{_XML}<Relationships xmlns="{_PKG}/relationships">'
                                       + "".join(f'<Relationship Id="rId{i}" Type="{_RELS}/worksheet" Target="worksheets/sheet{i}.xml"/>' for i in range(1, count + 1))
                                       + f'<Relationship Id="rId{count + 1}" Type="{_RELS}/styles" Target="styles.xml"/></Relationships>'),
        "xl/styles.xml": _STYLES,
    }


@dataclass(frozen=True)
class Frame:
    """Everything of a workbook but its rows: the small parts, deflated, and each sheet's opening and closing."""

    files: tuple[tuple[str, Piece], ...]
    sheet_ends: tuple[tuple[Piece, Piece], ...]


def frame(sheets: Sequence[Sheet], stamp: datetime, title: str = "") -> Frame:
    """`stamp` fixes created/modified, so the bytes depend only on the data."""
    files = tuple((name, deflate(text.encode("utf-8"))) for name, text in _package_files(sheets, stamp, title).items())
    ends = tuple(tuple(deflate(part) for part in _sheet_ends(sheet, i == 0)) for i, sheet in enumerate(sheets))
    return Frame(files, ends)  # type: ignore[arg-type]


_DOS_TIME = (FIXED_TIME[3] << 11) | (FIXED_TIME[4] << 5) | (FIXED_TIME[5] // 2)
_DOS_DATE = ((FIXED_TIME[0] - 1980) << 9) | (FIXED_TIME[1] << 5) | FIXED_TIME[2]
_LIMIT = 0xFFFFFFFF  # from here on a size or offset needs ZIP64 (tests lower it to reach that path)
_MASK = 0xFFFFFFFF  # what a header holds in place of a value kept in the ZIP64 extra field


def _zip64_extra(values: list[int]) -> bytes:
    return struct.pack("<HH", 1, 8 * len(values)) + b"".join(struct.pack("<Q", v) for v in values) if values else b""


def _entry_headers(name: bytes, crc: int, compressed: int, size: int, offset: int) -> tuple[bytes, bytes]:
    """Local and central headers; sizes or an offset past 4 GB go in a ZIP64 extra field (Excel, WPS, LibreOffice and
    Python's zipfile read it), so a province's workbook is never refused. Smaller entries get the plain headers."""
    big = size >= _LIMIT or compressed >= _LIMIT
    far = offset >= _LIMIT
    version = 45 if big or far else 20
    sizes = (_MASK, _MASK) if big else (compressed, size)
    local_extra = _zip64_extra([size, compressed] if big else [])
    central_extra = _zip64_extra(([size, compressed] if big else []) + ([offset] if far else []))
    common = struct.pack("<HHHHI", 0, 8, _DOS_TIME, _DOS_DATE, crc) + struct.pack("<II", *sizes)  # flags, deflate, time, date
    local = (b"PK\x03\x04" + struct.pack("<H", version) + common + struct.pack("<HH", len(name), len(local_extra))
             + name + local_extra)
    central = (b"PK\x01\x02" + struct.pack("<HH", (3 << 8) | version, version) + common
               + struct.pack("<HHHHHII", len(name), len(central_extra), 0, 0, 0, 0o644 << 16, _MASK if far else offset)
               + name + central_extra)
    return local, central


def _directory_end(entries: int, size: int, offset: int) -> bytes:
    """The end of the central directory, after a ZIP64 end record and locator when the directory starts past 4 GB."""
    plain = b"PK\x05\x06" + struct.pack("<HHHHIIH", 0, 0, entries, entries, size, offset, 0)
    if offset < _LIMIT and size < _LIMIT:
        return plain
    record = b"PK\x06\x06" + struct.pack("<QHHIIQQQQ", 44, 45, 45, 0, 0, entries, entries, size, offset)
    locator = b"PK\x06\x07" + struct.pack("<IQI", 0, offset + size, 1)
    end = b"PK\x05\x06" + struct.pack("<HHHHIIH", 0, 0, entries, entries, _MASK, _MASK, 0)
    return record + locator + end


def workbook_chunks(layout: Frame, rows: Sequence[Iterable[Piece]]) -> list[bytes]:
    """The workbook's bytes (as chunks): `layout`'s parts, then each sheet's rows (`rows[i]`: sheet i's pieces in
    order) between its opening and closing. Deterministic: fixed times and attributes, entries in a fixed order."""
    entries = [(name, [piece]) for name, piece in layout.files]
    entries += [(f"xl/worksheets/sheet{i}.xml", [head, *pieces, tail])
                for i, ((head, tail), pieces) in enumerate(zip(layout.sheet_ends, rows, strict=True), start=1)]
    out: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for name, pieces in entries:
        joined = join(pieces)
        local, record = _entry_headers(name.encode("utf-8"), joined.crc, joined.compressed_size, joined.size, offset)
        out += [local, *joined.chunks]
        central.append(record)
        offset += len(local) + joined.compressed_size
    directory = b"".join(central)
    return out + [directory, _directory_end(len(entries), len(directory), offset)]
