"""The 20-working-day rule (政府信息公开条例 art. 26): publish within 20 working days of a change."""

from __future__ import annotations

from datetime import date

from generator.workdays import WorkCalendar

PUBLISH_WITHIN = 20  # working days
WARN_WITHIN = 5  # warn this many working days before the deadline


def deadline(calendar: WorkCalendar, changed_on: date) -> date:
    """The last working day on which the change may be published (raises CalendarMissingError, never guesses)."""
    return calendar.add_workdays(changed_on, PUBLISH_WITHIN)


def timing(calendar: WorkCalendar, changed_on: date, published_on: date) -> dict[str, object]:
    """Deadline and whether `published_on` met it, with the working days late (0 when on time)."""
    due = deadline(calendar, changed_on)
    late = max(0, calendar.workdays_between(due, published_on))
    return {"deadline": due.isoformat(), "on_time": published_on <= due, "late_workdays": late}
