"""Serve a built site folder on 127.0.0.1 in a background thread (for browser tests and measurements)."""

from __future__ import annotations

import functools
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class _QuietHandler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".js": "text/javascript", ".mjs": "text/javascript"}
    # Like a production static server: keep-alive, and headers and body not held apart by Nagle's algorithm.
    # Without these every request waited for a delayed ACK (~40–70 ms each), so browser timings measured
    # this server rather than the site.
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 — signature fixed by the base class
        pass  # tests and the bench read results, not access logs


class _Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:  # noqa: ANN001 — signature fixed by the base class
        # A browser that closes a connection mid-response (a page or context closed) is normal use, not a fault:
        # the base class printed a traceback into the test output for it.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


@contextmanager
def serve_directory(site_dir: Path) -> Iterator[str]:
    """Yield the base URL (e.g. http://127.0.0.1:40123/) of `site_dir` served on a free port."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="gongkai-site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
