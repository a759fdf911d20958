"""The whole catalogue's downloads — data/catalogue.json.gz, data/csv/<table>.csv and data/catalogue.xlsx — made from
batches of whole departments, so that nothing here needs every full record at once: the site part of a split build
reads them a few departments at a time (generator/parts/listing.py); a whole build passes its catalogue as the one
batch. Either way the bytes are the same.

The JSON lists records in (kind, id) order while batches come by department: each record's text is spooled to a
temporary file as its batch comes, and the gzip stream reads them back in order. A table lists rows by kind, then
department, then id, so each batch's rows of a kind follow the previous batch's: they are spooled too, one file per
table and kind, and read back for the CSV and again for the workbook, which is written row by row. Kept in memory,
the rows of 100,000 records were a few hundred MB at the site part's peak.
"""

from __future__ import annotations

import copy
import pickle
import tempfile
import zlib
from collections.abc import Iterable, Iterator

from generator.catalogue import Catalogue, Entry
from generator.exports.columns import CATALOGUE_TABLES, rows
from generator.exports.package import newest_change, stamp
from generator.exports.records import FORMAT_VERSION, WHOLE, department_document, dumps, entry_document, non_disclosure
from generator.exports.tabular import csv_bytes, workbook_bytes

WORKBOOK = "data/catalogue.xlsx"
KINDS = ("powers", "fees", "services")  # a table of several kinds lists them in this order (materials: powers, services)
_MARK = "gongkai:records"  # where the records go in the document's text (records is its last key)


def csv_path(key: str) -> str:
    return f"data/csv/{key}.csv"


class _RecordSpool:
    """Each record's text as it will stand in the whole document, kept in a temporary file until all are known."""

    def __init__(self) -> None:
        self.file = tempfile.TemporaryFile()
        self.where: dict[tuple[str, str], tuple[int, int]] = {}

    def add(self, entry: Entry, document: dict | None = None) -> None:
        text = dumps(document or entry_document(entry)).rstrip(b"\n")
        self.where[(entry.kind, entry.id)] = (self.file.tell(), len(text))
        self.file.write(text)

    def gzipped(self, catalogue: Catalogue) -> bytes:
        """gzip of the whole document, byte for byte records.gzipped(dumps(catalogue_document(catalogue)))."""
        document = {"format_version": FORMAT_VERSION,
                    "departments": [department_document(catalogue.departments[d]) for d in sorted(catalogue.departments)],
                    "records": [_MARK] if self.where else [], "non_disclosed": non_disclosure(catalogue)}
        head, _, tail = dumps(document).rpartition(dumps(_MARK).rstrip(b"\n"))
        if not self.where:
            head, tail = dumps(document), b""
        packer = zlib.compressobj(6, zlib.DEFLATED, 31)  # records.gzipped: level 6, no time or name in the header
        out = [packer.compress(head)]
        for number, key in enumerate(sorted(self.where)):
            offset, size = self.where[key]
            self.file.seek(offset)
            out.append(packer.compress((b"," if number else b"") + self.file.read(size)))
        out += [packer.compress(tail), packer.flush()]
        self.file.close()
        return b"".join(out)


class _RowSpool:
    """Each table's rows, kind by kind, pickled to temporary files batch after batch and read back in that order."""

    def __init__(self) -> None:
        self.files = {(table.key, kind): tempfile.TemporaryFile() for table in CATALOGUE_TABLES for kind in KINDS}

    def add(self, table_key: str, kind: str, table_rows: list[list[str]]) -> None:
        if table_rows:
            pickle.dump(table_rows, self.files[(table_key, kind)], protocol=pickle.HIGHEST_PROTOCOL)

    def rows(self, table_key: str) -> Iterator[list[str]]:
        for kind in KINDS:
            file = self.files[(table_key, kind)]
            end = file.seek(0, 2)
            file.seek(0)
            while file.tell() < end:
                yield from pickle.load(file)

    def close(self) -> None:
        for file in self.files.values():
            file.close()


def _only_kind(batch: Catalogue, kind: str) -> Catalogue:
    """`batch` as a table sees it while listing `kind` (its other kinds left out; references still found)."""
    view = copy.copy(batch)
    view.of_kind = lambda wanted, public=True: batch.of_kind(wanted, public=public) if wanted == kind else []  # type: ignore[method-assign]
    return view


def whole_files(catalogue: Catalogue, batches: Iterable[Catalogue], documents: dict[str, dict] | None = None) -> dict[str, bytes]:
    """The whole catalogue's JSON, CSV tables and workbook. `batches`: the full records, whole departments at a time in
    department order (each batch's departments after the previous batch's; a batch's fees_of also finds the fee
    bases of other departments, whose names the tables show); `catalogue`: the departments, secret
    powers and change dates of the whole catalogue; `documents`: entry documents already made, by id."""
    spool, cells = _RecordSpool(), _RowSpool()
    try:
        for batch in batches:
            for entry in batch.public():
                spool.add(entry, (documents or {}).get(entry.id))
            for kind in KINDS:  # a table lists its kinds one after the other, each by department: rows of one kind at a time
                of_kind = _only_kind(batch, kind)
                for table in CATALOGUE_TABLES:
                    cells.add(table.key, kind, rows(table, of_kind))
        files = {WHOLE: spool.gzipped(catalogue)}
        files.update({csv_path(table.key): csv_bytes(table, cells.rows(table.key)) for table in CATALOGUE_TABLES})
        sheets = [(table, cells.rows(table.key)) for table in CATALOGUE_TABLES]  # each read as its sheet is written
        files[WORKBOOK] = workbook_bytes(sheets, stamp(newest_change(catalogue)), title="权力公开目录", streamed=True)
    finally:
        cells.close()
    return files
