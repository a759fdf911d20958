"""The whole catalogue's downloads — data/catalogue.json.gz, data/csv/<table>.csv and data/catalogue.xlsx — joined from
each department's share, so that no one process needs every full record.

Records and rows are listed by department (id order), then kind, then id. A department's share is its records' JSON
and its rows of each table, CSV as text and the workbook's rows deflated (generator/exports/deflate.py). The opening
holds what only the whole catalogue knows: the departments and the non-disclosure list around the JSON's records,
and the workbook's date (the newest change). A whole build makes all of them and joins them; a split build's
department parts make their departments' shares, the site part the opening, and `gongkai assemble` joins them
(generator/parts/): the same bytes either way.

A table longer than a worksheet can hold (SHEET_ROWS, Excel's limit, header included) goes on in further sheets named
"<title>（2）", "<title>（3）" …, each starting at a department's first row: Excel and WPS would otherwise open the
workbook with the rows past the limit silently cut off. The CSV and JSON files are never split.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from generator.catalogue import Catalogue
from generator.exports.columns import CATALOGUE_TABLES, rows
from generator.exports.deflate import Piece, deflate, gzip_chunks
from generator.exports.package import newest_change, stamp
from generator.exports.records import (FORMAT_VERSION, KINDS, WHOLE, department_document, dumps, entry_document, non_disclosure,
                                       record_order, record_path)
from generator.exports.tabular import csv_bytes, csv_rows, sheets_of
from generator.exports.xlsx import Sheet, frame, rows_piece, workbook_chunks

WORKBOOK = "data/catalogue.xlsx"
WORKBOOK_TITLE = "权力公开目录"
SHEET_ROWS = 1_048_576  # rows one worksheet holds in Excel (and WPS), its header row included
_MARK = "gongkai:records"  # where the records go in the document's text (records is its last key)
_COMMA = deflate(b",")


def csv_path(key: str) -> str:
    return f"data/csv/{key}.csv"


def whole_paths() -> list[str]:
    return [WHOLE, WORKBOOK, *(csv_path(table.key) for table in CATALOGUE_TABLES)]


@dataclass(frozen=True)
class Share:
    """One department's part of the whole downloads."""

    records: Piece  # its public records' JSON texts, comma-separated
    csv: dict[str, bytes]  # table key → its rows as CSV lines
    xlsx: dict[str, Piece]  # table key → its rows as sheet XML
    xlsx_rows: dict[str, int]  # table key → how many rows that XML holds


def department_share(catalogue: Catalogue, department: str, made: Mapping[str, bytes] | None = None) -> Share:
    """`made`: record JSON files already written, by site path (each record is dumped once per build)."""
    made = made or {}
    entries = sorted((e for kind in KINDS for e in catalogue.of_department(department, kind)), key=record_order)
    texts = (made.get(record_path(e)) or dumps(entry_document(e)) for e in entries)
    records = deflate(b",".join(text.rstrip(b"\n") for text in texts))
    csv: dict[str, bytes] = {}
    xlsx: dict[str, Piece] = {}
    counts: dict[str, int] = {}
    for table in CATALOGUE_TABLES:
        cells = rows(table, catalogue, department)
        csv[table.key], xlsx[table.key], counts[table.key] = csv_rows(cells), rows_piece(cells), len(cells)
    return Share(records, csv, xlsx, counts)


@dataclass(frozen=True)
class Opening:
    """What the whole catalogue alone knows: the JSON around its records and the workbook's date."""

    head: Piece
    tail: Piece
    stamp: datetime  # the workbook's created/modified: the newest change
    departments: tuple[str, ...]  # whose shares the downloads join


def opening(catalogue: Catalogue) -> Opening:
    document = {"format_version": FORMAT_VERSION,
                "departments": [department_document(catalogue.departments[d]) for d in sorted(catalogue.departments)],
                "records": [_MARK], "non_disclosed": non_disclosure(catalogue)}
    head, _, tail = dumps(document).rpartition(dumps(_MARK).rstrip(b"\n"))
    return Opening(deflate(head), deflate(tail), stamp(newest_change(catalogue)), tuple(sorted(catalogue.departments)))


def _records(opening: Opening, shares: list[Share]) -> list[Piece]:
    pieces = [opening.head]
    for share in (s for s in shares if s.records.size):
        pieces += [_COMMA, share.records] if len(pieces) > 1 else [share.records]
    return pieces + [opening.tail]


@dataclass(frozen=True)
class Fragments:
    """Departments' shares and (from the site part or a whole build) the opening."""

    shares: dict[str, Share]
    opening: Opening | None

    def whole_files(self) -> dict[str, bytes]:
        """The whole downloads, department after department (every department's share and the opening needed)."""
        if self.opening is None:
            raise ValueError("the opening of the whole downloads is missing")
        if sorted(self.shares) != list(self.opening.departments):
            missing = sorted(set(self.opening.departments) - set(self.shares))
            raise ValueError(f"departments without their share: {missing}" if missing else f"shares of unknown departments: {sorted(set(self.shares) - set(self.opening.departments))}")
        ordered = [self.shares[d] for d in sorted(self.shares)]
        files = {WHOLE: b"".join(gzip_chunks(_records(self.opening, ordered)))}
        for table in CATALOGUE_TABLES:
            files[csv_path(table.key)] = csv_bytes(table, []) + b"".join(share.csv[table.key] for share in ordered)
        files[WORKBOOK] = _workbook(ordered, self.opening.stamp)
        return files

    def merged(self, other: Fragments) -> Fragments:
        """Two parts' fragments as one (ValueError when both hold a department or the opening)."""
        if set(self.shares) & set(other.shares) or (self.opening and other.opening):
            raise ValueError("two parts hold the same department's share, or both the opening")
        return Fragments({**self.shares, **other.shares}, self.opening or other.opening)

def sheet_runs(counts: list[int], room: int) -> list[list[int]]:
    """Consecutive shares (by index) grouped so that each group's rows fit in `room`; a share longer than `room` alone
    gets a group of its own (a department is never split: the reader would lose where its rows begin)."""
    runs: list[list[int]] = [[]]
    used = 0
    for index, count in enumerate(counts):
        if runs[-1] and used + count > room:
            runs.append([])
            used = 0
        runs[-1].append(index)
        used += count
    return runs


def _workbook(ordered: list[Share], when: datetime) -> bytes:
    """One sheet per table, continued in further sheets where a table outgrows SHEET_ROWS."""
    sheets: list[Sheet] = []
    pieces: list[list[Piece]] = []
    for table, sheet in zip(CATALOGUE_TABLES, sheets_of(CATALOGUE_TABLES), strict=True):
        runs = sheet_runs([share.xlsx_rows[table.key] for share in ordered], SHEET_ROWS - 1)
        for number, run in enumerate(runs, start=1):
            sheets.append(sheet if number == 1 else Sheet(f"{sheet.title}（{number}）", sheet.headers))
            pieces.append([ordered[i].xlsx[table.key] for i in run])
    return b"".join(workbook_chunks(frame(sheets, when, title=WORKBOOK_TITLE), pieces))


def whole_files(catalogue: Catalogue) -> dict[str, bytes]:
    """The whole downloads of a catalogue held at once."""
    shares = {d: department_share(catalogue, d) for d in sorted(catalogue.departments)}
    return Fragments(shares, opening(catalogue)).whole_files()


# A part of a split build keeps its shares (or the opening) in FRAGMENTS inside its folder for `gongkai assemble`.
FRAGMENTS = ".gongkai-whole"
_INDEX, _DATA = "index.json", "pieces.bin"


class _Writer:
    def __init__(self) -> None:
        self.data = bytearray()

    def piece(self, piece: Piece) -> list[int]:
        return [*self.raw(piece.data), piece.crc, piece.size]

    def raw(self, data: bytes) -> list[int]:
        self.data += data
        return [len(self.data) - len(data), len(data)]


def write_fragments(folder: Path, fragments: Fragments) -> None:
    """`folder`/FRAGMENTS: the shares and the opening as one data file and its index (JSON)."""
    shares, found = fragments.shares, fragments.opening
    out = _Writer()
    index: dict = {"departments": {}, "opening": None}
    for department in sorted(shares):
        share = shares[department]
        index["departments"][department] = {
            "records": out.piece(share.records),
            "csv": {key: out.raw(text) for key, text in share.csv.items()},
            "xlsx": {key: out.piece(piece) for key, piece in share.xlsx.items()},
            "xlsx_rows": share.xlsx_rows}
    if found is not None:
        index["opening"] = {"head": out.piece(found.head), "tail": out.piece(found.tail),
                            "stamp": found.stamp.isoformat(), "departments": list(found.departments)}
    target = folder / FRAGMENTS
    target.mkdir(parents=True, exist_ok=True)
    (target / _DATA).write_bytes(bytes(out.data))
    (target / _INDEX).write_text(json.dumps(index, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")


def read_fragments(folder: Path) -> Fragments:
    """What write_fragments left in `folder` (OSError, ValueError or KeyError when it is not there or broken)."""
    index = json.loads((folder / FRAGMENTS / _INDEX).read_text(encoding="utf-8"))
    data = (folder / FRAGMENTS / _DATA).read_bytes()

    def raw(where: list[int]) -> bytes:
        return data[where[0]:where[0] + where[1]]

    def piece(where: list[int]) -> Piece:
        return Piece(raw(where), where[2], where[3])

    shares = {d: Share(piece(s["records"]), {k: raw(v) for k, v in s["csv"].items()}, {k: piece(v) for k, v in s["xlsx"].items()},
                       dict(s["xlsx_rows"]))
              for d, s in index["departments"].items()}
    found = index["opening"]
    if found is None:
        return Fragments(shares, None)
    when = datetime.fromisoformat(found["stamp"])
    return Fragments(shares, Opening(piece(found["head"]), piece(found["tail"]), when, tuple(found["departments"])))
