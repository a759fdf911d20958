"""China's official working-day calendar, one data file per year, each citing its State Council notice."""

from generator.workdays.calendar import CalendarMissingError, WorkCalendar, default_calendar_dir, load_calendar

__all__ = ["CalendarMissingError", "WorkCalendar", "default_calendar_dir", "load_calendar"]
