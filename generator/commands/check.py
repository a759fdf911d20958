"""`gongkai check`: report every problem in the catalogue; exit 1 on errors."""

from __future__ import annotations

import argparse
import sys

from generator.commands.common import add_catalogue_options
from generator.diagnostics import FORMATTERS, summary


def run(args: argparse.Namespace) -> int:
    from generator.cache import cached_check  # an unchanged project answers without importing the checker

    result = cached_check(args.catalogue, args.flowcharts, strict=args.strict)
    formatter = FORMATTERS[args.format]
    for diagnostic in result.diagnostics:
        print(formatter(diagnostic))
    print(summary(result.diagnostics, result.files), file=sys.stderr)
    return 1 if result.failed(args.strict) else 0


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("check", help="检查全部记录，报告所有问题")
    add_catalogue_options(parser)
    parser.add_argument("--strict", action="store_true", help="把警告也当作错误")
    parser.add_argument("--format", choices=sorted(FORMATTERS), default="plain", help="输出格式：plain 或 github")
    parser.set_defaults(run=run)
