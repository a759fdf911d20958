"""`gongkai fmt [--check] [paths]`: key order as in the models, one layout, comments kept."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.commands.common import add_catalogue_options
from generator.errors import ConfigError


def run(args: argparse.Namespace) -> int:
    from generator.editor.fmt import format_file, yaml_files
    from generator.files import printable

    paths = args.paths or default_paths(args.catalogue, args.flowcharts)
    missing = [printable(str(p)) for p in paths if not p.exists() and not p.is_symlink()]
    if missing:
        raise ConfigError(f"找不到：{'、'.join(missing)}")
    files, refused = yaml_files(paths)
    results = refused + [format_file(path, args.check) for path in files]
    for result in results:
        if result.error:
            print(f"{printable(str(result.path))}: {result.error}", file=sys.stderr)
        elif result.changed:
            print(f"{printable(str(result.path))}: {'需要整理格式' if args.check else '已整理格式'}", file=sys.stderr)
    changed = sum(r.changed for r in results)
    errors = sum(bool(r.error) for r in results)
    verb = "需要整理" if args.check else "已整理"
    print(f"共 {len(results)} 个文件，{verb} {changed} 个，未能处理 {errors} 个（原因见上，这些文件未修改）。", file=sys.stderr)
    return 1 if errors or (args.check and changed) else 0


def default_paths(catalogue: Path, flowcharts: Path | None) -> list[Path]:
    """The catalogue and its templates: --flowcharts, else flowcharts/ beside the catalogue when there is one."""
    beside = catalogue.parent / "flowcharts"
    return [catalogue] + ([flowcharts] if flowcharts is not None else [beside] if beside.is_dir() else [])


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("fmt", help="整理记录文件的字段顺序和格式（保留注释）")
    parser.add_argument("paths", nargs="*", type=Path, help="文件或文件夹（默认 --catalogue 和 --flowcharts 所指的文件夹）")
    add_catalogue_options(parser)
    parser.add_argument("--check", action="store_true", help="只检查，不修改；有文件需要整理时返回 1")
    parser.set_defaults(run=run)
