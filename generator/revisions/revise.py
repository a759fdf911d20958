"""Cut a revision: compare the resolved catalogue with the last revision's snapshot and describe every change."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from generator.catalogue import Catalogue, Entry
from generator.errors import GongkaiError
from generator.revisions.deadlines import timing
from generator.revisions.diff import field_diffs
from generator.revisions.manifest import FORMAT, REVISION_ID, Revision
from generator.revisions.redact import redacted_change
from generator.revisions.snapshot import catalogue_snapshot, is_major
from generator.workdays import CalendarRangeError, WorkCalendar


NOTHING_TO_REVISE = "与上一次修订相比没有任何变更，不需要生成新的修订。"


@dataclass(frozen=True)
class Abolition:
    reason: str
    on: date | None = None  # default: the revision date


@dataclass(frozen=True)
class RevisionRequest:
    id: str | None = None
    date: date | None = None
    note: str = ""
    abolish: dict[str, Abolition] | None = None
    baseline: bool = False  # first revision of records already published elsewhere: no deadlines to judge


def _base(entry_snapshot: dict[str, Any], record_id: str, action: str) -> dict[str, Any]:
    return {
        "id": record_id,
        "action": action,
        "kind": entry_snapshot["kind"],
        "name": entry_snapshot["name"],
        "department": entry_snapshot["department"],
        "department_name": entry_snapshot["department_name"],
    }


def _record_change(entry: Entry, old: dict | None, new: dict, last_date: date | None) -> dict[str, Any] | None:
    """added / changed / correction for one current record, or None when it did not change."""
    if old is None:
        action = "added"
    elif old["fields"] == new["fields"] and (old["changed_on"], old["change_note"]) == (new["changed_on"], new["change_note"]):
        return None
    elif not is_major(entry):
        action = "correction"
    elif old["fields"] == new["fields"] and last_date and entry.record.changed_on <= last_date:
        return None  # only the note was reworded: nothing the public must be told
    else:
        action = "changed"
    change = _base(new, entry.id, action)
    change.update(changed_on=new["changed_on"], change_note=new["change_note"], change_kind=new["change_kind"])
    change["fields"] = field_diffs(entry.kind, old["fields"] if old else {}, new["fields"]) if old else []
    return change


def _removed(record_id: str, old: dict, catalogue: Catalogue, abolish: dict[str, Abolition], on: date) -> dict[str, Any]:
    current = catalogue.entries.get(record_id)
    if current is not None and current.is_secret:
        return redacted_change({"action": "withdrawn", "name": old["name"]})  # secret now: keep nothing of it but its name
    abolition = abolish[record_id]
    change = _base(old, record_id, "abolished")
    when = abolition.on or on
    change.update(changed_on=when.isoformat(), change_note=abolition.reason, change_kind="实质变更", reason=abolition.reason, fields=[], last=old)
    return change


def _default_date(catalogue: Catalogue, previous: Revision | None) -> date:
    dates = [e.record.changed_on for e in catalogue.entries.values()]
    newest = max(dates, default=previous.date if previous else None)
    if newest is None:
        raise GongkaiError("目录中没有任何记录，无法生成修订。")
    return max(newest, previous.date) if previous else newest


def _revision_id(requested: str | None, on: date, taken: set[str]) -> str:
    if requested:
        if not REVISION_ID.match(requested):
            raise GongkaiError(f"修订编号“{requested}”不合规：须以数字开头，只用小写字母、数字和连字符，例如 2025-06-30。")
        if requested in taken:
            raise GongkaiError(f"修订编号“{requested}”已被使用。")
        return requested
    candidate, n = on.isoformat(), 2
    while candidate in taken:
        candidate, n = f"{on.isoformat()}-{n}", n + 1
    return candidate


def _abolished_index(previous: Revision | None, changes: list[dict], rev_id: str, current: set[str]) -> dict[str, Any]:
    """Every record ever abolished, with its last public snapshot, so it stays findable from the newest manifest."""
    index = {k: v for k, v in (previous.snapshot.get("abolished", {}) if previous else {}).items() if k not in current}
    for c in changes:
        if c["action"] == "abolished":
            index[c["id"]] = {"abolished_on": c["changed_on"], "reason": c["reason"], "revision": rev_id, "last": c["last"]}
    return index


def _current_changes(catalogue: Catalogue, snapshot: dict, old_records: dict, last_date: date | None) -> tuple[list[dict], list[str]]:
    changes, warnings = [], []
    for record_id, new in snapshot["records"].items():
        change = _record_change(catalogue.entries[record_id], old_records.get(record_id), new, last_date)
        if change is None:
            continue
        if change["action"] == "changed" and last_date and date.fromisoformat(change["changed_on"]) <= last_date:
            warnings.append(f"{record_id}：内容有实质变更，但变更日期 {change['changed_on']} 不晚于上一次修订，请更新 changed_on 和 change_note。")
        changes.append(change)
    return changes, warnings


def _removed_changes(catalogue: Catalogue, snapshot: dict, old_records: dict, abolish: dict[str, Abolition], on: date) -> list[dict]:
    removed = sorted(set(old_records) - set(snapshot["records"]))
    stray = sorted(set(abolish) - set(removed))
    if stray:
        raise GongkaiError("--abolish 指定的记录不在上一次修订中或仍在目录中：" + "、".join(stray) + "。")
    missing = [r for r in removed if r not in abolish and not (r in catalogue.entries and catalogue.entries[r].is_secret)]
    if missing:
        raise GongkaiError("以下记录已从目录中删除，请说明取消原因：" + "、".join(missing) + "。用法：--abolish 编号=取消原因（可写作 编号@YYYY-MM-DD=原因 指定取消日期）。")
    return [_removed(r, old_records[r], catalogue, abolish, on) for r in removed]


def _time_changes(changes: list[dict], on: date, calendar: WorkCalendar) -> None:
    """Deadline and on-time for every public change; a deadline in a year without its notice is kept as 暂定."""
    for change in changes:
        if change["action"] in ("added", "changed", "abolished"):
            changed_on = date.fromisoformat(change["changed_on"])
            if changed_on > on:
                raise GongkaiError(f"{change['id']} 的变更日期 {changed_on} 晚于修订日期 {on}。")
            try:
                change.update(timing(calendar, changed_on, on))
            except CalendarRangeError as exc:  # only a far --date gets here: check has vetted every changed_on
                raise GongkaiError(f"修订日期 {on} 有误：{exc}") from None


def cut_revision(catalogue: Catalogue, previous: Revision | None, taken: set[str], request: RevisionRequest, calendar: WorkCalendar) -> tuple[Revision, list[str]]:
    """The next revision and warnings for the author. Raises GongkaiError when there is nothing to revise."""
    on = request.date or _default_date(catalogue, previous)
    if previous and on < previous.date:
        raise GongkaiError(f"修订日期 {on} 早于上一次修订 {previous.id}（{previous.date}）。")
    if request.baseline and previous is not None:
        raise GongkaiError("--baseline 只能用于第一次修订。")
    snapshot = catalogue_snapshot(catalogue)
    old_records = previous.snapshot["records"] if previous else {}
    changes, warnings = _current_changes(catalogue, snapshot, old_records, previous.date if previous else None)
    changes += _removed_changes(catalogue, snapshot, old_records, request.abolish or {}, on)
    old_secret, new_secret = (previous.snapshot["secret"] if previous else []), snapshot["secret"]
    secret = {"added": [s for s in new_secret if s not in old_secret], "removed": [s for s in old_secret if s not in new_secret]}
    if not changes and not secret["added"] and not secret["removed"]:
        raise GongkaiError(NOTHING_TO_REVISE)
    if not request.baseline:
        _time_changes(changes, on, calendar)
    rev_id = _revision_id(request.id, on, taken)
    snapshot["abolished"] = _abolished_index(previous, changes, rev_id, set(snapshot["records"]))
    order = {"added": 0, "changed": 1, "abolished": 2, "withdrawn": 3, "correction": 4}
    changes.sort(key=lambda c: (order[c["action"]], c.get("department", ""), c.get("kind", ""), c.get("id", ""), c["name"]))
    data = {
        "format": FORMAT, "id": rev_id, "date": on.isoformat(), "sequence": (previous.sequence + 1) if previous else 1,
        "previous": previous.id if previous else None, "note": request.note, "changes": changes,
        "secret_changes": secret, "snapshot": snapshot, "baseline": request.baseline,
    }
    return Revision(data), warnings
