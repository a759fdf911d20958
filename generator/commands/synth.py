"""`gongkai synth`: write a synthetic catalogue (for benchmarks, load tests and demos)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from generator.paths import PROJECT_ROOT


def run(args: argparse.Namespace) -> int:
    from generator.synth import synthesize

    flowcharts = args.flowcharts or PROJECT_ROOT / "flowcharts"
    summary = synthesize(args.out, args.records, args.departments, args.seed, flowcharts)
    print(
        f"已生成合成目录：{args.out}（{summary.departments} 个部门，{summary.powers} 项职权"
        f"（其中涉密 {summary.secret_powers} 项），{summary.fees} 项收费依据，{summary.services} 项服务事项，"
        f"使用流程模板 {len(summary.templates_used)} 个，共 {summary.bytes_written} 字节）",
        file=sys.stderr,
    )
    return 0


# A province has tens of thousands of records and a few thousand offices; far larger numbers are typing mistakes
# (10^40 departments ran without end, 10^6 for over a minute).
MAX_RECORDS, MAX_DEPARTMENTS = 1_000_000, 5_000


def _count(most: int) -> Callable[[str], int]:
    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"“{value}”不是整数") from None
        if not 1 <= number <= most:
            raise argparse.ArgumentTypeError(f"必须在 1 到 {most} 之间")
        return number

    return parse


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("synth", help="生成合成目录（用于性能测试）")
    parser.add_argument("--records", type=_count(MAX_RECORDS), default=1000, help="记录数：职权、收费依据和服务事项合计（默认 1000）")
    parser.add_argument("--departments", type=_count(MAX_DEPARTMENTS), default=14, help="部门数（默认 14）")
    parser.add_argument("--seed", type=int, default=1, help="随机种子：相同种子生成完全相同的目录（默认 1）")
    parser.add_argument("--out", type=Path, required=True, help="输出目录（须为空目录或此前由 synth 生成的目录）")
    parser.add_argument("--flowcharts", type=Path, default=None, help="流程模板文件夹（默认项目的 flowcharts）")
    parser.set_defaults(run=run)
