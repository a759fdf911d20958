"""The working-day index answers exactly what the calendar's own add_workdays answers, only faster."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from generator.limits.clock import CalendarWindow, OutsideCalendar, WorkdayIndex
from generator.workdays import CalendarMissingError, load_calendar

CALENDAR = load_calendar()


@pytest.mark.parametrize("count", [0, 1, 2, 3, 5, 7, 10, 20, 45])
def test_index_adds_working_days_like_the_calendar(count: int) -> None:
    index = WorkdayIndex(CALENDAR, date(2023, 12, 31))
    day = date(2024, 1, 1)
    while day < date(2025, 6, 30):
        assert index.add_workdays(day, count) == CALENDAR.add_workdays(day, count), (day, count)
        day += timedelta(days=3)


def test_index_knows_make_up_workdays_and_holidays() -> None:
    index = WorkdayIndex(CALENDAR, date(2024, 12, 31))
    assert index.is_workday(date(2025, 9, 28))  # a Sunday worked for 国庆节
    assert not index.is_workday(date(2025, 10, 3))
    assert index.add_workdays(date(2025, 9, 30), 1) == date(2025, 10, 9)


class OneYear:
    """A calendar that knows 2025 only (Monday to Friday), as a calendar without next year's notice."""

    def is_workday(self, day: date) -> bool:
        if day.year != 2025:
            raise CalendarMissingError(day.year, Path(f"{day.year}.yaml"))
        return day.weekday() < 5


def test_index_stops_where_the_calendar_ends() -> None:
    index = WorkdayIndex(OneYear(), date(2024, 12, 31))  # type: ignore[arg-type]
    assert index.add_workdays(date(2025, 12, 1), 5) == date(2025, 12, 8)
    with pytest.raises(OutsideCalendar):
        index.add_workdays(date(2025, 12, 20), 30)


def test_window_tries_working_days_a_year_either_side() -> None:
    window = CalendarWindow(CALENDAR, date(2024, 1, 1))
    starts = window.starts(date(2025, 1, 1))
    assert starts[0] == date(2024, 1, 2) and starts[-1] == date(2025, 12, 31)
    assert all(CALENDAR.is_workday(d) for d in starts[::17])
    assert date(2024, 2, 4) in starts  # a Sunday worked for 春节 is a day applications arrive


def test_window_covers_only_the_years_the_calendar_knows() -> None:
    window = CalendarWindow(OneYear(), date(2024, 1, 1))  # type: ignore[arg-type]
    starts = window.starts(date(2025, 6, 1))
    assert starts[0] == date(2025, 1, 1) and starts[-1] == date(2025, 12, 31)
    assert CalendarWindow(OneYear(), date(2030, 1, 1)).starts(date(2030, 6, 1)) == []  # type: ignore[arg-type]
