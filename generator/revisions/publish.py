"""`gongkai publish`: the deployable tree of revisions.

    out/                   the current revision's site (a copy of out/<current-id>/)
    out/versions.json      mike format, read by Material's version selector
    out/<revision-id>/     a full site for the newest K revisions; older ones keep revision.json + changelog.md

An existing revision folder is never rebuilt or rewritten: a revision's site is built once, while it is the current
one (its snapshot alone cannot rebuild pages), and kept afterwards. Only pruning beyond K removes site files.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from generator.build import check_site_out
from generator.errors import BuildError, GongkaiError
from generator.files import describe, printable
from generator.output import check_replaceable
from generator.revisions.history import build_history
from generator.revisions.manifest import Revision, default_revisions_dir, dumps, load_revisions
from generator.revisions.pages import HistoryPages
from generator.revisions.snapshot import catalogue_snapshot
from generator.workdays import default_calendar_dir, load_calendar

KEEP_FILES = ("revision.json", "changelog.md")
PUBLISHED = ("index.html", "versions.json", "*/revision.json")  # what an earlier publish left in its folder


@dataclass(frozen=True)
class PublishRequest:
    catalogue: Path
    out: Path
    config_file: Path
    flowcharts: Path | None = None
    keep: int = 6
    engine: str = "mkdocs"  # the site engine (generator/engines/); each revision is built once, by the engine of its day


@dataclass
class PublishReport:
    current: str
    built: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    archived: list[str] = field(default_factory=list)  # JSON + changelog only
    pruned: list[str] = field(default_factory=list)


def _ensure_current(request: PublishRequest, revisions: list[Revision]):  # noqa: ANN202 — CheckResult
    from generator.check import check_catalogue

    if not revisions:
        raise GongkaiError("还没有任何修订。请先运行 gongkai revise 生成第一次修订，再发布。")
    checked = check_catalogue(request.catalogue, request.flowcharts)
    snapshot = catalogue_snapshot(checked.catalogue)
    latest = {k: v for k, v in revisions[-1].snapshot.items() if k != "abolished"}
    if snapshot != latest:
        raise GongkaiError(f"目录内容与最新修订 {revisions[-1].id} 不一致：有尚未修订的变更。请先运行 gongkai revise，再发布。")
    return checked


def _write_record_files(folder: Path, revision: Revision, pages: HistoryPages) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in (("revision.json", dumps(revision.data)), ("changelog.md", pages.revision(revision).content.encode("utf-8"))):
        if not (folder / name).exists():
            (folder / name).write_bytes(content)


def _build_current(request: PublishRequest, revision: Revision, pages: HistoryPages) -> None:
    from generator.build import BuildRequest, build

    target = request.out / revision.id
    build(BuildRequest(request.catalogue, target, request.config_file, request.flowcharts, versioned=True, engine=request.engine))
    _write_record_files(target, revision, pages)


def _is_full(folder: Path) -> bool:
    return (folder / "index.html").is_file()


def _prune(folder: Path) -> None:
    for child in sorted(folder.iterdir()):
        if child.name in KEEP_FILES:
            continue
        shutil.rmtree(child) if child.is_dir() else child.unlink()


def _replace_root(out: Path, current: Path, revision_ids: set[str]) -> None:
    """The root shows the current revision: drop the previous root copy, then copy the current revision's site."""
    for child in sorted(out.iterdir()):
        if child.name in revision_ids or child.name == "versions.json" or child.name.startswith("."):
            continue
        shutil.rmtree(child) if child.is_dir() else child.unlink()
    shutil.copytree(current, out, dirs_exist_ok=True)


def versions_json(revisions: list[Revision], full: set[str]) -> bytes:
    """mike's format, newest first; only revisions with a full site are offered in the selector."""
    newest = revisions[-1].id
    items = [
        {"version": r.id, "title": f"{r.data['date']} 修订" + ("（最新）" if r.id == newest else ""), "aliases": ["latest"] if r.id == newest else []}
        for r in reversed(revisions) if r.id in full
    ]
    return (json.dumps(items, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def publish(request: PublishRequest) -> PublishReport:
    if request.keep < 1:
        raise GongkaiError("--keep 至少为 1：最新的修订必须保留完整站点。")
    check_site_out(request.out, request.catalogue, request.config_file, request.flowcharts, request.engine)
    check_replaceable(request.out, PUBLISHED)  # the root copy below deletes whatever else is there
    revisions = load_revisions(default_revisions_dir(request.catalogue))
    checked = _ensure_current(request, revisions)
    pages = HistoryPages(checked.catalogue, build_history(revisions), load_calendar(default_calendar_dir(request.catalogue)))
    current = revisions[-1]
    report = PublishReport(current.id)
    try:
        request.out.mkdir(parents=True, exist_ok=True)
        if _is_full(request.out / current.id):
            report.reused.append(current.id)
        else:
            _build_current(request, current, pages)
            report.built.append(current.id)
        keep = {r.id for r in revisions[-request.keep:]}
        for revision in revisions[:-1]:
            folder = request.out / revision.id
            if _is_full(folder) and revision.id not in keep:
                _prune(folder)
                report.pruned.append(revision.id)
            elif _is_full(folder):
                report.reused.append(revision.id)
            else:
                report.archived.append(revision.id)
            _write_record_files(folder, revision, pages)  # no-op for files already there
        full = {r.id for r in revisions if _is_full(request.out / r.id)}
        _replace_root(request.out, request.out / current.id, {r.id for r in revisions})
        (request.out / "versions.json").write_bytes(versions_json(revisions, full))
    except OSError as exc:
        raise BuildError(f"写入发布目录失败：{describe(exc)}（{printable(str(exc.filename or request.out))}）") from None
    return report
