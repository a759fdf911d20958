"""Working days: Monday–Friday, minus official holidays, plus weekend make-up workdays (调休).

A year without a data file is an error, never a guess: China's working days are only known once the
State Council General Office publishes that year's notice (usually in October–December of the year before).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from generator.errors import GongkaiError
from generator.paths import PROJECT_ROOT, display_path
from generator.workdays.data import YearData, parse_year


class CalendarMissingError(GongkaiError):
    """A date falls in a year whose holiday arrangement is not in the calendar folder."""

    def __init__(self, year: int, path: Path) -> None:
        self.year = year
        self.path = path
        super().__init__(
            f"{year} 年的节假日安排尚未收录，无法计算工作日。"
            f"国务院办公厅发布《关于{year}年部分节假日安排的通知》后，请按其他年份的格式新建 {display_path(path)}"
            f"（放假日期、调休上班日期和通知文号），不要自行推算。"
        )


def default_calendar_dir(catalogue: Path | None = None) -> Path:
    """calendar/ beside the catalogue, else the project's own data (as for flowcharts/)."""
    if catalogue is not None:
        beside = catalogue.resolve().parent / "calendar"
        if beside.is_dir():
            return beside
    return PROJECT_ROOT / "calendar"


class WorkCalendar:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.years: dict[int, YearData] = {}
        self.holidays: dict[date, str] = {}
        self.workdays: dict[date, str] = {}
        for path in sorted(folder.glob("[0-9][0-9][0-9][0-9].yaml")):
            data = parse_year(path)
            self.years[data.year] = data
            # A notice may reach into the neighbouring year (e.g. a 元旦 break starting on 30 December).
            self.holidays.update(data.holidays)
            self.workdays.update(data.workdays)

    def _require(self, day: date) -> None:
        if day.year not in self.years:
            raise CalendarMissingError(day.year, self.folder / f"{day.year}.yaml")

    def is_workday(self, day: date) -> bool:
        self._require(day)
        if day in self.workdays:
            return True
        return day.weekday() < 5 and day not in self.holidays

    def holiday_name(self, day: date) -> str | None:
        self._require(day)
        return self.holidays.get(day)

    def add_workdays(self, start: date, count: int) -> date:
        """The `count`-th working day after `start` (the start day itself is not counted)."""
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
        day, count = start, 0
        while day < end:
            day += timedelta(days=1)
            count += self.is_workday(day)
        return count


@lru_cache(maxsize=8)
def _cached(folder: str) -> WorkCalendar:
    return WorkCalendar(Path(folder))


def load_calendar(folder: Path | None = None) -> WorkCalendar:
    """The calendar for a folder (default: the project's calendar/), parsed once per process."""
    return _cached(str((folder or default_calendar_dir()).resolve()))
