"""`gongkai build`: write the site to --out (default site/)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.commands.common import add_site_options


def run(args: argparse.Namespace) -> int:
    from generator.build import BuildRequest, build
    from generator.parts import build_part

    make = build if args.part is None else build_part
    compiled = make(BuildRequest(args.catalogue, args.out, args.config, args.flowcharts, args.strict, engine=args.engine,
                                  part=args.part, plan=args.plan))
    for note in compiled.notes:
        print(f"警告：{note}", file=sys.stderr)
    if args.part is None:
        print(f"已生成站点：{args.out}（{len(compiled.bundle.pages)} 个生成页面）", file=sys.stderr)
    else:
        made = len(compiled.bundle.pages) - len(compiled.bundle.elsewhere.intersection(compiled.bundle.pages))
        print(f"已生成分部 {args.part}：{args.out}（{made} 个生成页面）；全部分部生成后用 gongkai assemble 合成网站。", file=sys.stderr)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("build", help="生成网站")
    add_site_options(parser)
    parser.add_argument("--out", type=Path, default=Path("site"), help="输出目录（默认 site）")
    parser.add_argument("--part", default=None, metavar="K/N",
                        help="只生成分部构建的第 K 个分部（共 N 个）：K 为 0 时生成全站页面，1…N 生成各部门的记录；之后用 gongkai assemble 合成")
    parser.add_argument("--plan", type=Path, default=None,
                        help="gongkai parts 生成的分部构建计划（CI 中由检查作业生成）；不给出时本分部先检查整个目录")
    parser.set_defaults(run=run)
