"""`gongkai publish`: the deployable tree — current revision at /, earlier ones at /<revision-id>/, versions.json."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.commands.common import add_catalogue_options, add_engine_option


def _megabytes(value: str) -> int:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{value}”不是数字") from None
    if number < 0:
        raise argparse.ArgumentTypeError("不能为负数")
    return int(number * 1_000_000)


def run(args: argparse.Namespace) -> int:
    from generator.revisions.publish import PublishRequest, publish

    report = publish(PublishRequest(args.catalogue, args.out, args.config, args.flowcharts, keep=args.keep, budget=args.budget_mb,
                                    site_only=args.site_only, engine=args.engine))
    if args.site_only:
        print(f"已生成修订 {report.current} 的站点 → {args.out}", file=sys.stderr)
        return 0
    for note in report.notes:
        print(f"注意：{note}", file=sys.stderr)
    sites = [f"{'根目录' if name == '/' else name} {size / 1e6:.1f} MB" for name, size in report.sizes.items() if name not in report.archived]
    records = sum(size for name, size in report.sizes.items() if name in report.archived)
    sizes = "，".join(sites + ([f"修订记录 {records / 1e6:.1f} MB"] if report.archived else []))
    print(
        f"已发布修订 {report.current} → {args.out}：新生成 {len(report.built)} 个站点，沿用 {len(report.reused)} 个，"
        f"仅保留修订记录 {len(report.archived)} 个；共 {report.total / 1e6:.1f} MB（{sizes}）。",
        file=sys.stderr,
    )
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("publish", help="生成可部署的多版本站点（当前修订在根目录，历次修订在 /<修订编号>/）")
    add_catalogue_options(parser)
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="站点配置（默认 mkdocs.yml）")
    add_engine_option(parser)
    parser.add_argument("--out", type=Path, default=Path("public"), help="发布目录（默认 public）")
    parser.add_argument("--keep", type=int, default=6, help="保留完整站点的最新修订数（默认 6），更早的只保留修订记录和变更说明")
    parser.add_argument("--budget-mb", type=_megabytes, default="1000", dest="budget_mb", metavar="MB",
                        help="发布目录的大小上限，单位 MB（默认 1000：GitHub Pages 最多 1 GB）；放不下的较早修订只保留修订记录；0 表示不限")
    parser.add_argument("--site-only", action="store_true", help="只把最新修订的站点生成到 --out（publish 按提交重建历次修订时使用）")
    parser.set_defaults(run=run)
