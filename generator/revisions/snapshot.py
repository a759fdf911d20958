"""The public snapshot of a catalogue: what a revision stores so that history needs no git and no old YAML.

Secret powers contribute only their non-disclosure entry (name, reason, basis) — never an id or any other field.
"""

from __future__ import annotations

from typing import Any

from generator.catalogue import Catalogue, Entry
from generator.models.record import ChangeKind

META_FIELDS = ("changed_on", "change_note", "change_kind")
# Where the home page files a record (个人办事 / 法人办事, life events, themes: generator/models/ways.py) is the site's
# navigation, not disclosed content: tagging a record is no revision and starts no 20-working-day clock.
NAVIGATION_FIELDS = ("audiences", "life_events", "themes")


def record_fields(entry: Entry) -> dict[str, Any]:
    """The record's own public fields as JSON values; defaults dropped so a new optional model field is no change."""
    data = entry.record.model_dump(mode="json", exclude_defaults=True)
    for key in META_FIELDS + NAVIGATION_FIELDS:
        data.pop(key, None)
    return data


def record_snapshot(entry: Entry) -> dict[str, Any]:
    record = entry.record
    return {
        "kind": entry.kind,
        "name": entry.name,
        "department": entry.department.id,
        "department_name": entry.department.name,
        "changed_on": record.changed_on.isoformat(),
        "change_note": record.change_note,
        "change_kind": record.change_kind.value,
        "fields": record_fields(entry),
    }


def catalogue_snapshot(catalogue: Catalogue) -> dict[str, Any]:
    records = {e.id: record_snapshot(e) for e in sorted(catalogue.public(), key=lambda e: e.id)}
    secret = sorted((e.record.listing() for e in catalogue.secret_powers()), key=lambda s: (s["name"], s["reason"], s["basis"]))
    departments = {d.id: d.record.name for d in sorted(catalogue.departments.values(), key=lambda d: d.id)}
    return {"records": records, "secret": secret, "departments": departments}


def is_major(entry: Entry) -> bool:
    return entry.record.change_kind is ChangeKind.MAJOR
