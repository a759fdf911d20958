"""`gongkai build`: write the site to --out (default site/)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.commands.common import add_site_options


def run(args: argparse.Namespace) -> int:
    from generator.build import BuildRequest, build

    compiled = build(BuildRequest(args.catalogue, args.out, args.config, args.flowcharts, args.strict, engine=args.engine))
    for note in compiled.notes:
        print(f"警告：{note}", file=sys.stderr)
    print(f"已生成站点：{args.out}（{len(compiled.bundle.pages)} 个生成页面）", file=sys.stderr)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("build", help="生成网站")
    add_site_options(parser)
    parser.add_argument("--out", type=Path, default=Path("site"), help="输出目录（默认 site）")
    parser.set_defaults(run=run)
