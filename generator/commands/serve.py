"""`gongkai serve`: build, then preview on localhost."""

from __future__ import annotations

import argparse

from generator.commands.common import add_site_options


def run(args: argparse.Namespace) -> int:
    from generator.serve import serve

    return serve(args)


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("serve", help="生成并在本机预览网站")
    add_site_options(parser)
    parser.add_argument("--addr", default="127.0.0.1:8000", help="监听地址（默认 127.0.0.1:8000）")
    parser.add_argument("--department", default=None, help="只预览一个部门（部门编号），大目录下启动更快")
    parser.set_defaults(run=run)
