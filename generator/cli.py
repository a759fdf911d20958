"""The `gongkai` command. Every user-facing failure is a GongkaiError: no traceback reaches a user."""

from __future__ import annotations

import argparse
import sys

from generator.commands import build, check, serve, synth
from generator.commands import codeowners, fmt, new, schema
from generator.commands import calendar, linkcheck, publish, revise
from generator.diagnostics import format_plain
from generator.errors import CatalogueError, GongkaiError

# One line per subcommand module; each module registers its own parser.
COMMANDS = [check, build, serve, synth, new, fmt, schema, codeowners, revise, publish, linkcheck, calendar]


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="gongkai", description="政务公开目录生成器：检查记录、生成网站。")
    sub = root.add_subparsers(dest="command", required=True)
    for command in COMMANDS:
        command.register(sub)
    return root


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except CatalogueError as exc:
        for diagnostic in exc.diagnostics:
            print(format_plain(diagnostic), file=sys.stderr)
        errors = sum(d.is_error for d in exc.diagnostics)
        print(f"{errors} 个错误，{len(exc.diagnostics) - errors} 个警告，未生成站点。", file=sys.stderr)
        return 1
    except GongkaiError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
