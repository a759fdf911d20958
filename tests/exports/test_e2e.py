"""End to end: the real sample site, built once per session (tests/conftest.py `sample_site`)."""

from __future__ import annotations

import csv
import io
import gzip
import json
import posixpath
import re
import zipfile

import pytest
from jsonschema import Draft202012Validator
from openpyxl import load_workbook
from referencing import Registry, Resource

from generator.check import check_catalogue
from generator.exports.columns import CATALOGUE_TABLES, headers

pytestmark = pytest.mark.e2e
SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


@pytest.fixture(scope="module")
def sample(sample_site):
    return sample_site, check_catalogue(sample_site.catalogue, sample_site.flowcharts).catalogue


def test_json_exports_validate_against_published_schema(sample):
    site, catalogue = sample
    data = site.out / "data"
    schemas = [json.loads((data / "schema" / n).read_text("utf-8")) for n in ("record.schema.json", "catalogue.schema.json")]
    registry = Registry().with_resources([(s["$id"], Resource.from_contents(s)) for s in schemas])
    whole = json.loads(gzip.decompress((data / "catalogue.json.gz").read_bytes()))
    assert not [e.message for e in Draft202012Validator(schemas[1], registry=registry).iter_errors(whole)]
    public = list(catalogue.public())
    assert public and len(whole["records"]) == len(public)
    assert len(whole["non_disclosed"]) == len(catalogue.secret_powers())
    validator = Draft202012Validator(schemas[0], registry=registry)
    for entry in public:
        doc = json.loads((data / entry.kind / f"{entry.id}.json").read_text("utf-8"))
        assert not [e.message for e in validator.iter_errors(doc)], entry.id


def test_tables_read_back(sample):
    site, catalogue = sample
    for table in CATALOGUE_TABLES:
        text = (site.out / "data" / "csv" / f"{table.key}.csv").read_bytes().decode("utf-8-sig")
        assert next(csv.reader(io.StringIO(text, newline=""))) == headers(table)
    book = load_workbook(site.out / "data" / "catalogue.xlsx")
    assert book["行政职权目录"].max_row == 1 + len(catalogue.of_kind("powers"))
    for dept in catalogue.departments:
        with zipfile.ZipFile(site.out / "downloads" / f"{dept}.zip") as archive:
            assert {"说明.txt", "目录表.xlsx", "实施依据.csv"} <= set(archive.namelist())
        load_workbook(site.out / "data" / "xlsx" / f"{dept}.xlsx")


def test_record_pages_carry_jsonld_and_department_links(sample):
    site, catalogue = sample
    for entry in catalogue.public():
        html = (site.out / entry.kind / entry.id / "index.html").read_text("utf-8")
        found = SCRIPT.findall(html)
        if entry.kind == "fees":
            assert not found
            continue
        assert len(found) == 1, entry.id
        data = json.loads(found[0])
        assert data["@type"] == "GovernmentService" and data["provider"]["name"] == entry.department.name
    for dept in catalogue.departments:
        html = (site.out / "departments" / dept / "index.html").read_text("utf-8")
        assert f'href="../../downloads/{dept}.zip"' in html
        assert f'href="../../responsibility/{dept}/"' in html
        assert (site.out / "responsibility" / dept / "index.html").is_file()


def test_sitemap_dates_come_from_records(sample):
    site, catalogue = sample
    dates = {e.record.changed_on.isoformat() for e in catalogue.public()}
    found = set(re.findall(r"<lastmod>(.*?)</lastmod>", (site.out / "sitemap.xml").read_text("utf-8")))
    assert found and found <= dates


DOWNLOADS = ("downloads/", "data/csv/", "data/xlsx/", "data/schema/", "data/catalogue.")  # listed on the downloads page
VENDORED = ("admin/vendor/", "assets/vendor/")  # third-party bundles, the same size at any catalogue size
FILE_CAP = 2_000_000  # bytes; at 10,000 records a file made of the whole catalogue would pass 100 MB uncompressed


def test_the_downloads_page_links_every_download_file(sample) -> None:  # noqa: ANN001
    site, _ = sample
    page = (site.out / "downloads" / "index.html").read_text("utf-8")
    linked = {posixpath.normpath(posixpath.join("downloads", href)) for href in re.findall(r'href="([^"#]+)"', page)}
    files = sorted(p.relative_to(site.out).as_posix() for p in site.out.rglob("*") if p.is_file())
    downloads = [p for p in files if p.startswith(DOWNLOADS) and p != "downloads/index.html"]  # the page itself
    assert "data/catalogue.json.gz" in downloads and any(p.startswith("downloads/") for p in downloads)
    assert [p for p in downloads if p not in linked] == []


def test_no_generated_file_grows_with_the_whole_catalogue(sample) -> None:  # noqa: ANN001
    site, _ = sample
    sizes = {p.relative_to(site.out).as_posix(): p.stat().st_size for p in site.out.rglob("*") if p.is_file()}
    assert {p: n for p, n in sizes.items() if n > FILE_CAP and not p.startswith(VENDORED)} == {}
    whole = (site.out / "data" / "catalogue.json.gz").read_bytes()
    assert whole[:2] == b"\x1f\x8b" and len(gzip.decompress(whole)) > 4 * len(whole)  # compressed, not just renamed
    assert not (site.out / "data" / "catalogue.json").exists()
