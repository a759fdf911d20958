"""`gongkai assemble`: join the parts of a split build into one site."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.commands.common import add_site_options


def run(args: argparse.Namespace) -> int:
    from generator.parts import assemble

    bundles = assemble(args.parts, args.out, args.catalogue, args.config, args.flowcharts, args.move)
    print(f"已合成站点：{args.out}（{len(args.parts)} 个分部，{bundles} 个搜索索引分片）", file=sys.stderr)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("assemble", help="把 gongkai build --part 生成的各分部合成一个网站")
    add_site_options(parser)
    parser.add_argument("parts", type=Path, nargs="+", metavar="PART_DIR", help="各分部的输出目录（0…N 各一个）")
    parser.add_argument("--out", type=Path, default=Path("site"), help="输出目录（默认 site）")
    parser.add_argument("--move", action="store_true",
                        help="把各分部的文件移入网站而不是建立链接（快得多；分部目录随之清空，只在分部是一次性副本时使用，如 CI 下载的制品）")
    parser.set_defaults(run=run)
