"""What the site and `check` need from the manifests: per-record history and what is still unpublished."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from generator.catalogue import Catalogue, Entry
from generator.revisions.manifest import Revision, default_revisions_dir, load_revisions
from generator.revisions.redact import redact
from generator.revisions.snapshot import is_major


@dataclass(frozen=True)
class RecordChange:
    revision: Revision
    change: dict[str, Any]


@dataclass
class History:
    revisions: list[Revision]  # oldest first
    by_record: dict[str, list[RecordChange]] = field(default_factory=dict)  # newest first

    @property
    def latest(self) -> Revision | None:
        return self.revisions[-1] if self.revisions else None

    @property
    def abolished(self) -> dict[str, Any]:
        return self.latest.snapshot.get("abolished", {}) if self.latest else {}

    def of(self, record_id: str) -> list[RecordChange]:
        return self.by_record.get(record_id, [])

    def last_revision_of(self, record_id: str) -> Revision | None:
        changes = self.of(record_id)
        return changes[0].revision if changes else None

    def unpublished(self, catalogue: Catalogue) -> list[Entry]:
        """Substantive changes newer than the last revision (everything, before the first one).

        A secret power is public only through its entry in the 不公开事项目录: it is unpublished when that entry is
        not in the last revision, never because something else in it changed.
        """
        latest = self.latest
        listed = latest.snapshot.get("secret", []) if latest else []

        def pending(entry: Entry) -> bool:
            if entry.is_secret:
                return entry.record.listing() not in listed  # type: ignore[union-attr]
            return is_major(entry) and (latest is None or entry.record.changed_on > latest.date)

        return sorted((e for e in catalogue.entries.values() if pending(e)), key=lambda e: e.id)


def build_history(revisions: list[Revision]) -> History:
    history = History(revisions)
    for revision in reversed(revisions):
        for change in revision.public_changes:
            history.by_record.setdefault(change["id"], []).append(RecordChange(revision, change))
    return history


def load_history(catalogue_dir: Path, secret: set[str] = frozenset()) -> History:  # type: ignore[assignment]
    """The revisions beside the catalogue, with every record in `secret` (secret now) reduced to its name."""
    return build_history(redact(load_revisions(default_revisions_dir(catalogue_dir)), secret))


def newest_date(history: History) -> date | None:
    return history.latest.date if history.latest else None
