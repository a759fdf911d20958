"""`gongkai schema`: write a JSON Schema per record kind (schema/*.schema.json) for editors such as VS Code."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.errors import GongkaiError
from generator.files import describe, printable


def run(args: argparse.Namespace) -> int:
    from generator.editor.schema import all_schemas

    schemas = all_schemas()
    if args.check:
        stale = [name for name, text in schemas.items() if _read(args.out / name) != text]
        for name in stale:
            print(f"{args.out / name}: 已过期或缺失。请运行 gongkai schema 重新生成。", file=sys.stderr)
        return 1 if stale else 0
    try:
        args.out.mkdir(parents=True, exist_ok=True)
        for name, text in schemas.items():
            (args.out / name).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise GongkaiError(f"无法写入 {printable(str(args.out))}：{describe(exc)}") from None
    print(f"已写入 {len(schemas)} 个 JSON Schema 到 {args.out}", file=sys.stderr)
    return 0


def _read(path: Path) -> str | None:
    return path.read_text(encoding="utf-8") if path.is_file() else None


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("schema", help="生成记录的 JSON Schema（供编辑器补全和提示）")
    parser.add_argument("--out", type=Path, default=Path("schema"), help="输出文件夹（默认 schema）")
    parser.add_argument("--check", action="store_true", help="只检查已提交的 JSON Schema 是否过期，不写文件")
    parser.set_defaults(run=run)
