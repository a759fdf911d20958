"""The working-day calendar against official arrangements (国办发明电 notices for 2024–2026)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generator.errors import GongkaiError
from generator.workdays import CalendarMissingError, WorkCalendar, load_calendar
from generator.workdays.data import CalendarDataError


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    return load_calendar()


@pytest.mark.parametrize("day", ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11", "2026-01-04", "2026-02-14", "2026-02-28", "2026-09-20", "2026-10-10", "2024-02-04", "2024-02-18"])
def test_make_up_weekends_are_workdays(cal: WorkCalendar, day: str) -> None:
    d = date.fromisoformat(day)
    assert d.weekday() >= 5 and cal.is_workday(d)


@pytest.mark.parametrize("start,end,name", [("2025-01-28", "2025-02-04", "春节"), ("2025-10-01", "2025-10-08", "国庆"), ("2026-02-15", "2026-02-23", "春节"), ("2026-10-01", "2026-10-07", "国庆")])
def test_long_holidays_are_not_workdays(cal: WorkCalendar, start: str, end: str, name: str) -> None:
    first, last = date.fromisoformat(start), date.fromisoformat(end)
    days = [date.fromordinal(o) for o in range(first.toordinal(), last.toordinal() + 1)]
    assert not any(cal.is_workday(d) for d in days)
    assert all(name in (cal.holiday_name(d) or "") for d in days)
    assert cal.is_workday(date.fromordinal(last.toordinal() + 1)) or date.fromordinal(last.toordinal() + 1).weekday() >= 5


def test_ordinary_days(cal: WorkCalendar) -> None:
    assert cal.is_workday(date(2025, 3, 12))  # Wednesday
    assert not cal.is_workday(date(2025, 3, 15))  # Saturday


def test_twenty_working_days_across_national_day(cal: WorkCalendar) -> None:
    # 26, 28 (调休), 29, 30 Sep; 9, 10, 11 (调休) Oct; 13–17, 20–24, 27–29 Oct.
    assert cal.add_workdays(date(2025, 9, 25), 20) == date(2025, 10, 29)


def test_twenty_working_days_across_spring_festival_2026(cal: WorkCalendar) -> None:
    # 2 Feb + 20: Feb 3–6 (4), 9–13 (9), 14 调休 (10), 24–27 (14), 28 调休 (15), Mar 2–6 (20).
    assert cal.add_workdays(date(2026, 2, 2), 20) == date(2026, 3, 6)


def test_year_boundary_2024_to_2025(cal: WorkCalendar) -> None:
    # 2025-01-01 元旦 is a holiday; 30, 31 Dec and 2, 3 Jan are working days.
    assert cal.add_workdays(date(2024, 12, 27), 4) == date(2025, 1, 3)
    assert cal.workdays_between(date(2024, 12, 27), date(2025, 1, 3)) == 4


def test_new_year_break_set_by_next_years_notice(cal: WorkCalendar) -> None:
    # The 2024 notice (国办发明电〔2023〕7号) made 30–31 Dec 2023 part of the 元旦 break.
    assert cal.holiday_name(date(2023, 12, 30)) == "元旦"


def test_unpublished_year_is_a_clear_error(cal: WorkCalendar) -> None:
    """The calendar itself never guesses: a year without its notice is an error naming the year and how to add it."""
    with pytest.raises(CalendarMissingError) as info:
        cal.add_workdays(date(2026, 12, 15), 20)
    assert isinstance(info.value, GongkaiError)
    assert "2027" in str(info.value) and "calendar/2027.yaml" in str(info.value) and "gongkai calendar add" in str(info.value)


def test_the_estimating_view_reckons_a_year_without_its_notice(cal: WorkCalendar) -> None:
    # 2026-12-15 + 20: Dec 16–18 (3), 21–25 (8), 28–31 (12), 2027: 1 Jan 元旦 (statutory), 4–8 (17), 11–13 (20).
    view = cal.estimating()
    assert view.add_workdays(date(2026, 12, 15), 20) == date(2027, 1, 13)
    assert view.provisional_reason(date(2026, 12, 15), date(2027, 1, 13)) == "2027 年节假日安排尚未收录，按法定节假日推算，调休未计入"
    assert view.provisional_reason(date(2026, 3, 2), date(2026, 3, 30)) is None
    assert view.years is cal.years and view.estimating() is view and not cal.estimate


def test_every_year_cites_its_notice(cal: WorkCalendar) -> None:
    assert cal.years[2025].notices[0].number == "国办发明电〔2024〕12号"
    assert cal.years[2026].notices[0].number == "国办发明电〔2025〕7号"
    assert all(y.notices and "国办发明电" in y.notices[0].number for y in cal.years.values())


def test_bad_data_file_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "2025.yaml").write_text("year: 2025\nholidays: []\nworkdays: []\n", encoding="utf-8")
    with pytest.raises(CalendarDataError, match="notices"):
        WorkCalendar(tmp_path)
    (tmp_path / "2025.yaml").write_text("year: 2025\nnotices: [{title: t, number: n}]\nworkdays: [{date: 2025-13-01, for: x}]\n", encoding="utf-8")
    with pytest.raises(CalendarDataError, match="2025-13-01"):
        WorkCalendar(tmp_path)
