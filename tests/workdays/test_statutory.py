"""The provisional rule: Monday–Friday minus the statutory holidays of 《全国年节及纪念日放假办法》, lunar dates and
清明 from borax. Checked against hand-counted years and against every notice in calendar/."""

from __future__ import annotations

from datetime import date

import chinese_calendar
import pytest

from generator.workdays import WorkCalendar, load_calendar
from generator.workdays.statutory import FIRST_YEAR, LAST_YEAR, days_off, statutory_days, version_for


def _days(*items: str) -> list[date]:
    return [date.fromisoformat(i) for i in items]


def test_2027_statutory_days_under_the_2024_text() -> None:
    # 除夕 2027-02-05 (Fri), 正月初一–初三 6–8 Feb; 清明 5 Apr; 端午 9 Jun; 中秋 15 Sep.
    assert [d for d, _ in statutory_days(2027)] == _days(
        "2027-01-01", "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-04-05", "2027-05-01", "2027-05-02",
        "2027-06-09", "2027-09-15", "2027-10-01", "2027-10-02", "2027-10-03",
    )


def test_2027_weekend_days_are_made_up_on_the_next_free_weekday() -> None:
    """第六条: 初一 and 初二 fall on Sat/Sun → 9 and 10 Feb; 劳动节 on Sat/Sun → 3, 4 May; 国庆 2, 3 Oct → 4, 5 Oct."""
    off = days_off(2027)
    assert sorted(off) == _days(
        "2027-01-01", "2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10", "2027-04-05", "2027-05-03", "2027-05-04",
        "2027-06-09", "2027-09-15", "2027-10-01", "2027-10-04", "2027-10-05",
    )
    assert all(d.weekday() < 5 for d in off) and off[date(2027, 2, 9)] == "春节"


def test_2028_new_year_on_a_saturday_and_mid_autumn_inside_national_day() -> None:
    # 2028-01-01 is a Saturday → Monday 3 Jan; 中秋 3 Oct shares a day with 国庆: four weekdays off, 2–5 Oct.
    off = days_off(2028)
    assert date(2028, 1, 3) in off and date(2028, 1, 1) not in off
    assert [d for d in sorted(off) if d.month == 10] == _days("2028-10-02", "2028-10-03", "2028-10-04", "2028-10-05")
    assert sorted(d for d, n in statutory_days(2028) if n == "春节") == _days("2028-01-25", "2028-01-26", "2028-01-27", "2028-01-28")
    assert len(off) == 13  # 第二条: 1 + 4 + 1 + 2 + 1 + 1 + 3


@pytest.mark.parametrize("year,spring,labour", [(2013, 3, 1), (2014, 3, 1), (2024, 3, 1), (2025, 4, 2)])
def test_each_amendment_governs_from_its_year(year: int, spring: int, labour: int) -> None:
    counts = version_for(year).counts(year)
    assert (counts["春节"], counts["劳动节"]) == (spring, labour)
    eve = [d for d, n in statutory_days(year) if n == "春节"][0]
    from borax.calendars.lunardate import LunarDate

    assert (LunarDate.from_solar_date(eve.year, eve.month, eve.day).month == 12) == (year < 2014 or year >= 2025)  # 除夕 or 初一


def test_every_statutory_day_of_a_known_year_lies_in_its_notices_break() -> None:
    """The rule against the real notices 2020–2026: what it calls a statutory day, the notice gave off."""
    cal = load_calendar()
    for year in cal.years:
        for day, name in statutory_days(year):
            assert name in (cal.holidays.get(day) or ""), (year, day, name)


def test_qingming_agrees_with_a_second_library() -> None:
    """borax's 清明 against chinese-calendar's solar terms for every year the calendar can reckon."""
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        ours = [d for d, n in statutory_days(year) if n == "清明节"]
        theirs = [d for d, term in chinese_calendar.get_solar_terms(date(year, 4, 1), date(year, 4, 10)) if term == "清明"]
        assert ours == theirs, year


def test_provisional_years_use_the_rule(tmp_path) -> None:  # noqa: ANN001
    empty = WorkCalendar(tmp_path, [], estimate=True)
    assert not empty.is_workday(date(2027, 2, 9))  # 补休 for 初一
    assert empty.is_workday(date(2027, 2, 11))
    assert not empty.is_workday(date(2027, 2, 13))  # Saturday: no 调休 is ever guessed
    assert empty.holiday_name(date(2027, 10, 4)) == "国庆节"
