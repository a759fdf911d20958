"""`gongkai calendar add FILE`: take in a year's holiday notice (国务院办公厅关于XXXX年部分节假日安排的通知).

The file is checked against 《全国年节及纪念日放假办法》 before anything is written; then it becomes
calendar/<year>.yaml, and every deadline that was provisional (暂定) is recomputed and reported.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from generator.commands.common import add_catalogue_options


def _old_and_new(folder: Path, draft: Path, replace: bool):  # noqa: ANN202 — (WorkCalendar, WorkCalendar, YearData)
    """The calendar before and after; a year taken in for the first time (or edited in place) is absent before."""
    from generator.errors import GongkaiError
    from generator.paths import display_path
    from generator.workdays import WorkCalendar, load_calendar
    from generator.workdays.data import parse_year

    data = parse_year(draft)
    target = folder / f"{data.year}.yaml"
    in_place = target.exists() and target.resolve() == draft.resolve()
    if target.exists() and not in_place and not replace:
        raise GongkaiError(f"{display_path(target)} 已存在。通知有调整时（例如延长假期），请按调整后的安排修改文件，再加 --replace 重新收录。")
    current = load_calendar(folder) if folder.is_dir() else WorkCalendar(folder, [])
    if in_place or not target.exists():
        current = WorkCalendar(folder, [y for y in current.years.values() if y.year != data.year])
    return current, current.with_year(data), data


def _pending(catalogue: Path, revisions: list) -> list:  # noqa: ANN001 — list[Revision] → list[(name, date)]
    from generator.check import check_catalogue
    from generator.revisions.history import build_history

    if not catalogue.is_dir() or not revisions:
        return []
    entries = build_history(revisions).unpublished(check_catalogue(catalogue).catalogue)
    return [(e.name, e.record.changed_on) for e in entries]


def _write(draft: Path, target: Path) -> None:
    from generator.files import read_regular

    if draft.resolve() == target.resolve():
        return  # edited in place: already where it belongs
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    tmp.write_bytes(read_regular(draft))  # never the target of a link put in the draft's place since it was checked
    tmp.replace(target)


def _report(moves: list) -> None:  # noqa: ANN001 — list[Recomputed]
    from generator.revisions.deadlines import deadline_text
    from generator.revisions.pages import timing_text

    moved = [m for m in moves if m.moved]
    if not moves:
        print("没有暂定的公开期限需要重算。", file=sys.stderr)
        return
    if not moved:
        print(f"重算了 {len(moves)} 个暂定的公开期限，都没有变动。", file=sys.stderr)
        return
    print(f"重算了 {len(moves)} 个暂定的公开期限，{len(moved)} 个有变动：", file=sys.stderr)
    for m in moved:
        after = {k: v for k, v in m.after.items() if k != "deadline_was"}  # the line itself says what it was
        timing = f"；{timing_text(m.before)} → {timing_text(after)}" if "on_time" in after else ""
        print(f"  {m.where} · {m.name}：{deadline_text(m.before)} → {deadline_text(after)}{timing}", file=sys.stderr)
    if len(moves) > len(moved):
        print(f"其余 {len(moves) - len(moved)} 个期限没有变动。", file=sys.stderr)


def run_add(args: argparse.Namespace) -> int:
    from generator.paths import display_path
    from generator.revisions.deadlines import recompute
    from generator.revisions.manifest import default_revisions_dir, load_revisions
    from generator.workdays import default_calendar_dir

    folder = default_calendar_dir(args.catalogue)
    old, new, data = _old_and_new(folder, args.file, args.replace)
    target = folder / f"{data.year}.yaml"
    revisions = load_revisions(default_revisions_dir(args.catalogue))
    moves = recompute(revisions, _pending(args.catalogue, revisions), old, new)
    _write(args.file, target)
    notices = "；".join(f"{n.title}（{n.number}）" for n in data.notices)
    print(f"已收录 {data.year} 年节假日安排：{notices} → {display_path(target)}", file=sys.stderr)
    _report(moves)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("calendar", help="节假日安排：收录国务院办公厅每年的节假日安排通知")
    actions = parser.add_subparsers(dest="calendar_command", required=True)
    add = actions.add_parser("add", help="检查并收录某年的节假日安排文件，重算暂定的公开期限")
    add.add_argument("file", type=Path, help="按通知原文填写的节假日安排文件（YAML，格式见“节假日安排”说明页）")
    add_catalogue_options(add)
    add.add_argument("--replace", action="store_true", help="该年已收录时，用本文件替换（通知有调整时）")
    add.set_defaults(run=run_add)
