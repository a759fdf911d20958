"""The statutory holidays of 《全国年节及纪念日放假办法》, for years whose State Council notice is not in calendar/.

第二条 fixes the days every citizen has off; 第六条: "全体公民放假的假日，如果适逢周六、周日，应当在工作日补假。"
What the notice adds on top (调休: weekends turned into workdays to bridge a longer break) is not knowable in
advance, so a working day computed from these rules is provisional and is always shown as 暂定.

Lunar dates (除夕, 正月初一, 端午, 中秋) and the solar term 清明 come from borax (MIT), never from a table of our own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Callable

from borax.calendars.lunardate import LunarDate, TermUtils

FIRST_YEAR = 2008  # the 2007 amendment (国务院令第513号, in force 2008-01-01) is the oldest version encoded here
LAST_YEAR = 2099  # borax's lunar data ends with lunar year 2100; 2099 is the last solar year fully covered

DayRule = Callable[[int], list[date]]


def _lunar(month: int, day: int) -> DayRule:
    return lambda year: [LunarDate(year, month, day).to_solar_date()]


def _fixed(month: int, *days: int) -> DayRule:
    return lambda year: [date(year, month, d) for d in days]


def _spring(with_eve: bool, days: int) -> DayRule:
    """正月初一 onwards for `days` days, preceded by 除夕 (the last day of the 12th lunar month) when `with_eve`."""

    def rule(year: int) -> list[date]:
        first = LunarDate(year, 1, 1).to_solar_date()
        start = first - timedelta(days=1) if with_eve else first
        return [start + timedelta(days=i) for i in range(days + with_eve)]

    return rule


def _qingming(year: int) -> list[date]:
    return [TermUtils.nth_term_day(year, term_name="清明")]


@dataclass(frozen=True)
class Version:
    in_force: int  # the first year the version governs (every amendment took effect on 1 January)
    source: str
    festivals: tuple[tuple[str, DayRule], ...]

    def counts(self, year: int) -> dict[str, int]:
        return {name: len(rule(year)) for name, rule in self.festivals}


def _festivals(spring: DayRule, labour: DayRule) -> tuple[tuple[str, DayRule], ...]:
    """第二条's seven festivals in calendar order; only 春节 and 劳动节 have changed since 2008."""
    return (("元旦", _fixed(1, 1)), ("春节", spring), ("清明节", _qingming), ("劳动节", labour),
            ("端午节", _lunar(5, 5)), ("中秋节", _lunar(8, 15)), ("国庆节", _fixed(10, 1, 2, 3)))


# 第二条 as amended, oldest first. Each text was read before it was encoded (see content/editing/calendar.md).
VERSIONS = (
    Version(2008, "国务院令第513号（2007年12月14日）", _festivals(_spring(True, 2), _fixed(5, 1))),  # 除夕、正月初一、初二
    Version(2014, "国务院令第644号（2013年12月11日）", _festivals(_spring(False, 3), _fixed(5, 1))),  # 正月初一、初二、初三
    Version(2025, "国务院令第795号（2024年11月10日）", _festivals(_spring(True, 3), _fixed(5, 1, 2))),  # 除夕、正月初一至初三
)
FESTIVALS = tuple(name for name, _ in VERSIONS[-1].festivals)


def version_for(year: int) -> Version:
    return next(v for v in reversed(VERSIONS) if v.in_force <= year)


def statutory_days(year: int) -> list[tuple[date, str]]:
    """Every statutory day off of `year` under the version then in force, in date order (a day may appear twice:
    when 中秋 falls on 1 October both festivals claim it)."""
    days = [(day, name) for name, rule in version_for(year).festivals for day in rule(year)]
    return sorted(days, key=lambda item: (item[0], FESTIVALS.index(item[1])))


@lru_cache(maxsize=None)
def days_off(year: int) -> dict[date, str]:
    """Weekdays off in `year` by 第二条 and 第六条: a statutory day on a weekend (or already taken by another
    festival) is made up on the next free weekday — the 补休 every notice has given, e.g. 2017-01-02 for 元旦.
    Cached per year; callers only read the dict."""
    off: dict[date, str] = {}
    for day, name in statutory_days(year):
        while day.weekday() >= 5 or day in off:
            day += timedelta(days=1)
        off[day] = name
    return off
