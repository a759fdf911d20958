"""When a span of working days is provisional: a year without its notice, and the late-December rule."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generator.errors import GongkaiError
from generator.workdays import CalendarMissingError, CalendarRangeError, WorkCalendar, load_calendar
from generator.workdays.calendar import LATE_DECEMBER, late_december_reason
from generator.workdays.data import Notice, YearData

CALENDAR = Path(__file__).resolve().parents[2] / "calendar"


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    return load_calendar(CALENDAR).estimating()


def test_late_december_rule_starts_on_the_twentieth(cal: WorkCalendar) -> None:
    assert LATE_DECEMBER == (12, 20)
    assert cal.provisional_reason(date(2026, 11, 20), date(2026, 12, 19)) is None
    assert cal.provisional_reason(date(2026, 11, 20), date(2026, 12, 20)) == late_december_reason(2026)
    assert "2027 年节假日安排尚未收录" in late_december_reason(2026) and "2026 年 12 月 20 日" in late_december_reason(2026)


def test_late_december_of_a_year_whose_successor_is_known_is_exact(cal: WorkCalendar) -> None:
    assert cal.provisional_reason(date(2025, 11, 25), date(2025, 12, 23)) is None  # 2026's notice is in calendar/


def test_the_next_notice_settles_late_december(cal: WorkCalendar) -> None:
    """2019's notice made Saturday 2018-12-29 a workday. A (made-up, test-only) 2027 arrangement of the same shape
    moves a December 2026 deadline one day earlier, and the deadline stops being provisional."""
    made_up = YearData(2027, (Notice("测试用虚构通知", "测试〔2026〕1号", "2026-11-01"),),
                       {date(2026, 12, 31): "元旦", date(2027, 1, 1): "元旦"}, {date(2026, 12, 26): "元旦"})
    start = date(2026, 12, 1)
    assert cal.add_workdays(start, 20) == date(2026, 12, 29) and cal.provisional_reason(start, date(2026, 12, 29))
    settled = cal.with_year(made_up)
    assert settled.add_workdays(start, 20) == date(2026, 12, 28)  # the made-up Saturday counts
    assert settled.provisional_reason(start, date(2026, 12, 28)) is None
    assert not settled.is_workday(date(2026, 12, 31)) and cal.is_workday(date(2026, 12, 31))


@pytest.mark.parametrize("day", [date(9999, 12, 31), date(2100, 1, 1), date(2007, 12, 31), date(1, 1, 1)])
def test_far_dates_are_a_chinese_error_not_an_overflow(cal: WorkCalendar, day: date) -> None:
    with pytest.raises(CalendarRangeError) as info:
        cal.add_workdays(day, 20)
    assert isinstance(info.value, GongkaiError) and "超出工作日历能推算的范围" in str(info.value)
    with pytest.raises(CalendarRangeError):
        cal.is_workday(day)


def test_a_deadline_running_past_the_last_year_is_a_range_error(cal: WorkCalendar) -> None:
    with pytest.raises(CalendarRangeError, match="2100-01-01"):
        cal.add_workdays(date(2099, 12, 20), 20)


def test_a_range_error_is_a_missing_calendar_too() -> None:
    """Callers that stop where the calendar ends (catching CalendarMissingError) also stop at its last year."""
    with pytest.raises(CalendarMissingError):
        load_calendar(CALENDAR).is_workday(date(9999, 12, 31))
