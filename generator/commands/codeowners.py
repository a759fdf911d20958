"""`gongkai codeowners [--check]`: write CODEOWNERS from the departments' owner_team."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.errors import ConfigError, GongkaiError
from generator.files import describe, printable


def expected(catalogue: Path, root: Path, core_team: str) -> str:
    from generator.editor import codeowners
    from generator.load import load_catalogue
    from generator.validate import validate_all

    loaded = load_catalogue(catalogue)
    items, _ = validate_all([d for d in loaded.documents if d.kind == "department"])
    owners = [codeowners.Owner(i.raw.folder, i.record.owner_team) for i in items]
    bad = [f"{o.folder}：{o.team}" for o in owners if o.team and not codeowners.valid_team(o.team)]
    if bad:
        raise ConfigError(f"负责团队格式不对（应为 @组织/团队）：{'；'.join(bad)}")
    return codeowners.render(owners, codeowners.catalogue_prefix(catalogue, root), core_team)


def run(args: argparse.Namespace) -> int:
    from generator.editor import codeowners
    from generator.files import read_regular_text

    if not args.catalogue.is_dir():
        raise ConfigError(f"目录 {args.catalogue} 不存在。请用 --catalogue 指定记录所在的文件夹。")
    root = args.catalogue.resolve().parent
    path = root / codeowners.FILE_NAME
    current = read_regular_text(path) if path.is_file() else ""
    core = args.core_team or (codeowners.core_team_of(current) if current else codeowners.DEFAULT_CORE_TEAM)
    if not codeowners.valid_team(core):
        raise ConfigError(f"核心团队“{core}”格式不对，应为 @组织/团队。")
    text = expected(args.catalogue, root, core)
    if args.check:
        if current != text:
            print(f"{path}: 已过期。请运行 gongkai codeowners 重新生成。", file=sys.stderr)
            return 1
        return 0
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise GongkaiError(f"无法写入 {printable(str(path))}：{describe(exc)}") from None
    print(f"已写入 {path}", file=sys.stderr)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("codeowners", help="根据各部门的负责团队生成 CODEOWNERS")
    parser.add_argument("--catalogue", type=Path, default=Path("catalogue"), help="记录所在的文件夹（默认 catalogue）")
    parser.add_argument("--core-team", default=None, help="核心团队，负责 flowcharts/、generator/ 等（默认沿用文件中的设置，或 @qinghe-county/publishing-office）")
    parser.add_argument("--check", action="store_true", help="只检查 CODEOWNERS 是否过期，不写文件")
    parser.set_defaults(run=run)
