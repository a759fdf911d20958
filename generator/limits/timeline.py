"""A procedure's time limits as one timeline, and the contradictions in it.

Every step ends at a point: after the previous step (顺序), alongside it (并行), or outside the count (不计入,
e.g. 听证、检验、专家评审 under 行政许可法 第四十五条). A limit with a starting point (起算点) counts from the
event a step completes (受理, 立案, 作出决定 …) instead of from the previous step. Walking the steps with their
promised limits gives the latest moment each step may end; a contradiction is a moment later than a limit
that should contain it. Steps without a limit, or with a limit that is not a number of days (办理次月发放),
add nothing: the walk is then a lower bound, so every contradiction it finds is certain.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator

from generator.limits.clock import Point
from generator.models.common import DayUnit, LimitStart, TimeLimit
from generator.models.procedure import StepTiming


@dataclass(frozen=True)
class Segment:
    """One merged step as the arithmetic sees it."""

    position: int  # index in the entry's steps
    name: str
    promised: TimeLimit | None
    statutory: TimeLimit | None
    timing: StepTiming
    completes: LimitStart | None


@dataclass(frozen=True)
class Plan:
    segments: tuple[Segment, ...]
    promised_total: TimeLimit | None
    statutory_total: TimeLimit | None

    def limits(self) -> Iterator[TimeLimit]:
        for limit in (self.promised_total, self.statutory_total):
            if limit is not None:
                yield limit
        for s in self.segments:
            for limit in (s.promised, s.statutory):
                if limit is not None:
                    yield limit

    def units(self) -> set[DayUnit]:
        """The units of the limits that can meet in a comparison. A statute nothing is promised against, or an
        excluded step whose promise and statute share unit and starting point, is compared on its own terms and
        does not make the timeline mixed."""
        referenced = {limit.starts for limit in self.limits() if limit.starts is not None}
        used = [limit for limit in (self.promised_total, self.statutory_total if self.promised_total else None) if limit]
        for s in self.segments:
            if s.promised is None or not s.promised.counted:
                continue
            if s.timing is StepTiming.EXCLUDED and _alike(s.promised, s.statutory) and s.completes not in referenced:
                continue
            used += [limit for limit in (s.promised, s.statutory) if limit is not None]
        return {limit.unit for limit in used if limit.counted and limit.unit is not None}


def _alike(a: TimeLimit, b: TimeLimit | None) -> bool:
    return b is None or not b.counted or (a.unit == b.unit and a.starts == b.starts)


@dataclass(frozen=True)
class Finding:
    """One contradiction, with the points that show it (counts of one unit, or dates)."""

    kind: str  # "step" (promise past the step's statutory limit), "anchor", "order", "total", "record"
    position: int | None  # the segment concerned, None for the record's own limits
    start: Point
    end: Point  # the latest end the promises allow
    deadline: Point  # the limit that end overruns
    limit: TimeLimit | None = None  # the limit whose starting point is missing (kind "anchor")


Add = Callable[[Point, TimeLimit], Point]


def _deadline(add: Add, events: dict[LimitStart, Point], base: Point, limit: TimeLimit) -> Point | None:
    """Where `limit` ends when counted from its starting point (or from `base`); None if that event has not happened."""
    if limit.starts is None:
        return add(base, limit)
    anchor = events.get(limit.starts)
    return None if anchor is None else add(anchor, limit)


def walk(plan: Plan, add: Add, start: Point) -> list[Finding]:
    return _walk(plan, add, start)[0]


def latest_end(plan: Plan, add: Add, start: Point) -> Point:
    """The latest moment the counted steps may end under their promises (for tools that write consistent totals)."""
    return _walk(plan, add, start)[1]


def _walk(plan: Plan, add: Add, start: Point) -> tuple[list[Finding], Point]:
    found: list[Finding] = []
    events: dict[LimitStart, Point] = {LimitStart.RECEIVED: start}
    step_start = step_end = start
    counted_any = False
    for seg in plan.segments:
        base = step_start if seg.timing is StepTiming.PARALLEL else step_end
        end = base
        if seg.promised is not None and seg.promised.counted:
            due = _deadline(add, events, base, seg.promised)
            if due is None:
                found.append(Finding("anchor", seg.position, start, base, base, seg.promised))
            elif due < base:  # the earlier steps' promises already run past this step's own deadline
                found.append(Finding("order", seg.position, start, base, due))
            else:
                end = due
                counted_any = counted_any or seg.timing is not StepTiming.EXCLUDED
        if seg.timing is StepTiming.PARALLEL and end < step_end:
            end = step_end
        if seg.statutory is not None and seg.statutory.counted:
            legal = _deadline(add, events, base, seg.statutory)
            if legal is None:
                found.append(Finding("anchor", seg.position, start, base, base, seg.statutory))
            elif end > legal:
                found.append(Finding("step", seg.position, start, end, legal))
        if seg.completes is not None:
            events[seg.completes] = end
        if seg.timing is not StepTiming.EXCLUDED:
            step_start, step_end = base, end
    found += _totals(plan, add, events, start, step_end, counted_any)
    return found, step_end


def _totals(plan: Plan, add: Add, events: dict[LimitStart, Point], start: Point, last: Point, counted_any: bool) -> list[Finding]:
    found: list[Finding] = []
    promised, statutory = plan.promised_total, plan.statutory_total

    def due(limit: TimeLimit) -> Point:  # a total counts from its event, or from the start when no step completes it
        return add(events.get(limit.starts, start) if limit.starts else start, limit)

    if promised is not None and promised.counted:
        promised_due = due(promised)
        if counted_any and last > promised_due:
            found.append(Finding("total", None, start, last, promised_due))
        if statutory is not None and statutory.counted:
            legal = due(statutory)
            if promised_due > legal:
                found.append(Finding("record", None, start, promised_due, legal))
    return found
