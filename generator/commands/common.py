"""Options shared by several subcommands."""

from __future__ import annotations

import argparse
from pathlib import Path

from generator.engines import DEFAULT_ENGINE, DOORS


def add_catalogue_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--catalogue", type=Path, default=Path("catalogue"), help="记录所在的文件夹（默认 catalogue）")
    parser.add_argument("--flowcharts", type=Path, default=None, help="流程模板文件夹（默认 catalogue 旁的 flowcharts）")


def add_site_options(parser: argparse.ArgumentParser) -> None:
    add_catalogue_options(parser)
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="站点配置（默认 mkdocs.yml）")
    add_engine_option(parser)
    parser.add_argument("--strict", action="store_true", help="有警告时也不生成")


def add_engine_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--engine", choices=sorted(DOORS), default=DEFAULT_ENGINE,
                        help=f"站点引擎（默认 {DEFAULT_ENGINE}：MkDocs 或其后继 ProperDocs；zensical：Material 的后继 Zensical）")
