"""`gongkai serve` and `gongkai publish` on each engine: the preview answers, and a published revision's version
selector offers every revision with a full site (Material's and Zensical's templates both read mike's versions.json)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from generator.search.httpd import serve_directory
from tests.conftest import ENGINES, ROOT, GOOD
from tests.revisions.conftest import SHOP, Project, baselined, project  # noqa: F401 — fixtures of tests/revisions

pytestmark = pytest.mark.e2e
GENERATOR = {"mkdocs": "mkdocs-", "zensical": "zensical-"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _first_response(url: str, process: subprocess.Popen, seconds: float = 300) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read() if process.stderr else ""
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"{url} 没有响应")


@pytest.mark.parametrize("engine", ENGINES)
def test_serve_previews_the_site_on_each_engine(engine: str, tmp_path: Path) -> None:
    port = _free_port()
    gongkai = Path(sys.executable).with_name("gongkai")
    process = subprocess.Popen([str(gongkai), "serve", "--engine", engine, "--catalogue", str(GOOD / "catalogue"),
                                "--flowcharts", str(GOOD / "flowcharts"), "--config", str(ROOT / "mkdocs.yml"),
                                "--addr", f"127.0.0.1:{port}"], cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        home = _first_response(f"http://127.0.0.1:{port}/", process)
    finally:
        process.terminate()
        process.wait(timeout=30)
    assert f'<meta name="generator" content="{GENERATOR[engine]}' in home
    assert "data-gk-search" in home  # the overrides' Pagefind search box, on either template engine


@pytest.mark.parametrize("engine", ENGINES)
def test_published_revisions_are_offered_by_the_version_selector(engine: str, baselined: Project, tmp_path: Path, chromium) -> None:  # noqa: ANN001
    out = tmp_path / "public"
    publish = ("publish", "--engine", engine, "--config", str(ROOT / "mkdocs.yml"), "--out", str(out))
    assert baselined.cli(*publish).code == 0
    baselined.set_change(SHOP, "2025-04-01", "机构改革")
    assert baselined.cli("revise", "--date", "2025-04-02").code == 0
    result = baselined.cli(*publish)
    assert result.code == 0, result.err
    with serve_directory(out) as url:
        page = chromium.new_page()
        try:
            page.goto(url + "2025-04-02/")
            items = page.locator(".md-version__list .md-version__item")
            items.first.wait_for(state="attached", timeout=15_000)
            titles = [t.strip() for t in items.all_text_contents()]
        finally:
            page.close()
    assert titles == ["2025-04-02 修订（最新）", "2025-03-03 修订"], titles
