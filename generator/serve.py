"""`gongkai serve`: build into a private folder, then serve it on localhost."""

from __future__ import annotations

import argparse
import functools
import sys
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from generator.build import BuildRequest, build
from generator.errors import ConfigError


def parse_addr(addr: str) -> tuple[str, int]:
    host, _, port = addr.rpartition(":")
    if not port.isdigit():
        raise ConfigError(f"监听地址“{addr}”无效，应为 主机:端口，例如 127.0.0.1:8000。")
    return host or "127.0.0.1", int(port)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 — stdlib signature
        pass


def serve(args: argparse.Namespace) -> int:
    host, port = parse_addr(args.addr)
    out = Path(".cache/serve-site")
    build(BuildRequest(args.catalogue, out, args.config, args.flowcharts, args.strict))
    handler = functools.partial(_QuietHandler, directory=str(out.resolve()))
    with ThreadingHTTPServer((host, port), handler) as server:
        print(f"正在预览：http://{host}:{port}/ （按 Ctrl+C 停止）", file=sys.stderr)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
    return 0
