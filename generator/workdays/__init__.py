"""China's official working-day calendar, one data file per year, each citing its State Council notice.

A WorkCalendar never guesses; its `estimating()` view reckons years without their notice from the statutory
holidays, and `provisional_reason` says when an answer is provisional.
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
