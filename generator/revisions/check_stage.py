"""`check` stage: the holiday calendar, change dates no deadline can be computed for, and unpublished substantive
changes close to or past their 20-working-day deadline or with a provisional (暂定) one.

"Today" is injectable (argument, else env GONGKAI_TODAY) so that tests and CI runs are deterministic.
Before the first revision is cut the project does not track revisions yet and no deadline is reported.
A provisional deadline is a warning that --strict leaves a warning: no editor can publish a holiday notice.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from generator.catalogue import Catalogue, Entry
from generator.diagnostics import Diagnostic, Severity
from generator.errors import GongkaiError
from generator.paths import display_path
from generator.positions import locate
from generator.revisions.deadlines import PUBLISH_WITHIN, RULE_IN_FORCE, WARN_WITHIN, changed_on_problem, deadline
from generator.revisions.history import load_history
from generator.workdays import CalendarDataError, CalendarRangeError, WorkCalendar, default_calendar_dir, load_calendar

ADD_HINT = "国务院办公厅的节假日安排通知发布后，请用 gongkai calendar add 收录，暂定的期限会自动重算。"


def resolve_today(today: date | None = None) -> date:
    if today is not None:
        return today
    value = os.environ.get("GONGKAI_TODAY")
    if value:
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise GongkaiError(f"环境变量 GONGKAI_TODAY 的值“{value}”不是 YYYY-MM-DD 格式的日期。") from None
    return date.today()  # the one clock read: `check` is about today by nature


def _at(shown: str, message: str, severity: Severity = Severity.WARNING, exempt: bool = False) -> Diagnostic:
    return Diagnostic(shown, severity=severity, label="变更日期", key="changed_on", loc=("changed_on",), message=message, strict_exempt=exempt)


def calendar_diagnostics(error: CalendarDataError) -> list[Diagnostic]:
    """Every problem of a holiday file, at its line."""
    shown = display_path(error.path)
    out = []
    for problem in error.problems:
        line, col = locate(error.path, problem.loc)
        out.append(Diagnostic(shown, line, col, label="节假日安排", message=problem.message, loc=problem.loc))
    return out


def deadline_diagnostics(catalogue: Catalogue, catalogue_dir: Path, today: date | None = None, root: Path | None = None) -> list[Diagnostic]:
    root = root or catalogue_dir.resolve().parent
    try:
        calendar = load_calendar(default_calendar_dir(catalogue_dir)).estimating()
    except CalendarDataError as exc:
        return calendar_diagnostics(exc)
    def shown(record_id: str) -> str:  # only for records with a problem: a path per record cost 15% of a cold check
        return display_path(root / catalogue.entries[record_id].source)

    problems = {e.id: changed_on_problem(calendar, e.record.changed_on) for e in catalogue.entries.values()}
    out = [_at(shown(rid), message, Severity.ERROR) for rid, message in sorted(problems.items()) if message]
    try:
        history = load_history(catalogue_dir)
        if history.latest is None:
            return out
        now = resolve_today(today)
    except GongkaiError as exc:
        return out + [Diagnostic(display_path(root / "revisions"), message=str(exc))]
    try:
        for entry in history.unpublished(catalogue):
            if not problems[entry.id] and entry.record.changed_on >= RULE_IN_FORCE:
                out += _unpublished(entry, shown(entry.id), calendar, now)
    except CalendarRangeError as exc:  # only a far GONGKAI_TODAY gets here: every change date was checked above
        out.append(Diagnostic(display_path(root / "revisions"), message=f"今天的日期无法推算工作日：{exc}"))
    return out


def _unpublished(entry: Entry, shown: str, calendar: WorkCalendar, now: date) -> list[Diagnostic]:
    changed_on = entry.record.changed_on
    due = deadline(calendar, changed_on)
    where = f"“{entry.name}”于 {changed_on} 实质变更，尚未修订发布，{PUBLISH_WITHIN} 个工作日的公开期限为 {due.text()}"
    if now > due.day:
        return [_at(shown, f"{where}，已超期 {calendar.workdays_between(due.day, now)} 个工作日。请立即运行 gongkai revise 生成修订并发布。")]
    left = calendar.workdays_between(now, due.day)
    if left <= WARN_WITHIN:
        return [_at(shown, f"{where}，还剩 {left} 个工作日。请尽快运行 gongkai revise 生成修订并发布。")]
    if due.provisional:
        return [_at(shown, f"{where}。{ADD_HINT}", exempt=True)]
    return []
