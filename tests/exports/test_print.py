"""Printing: a service item page prints as a 办事指南 on at most two A4 pages, with the materials checklist.

Prints with headless Chromium (Debian's /usr/bin/chromium via Playwright) and counts pages with pypdf.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.build import BuildRequest, build
from tests.exports.conftest import FIXTURE_CATALOGUE, FLOWCHARTS, ROOT

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("print") / "site"
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        build(BuildRequest(FIXTURE_CATALOGUE, out, ROOT / "mkdocs.yml", FLOWCHARTS))
    finally:
        os.chdir(cwd)
    return out


@pytest.fixture(scope="module")
def browser(chromium):  # noqa: ANN001, ANN201 — the session's playwright Browser (tests/conftest.py)
    return chromium


def print_pdf(browser, html: Path, target: Path) -> PdfReader:
    page = browser.new_page()
    page.goto(html.as_uri())
    page.pdf(path=str(target), format="A4")
    page.close()
    return PdfReader(str(target))


# The PDF's text layer uses radical code points for some glyphs (⽰ for 示, ⺠ for 民). NFKC maps the Kangxi
# radicals back; the CJK Radicals Supplement has no decomposition, so the common simplified ones are mapped here.
RADICALS = str.maketrans("⺠⻔⻓⻅⻢⻛⻚⻋⻉⻜⻝⻩⻬⻘⻙戶", "民门长见马风页车贝飞食黄齐青韦户")


def _text(reader: PdfReader) -> str:
    text = unicodedata.normalize("NFKC", "".join(p.extract_text() for p in reader.pages)).translate(RADICALS)
    return "".join(text.split())  # table cells wrap words across lines


def test_service_item_prints_as_guide(fixture_site, browser, tmp_path):
    reader = print_pdf(browser, fixture_site / "services" / "relief-application" / "index.html", tmp_path / "s.pdf")
    text = _text(reader)
    assert len(reader.pages) <= 2
    assert text.count("☐") == 4  # one box per material
    for expected in ("居民身份证", "婚姻状况证明", "办理流程", "入户调查", "12345", "0000-7712345", "县司法局行政执法监督科"):
        assert expected in text, expected
    for chrome in ("编辑此记录", "数据下载", "搜索"):  # header, nav, search and the edit button are not printed
        assert chrome not in text, chrome


def test_sample_service_item_fits_two_pages(sample_site, browser, tmp_path):
    pages = sorted((sample_site.out / "services").glob("*/index.html"))
    if not pages:
        pytest.skip("the sample catalogue has no service items yet")
    reader = print_pdf(browser, pages[0], tmp_path / "sample.pdf")
    assert len(reader.pages) <= 2, pages[0]
    assert "☐" in _text(reader)
