"""Write the sample catalogue's revision history (revisions/*.json), derived from the current catalogue.

    python -m generator.revisions.sample [--force]

The sample has no real past, so its history is derived and says so in every revision note: a baseline on
2025-04-15, then one revision per cluster of 变更日期 (3 working days after the cluster's last change); each
revision holds the records whose 变更日期 is on or before its date; three records appear first in an older version (a longer
promised time limit, one condition or material fewer) and change later; one record (食品经营许可（仅销售预包装
食品）, a copy of 食品经营许可) exists only in the first revision and is abolished in the second, as the 2023
《食品经营许可和备案管理办法》 moved pre-packaged food sales from licensing to filing.
Rerun with --force after the sample catalogue changes; real projects cut revisions with `gongkai revise`.
"""

from __future__ import annotations

import argparse
import dataclasses
import shutil
from datetime import date, timedelta
from pathlib import Path
from typing import Callable

from generator.catalogue import Catalogue, Entry
from generator.check import check_catalogue
from generator.errors import GongkaiError
from generator.paths import PROJECT_ROOT
from generator.revisions.manifest import default_revisions_dir, write_revision
from generator.revisions.revise import Abolition, RevisionRequest, cut_revision
from generator.workdays import WorkCalendar, default_calendar_dir, load_calendar

BASELINE = date(2025, 4, 15)
GROUP_DAYS = 45  # changes within this many days of a group's first change are published together
PUBLISH_AFTER = 3  # a group is published this many working days after its last change
OLD_ON = date(2024, 12, 2)
NOTE = "示例历史：由当前示例目录推导（按变更日期筛选记录，个别记录使用推导的旧版本），仅用于演示修订记录。"
LEGACY = "prepackaged-food-sales-licence"
LEGACY_REASON = "依据《食品经营许可和备案管理办法》（国家市场监督管理总局令第 78 号），仅销售预包装食品改为备案管理，不再实行许可（示例历史）。"

Alteration = Callable[[Entry], dict | None]


def _longer_limit(entry: Entry) -> dict | None:
    limit = getattr(entry.record, "promised_limit", None)
    return {"promised_limit": limit.model_copy(update={"days": limit.days + 5})} if limit and limit.days else None


def _fewer(field: str) -> Alteration:
    def alter(entry: Entry) -> dict | None:
        items = getattr(entry.record, field, None) or []
        return {field: items[:-1]} if len(items) >= 2 else None
    return alter


ALTERATIONS = (_longer_limit, _fewer("conditions"), _fewer("materials"))


def _older(entry: Entry, update: dict) -> Entry:
    record = entry.record.model_copy(update={**update, "changed_on": OLD_ON, "change_note": "首次编制（示例历史）"})
    return dataclasses.replace(entry, record=record)


def revision_dates(catalogue: Catalogue, calendar: WorkCalendar) -> list[date]:
    later = sorted({e.record.changed_on for e in catalogue.entries.values() if e.record.changed_on > BASELINE})
    groups: list[list[date]] = []
    for day in later:
        if groups and day < groups[-1][0] + timedelta(days=GROUP_DAYS):
            groups[-1].append(day)
        else:
            groups.append([day])
    return [BASELINE] + [calendar.add_workdays(g[-1], PUBLISH_AFTER) for g in groups]


def _picks(catalogue: Catalogue, dates: list[date]) -> dict[str, tuple[int, dict]]:
    """One record per later revision window that first appears in an older version: id → (window, old fields)."""
    picks: dict[str, tuple[int, dict]] = {}
    for window, alter in zip(range(1, len(dates)), ALTERATIONS):
        for entry in sorted(catalogue.public(), key=lambda e: e.id):
            in_window = dates[window - 1] < entry.record.changed_on <= dates[window]
            update = alter(entry) if in_window and entry.id not in picks else None
            if update:
                picks[entry.id] = (window, update)
                break
    return picks


def _legacy(catalogue: Catalogue) -> Entry | None:
    source = catalogue.entries.get("food-business-licence")
    if source is None:
        return None
    record = source.record.model_copy(update={"id": LEGACY, "name": "食品经营许可（仅销售预包装食品）", "changed_on": OLD_ON, "change_note": "首次编制（示例历史）"})
    return dataclasses.replace(source, record=record)


def _state(catalogue: Catalogue, on: date, index: int, picks: dict[str, tuple[int, dict]], legacy: Entry | None) -> Catalogue:
    entries: dict[str, Entry] = {}
    for entry in catalogue.entries.values():
        window, update = picks.get(entry.id, (0, {}))
        if index < window:
            entries[entry.id] = _older(entry, update)
        elif entry.record.changed_on <= on:
            entries[entry.id] = entry
    if legacy is not None and index == 0:
        entries[legacy.id] = legacy
    return dataclasses.replace(catalogue, entries=entries)


def write_sample(catalogue_dir: Path, force: bool = False) -> list[Path]:
    checked = check_catalogue(catalogue_dir)
    if checked.errors:
        raise GongkaiError("示例目录有错误，请先修正（gongkai check）。")
    folder = default_revisions_dir(catalogue_dir)
    if folder.exists() and any(folder.iterdir()):
        if not force:
            raise GongkaiError(f"{folder} 已有修订记录；重新生成示例历史请加 --force。")
        shutil.rmtree(folder)
    calendar = load_calendar(default_calendar_dir(catalogue_dir))
    catalogue = checked.catalogue
    dates = revision_dates(catalogue, calendar)
    picks, legacy = _picks(catalogue, dates), _legacy(catalogue)
    previous, written = None, []
    for index, on in enumerate(dates):
        abolish = {LEGACY: Abolition(LEGACY_REASON, on - timedelta(days=7))} if index == 1 and legacy else None
        note = ("首次发布。" if index == 0 else "") + NOTE
        request = RevisionRequest(date=on, note=note, abolish=abolish, baseline=index == 0)
        revision, _ = cut_revision(_state(catalogue, on, index, picks, legacy), previous, {r.stem for r in written}, request, calendar)
        written.append(write_revision(folder, revision))
        previous = revision
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description="为示例目录生成推导的修订历史")
    parser.add_argument("--catalogue", type=Path, default=PROJECT_ROOT / "catalogue")
    parser.add_argument("--force", action="store_true", help="删除已有的修订记录后重新生成")
    args = parser.parse_args()
    for path in write_sample(args.catalogue, args.force):
        print(path)


if __name__ == "__main__":
    main()
