"""Walk a plan once (one unit: exact on every date) or on every start date of the calendar window (mixed units)."""

from __future__ import annotations

from datetime import date

from generator.limits.clock import CalendarWindow, DateClock, OutsideCalendar, Point
from generator.limits.timeline import Finding, Plan, walk
from generator.models.common import TimeLimit


def _days(point: Point, limit: TimeLimit) -> Point:
    return point + (limit.days or 0)  # type: ignore[operator]


def findings(plan: Plan, window: CalendarWindow | None, around: date) -> list[Finding]:
    """Every contradiction in the plan; for mixed units, the first start date on which each one shows."""
    if len(plan.units()) <= 1:
        return walk(plan, _days, 0)
    clock = window.clock() if window else None
    if clock is None:
        return []
    return _on_dates(plan, clock, window.starts(around))  # type: ignore[union-attr]


def _on_dates(plan: Plan, clock: DateClock, starts: list[date]) -> list[Finding]:
    def add(point: Point, limit: TimeLimit) -> Point:
        return clock.add(point, limit.days or 0, limit.unit)  # type: ignore[arg-type]

    first: dict[tuple[str, int | None], Finding] = {}
    for start in starts:
        try:
            for finding in walk(plan, add, start):
                first.setdefault((finding.kind, finding.position), finding)
        except OutsideCalendar:
            continue  # this start date needs a year the calendar lacks; the others still count
    return sorted(first.values(), key=lambda f: (f.position if f.position is not None else 10**6, f.kind))
