"""The `gongkai` command. Every user-facing failure is a GongkaiError: no traceback reaches a user."""

from __future__ import annotations

import argparse
import os
import sys

from generator import outlive
from generator.commands import build, check, serve, synth
from generator.commands import codeowners, fmt, new, schema
from generator.commands import assemble, calendar, cms, linkcheck, parts, publish, revise
from generator.diagnostics import format_plain
from generator.errors import CatalogueError, GongkaiError
from generator.files import describe, printable
from generator.notice import print_warnings

# One line per subcommand module; each module registers its own parser.
COMMANDS = [check, build, parts, assemble, serve, synth, new, fmt, schema, codeowners, revise, publish, linkcheck, calendar, cms]


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="gongkai", description="政务公开目录生成器：检查记录、生成网站。")
    sub = root.add_subparsers(dest="command", required=True)
    for command in COMMANDS:
        command.register(sub)
    return root


def main(argv: list[str] | None = None) -> int:
    _printable_streams()
    print_warnings()
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
    except OSError as exc:  # a path the user named that the system refuses (too long, not a folder, no permission)
        where = printable(str(exc.filename)) if exc.filename is not None else ""
        print(f"错误：{f'无法访问 {where}：' if where else '文件操作失败：'}{describe(exc)}。", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 — the last line of defence: a bug must not greet a user with a traceback
        if os.environ.get("GONGKAI_DEBUG") == "1":
            raise
        print(f"内部错误：{type(exc).__name__}: {printable(str(exc))[:500]}\n"
              "这是 Gongkai 的缺陷，不是您的操作问题。请把上面这行和所用的命令报告给维护人员"
              "（设置环境变量 GONGKAI_DEBUG=1 重新运行可看到详细信息）。", file=sys.stderr)
        return 70  # EX_SOFTWARE


def entry() -> int:
    """The program itself (`gongkai`, `python -m generator`): a check may end without freeing what it built."""
    outlive.arm()
    return outlive.end(main())


def _printable_streams() -> None:
    """A file name that is not UTF-8 must not make printing it fail (the C.UTF-8 locale's streams are strict)."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
