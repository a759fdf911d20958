"""`check` stage: unpublished substantive changes close to or past their 20-working-day deadline.

"Today" is injectable (argument, else env GONGKAI_TODAY) so that tests and CI runs are deterministic.
Before the first revision is cut the project does not track revisions yet and nothing is reported.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from generator.catalogue import Catalogue
from generator.diagnostics import Diagnostic, Severity
from generator.errors import GongkaiError
from generator.paths import display_path
from generator.revisions.deadlines import PUBLISH_WITHIN, WARN_WITHIN, deadline
from generator.revisions.history import load_history
from generator.workdays import CalendarMissingError, default_calendar_dir, load_calendar


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


def deadline_diagnostics(catalogue: Catalogue, catalogue_dir: Path, today: date | None = None, root: Path | None = None) -> list[Diagnostic]:
    root = root or catalogue_dir.resolve().parent
    try:
        history = load_history(catalogue_dir)
        if history.latest is None:
            return []
        now = resolve_today(today)
        calendar = load_calendar(default_calendar_dir(catalogue_dir))
    except GongkaiError as exc:
        return [Diagnostic(display_path(root / "revisions"), message=str(exc))]
    out = []
    for entry in history.unpublished(catalogue):
        shown = display_path(root / entry.source)
        changed_on = entry.record.changed_on
        try:
            due = deadline(calendar, changed_on)
        except CalendarMissingError as exc:
            out.append(Diagnostic(shown, label="变更日期", key="changed_on", loc=("changed_on",), message=f"无法计算公开期限（{changed_on} 起 {PUBLISH_WITHIN} 个工作日）：{exc}"))
            continue
        where = f"“{entry.name}”于 {changed_on} 实质变更，尚未修订发布，公开期限为 {due}（{PUBLISH_WITHIN} 个工作日）"
        if now > due:
            message = f"{where}，已超期{_late(calendar, due, now)}。请立即运行 gongkai revise 生成修订并发布。"
            out.append(Diagnostic(shown, severity=Severity.WARNING, label="变更日期", key="changed_on", loc=("changed_on",), message=message))
            continue
        left = calendar.workdays_between(now, due)  # both dates lie in years with data: now <= due
        if left <= WARN_WITHIN:
            message = f"{where}，还剩 {left} 个工作日。请尽快运行 gongkai revise 生成修订并发布。"
        else:
            continue
        out.append(Diagnostic(shown, severity=Severity.WARNING, label="变更日期", key="changed_on", loc=("changed_on",), message=message))
    return out


def _late(calendar, due: date, now: date) -> str:  # noqa: ANN001 — WorkCalendar
    try:
        return f" {calendar.workdays_between(due, now)} 个工作日"
    except CalendarMissingError:
        return ""  # today lies in a year without data: overdue is certain, the count is not
