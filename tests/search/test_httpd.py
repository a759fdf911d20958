"""generator/search/httpd.py: the site server used by browser tests and the bench."""

from __future__ import annotations

import urllib.request
from pathlib import Path

import pytest

from generator.search.httpd import SiteServer, serve_directory


def test_serves_the_folder(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<p>公开</p>", encoding="utf-8")
    with serve_directory(tmp_path) as base, urllib.request.urlopen(base, timeout=5) as response:
        assert response.read().decode("utf-8") == "<p>公开</p>"


@pytest.mark.parametrize(("error", "printed"), [(BrokenPipeError, False), (ConnectionResetError, False), (ValueError, True)])
def test_only_a_real_fault_is_printed(error: type[Exception], printed: bool, capsys: pytest.CaptureFixture[str]) -> None:
    """A browser closing a connection mid-response is normal; anything else keeps the base class's report."""
    server = SiteServer(("127.0.0.1", 0), lambda *args: None)
    try:
        try:
            raise error("test")
        except Exception:  # noqa: BLE001 — handle_error reads the exception being handled
            server.handle_error(None, ("127.0.0.1", 1))
    finally:
        server.server_close()
    assert ("Exception occurred during processing" in capsys.readouterr().err) is printed
