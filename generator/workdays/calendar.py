"""Working days: Monday–Friday, minus official holidays, plus weekend make-up workdays (调休).

A year is exact once its State Council General Office notice is in calendar/<year>.yaml (usually published in
October–December of the year before). A WorkCalendar answers for such years only and raises CalendarMissingError
for any other: it never guesses. Its `estimating()` view also answers for a year without its notice, provisionally:
Monday–Friday minus the statutory holidays of 《全国年节及纪念日放假办法》 (statutory.py), without the notice's
调休. A provisional answer is never silent: `provisional_reason` says why a span of days may still change, and
every deadline computed with the view carries it as 暂定 (revisions/deadlines.py).

The last days of December are provisional too while the next year's notice is missing: that notice sets its 元旦
break and make-up days, and it has reached back into December (2018-12-29 was a make-up workday, set by the 2019
notice; 2006-12-30, 2007-12-29, 2011-12-31 likewise). From LATE_DECEMBER on, a known year waits for the next one.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from generator.errors import GongkaiError
from generator.paths import PROJECT_ROOT, display_path
from generator.workdays.data import REACH_BACK, YearData, parse_year
from generator.workdays.statutory import FIRST_YEAR, LAST_YEAR, days_off

FIRST_DAY = date(FIRST_YEAR, 1, 1)
LAST_DAY = date(LAST_YEAR, 12, 31)
LATE_DECEMBER = REACH_BACK  # (month, day): the earliest day a year's notice may set in the year before


class CalendarMissingError(GongkaiError):
    """A date falls in a year whose holiday arrangement is not in the calendar folder."""

    def __init__(self, year: int, path: Path) -> None:
        self.year = year
        self.path = path
        super().__init__(
            f"{year} 年的节假日安排尚未收录，无法确定工作日。"
            f"国务院办公厅发布《关于{year}年部分节假日安排的通知》后，请用 gongkai calendar add 收录（生成 {display_path(path)}），不要自行推算。"
        )


class CalendarRangeError(CalendarMissingError):
    """A date outside the years the calendar can reckon at all, even provisionally (a typo such as 9999-12-31).

    A CalendarMissingError too: a caller that stops where the calendar ends stops here as well.
    """

    def __init__(self, day: date) -> None:  # noqa: D107 — not the parent's (year, path): there is no file to add
        self.day = day
        self.year = day.year
        GongkaiError.__init__(self, f"日期 {day} 超出工作日历能推算的范围（{FIRST_DAY} 至 {LAST_DAY}）。")


def default_calendar_dir(catalogue: Path | None = None) -> Path:
    """calendar/ beside the catalogue, else the project's own data (as for flowcharts/)."""
    if catalogue is not None:
        beside = catalogue.resolve().parent / "calendar"
        if beside.is_dir():
            return beside
    return PROJECT_ROOT / "calendar"


def unknown_years_reason(years: list[int]) -> str:
    shown = "、".join(str(y) for y in years)
    return f"{shown} 年节假日安排尚未收录，按法定节假日推算，调休未计入"


def late_december_reason(year: int) -> str:
    month, day = LATE_DECEMBER
    return f"{year + 1} 年节假日安排尚未收录，其元旦调休可能改变 {year} 年 {month} 月 {day} 日以后的工作日"


class WorkCalendar:
    def __init__(self, folder: Path, years: list[YearData] | None = None, estimate: bool = False) -> None:
        self.folder = folder
        self.estimate = estimate  # answer for years without their notice (provisionally) instead of raising
        self.years: dict[int, YearData] = {}
        self.holidays: dict[date, str] = {}
        self.workdays: dict[date, str] = {}
        for data in years if years is not None else [parse_year(p) for p in year_files(folder)]:
            self.years[data.year] = data
            # A notice may reach into the neighbouring year (e.g. a 元旦 break starting on 30 December).
            self.holidays.update(data.holidays)
            self.workdays.update(data.workdays)

    def estimating(self) -> WorkCalendar:
        """The same years, also answering (provisionally) for years without their notice; never raises for them."""
        if self.estimate:
            return self
        view = WorkCalendar(self.folder, [], estimate=True)
        view.years, view.holidays, view.workdays = self.years, self.holidays, self.workdays
        return view

    def with_year(self, data: YearData) -> WorkCalendar:
        """This calendar with one year added or replaced (what `gongkai calendar add` compares against)."""
        return WorkCalendar(self.folder, [y for y in self.years.values() if y.year != data.year] + [data], self.estimate)

    def _known(self, day: date) -> bool:
        """Whether a notice settles `day`'s year; raises when it does not and this calendar does not estimate."""
        if not FIRST_DAY <= day <= LAST_DAY:
            raise CalendarRangeError(day)
        if day.year in self.years:
            return True
        if not self.estimate:
            raise CalendarMissingError(day.year, self.folder / f"{day.year}.yaml")
        return False

    def is_workday(self, day: date) -> bool:
        """Exact for a year with its notice; for one without, provisional (estimating view) or CalendarMissingError."""
        known = self._known(day)
        if day in self.workdays:
            return True
        if day.weekday() >= 5 or day in self.holidays:
            return False
        return known or day not in days_off(day.year)

    def holiday_name(self, day: date) -> str | None:
        if self._known(day) or day in self.holidays:
            return self.holidays.get(day)
        return days_off(day.year).get(day)

    def add_workdays(self, start: date, count: int) -> date:
        """The `count`-th working day after `start` (the start day itself is not counted)."""
        if not FIRST_DAY <= start <= LAST_DAY:
            raise CalendarRangeError(start)  # before stepping: 9999-12-31 + 1 day would overflow
        day, left = start, count
        while left > 0:
            day += timedelta(days=1)
            if self.is_workday(day):
                left -= 1
        return day

    def workdays_between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end` (negative when `end` is earlier)."""
        if end < start:
            return -self.workdays_between(end, start)
        for day in (start, end):
            if not FIRST_DAY <= day <= LAST_DAY:
                raise CalendarRangeError(day)
        day, count = start, 0
        while day < end:
            day += timedelta(days=1)
            count += self.is_workday(day)
        return count

    def provisional_reason(self, start: date, end: date) -> str | None:
        """Why the working days between `start` and `end` may still change; None when a notice settles each of them."""
        first, last = min(start, end), max(start, end)
        missing = [y for y in range(first.year, last.year + 1) if y not in self.years]
        if missing:
            return unknown_years_reason(missing)
        if last >= date(last.year, *LATE_DECEMBER) and last.year + 1 not in self.years:
            return late_december_reason(last.year)
        return None


def year_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("[0-9][0-9][0-9][0-9].yaml"))


@lru_cache(maxsize=8)
def _cached(folder: str, stamp: tuple) -> WorkCalendar:
    return WorkCalendar(Path(folder))


def _stamp(folder: Path) -> tuple:
    """The year files' names, sizes and times: a year added in this process (calendar add, tests) is seen at once."""
    stamp = []
    for path in year_files(folder):
        try:
            stat = path.stat()
        except OSError:
            continue
        stamp.append((path.name, stat.st_size, stat.st_mtime_ns))
    return tuple(stamp)


def load_calendar(folder: Path | None = None) -> WorkCalendar:
    """The calendar for a folder (default: the project's calendar/), parsed once per process and content."""
    resolved = (folder or default_calendar_dir()).resolve()
    return _cached(str(resolved), _stamp(resolved))
