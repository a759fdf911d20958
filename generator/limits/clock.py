"""Adding a time limit to a point in time.

A timeline whose limits share one unit is counted in that unit (points are whole numbers: exact on any date).
A timeline that mixes 工作日 and 自然日 can only be compared on real dates, through the working-day calendar:
points are dates, and every working day comes from the calendar's public `is_workday`.
"""

from __future__ import annotations

import bisect
from datetime import date, timedelta

from generator.models.common import DayUnit
from generator.workdays import CalendarMissingError, WorkCalendar

Point = int | date


class OutsideCalendar(Exception):
    """A date this timeline needs lies in a year the calendar cannot answer for."""


class UnitClock:
    """Every limit of the timeline is in `unit`: a point is a count of that unit since the start."""

    def __init__(self, unit: DayUnit) -> None:
        self.unit = unit

    def add(self, point: Point, days: int, unit: DayUnit) -> Point:
        return point + days  # type: ignore[operator]


class WorkdayIndex:
    """The working days after `first`, read once from the calendar, so that adding n working days is a lookup.

    `add` gives what WorkCalendar.add_workdays gives (the n-th working day after the start, the start day not
    counted); the index only saves asking the calendar day by day again for every record and start date.
    """

    CHUNK = 366

    def __init__(self, calendar: WorkCalendar, first: date) -> None:
        self.calendar = calendar
        self.first = first
        self.last = first  # the index covers (first, last]
        self.workdays: list[date] = []
        self.complete = False  # the calendar ran out of years

    def _extend(self) -> None:
        if self.complete:
            raise OutsideCalendar()
        day = self.last
        for _ in range(self.CHUNK):
            day += timedelta(days=1)
            try:
                if self.calendar.is_workday(day):
                    self.workdays.append(day)
            except CalendarMissingError:
                self.complete = True
                break
            self.last = day

    def _count_through(self, day: date) -> int:
        """Working days in (first, day]."""
        while day > self.last:
            self._extend()
        return bisect.bisect_right(self.workdays, day)

    def is_workday(self, day: date) -> bool:
        while day > self.last:
            self._extend()
        i = bisect.bisect_left(self.workdays, day)
        return i < len(self.workdays) and self.workdays[i] == day

    def add_workdays(self, start: date, count: int) -> date:
        if count == 0:
            return start
        target = self._count_through(start) + count  # 1-based position of the working day sought
        while len(self.workdays) < target:
            self._extend()
        return self.workdays[target - 1]


class DateClock:
    """Points are dates; 自然日 add calendar days, 工作日 add working days."""

    def __init__(self, index: WorkdayIndex) -> None:
        self.index = index

    def add(self, point: Point, days: int, unit: DayUnit) -> Point:
        assert isinstance(point, date)
        if unit is DayUnit.CALENDAR:
            return point + timedelta(days=days)
        return self.index.add_workdays(point, days)


class CalendarWindow:
    """The start dates a mixed-unit timeline is tried on: every working day within a year either side of the
    record's change date that the calendar covers (holiday breaks recur every year, so a promise that can overrun
    on one of them is caught whatever year the editor happens to be in)."""

    def __init__(self, calendar: WorkCalendar, earliest: date) -> None:
        self.index = self._index(calendar, earliest.year)

    @staticmethod
    def _index(calendar: WorkCalendar, year: int) -> WorkdayIndex | None:
        for probe in range(year, year + 4):  # the first year from `year` on that the calendar covers
            try:
                calendar.is_workday(date(probe, 1, 1))
            except CalendarMissingError:
                continue
            return WorkdayIndex(calendar, date(probe - 1, 12, 31))
        return None

    def starts(self, around: date) -> list[date]:
        index = self.index
        if index is None:
            return []
        low, high = around - timedelta(days=365), around + timedelta(days=365)
        try:
            index.is_workday(high)
        except OutsideCalendar:
            pass  # the calendar ends before `high`: try the dates it covers
        days = index.workdays
        return days[bisect.bisect_left(days, low):bisect.bisect_left(days, high)]

    def clock(self) -> DateClock | None:
        return DateClock(self.index) if self.index else None
