"""generator/search/httpd.py: the site server of `gongkai serve`, browser tests and the bench."""

from __future__ import annotations

import socket
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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


def _get(base: str, path: str | bytes) -> tuple[int, bytes]:
    """A GET sent as raw bytes (http.client refuses what a hostile client may send anyway)."""
    from urllib.parse import urlsplit

    where = urlsplit(base)
    target = path if isinstance(path, bytes) else path.encode("utf-8")
    with socket.create_connection((where.hostname, where.port), timeout=10) as connection:
        connection.sendall(b"GET " + target + b" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        response = b""
        while chunk := connection.recv(65536):
            response += chunk
    head, _, body = response.partition(b"\r\n\r\n")
    return int(head.split(b" ", 2)[1]), body


@pytest.fixture(scope="module")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("httpd")
    (site / "index.html").write_text("<p>首页</p>", encoding="utf-8")
    (site / "404.html").write_text("<p>本站的 404 页面</p>", encoding="utf-8")
    (site / "charts").mkdir()
    (site / "charts" / "a.svg").write_text("<svg/>", encoding="utf-8")
    return site


def test_error_pages_are_the_sites_own_or_chinese(small_site: Path) -> None:
    with serve_directory(small_site) as base:
        assert _get(base, "/a%00b.html") == (400, _get(base, "/%00")[1])
        assert "请求的地址无效" in _get(base, "/%00")[1].decode("utf-8")
        assert _get(base, "/no-such/") == (404, "<p>本站的 404 页面</p>".encode("utf-8"))
        assert _get(base, "/charts/")[0] == 404  # a folder without index.html is not listed, as on the hosts


PIECES = st.sampled_from(list("/.%0aAfFz中\\?#;=&+ ") + ["%00", "%ff", "%2e%2e", "..", "//", "%2F", "index.html", "charts"])


@pytest.fixture(scope="module")
def served(small_site: Path) -> Iterator[str]:
    with serve_directory(small_site) as base:
        yield base


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.lists(PIECES, max_size=20).map("".join) | st.binary(max_size=40).filter(lambda b: b" " not in b and b"\n" not in b and b"\r" not in b))
def test_no_request_path_makes_the_server_fail(served: str, path: str | bytes, capsys: pytest.CaptureFixture[str]) -> None:
    status, _ = _get(served, b"/" + (path if isinstance(path, bytes) else path.replace(" ", "%20").encode("utf-8")))
    assert status in (200, 301, 400, 404), (path, status)
    assert "Traceback" not in capsys.readouterr().err, path
