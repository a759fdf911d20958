"""`gongkai revise`: cut a revision into revisions/<id>.json (records added, changed, abolished; deadlines met)."""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date

from generator.commands.common import add_catalogue_options
from generator.errors import ConfigError

_ABOLISH = re.compile(r"^(?P<id>[a-z0-9]+(?:-[a-z0-9]+)*)(?:@(?P<on>\d{4}-\d{2}-\d{2}))?=(?P<reason>.+)$", re.S)


def parse_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{value}”不是 YYYY-MM-DD 格式的日期") from None


def parse_abolitions(values: list[str]) -> dict:
    from generator.revisions.revise import Abolition

    out = {}
    for value in values:
        match = _ABOLISH.match(value.strip())
        if not match:
            raise ConfigError(f"--abolish “{value}”格式不对，应为 编号=取消原因 或 编号@YYYY-MM-DD=取消原因。")
        on = date.fromisoformat(match["on"]) if match["on"] else None
        out[match["id"]] = Abolition(match["reason"].strip(), on)
    return out


def run(args: argparse.Namespace) -> int:
    from generator.check import check_catalogue
    from generator.errors import CatalogueError
    from generator.paths import display_path
    from generator.revisions.manifest import default_revisions_dir, load_revisions, write_revision
    from generator.revisions.deadlines import deadline_text
    from generator.revisions.redact import redact_earlier
    from generator.revisions.revise import RevisionRequest, cut_revision
    from generator.workdays import default_calendar_dir, load_calendar

    checked = check_catalogue(args.catalogue, args.flowcharts)
    if checked.errors:
        raise CatalogueError(checked.diagnostics)
    folder = default_revisions_dir(args.catalogue)  # beside the catalogue, where the build reads it
    revisions = load_revisions(folder)
    request = RevisionRequest(args.id, args.date, args.note or "", parse_abolitions(args.abolish), args.baseline)
    calendar = load_calendar(default_calendar_dir(args.catalogue))
    if args.dry_run:
        return _dry_run(checked.catalogue, revisions, request, calendar)
    revision, warnings = cut_revision(checked.catalogue, revisions[-1] if revisions else None, {r.id for r in revisions}, request, calendar)
    path = write_revision(folder, revision)
    redacted = redact_earlier(folder, revisions, {e.id for e in checked.catalogue.secret_powers()})
    if redacted:
        print(f"已从较早的修订记录中删去转为不公开的事项的内容（只保留名称）：{'、'.join(redacted)}。", file=sys.stderr)
    for warning in warnings:
        print(f"警告：{warning}", file=sys.stderr)
    late = sum(1 for c in revision.changes if c.get("on_time") is False)
    provisional = [c for c in revision.changes if "provisional" in c]
    for change in provisional:
        print(f"提示：“{change['name']}”的公开期限为 {deadline_text(change)}；收录该年节假日安排（gongkai calendar add）后自动重算。", file=sys.stderr)
    print(
        f"已生成修订 {revision.id}（{revision.data['date']}）：新增 {revision.count('added')} 项，变更 {revision.count('changed')} 项，"
        f"取消 {revision.count('abolished')} 项，转为不公开 {revision.count('withdrawn')} 项，文字修改 {revision.count('correction')} 项；逾期公开 {late} 项"
        + (f"，公开期限暂定 {len(provisional)} 项" if provisional else "") + f"。→ {display_path(path)}",
        file=sys.stderr,
    )
    return 0


def _dry_run(catalogue, revisions, request, calendar) -> int:  # noqa: ANN001 — Catalogue, list[Revision], RevisionRequest, WorkCalendar
    """Say whether `gongkai publish` would need a revision first (the pull-request check); writes nothing."""
    from generator.errors import GongkaiError
    from generator.revisions.revise import NOTHING_TO_REVISE, cut_revision

    if not revisions:
        print("还没有任何修订：发布前须先运行 gongkai revise --baseline。")
        return 0
    try:
        revision, _ = cut_revision(catalogue, revisions[-1], {r.id for r in revisions}, request, calendar)
    except GongkaiError as exc:
        if str(exc) == NOTHING_TO_REVISE:
            print(f"与最新修订 {revisions[-1].id} 一致：合并后可以直接发布。")
        else:  # e.g. a deleted record needs --abolish: exactly what the reviewer must know
            print(f"需要修订：与最新修订 {revisions[-1].id} 相比有变化，但现在还不能生成修订（{exc}）。合并后 gongkai publish 会拒绝发布。")
        return 0
    counts = "，".join(f"{label} {revision.count(action)} 项" for action, label in
                       (("added", "新增"), ("changed", "变更"), ("abolished", "取消"), ("withdrawn", "转为不公开"), ("correction", "文字修改"))
                       if revision.count(action))
    listed = len(revision.data["secret_changes"]["added"]) + len(revision.data["secret_changes"]["removed"])
    extra = f"，不公开事项目录变化 {listed} 项" if listed else ""
    print(f"需要修订：与最新修订 {revisions[-1].id} 相比有{counts or '变化'}{extra}。合并后须先运行 gongkai revise 生成修订，gongkai publish 才能发布。")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("revise", help="生成一次修订：与上一次修订比较，记录新增、变更、取消的事项和公开期限")
    add_catalogue_options(parser)
    parser.add_argument("--date", type=parse_date, default=None, help="修订日期 YYYY-MM-DD（默认：最新的变更日期）")
    parser.add_argument("--id", default=None, help="修订编号（默认：修订日期，例如 2025-06-30）")
    parser.add_argument("--note", default=None, help="本次修订的说明")
    parser.add_argument("--abolish", action="append", default=[], metavar="编号=原因", help="说明已删除记录的取消原因，可写 编号@YYYY-MM-DD=原因；可重复")
    parser.add_argument("--baseline", action="store_true", help="第一次修订：收录已在别处公开的现有事项，不计算公开期限")
    parser.add_argument("--dry-run", action="store_true", help="不写修订记录，只说明发布前是否需要修订（拉取请求检查用）")
    parser.set_defaults(run=run)
