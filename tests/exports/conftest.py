"""Fixtures for the export tests: the small fixture catalogue (with a secret power full of sentinels),
compiled once per session, plus helpers to read every exported byte."""

from __future__ import annotations

import gzip
import io
import zipfile
from pathlib import Path

import pytest

from generator.catalogue import Catalogue
from generator.check import check_catalogue
from generator.compile import Compiled, compile_catalogue
from generator.render.pages import SiteOptions

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
FIXTURE_CATALOGUE = HERE / "fixtures" / "catalogue"
FLOWCHARTS = ROOT / "flowcharts"


@pytest.fixture(scope="session")
def fixture_catalogue() -> Catalogue:
    checked = check_catalogue(FIXTURE_CATALOGUE, FLOWCHARTS)
    assert not checked.errors, checked.errors
    return checked.catalogue


@pytest.fixture(scope="session")
def fixture_compiled() -> Compiled:
    return compile_catalogue(FIXTURE_CATALOGUE, SiteOptions(site_name="示例县政务公开"), FLOWCHARTS)


def expand_archives(name: str, data: bytes) -> dict[str, bytes]:
    """A file and, recursively, every member of ZIP-based files (ZIP, XLSX) and the content of gzip files, so a scan sees uncompressed bytes."""
    found = {name: data}
    if data[:2] == b"\x1f\x8b":  # gzip (the whole catalogue's JSON)
        found |= expand_archives(f"{name}!", gzip.decompress(data))
    if data[:4] == b"PK\x03\x04":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for info in archive.infolist():
                found |= expand_archives(f"{name}!{info.filename}", archive.read(info))
    return found
