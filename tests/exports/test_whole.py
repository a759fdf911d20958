"""The whole catalogue's downloads joined from departments' shares: the same bytes however the shares were split."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.catalogue import Catalogue
from generator.check import check_catalogue
from generator.exports.columns import CATALOGUE_TABLES, rows
from generator.exports.records import WHOLE, catalogue_document, dumps
from generator.exports.tabular import to_csv
from generator.exports.whole import (FRAGMENTS, WORKBOOK, Fragments, csv_path, department_share, opening, read_fragments,
                                     whole_files, write_fragments)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return check_catalogue(ROOT / "catalogue").catalogue


def test_json_is_the_one_document(catalogue: Catalogue) -> None:
    text = gzip.decompress(whole_files(catalogue)[WHOLE])
    assert text == dumps(catalogue_document(catalogue))
    records = json.loads(text)["records"]
    assert [(r["department"]["id"], r["kind"]) for r in records] == sorted(
        ((r["department"]["id"], r["kind"]) for r in records), key=lambda k: (k[0], ("powers", "fees", "services").index(k[1])))


def test_json_of_a_catalogue_without_public_records_is_the_one_document(catalogue: Catalogue) -> None:
    secret_only = Catalogue(catalogue.departments, {i: e for i, e in catalogue.entries.items() if e.is_secret}, catalogue.templates)
    made = whole_files(secret_only)[WHOLE]
    assert gzip.decompress(made) == dumps(catalogue_document(secret_only))
    assert json.loads(gzip.decompress(made))["records"] == []
    assert json.loads(gzip.decompress(made))["non_disclosed"]


def test_parts_fragments_written_read_and_joined_are_the_whole_builds_bytes(catalogue: Catalogue, tmp_path: Path) -> None:
    departments = sorted(catalogue.departments)
    assert len(departments) > 2
    pieces = [Fragments({}, opening(catalogue))] + [Fragments({d: department_share(catalogue, d)}, None) for d in departments[::-1]]
    joined = Fragments({}, None)
    for number, fragments in enumerate(pieces):
        write_fragments(tmp_path / str(number), fragments)
        assert (tmp_path / str(number) / FRAGMENTS).is_dir()
        joined = joined.merged(read_fragments(tmp_path / str(number)))
    assert joined.whole_files() == whole_files(catalogue)


def test_a_missing_share_or_a_second_opening_is_refused(catalogue: Catalogue) -> None:
    first, *rest = sorted(catalogue.departments)
    without_one = Fragments({d: department_share(catalogue, d) for d in rest}, opening(catalogue))
    with pytest.raises(ValueError, match=first):
        without_one.whole_files()
    with pytest.raises(ValueError):
        without_one.merged(Fragments({}, opening(catalogue)))


def test_tables_are_the_catalogues_tables(catalogue: Catalogue) -> None:
    files = whole_files(catalogue)
    for table in CATALOGUE_TABLES:
        assert files[csv_path(table.key)] == to_csv(table, catalogue)
    book = load_workbook(io.BytesIO(files[WORKBOOK]), read_only=True)
    assert book.sheetnames == [table.title for table in CATALOGUE_TABLES]
    for table in CATALOGUE_TABLES:
        cells = [[cell or "" for cell in row] for row in book[table.title].iter_rows(min_row=2, values_only=True)]
        assert cells == rows(table, catalogue)
        assert cells, table.key  # the sample has rows in every table: the comparison is not of two empty lists


def test_tables_list_department_after_department(catalogue: Catalogue) -> None:
    for table in CATALOGUE_TABLES:
        column = next((i for i, c in enumerate(table.columns) if c.header == "部门编号"), None)
        departments = [row[column] for row in rows(table, catalogue)] if column is not None else []
        assert departments == sorted(departments), table.key
        assert rows(table, catalogue) == [r for d in sorted(catalogue.departments) for r in rows(table, catalogue, d)]


def test_no_share_holds_a_byte_of_a_secret_power(catalogue: Catalogue) -> None:
    import zlib

    secret = [e for e in catalogue.entries.values() if e.is_secret]
    assert secret
    for department in sorted(catalogue.departments):
        share = department_share(catalogue, department)
        texts = [zlib.decompress(share.records.data + b"\x03\x00", -15)] + list(share.csv.values())
        texts += [zlib.decompress(piece.data + b"\x03\x00", -15) for piece in share.xlsx.values()]
        for entry in secret:
            assert not any(entry.id.encode() in text for text in texts), (department, entry.id)


def test_sheet_runs_start_a_new_sheet_at_a_department_that_does_not_fit() -> None:
    from generator.exports.whole import sheet_runs

    assert sheet_runs([], 5) == [[]]  # a table without rows still has its sheet
    assert sheet_runs([2, 3, 1], 5) == [[0, 1], [2]]
    assert sheet_runs([0, 5, 0, 2], 5) == [[0, 1, 2], [3]]
    assert sheet_runs([7, 1], 5) == [[0], [1]]  # one department longer than a sheet is never cut in two


def test_a_table_longer_than_a_sheet_goes_on_in_numbered_sheets(catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch) -> None:
    import generator.exports.whole as whole

    table = max(CATALOGUE_TABLES, key=lambda t: len(rows(t, catalogue)))
    per_department = [len(rows(table, catalogue, d)) for d in sorted(catalogue.departments)]
    room = max(per_department)  # every department fits, but not all of them in one sheet
    assert sum(per_department) > room
    monkeypatch.setattr(whole, "SHEET_ROWS", room + 1)
    files = whole_files(catalogue)
    book = load_workbook(io.BytesIO(files[WORKBOOK]), read_only=True)
    continued = [name for name in book.sheetnames if name.startswith(table.title + "（")]
    assert continued and continued[0] == f"{table.title}（2）"
    read = []
    for name in [table.title, *continued]:
        sheet = list(book[name].iter_rows(values_only=True))
        assert [cell or "" for cell in sheet[0]] == [c.header for c in table.columns]  # each sheet has the header row
        assert 1 < len(sheet) <= room + 1
        read += [[cell or "" for cell in row] for row in sheet[1:]]
    assert read == rows(table, catalogue)  # every row once, in order
    assert files[csv_path(table.key)] == to_csv(table, catalogue)  # the CSV is never split
    monkeypatch.setattr(whole, "SHEET_ROWS", 1_048_576)
    assert load_workbook(io.BytesIO(whole_files(catalogue)[WORKBOOK]), read_only=True).sheetnames == [t.title for t in CATALOGUE_TABLES]
