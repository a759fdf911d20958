"""The timeline walk: sequence adds, 并行 overlaps, 不计入 stays out, 起算点 counts from an event."""

from __future__ import annotations

from datetime import date

from generator.limits.evaluate import findings
from generator.limits.timeline import Plan, Segment
from generator.models.common import LimitStart, TimeLimit
from generator.models.procedure import StepTiming

SEQ, PAR, OUT = StepTiming.SEQUENTIAL, StepTiming.PARALLEL, StepTiming.EXCLUDED


def wd(days: int, starts: str | None = None) -> TimeLimit:
    return TimeLimit(days=days, unit="工作日", starts=starts)


def step(i: int, promised: TimeLimit | None = None, statutory: TimeLimit | None = None, timing=SEQ, completes=None) -> Segment:
    return Segment(i, f"环节{i}", promised, statutory, timing, completes)


def kinds(plan: Plan) -> list[tuple[str, int | None, object, object]]:
    return [(f.kind, f.position, f.end, f.deadline) for f in findings(plan, None, date(2025, 1, 1))]


def test_sequential_steps_add_up() -> None:
    plan = Plan((step(0, wd(1)), step(1, wd(2)), step(2, wd(2))), wd(5), None)
    assert kinds(plan) == []
    plan = Plan((step(0, wd(1)), step(1, wd(2)), step(2, wd(3))), wd(5), None)
    assert kinds(plan) == [("total", None, 6, 5)]


def test_parallel_step_adds_only_what_outlasts_the_previous_one() -> None:
    plan = Plan((step(0, wd(3)), step(1, wd(2), timing=PAR)), wd(3), None)
    assert kinds(plan) == []
    plan = Plan((step(0, wd(3)), step(1, wd(4), timing=PAR)), wd(3), None)
    assert kinds(plan) == [("total", None, 4, 3)]


def test_excluded_step_is_outside_the_count_but_still_within_its_own_statute() -> None:
    hearing = step(1, wd(20), statutory=wd(15), timing=OUT)  # e.g. 征求第三方意见, 第三十三条第三款
    plan = Plan((step(0, wd(2)), hearing, step(2, wd(3))), wd(5), None)
    assert kinds(plan) == [("step", 1, 22, 17)]


def test_starting_point_counts_from_the_event_a_step_completes() -> None:
    accept = step(0, wd(1), completes=LimitStart.ACCEPTED)
    decide = step(2, wd(5), statutory=wd(10, "受理"))
    plan = Plan((accept, step(1, wd(8)), decide), None, None)
    assert kinds(plan) == [("step", 2, 14, 11)]  # 1 + 8 + 5 after receipt, the statute ends 10 after 受理 (day 1)


def test_a_promise_from_an_event_is_a_deadline_not_a_duration() -> None:
    accept = step(0, wd(1), completes=LimitStart.ACCEPTED)
    plan = Plan((accept, step(1, wd(2)), step(2, wd(5, "受理"))), wd(6), None)
    assert kinds(plan) == []  # decide ends on day 1 + 5 = 6, not 1 + 2 + 5
    plan = Plan((accept, step(1, wd(7)), step(2, wd(5, "受理"))), wd(9), None)
    assert kinds(plan) == [("order", 2, 8, 6)]


def test_missing_event_is_reported_not_guessed() -> None:
    plan = Plan((step(0, wd(3, "立案")),), None, None)
    assert [f[0] for f in kinds(plan)] == ["anchor"]


def test_totals_count_from_their_own_event() -> None:
    register = step(0, TimeLimit(days=7, unit="自然日"), completes=LimitStart.FILED)
    decide = step(1, TimeLimit(days=60, unit="自然日", starts="立案"))
    statutory = TimeLimit(days=90, unit="自然日", starts="立案")
    assert kinds(Plan((register, decide), TimeLimit(days=60, unit="自然日", starts="立案"), statutory)) == []
    # counted from the start instead, the same promises no longer fit: 立案 takes 7 of the 60 days
    assert kinds(Plan((register, decide), TimeLimit(days=60, unit="自然日"), statutory)) == [("total", None, 67, 60)]


def test_promise_against_statute_with_different_starting_points() -> None:
    accept = step(0, wd(3), completes=LimitStart.ACCEPTED)
    plan = Plan((accept,), wd(8), wd(5, "受理"))
    assert kinds(plan) == []  # the statute runs to day 3 + 5 = 8
    plan = Plan((step(0, wd(1), completes=LimitStart.ACCEPTED),), wd(8), wd(5, "受理"))
    assert kinds(plan) == [("record", None, 8, 6)]


def test_a_wording_adds_nothing_and_is_never_compared() -> None:
    monthly = TimeLimit(wording="办理次月发放")
    plan = Plan((step(0, wd(2)), step(1, monthly, statutory=wd(1))), wd(2), TimeLimit(wording="按月发给"))
    assert kinds(plan) == []


def test_mixed_units_are_compared_on_calendar_dates() -> None:
    plan = Plan((), TimeLimit(days=3, unit="工作日"), TimeLimit(days=7, unit="自然日"))
    from generator.limits.clock import CalendarWindow
    from generator.workdays import load_calendar

    window = CalendarWindow(load_calendar(), date(2024, 1, 1))
    found = findings(plan, window, date(2025, 6, 1))
    assert [(f.kind, f.start, f.end, f.deadline) for f in found] == [
        ("record", date(2024, 9, 27), date(2024, 10, 8), date(2024, 10, 4))]  # Sunday 29 September worked, then 国庆节
    relaxed = Plan((), TimeLimit(days=3, unit="工作日"), TimeLimit(days=14, unit="自然日"))
    assert findings(relaxed, window, date(2025, 6, 1)) == []
