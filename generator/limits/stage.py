"""The time-limit stage of `check`: every record's limits proved against each other, each problem at its field."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Callable, Iterator

from generator.catalogue import Catalogue, Entry
from generator.diagnostics import Diagnostic
from generator.errors import GongkaiError
from generator.limits.clock import CalendarWindow
from generator.limits.evaluate import findings
from generator.limits.messages import Wording, message
from generator.limits.statics import static_problems
from generator.limits.timeline import Finding, Plan, Segment
from generator.models import Power, ServiceItem
from generator.models.procedure import ExerciseMode
from generator.rules import problem
from generator.validate import Validated
from generator.workdays import load_calendar


def plan_of(entry: Entry) -> Plan:
    record = entry.record
    segments = tuple(Segment(i, s.name, s.promised_limit, s.statutory_limit, s.timing, s.completes) for i, s in enumerate(entry.steps))
    return Plan(segments, getattr(record, "promised_limit", None), getattr(record, "statutory_limit", None))


def start_word(entry: Entry) -> str:
    mode = getattr(entry.record, "exercise_mode", None) or (entry.template.mode if entry.template else None)
    return "收到申请" if entry.kind == "services" or mode is ExerciseMode.ON_APPLICATION else "启动"


def step_index(entry: Entry, position: int) -> int | None:
    """Where the merged step at `position` is written in the record (None: a template step the record leaves alone)."""
    step = entry.steps[position]
    own = entry.record.procedure.steps if getattr(entry.record, "procedure", None) else []
    for j, s in enumerate(own):
        if (s.ref == step.key) if step.from_template else (not s.ref and (s.id or f"step-{j + 1}") == step.key):
            return j
    return None


def _loc(entry: Entry, f: Finding) -> tuple:
    if f.position is None:
        return ("promised_limit",)
    j = step_index(entry, f.position)
    if j is None:
        return ("procedure", "template")
    step = entry.steps[f.position]
    field = "statutory_limit" if f.kind == "anchor" and f.limit is step.statutory_limit else "promised_limit"
    return ("procedure", "steps", j, field)


class LimitChecker:
    def __init__(self, calendar_dir: Path, earliest) -> None:  # noqa: ANN001 — a date
        self.calendar_dir = calendar_dir
        self.earliest = earliest
        self._window: CalendarWindow | None = None
        self._loaded = False

    def window(self) -> CalendarWindow | None:
        """The working-day calendar, read only when a record mixes 工作日 and 自然日."""
        if not self._loaded:
            self._loaded = True
            try:
                self._window = CalendarWindow(load_calendar(self.calendar_dir), self.earliest)
            except GongkaiError:
                self._window = None  # a broken calendar file is reported by the revisions stage
        return self._window

    def check(self, item: Validated, entry: Entry) -> Iterator[Diagnostic]:
        yield from static_problems(item, entry)
        plan = plan_of(entry)
        wording = Wording(plan, start_word(entry))
        window = self.window() if len(plan.units()) > 1 else None
        for f in findings(plan, window, entry.record.changed_on):
            yield problem(item, _loc(entry, f), message(wording, f))


def limit_diagnostics(items: list[Validated], catalogue: Catalogue, calendar_dir: Path,
                      aside: Callable[[Callable[[], list[Diagnostic]]], Callable[[], list[Diagnostic]]] | None = None) -> list[Diagnostic]:
    """`aside`: starts work elsewhere (a forked helper, generator/workshare.py) and gives a function that waits for its
    result; the second half of the records is checked there. One checker, made before, serves both halves."""
    pairs = [(item, catalogue.entries.get(item.record.id)) for item in items if isinstance(item.record, (Power, ServiceItem))]
    pairs = [(item, entry) for item, entry in pairs if entry is not None and entry.record is item.record and not entry.is_secret]
    if not pairs:
        return []
    checker = LimitChecker(calendar_dir, min(item.record.changed_on for item, _ in pairs) - timedelta(days=366))

    def check(part: list[tuple[Validated, Entry]]) -> list[Diagnostic]:
        return [d for item, entry in part for d in checker.check(item, entry)]

    if aside is None:
        return check(pairs)
    half = len(pairs) // 2
    second = aside(lambda: check(pairs[half:]))
    return check(pairs[:half]) + second()
