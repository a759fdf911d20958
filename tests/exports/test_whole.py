"""The whole catalogue's downloads made from batches of departments: the same bytes as from the catalogue at once."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from openpyxl import load_workbook

from generator.catalogue import Catalogue
from generator.check import check_catalogue
from generator.exports.columns import CATALOGUE_TABLES, rows
from generator.exports.records import WHOLE, catalogue_document, dumps, gzipped
from generator.exports.tabular import to_csv
from generator.exports.whole import WORKBOOK, csv_path, whole_files
from generator.parts.listing import DepartmentBatch

ROOT = Path(__file__).resolve().parents[2]


def _sample() -> Catalogue:
    return check_catalogue(ROOT / "catalogue").catalogue


def _by_department(catalogue: Catalogue) -> list[Catalogue]:
    """One batch per department, in department order, each holding only that department's records (and naming the
    fee bases of other departments, as the site part's batches do)."""
    return [DepartmentBatch(Catalogue({d: catalogue.departments[d]}, {i: e for i, e in catalogue.entries.items() if e.department.id == d},
                                      catalogue.templates), catalogue) for d in sorted(catalogue.departments)]


def test_json_is_the_one_document_gzipped() -> None:
    catalogue = _sample()
    assert whole_files(catalogue, [catalogue])[WHOLE] == gzipped(dumps(catalogue_document(catalogue)))


def test_json_of_a_catalogue_without_public_records_is_the_one_document() -> None:
    catalogue = _sample()
    secret_only = Catalogue(catalogue.departments, {i: e for i, e in catalogue.entries.items() if e.is_secret}, catalogue.templates)
    made = whole_files(secret_only, [secret_only])[WHOLE]
    assert made == gzipped(dumps(catalogue_document(secret_only)))
    assert json.loads(gzip.decompress(made))["records"] == []


def test_department_batches_give_the_same_bytes_as_one_batch() -> None:
    catalogue = _sample()
    batches = _by_department(catalogue)
    assert len(batches) > 2
    assert whole_files(catalogue, batches) == whole_files(catalogue, [catalogue])


def test_tables_are_the_catalogues_tables() -> None:
    catalogue = _sample()
    files = whole_files(catalogue, _by_department(catalogue))
    for table in CATALOGUE_TABLES:
        assert files[csv_path(table.key)] == to_csv(table, catalogue)
    book = load_workbook(io.BytesIO(files[WORKBOOK]), read_only=True)
    assert book.sheetnames == [table.title for table in CATALOGUE_TABLES]
    for table in CATALOGUE_TABLES:
        cells = [[cell or "" for cell in row] for row in book[table.title].iter_rows(min_row=2, values_only=True)]
        assert cells == rows(table, catalogue)
