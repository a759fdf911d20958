import csv
import io
import zipfile

from openpyxl import load_workbook

from generator.exports.package import department_package
from generator.exports.ziputil import FIXED_TIME

CHARTS = {
    "charts/social-org-registration.svg": b"<svg/>",
    "charts/social-org-registration.png": b"\x89PNG",  # not packed: charts are SVG (PNG is drawn in the browser)
    "charts/relief-application.svg": b"<svg>r</svg>",
    "charts/classified-relief-check.svg": b"<svg>SENTINELLEAK</svg>",  # a secret chart must never be packed
    "charts/elsewhere.svg": b"<svg/>",
}


def test_package_contents(fixture_catalogue):
    data = department_package(fixture_catalogue, "civil-affairs", CHARTS)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        assert names == sorted(names)
        assert set(names) == {
            "说明.txt", "目录表.xlsx", "实施依据.csv",
            "流程图/social-org-registration.svg", "流程图/relief-application.svg",
        }
        assert {i.date_time for i in archive.infolist()} == {FIXED_TIME}
        readme = archive.read("说明.txt").decode("utf-8-sig")
        book = load_workbook(io.BytesIO(archive.read("目录表.xlsx")))
        bases = list(csv.DictReader(io.StringIO(archive.read("实施依据.csv").decode("utf-8-sig"), newline="")))
    assert "示例县民政局" in readme and "流程图文件 2 个" in readme
    assert book["服务事项目录"]["A2"].value == "relief-application"
    assert [(b["事项编号"], b["文件名称"]) for b in bases] == [
        ("social-org-registration", "社会团体登记管理条例"), ("marriage-cert-fee", "关于证书工本费标准的通知")]


def test_package_is_deterministic(fixture_catalogue):
    assert department_package(fixture_catalogue, "civil-affairs", CHARTS) == department_package(fixture_catalogue, "civil-affairs", dict(reversed(CHARTS.items())))
