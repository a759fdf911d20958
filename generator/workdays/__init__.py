"""China's official working-day calendar, one data file per year, each citing its State Council notice.

Years without their notice are reckoned provisionally from the statutory holidays; ask `provisional_reason`.
"""

from generator.workdays.calendar import (
    CalendarMissingError,
    CalendarRangeError,
    WorkCalendar,
    default_calendar_dir,
    load_calendar,
)
from generator.workdays.data import CalendarDataError

__all__ = ["CalendarDataError", "CalendarMissingError", "CalendarRangeError", "WorkCalendar", "default_calendar_dir", "load_calendar"]
