"""`gongkai parts`: check the whole catalogue once and plan a split build (one CI matrix job per part)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from generator.commands.common import add_site_options


def run(args: argparse.Namespace) -> int:
    from generator.build import BuildRequest
    from generator.parts import check_and_plan, parts_for
    from generator.parts.plan import department_files

    request = BuildRequest(args.catalogue, args.out, args.config, args.flowcharts, args.strict)
    count = args.parts or parts_for(sum(len(files) for files in department_files(args.catalogue).values()), args.records_per_part)
    plan = check_and_plan(request, count)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(plan.dumps(), encoding="utf-8")
    print(json.dumps(list(range(plan.count + 1))))  # the CI matrix: part 0 (site pages) and 1…N
    print(f"检查通过；目录分为 {plan.count} 个部门分部（另有分部 0 生成全站页面），计划已写入 {args.out}。", file=sys.stderr)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("parts", help="检查整个目录，并把构建拆分为可并行的分部（CI 矩阵作业）")
    add_site_options(parser)
    parser.add_argument("--out", type=Path, default=Path("parts-plan.json"), help="分部构建计划（默认 parts-plan.json）")
    parser.add_argument("--parts", type=int, default=None, help="部门分部数 N（默认按记录数计算）")
    parser.add_argument("--records-per-part", type=int, default=10_000, help="每个分部约多少条记录（默认 10000）")
    parser.set_defaults(run=run)
