"""The site server: `gongkai serve`'s preview, and a background one on 127.0.0.1 for browser tests and the bench.

It behaves like the static hosts the site is published on: a missing page gets the site's own 404 page, a folder
without index.html is not listed, and a request that cannot name a file (a NUL byte in the path) is answered 400
in Chinese instead of ending the request in a traceback.
"""

from __future__ import annotations

import functools
import socket
import sys
import threading
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

# Explanations shown on an error page, by status; the status line itself stays in English (it must be Latin-1).
EXPLAIN = {
    HTTPStatus.BAD_REQUEST: "请求的地址无效。请检查地址是否输入正确。",
    HTTPStatus.NOT_FOUND: "找不到这个页面。请检查地址，或从首页重新查找。",
    HTTPStatus.METHOD_NOT_ALLOWED: "不支持这种请求方式。",
    HTTPStatus.NOT_IMPLEMENTED: "不支持这种请求方式。",
    HTTPStatus.REQUEST_URI_TOO_LONG: "请求的地址过长。",
    HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE: "请求头过长。",
}
ERROR_PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>错误 %(code)d</title>
<style>body{font:1rem/1.7 system-ui,sans-serif;color:#1a1a1a;margin:0 auto;max-width:36rem;padding:1.5rem 1rem}
h1{font-size:1.4rem}a{color:#0b4f9c}</style>
</head>
<body>
<h1>%(explain)s</h1>
<p>错误代码 %(code)d</p>
<p><a href="/">返回首页</a></p>
</body>
</html>
"""


class SiteHandler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".js": "text/javascript", ".mjs": "text/javascript"}
    # Like a production static server: keep-alive, and headers and body not held apart by Nagle's algorithm.
    # Without these every request waited for a delayed ACK (~40–70 ms each), so browser timings measured
    # this server rather than the site.
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    error_message_format = ERROR_PAGE
    error_content_type = "text/html; charset=utf-8"

    def send_head(self) -> Any:  # noqa: ANN401 — a file object or None, as the base class returns
        if "\x00" in urllib.parse.unquote(urllib.parse.urlsplit(self.path).path):  # open() raised ValueError
            self.send_error(HTTPStatus.BAD_REQUEST)
            return None
        return super().send_head()

    def list_directory(self, path: str | Path) -> None:
        self.send_error(HTTPStatus.NOT_FOUND)  # hosts do not list a folder without index.html: neither does the preview
        return None

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = self._site_page("404.html") if code == HTTPStatus.NOT_FOUND else None
        if page is None:
            super().send_error(code, message, EXPLAIN.get(code, "请求无法完成。"))
            return
        self.send_response(code, message)
        self.send_header("Connection", "close")
        self.send_header("Content-Type", self.error_content_type)
        self.send_header("Content-Length", str(len(page)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(page)

    def _site_page(self, name: str) -> bytes | None:
        try:
            return (Path(self.directory) / name).read_bytes()
        except OSError:
            return None

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 — signature fixed by the base class
        pass  # the preview, tests and the bench read pages, not access logs


class SiteServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:  # noqa: ANN001 — signature fixed by the base class
        # A browser that closes a connection mid-response (a page or context closed) is normal use, not a fault:
        # the base class printed a traceback into the test output for it.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class SiteServer6(SiteServer):
    address_family = socket.AF_INET6


def site_server(host: str, port: int, site_dir: Path) -> SiteServer:
    """A server bound to host:port (IPv6 when the host has a colon) serving `site_dir`, which need not exist yet.
    Raises OSError (busy port, unknown address) as socket.bind does."""
    handler = functools.partial(SiteHandler, directory=str(site_dir))
    return (SiteServer6 if ":" in host else SiteServer)((host, port), handler)


@contextmanager
def serve_directory(site_dir: Path) -> Iterator[str]:
    """Yield the base URL (e.g. http://127.0.0.1:40123/) of `site_dir` served on a free port."""
    server = site_server("127.0.0.1", 0, site_dir)
    thread = threading.Thread(target=server.serve_forever, name="gongkai-site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
