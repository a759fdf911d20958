"""`gongkai publish`: the deployable tree — current revision at /, earlier ones at /<revision-id>/, versions.json."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.commands.common import add_catalogue_options, add_engine_option


def run(args: argparse.Namespace) -> int:
    from generator.revisions.publish import PublishRequest, publish

    report = publish(PublishRequest(args.catalogue, args.out, args.config, args.flowcharts, args.keep, args.engine))
    print(
        f"已发布修订 {report.current} → {args.out}："
        f"新生成 {len(report.built)} 个站点，沿用 {len(report.reused)} 个，仅保留快照 {len(report.archived)} 个，精简 {len(report.pruned)} 个。",
        file=sys.stderr,
    )
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("publish", help="生成可部署的多版本站点（当前修订在根目录，历次修订在 /<修订编号>/）")
    add_catalogue_options(parser)
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="站点配置（默认 mkdocs.yml）")
    add_engine_option(parser)
    parser.add_argument("--out", type=Path, default=Path("public"), help="发布目录（默认 public）")
    parser.add_argument("--keep", type=int, default=6, help="保留完整站点的最新修订数（默认 6），更早的只保留快照和变更说明")
    parser.set_defaults(run=run)
