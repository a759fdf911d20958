"""The 20-working-day rule (政府信息公开条例 第二十六条): publish within 20 working days of a change.

"属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起20个工作日内及时公开。" (2019 text; the same
20 working days were 第十八条 of the 2007 text, in force from 2008-05-01.) A deadline whose working days are not
all fixed by a holiday notice yet is provisional (暂定) and says why; a revision keeps the reason in its manifest,
and every page recomputes such a deadline with the calendar of the day (`settle`), showing where it moved.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from generator.revisions.manifest import Revision
from generator.workdays import CalendarRangeError, WorkCalendar
from generator.workdays.calendar import LAST_DAY

PUBLISH_WITHIN = 20  # working days
WARN_WITHIN = 5  # warn this many working days before the deadline
RULE_IN_FORCE = date(2008, 5, 1)  # 政府信息公开条例 (国务院令第492号) took effect
EARLIEST_CHANGE = date(1949, 10, 1)  # no record of a PRC authority changed before the PRC existed
NOT_APPLICABLE = f"变更早于《中华人民共和国政府信息公开条例》施行之日（{RULE_IN_FORCE}），不适用 {PUBLISH_WITHIN} 个工作日的公开期限"


@dataclass(frozen=True)
class Deadline:
    day: date
    provisional: str | None = None  # why the day may still move; None when every working day in it is settled

    def text(self) -> str:
        return self.day.isoformat() + (f"（暂定：{self.provisional}）" if self.provisional else "")


def deadline(calendar: WorkCalendar, changed_on: date) -> Deadline:
    """The last working day on which the change may be published, provisional where no notice fixes the days yet."""
    calendar = calendar.estimating()  # a missing notice never stops publication: reckon and say so
    due = calendar.add_workdays(changed_on, PUBLISH_WITHIN)
    return Deadline(due, calendar.provisional_reason(changed_on, due))


def timing(calendar: WorkCalendar, changed_on: date, published_on: date) -> dict[str, Any]:
    """Deadline and whether `published_on` met it, with the working days late (0 when on time).

    `provisional` is present when the deadline or the count of days late may still change.
    """
    if changed_on < RULE_IN_FORCE:
        return {"deadline_note": NOT_APPLICABLE}
    calendar = calendar.estimating()
    due = deadline(calendar, changed_on)
    late = max(0, calendar.workdays_between(due.day, published_on))
    out: dict[str, Any] = {"deadline": due.day.isoformat(), "on_time": published_on <= due.day, "late_workdays": late}
    reason = calendar.provisional_reason(changed_on, max(due.day, published_on))
    if reason:
        out["provisional"] = reason
    return out


def changed_on_problem(calendar: WorkCalendar, changed_on: date) -> str | None:
    """Why no deadline can be computed for a change date (a typo such as 9999-12-31), or None."""
    if changed_on < EARLIEST_CHANGE:
        return f"变更日期 {changed_on} 早于 1949 年 10 月 1 日，不可能是本事项的变更日期。请核对日期（YYYY-MM-DD）。"
    if changed_on.year < LAST_DAY.year or changed_on < RULE_IN_FORCE:
        return None  # the deadline surely lies within the calendar's range (or the rule does not apply)
    try:
        deadline(calendar, changed_on)
    except CalendarRangeError:
        return (f"变更日期 {changed_on} 太远：{PUBLISH_WITHIN} 个工作日的公开期限只能推算到 {LAST_DAY}。"
                "请核对日期，应为本事项最近一次变更的日期（YYYY-MM-DD）。")
    return None


def settle_change(change: dict[str, Any], calendar: WorkCalendar, published_on: date) -> dict[str, Any]:
    """A provisional timing recomputed with `calendar`; a deadline that moved keeps the old one as `deadline_was`."""
    if "provisional" not in change:
        return change
    fresh = timing(calendar, date.fromisoformat(change["changed_on"]), published_on)
    settled = {k: v for k, v in change.items() if k != "provisional"} | fresh
    if fresh["deadline"] != change["deadline"]:
        settled["deadline_was"] = change.get("deadline_was", change["deadline"])
    return settled


def settle(revision: Revision, calendar: WorkCalendar) -> Revision:
    """The revision as the calendar now knows it (a copy; the manifest on disk is never rewritten)."""
    if not any("provisional" in c for c in revision.changes):
        return revision
    changes = [settle_change(c, calendar, revision.date) for c in revision.changes]
    return Revision({**revision.data, "changes": changes})


def deadline_text(change: dict[str, Any], brief: bool = False) -> str:
    """A change's deadline as pages show it: 暂定 with its reason, or the provisional day it replaced.

    `brief` (for narrow table cells) leaves the reasons out; the page states them once below the table.
    """
    if "deadline" not in change:
        return change.get("deadline_note", "—")
    notes = []
    if change.get("provisional"):
        notes.append("暂定" if brief else f"暂定：{change['provisional']}")
    if change.get("deadline_was"):
        notes.append(f"原暂定 {change['deadline_was']}" + ("" if brief else "，已按节假日安排更正"))
    return change["deadline"] + (f"（{'；'.join(notes)}）" if notes else "")


@dataclass(frozen=True)
class Recomputed:
    """One provisional deadline before and after a year's notice was added (what `gongkai calendar add` reports)."""

    where: str  # "修订 <id>" or "尚未修订"
    name: str
    before: dict[str, Any]
    after: dict[str, Any]

    @property
    def moved(self) -> bool:
        return self.before["deadline"] != self.after["deadline"] or self.before.get("on_time") != self.after.get("on_time")


def recompute(revisions: list[Revision], pending: list[tuple[str, date]], old: WorkCalendar, new: WorkCalendar) -> list[Recomputed]:
    """Every deadline still provisional under `old` — in the manifests and for changes not yet revised (name,
    changed_on) — recomputed under `new`."""
    out = []
    for revision in revisions:
        for change in revision.changes:
            before = settle_change(change, old, revision.date)
            if "provisional" in before:
                out.append(Recomputed(f"修订 {revision.id}", change["name"], before, settle_change(change, new, revision.date)))
    for name, changed_on in pending:
        if changed_on < RULE_IN_FORCE or changed_on_problem(old, changed_on):
            continue  # no deadline at all (check reports a far date as an error)
        before, after = deadline(old, changed_on), deadline(new, changed_on)
        if before.provisional:
            out.append(Recomputed("尚未修订", name, _as_change(before), _as_change(after)))
    return out


def _as_change(due: Deadline) -> dict[str, Any]:
    return {"deadline": due.day.isoformat()} | ({"provisional": due.provisional} if due.provisional else {})
