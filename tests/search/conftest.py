"""One build of the sample site per engine and test session (plus one test-only secret power), served on 127.0.0.1:
every search test runs on the site each engine built."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.build import BuildRequest, build
from generator.catalogue import Catalogue
from generator.search.httpd import serve_directory
from tests.conftest import ENGINES
from tests.search.helpers import recording_page

ROOT = Path(__file__).resolve().parents[2]

# A secret power added to a copy of the sample: its terms occur nowhere else, so any hit is a leak.
SECRET_ID = "zz-search-test-secret"
SECRET_TERM = "鸬鹚鹈鹕"  # rare words: Pagefind segments Chinese, so every word of the term must be unique
SECRET_YAML = f"""\
id: {SECRET_ID}
name: {SECRET_TERM}专项检查
department: {{department}}
secret: true
secrecy:
  reason: 涉及国家秘密
  basis: 《中华人民共和国保守国家秘密法》第九条
  reference: {SECRET_TERM}-001
changed_on: 2025-03-01
"""


@dataclass(frozen=True)
class BuiltSite:
    root: Path
    catalogue: Catalogue


@pytest.fixture(scope="session", params=ENGINES)
def built_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    work = tmp_path_factory.mktemp(f"search-site-{request.param}")
    catalogue_dir = work / "catalogue"
    shutil.copytree(ROOT / "catalogue", catalogue_dir)
    department = sorted(p.parent.name for p in catalogue_dir.glob("*/department.yaml"))[0]
    powers = catalogue_dir / department / "powers"
    powers.mkdir(exist_ok=True)
    (powers / f"{SECRET_ID}.yaml").write_text(SECRET_YAML.format(department=department), encoding="utf-8")
    out = work / "site"
    compiled = build(BuildRequest(catalogue_dir, out, ROOT / "mkdocs.yml", ROOT / "flowcharts", engine=request.param))
    return BuiltSite(out, compiled.checked.catalogue)


@pytest.fixture(scope="session")
def base_url(built_site: BuiltSite) -> Iterator[str]:
    with serve_directory(built_site.root) as url:
        yield url


@pytest.fixture(scope="session")
def browser(chromium):  # noqa: ANN001, ANN201 — the session's playwright Browser (tests/conftest.py)
    return chromium


@pytest.fixture
def page(browser, base_url: str) -> Iterator[object]:  # noqa: ANN001 — playwright Browser
    yield from recording_page(browser, base_url)
