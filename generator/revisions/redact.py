"""Secret now means absent everywhere now: a manifest as it may be published while some records are secret.

A record that was public in an earlier revision and is secret today keeps only its name in every revision (the
name is what the 不公开事项目录 publishes, and the revision pages still say that something was added, changed or
withdrawn then); its id, department, dates, notes, field differences and snapshot are removed. A redacted change
has no id, so it links nowhere and belongs to no record's history. Redaction is idempotent and only removes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

from generator.revisions.manifest import REDACTED_KEYS, Revision, rewrite_revision


def redacted_change(change: dict[str, Any]) -> dict[str, Any]:
    return {key: change[key] for key in REDACTED_KEYS}


def redact_data(data: dict[str, Any], secret: set[str]) -> dict[str, Any]:
    """A copy of one manifest's data without anything of the `secret` record ids but their names."""
    if not secret:
        return data
    changes = [redacted_change(c) if c.get("id") in secret else c for c in data["changes"]]
    snapshot = dict(data["snapshot"])
    snapshot["records"] = {k: v for k, v in snapshot["records"].items() if k not in secret}
    if "abolished" in snapshot:
        snapshot["abolished"] = {k: v for k, v in snapshot["abolished"].items() if k not in secret}
    return {**data, "changes": changes, "snapshot": snapshot}


def redact(revisions: Iterable[Revision], secret: set[str]) -> list[Revision]:
    return [Revision(redact_data(r.data, secret)) for r in revisions]


def mentions(data: dict[str, Any], secret: set[str]) -> bool:
    """Whether a manifest still holds anything of a record in `secret` beyond its name."""
    return redact_data(data, secret) != data


def redact_earlier(folder: Path, revisions: list[Revision], secret: set[str]) -> list[str]:
    """Rewrite the manifests in `folder` that hold more than the name of a record secret now; returns their ids.

    The repository is public, so a manifest in it is published as it stands: `revise` redacts the earlier ones
    once a record becomes secret. (Their earlier text stays in git history, which only a history rewrite removes.)
    """
    return [r.id for r in revisions if mentions(r.data, secret) and rewrite_revision(folder, Revision(redact_data(r.data, secret)))]
