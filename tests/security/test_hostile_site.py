"""XSS payloads in every text field stay inert text: HTML pages, charts, search index, exports, browser."""

from __future__ import annotations

import csv
import gzip
import html as html_lib
import io
import json
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from tests.security.hostile import EVIL_HOST, MARKER_PREFIX
from tests.security.scan import scan_html

TAINT = (MARKER_PREFIX, EVIL_HOST)
_MARKER = re.compile(MARKER_PREFIX + r"\d{3}")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _html_pages(site: Path) -> dict[str, str]:
    return {str(p.relative_to(site)): p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html"))}


@pytest.fixture(scope="module")
def scanned(hostile_site):  # noqa: ANN001, ANN201
    findings, texts = [], {}
    for name, html in _html_pages(hostile_site.out).items():
        found, texts[name] = scan_html(name, html, TAINT)
        findings += found
    return findings, texts


def test_no_active_content_in_any_page(scanned) -> None:  # noqa: ANN001
    findings, texts = scanned
    assert len(texts) > 20
    assert findings == []


def test_payloads_show_as_typed_text(hostile_site, scanned) -> None:  # noqa: ANN001
    _, texts = scanned
    visible = " ".join(texts.values())
    shown = set(_MARKER.findall(visible))
    assert len(shown) >= 0.8 * len(hostile_site.markers.where), "most hostile fields should be shown somewhere"
    for key in ("powers:name", "fees:name", "services:name", "department:name", "services:online_url"):
        marker = next(m for m, path in hostile_site.markers.where.items() if path == key)
        assert marker in shown, key
    for marker in sorted(shown):
        typed = " ".join(hostile_site.markers.values[marker].split())
        assert typed in visible, (marker, hostile_site.markers.where[marker])


def test_record_pages_keep_safe_links_only(hostile_site) -> None:  # noqa: ANN001
    html = (hostile_site.out / "services" / "hostile-service" / "index.html").read_text(encoding="utf-8")
    hrefs = [html_lib.unescape(h) for h in re.findall(r'href="([^"]*)"', html)]
    evil = [h for h in hrefs if EVIL_HOST in h]
    assert evil, "the valid https online_url should still be a link"
    assert all(h.startswith(("https://", "mailto:")) for h in evil), evil


def test_charts_are_inert_svg(hostile_site) -> None:  # noqa: ANN001
    charts = sorted((hostile_site.out / "charts").glob("*.svg"))
    assert any(MARKER_PREFIX in c.read_text(encoding="utf-8") for c in charts), "record text should be drawn"
    for chart in charts:
        tree = ET.parse(chart)  # well-formed XML, so a browser parses it as we do
        for element in tree.iter():
            tag = element.tag.rsplit("}", 1)[-1].lower()
            assert tag not in ("script", "foreignobject", "iframe", "image", "a"), (chart.name, tag)
            for name, value in element.attrib.items():
                local = name.rsplit("}", 1)[-1].lower()
                assert not local.startswith("on"), (chart.name, name)
                assert not (local == "href" and not value.startswith("#")), (chart.name, value)


def _fragments(site: Path) -> list[dict]:
    found = []
    for path in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd")
        found.append(json.loads(data[len(b"pagefind_dcd"):]))
    return found


def test_search_fragments_hold_text_not_markup(hostile_site) -> None:  # noqa: ANN001
    fragments = [f for f in _fragments(hostile_site.out) if MARKER_PREFIX in json.dumps(f, ensure_ascii=False)]
    assert len(fragments) >= 3  # the hostile power, fee basis and service item are indexed
    for fragment in fragments:
        # Pagefind stores extracted text: a payload is there as characters, never as parsed elements or URLs.
        assert not fragment["url"].count(MARKER_PREFIX)
        for anchor in fragment.get("anchors", []):
            assert re.fullmatch(r"[\w-]*", anchor.get("id", "")), anchor["id"]


def test_json_exports_keep_the_exact_text(hostile_site) -> None:  # noqa: ANN001
    data = json.loads((hostile_site.out / "data" / "powers" / "hostile-power.json").read_text(encoding="utf-8"))
    strings = set(_strings(data))
    name_marker = next(m for m, p in hostile_site.markers.where.items() if p == "powers:name")
    assert hostile_site.markers.values[name_marker] in strings  # data stays data: no escaping, no loss


def _strings(value: object) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [value] if isinstance(value, str) else []


def _csv_cells(site: Path) -> list[str]:
    cells = []
    for path in sorted((site / "data" / "csv").glob("*.csv")):
        cells += [cell for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))) for cell in row]
    return cells


def test_csv_has_no_formula_cells(hostile_site) -> None:  # noqa: ANN001
    cells = _csv_cells(hostile_site.out)
    assert any(MARKER_PREFIX in c for c in cells)
    assert [c for c in cells if c.startswith(FORMULA_START)] == []


def test_xlsx_has_no_formulas(hostile_site) -> None:  # noqa: ANN001
    for path in sorted((hostile_site.out / "data").rglob("*.xlsx")):
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                if name.startswith("xl/worksheets/"):
                    assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name), (path.name, name)


def test_jsonld_cannot_close_its_script(hostile_site) -> None:  # noqa: ANN001
    html = (hostile_site.out / "powers" / "hostile-power" / "index.html").read_text(encoding="utf-8")
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert blocks and all("<" not in b for b in blocks)
    assert any(MARKER_PREFIX in json.dumps(json.loads(b), ensure_ascii=False) for b in blocks)


def test_feed_and_sitemap_are_well_formed(hostile_site) -> None:  # noqa: ANN001
    for name in ("feed.xml", "sitemap.xml"):
        path = hostile_site.out / name
        if path.exists():
            root = ET.parse(path).getroot()
            assert not [e for e in root.iter() if e.tag.rsplit("}", 1)[-1] in ("script", "img")], name
