"""`gongkai new power|fee|service --department X`: scaffold a record that starts with the schema modeline."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from generator.errors import ConfigError

KINDS = ("power", "fee", "service")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是有效的日期，请按 YYYY-MM-DD 填写") from None


def run(args: argparse.Namespace) -> int:
    from generator.editor.scaffold import NewRecord, create, default_id, kind_named

    kind = kind_named(args.kind)
    if not args.catalogue.is_dir():
        raise ConfigError(f"目录 {args.catalogue} 不存在。请用 --catalogue 指定记录所在的文件夹。")
    record_id = args.id or default_id(kind, args.catalogue / args.department)
    new = NewRecord(kind, args.department, record_id, args.catalogue, args.date or date.today())
    schema_dir = args.schema_dir or args.catalogue.resolve().parent / "schema"
    path = create(new, schema_dir)
    print(f"已新建{kind.label}：{path}", file=sys.stderr)
    print("请把所有“待填写”的内容改为实际内容，然后运行 gongkai check。", file=sys.stderr)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("new", help="新建一条记录（职权 power、收费依据 fee、服务事项 service）")
    parser.add_argument("kind", choices=KINDS, help="记录类型：power（行政职权）、fee（收费依据）、service（服务事项）")
    parser.add_argument("--department", required=True, help="部门编号，即 catalogue 下的部门文件夹名")
    parser.add_argument("--id", default=None, help="记录编号（也是文件名），例如 food-business-licence；默认 new-<类型>")
    parser.add_argument("--catalogue", type=Path, default=Path("catalogue"), help="记录所在的文件夹（默认 catalogue）")
    parser.add_argument("--schema-dir", type=Path, default=None, help="JSON Schema 所在文件夹（默认 catalogue 旁的 schema）")
    parser.add_argument("--date", type=_date, default=None, help="变更日期 changed_on（默认今天）")
    parser.set_defaults(run=run)
