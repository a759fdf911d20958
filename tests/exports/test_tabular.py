import csv
import io
import zipfile
from datetime import datetime

from openpyxl import load_workbook

from generator.exports.columns import CATALOGUE_TABLES, RESPONSIBILITY, SERVICES, headers
from generator.exports.tabular import to_csv, to_xlsx
from generator.exports.ziputil import FIXED_TIME

STAMP = datetime(2024, 7, 1)


def _read_csv(data: bytes) -> list[dict[str, str]]:
    assert data.startswith("\ufeff".encode("utf-8")), "Excel and WPS need the BOM to read UTF-8"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_csv_has_documented_columns_and_rows(fixture_catalogue):
    for table in CATALOGUE_TABLES:
        data = to_csv(table, fixture_catalogue)
        reader = csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""))
        assert next(reader) == headers(table)
    services = _read_csv(to_csv(SERVICES, fixture_catalogue))
    assert [r["编号"] for r in services] == ["relief-application"]
    assert services[0]["承诺时限"] == "30 个工作日"
    assert services[0]["收费依据"] == "证书工本费"
    assert services[0]["申请材料"].split("；")[0] == "居民身份证"


def test_responsibility_rows_are_posts(fixture_catalogue):
    rows = _read_csv(to_csv(RESPONSIBILITY, fixture_catalogue))
    assert [(r["职权编号"], r["岗位名称"]) for r in rows] == [("social-org-registration", "窗口受理岗"), ("social-org-registration", "批准岗")]
    assert rows[0]["追责情形"] == "对符合条件的申请不予受理的；未一次性告知需要补正的全部内容的"


def test_csv_neutralises_formulas(fixture_catalogue):
    from generator.exports.columns import Column, Table

    values = ["=HYPERLINK(1)", "+1", "-2", "@SUM(A1)", "普通文字"]
    table = Table("t", "测试", "", (Column("名称", "", lambda c, v: v),), lambda c, d: iter([(c, v) for v in values]))
    rows = _read_csv(to_csv(table, fixture_catalogue))
    assert [r["名称"] for r in rows] == ["'=HYPERLINK(1)", "'+1", "'-2", "'@SUM(A1)", "普通文字"]


def test_xlsx_reads_back_with_sheets_and_text_cells(fixture_catalogue):
    data = to_xlsx(CATALOGUE_TABLES, fixture_catalogue, STAMP)
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["行政职权目录", "收费目录", "服务事项目录", "责任清单", "申请材料清单"]
    for table in CATALOGUE_TABLES:
        sheet = book[table.title]
        values = [list(r) for r in sheet.iter_rows(values_only=True)]
        assert values[0] == headers(table)
        assert all(v is None or isinstance(v, str) for row in values for v in row)
    assert book["收费目录"]["G2"].value == "9 元"
    assert book.properties.modified == STAMP and book.properties.created == STAMP


def test_xlsx_never_holds_a_formula(fixture_catalogue):
    # A record text beginning with "=" must stay text: openpyxl would otherwise write it as a formula.
    from generator.exports.columns import Column, Table

    table = Table("t", "测试", "", (Column("名称", "", lambda c, e: "=1+1"),), lambda c, d: iter([(c, None)]))
    data = to_xlsx((table,), fixture_catalogue, STAMP)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet
    assert load_workbook(io.BytesIO(data))["测试"]["A2"].value == "=1+1"


def test_xlsx_bytes_are_deterministic(fixture_catalogue):
    first = to_xlsx(CATALOGUE_TABLES, fixture_catalogue, STAMP, "civil-affairs")
    assert first == to_xlsx(CATALOGUE_TABLES, fixture_catalogue, STAMP, "civil-affairs")
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {i.date_time for i in archive.infolist()} == {FIXED_TIME}
        assert archive.namelist()[0] == "[Content_Types].xml"
        core = archive.read("docProps/core.xml").decode()
    assert "2024-07-01T00:00:00Z" in core
