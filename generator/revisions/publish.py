"""`gongkai publish`: the deployable tree of revisions, rebuilt from the repository whenever a part is missing.

    out/                   the current revision's site
    out/versions.json      mike format, read by Material's version selector
    out/<current-id>/      pages forwarding to their twins at the root (the selector's entry for the current one)
    out/<revision-id>/     the site of each of the newest K revisions that fit the size budget, stored as what
                           differs from the current site (same.py: unchanged pages forward to the current page,
                           unchanged files are linked from it), its records as JSON only (json_only.py); older
                           ones keep revision.json + changelog.md
    out/.gongkai-publish.json   what each site was built from (tree.STAMP)

Every site is built from the repository alone (sources.py: the revision's own commit and code, else its snapshot),
so a fresh clone publishes every kept revision again; a site from an earlier run is reused only while it was
built from the same published manifests and with the same records left out as secret. Secret now means absent
now: a record that turned secret makes every kept site that showed it be built again without it (or dropped).
A site reused from the previous tree is first made whole again (same.restore), then compared with the new current.
The new tree is assembled beside `out` and swapped in whole (generator/output/staging.py).
"""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from generator.build import check_site_out
from generator.diagnostics import format_plain
from generator.errors import BuildError, CatalogueError, GongkaiError
from generator.files import describe, printable
from generator.output import Staging, check_replaceable
from generator.revisions.history import build_history
from generator.revisions.json_only import keep_json_only
from generator.revisions.manifest import Revision, default_revisions_dir, dumps, load_revisions
from generator.revisions.pages import HistoryPages
from generator.revisions.redact import redact
from generator.revisions.same import Same, leave_out_same, restore
from generator.revisions.snapshot import catalogue_snapshot
from generator.revisions import sources
from generator.revisions.tree import STAMP, VERSIONS, forwarding_pages, link_tree, move_tree, read_stamp, tree_bytes, versions_json, write_stamp
from generator.workdays import default_calendar_dir, load_calendar

KEEP_FILES = ("revision.json", "changelog.md")
PUBLISHED = ("index.html", "versions.json", "*/revision.json")  # what an earlier publish left in its folder
PAGES_LIMIT = 1_000_000_000  # GitHub Pages serves sites up to 1 GB


@dataclass(frozen=True)
class PublishRequest:
    catalogue: Path
    out: Path
    config_file: Path
    flowcharts: Path | None = None
    keep: int = 6
    engine: str = "mkdocs"  # the site engine (generator/engines/) of the sites built in this run
    budget: int = PAGES_LIMIT  # bytes the whole tree may take; 0: no limit (a department's own server)
    site_only: bool = False  # build only the latest revision's site into `out` (how a commit rebuilds itself)


@dataclass
class PublishReport:
    current: str
    built: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    archived: list[str] = field(default_factory=list)  # JSON + changelog only
    notes: list[str] = field(default_factory=list)  # why a revision was rebuilt another way, or left out
    sizes: dict[str, int] = field(default_factory=dict)  # bytes per revision folder ("/" for the root)

    @property
    def total(self) -> int:
        return sum(self.sizes.values())


def _ensure_current(request: PublishRequest, revisions: list[Revision]):  # noqa: ANN202 — CheckResult
    from generator.check import check_catalogue

    if not revisions:
        raise GongkaiError("还没有任何修订。请先运行 gongkai revise 生成第一次修订，再发布。")
    checked = check_catalogue(request.catalogue, request.flowcharts)
    if checked.errors:
        raise GongkaiError("目录有错误，不能发布。请先运行 gongkai check 并改正。")
    snapshot = catalogue_snapshot(checked.catalogue)
    secret = {e.id for e in checked.catalogue.secret_powers()}
    latest = {k: v for k, v in redact(revisions[-1:], secret)[0].snapshot.items() if k != "abolished"}
    if snapshot != latest:
        raise GongkaiError(f"目录内容与最新修订 {revisions[-1].id} 不一致：有尚未修订的变更。请先运行 gongkai revise，再发布。")
    return checked


class Publisher:
    def __init__(self, request: PublishRequest, revisions: list[Revision], secret: set[str], pages: HistoryPages) -> None:
        self.request = request
        self.revisions = revisions  # redacted: as they may be published now
        self.secret = secret
        self.pages = pages
        self.project = sources.Project.of(request)
        self.previous = read_stamp(request.out)
        self.stamp: dict[str, dict] = {}
        self.report = PublishReport(revisions[-1].id)
        self._sources: dict[str, sources.Source] = {}
        self._hashes: dict[str, bytes] = {}  # per manifest: 45 MB of JSON each at 10,000 records, hashed once

    def source(self, revision: Revision) -> sources.Source:
        if revision.id not in self._sources:
            self._sources[revision.id] = sources.source_commit(self.project, revision)
        return self._sources[revision.id]

    def upto(self, revision: Revision) -> list[Revision]:
        return self.revisions[: self.revisions.index(revision) + 1]

    def digest(self, revision: Revision) -> str:
        """What a revision's site shows of history and leaves out as secret: equal digests, equal sites."""
        digest = hashlib.sha256()
        for item in self.upto(revision):
            if item.id not in self._hashes:
                self._hashes[item.id] = hashlib.sha256(dumps(item.data)).digest()
            digest.update(self._hashes[item.id])
        digest.update("\0".join(sources.relevant_secrets(self.source(revision), self.secret)).encode("utf-8"))
        return digest.hexdigest()

    def record_files(self, folder: Path, revision: Revision) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "revision.json").write_bytes(dumps(published_manifest(revision)))
        (folder / "changelog.md").write_bytes(self.pages.revision(revision).content.encode("utf-8"))

    def _reuse(self, revision: Revision, digest: str, target: Path) -> bool:
        """Link the revision's site from the previous tree when it was built from the same digest."""
        out = self.request.out
        previous = self.previous.get(revision.id)
        if not previous or previous.get("digest") != digest:
            return False
        where = out if previous.get("at") == "/" else out / revision.id
        if not (where / "index.html").is_file():
            return False
        if where == out:  # the previous current revision: the root minus every revision folder and our own files
            skip = {VERSIONS, STAMP} | {p.name for p in out.iterdir() if p.name.startswith(".") or (p / "revision.json").is_file()}
        else:
            skip = set(KEEP_FILES)
        link_tree(where, target, skip)
        if where != out:  # stored as it differed from the previous current site: whole again before comparing anew
            restore(out, target, revision.id, Same.from_stamp(previous))
        self.stamp[revision.id] = {k: v for k, v in previous.items() if k in ("digest", "how", "commit")}
        self.report.reused.append(revision.id)
        return True

    def _build(self, revision: Revision, digest: str, target: Path, latest: bool) -> bool:
        """Build the revision's site into `target` (absent before); False when no way could."""
        notes = []
        ways = [lambda out: sources.build_from_commit(self.project, self.source(revision), self.upto(revision), self.secret, out)]
        ways.append((lambda out: sources.build_from_tree(self.project, out)) if latest else
                    (lambda out: sources.build_from_snapshot(self.project, revision, self.upto(revision), out)))
        for way in ways:
            try:
                built = way(target)
            except sources.NoSourceCommit:
                continue  # not committed yet: the next way is the normal one
            except (GongkaiError, OSError) as exc:
                shutil.rmtree(target, ignore_errors=True)
                notes.append(_reason(exc))
                continue
            self.stamp[revision.id] = {"digest": digest, "how": built.how, "commit": built.commit}
            self.report.built.append(revision.id)
            if built.how != "commit" and notes:
                self.report.notes.append(f"{revision.id}：{notes[0]}，改为{'从工作目录' if built.how == 'tree' else '按修订快照'}生成。")
            return True
        self.report.notes.append(f"{revision.id}：无法生成站点（{'；'.join(notes)}），只保留修订记录。")
        return False

    def site(self, revision: Revision, target: Path, latest: bool) -> bool:
        digest = self.digest(revision)
        return self._reuse(revision, digest, target) or self._build(revision, digest, target, latest)


def published_manifest(revision: Revision) -> dict:
    """The manifest as revision.json on the site: its changes, without the snapshot of every record (45 MB at
    10,000 records, in every revision folder); a kept revision's site has that state in data/catalogue.json.gz, and
    the repository keeps the whole manifest."""
    return {key: value for key, value in revision.data.items() if key != "snapshot"}


def _reason(exc: Exception) -> str:
    if isinstance(exc, CatalogueError) and exc.diagnostics:
        return f"记录有 {len(exc.diagnostics)} 个问题，例如 {format_plain(exc.diagnostics[0])}"
    return str(exc)


def _fits(report: PublishReport, size: int, budget: int) -> bool:
    return budget <= 0 or report.total + size <= budget


def _assemble(publisher: Publisher, staging: Path) -> set[str]:
    """Write the whole tree into `staging`; returns the revisions that have a full site."""
    request, report = publisher.request, publisher.report
    current = publisher.revisions[-1]
    root_site = staging / ".root"
    if not publisher.site(current, root_site, latest=True):
        raise BuildError(f"无法生成最新修订 {current.id} 的站点：{report.notes[-1]}")
    move_tree(root_site, staging)
    publisher.stamp[current.id]["at"] = "/"
    forwarding_pages(staging, staging / current.id)
    publisher.record_files(staging / current.id, current)
    report.sizes["/"] = tree_bytes(staging)
    if not _fits(PublishReport(current.id), report.sizes["/"], request.budget):
        report.notes.append(f"最新修订的站点 {report.sizes['/'] / 1e6:.1f} MB，已超过 {request.budget / 1e6:.0f} MB 的上限：主机可能拒绝部署。")
    full = {current.id}
    older = list(reversed(publisher.revisions[:-1]))
    room = True  # the newest sites that fit are kept: once one does not, every older one keeps its record only
    for position, revision in enumerate(older, start=2):
        folder = staging / revision.id
        room = room and position <= request.keep and _room(report, 0, request.budget, revision)
        if room and publisher.site(revision, folder, latest=False):
            keep_json_only(folder, revision.id, revision.date.isoformat(), set(KEEP_FILES))
            same = leave_out_same(staging, folder, revision.id, set(KEEP_FILES))
            publisher.stamp[revision.id].update(same.as_stamp())
            size = tree_bytes(folder)
            room = _room(report, size, request.budget, revision)
            if room:
                full.add(revision.id)
                report.sizes[revision.id] = size
            else:
                shutil.rmtree(folder)
                publisher.stamp.pop(revision.id, None)
        if revision.id not in full:
            report.archived.append(revision.id)
        publisher.record_files(folder, revision)
        if revision.id not in full:
            report.sizes[revision.id] = tree_bytes(folder)  # the manifest and changelog are deployed too
    return full


def _room(report: PublishReport, size: int, budget: int, revision: Revision) -> bool:
    """Whether `size` more bytes (an earlier site as stored: what differs from the current one) still fit; if not,
    the report says so."""
    if _fits(report, size, budget) and (size or budget <= 0 or report.total < budget):
        return True
    what = f"与最新修订不同的部分共 {size / 1e6:.1f} MB，加上后" if size else ""
    report.notes.append(f"{revision.id}：{what}超过 {budget / 1e6:.0f} MB 的上限（已用 {report.total / 1e6:.1f} MB），"
                        "这次和更早的修订只保留修订记录。部署到本单位服务器时可用 --budget-mb 0 取消上限。")
    return False


def publish(request: PublishRequest) -> PublishReport:
    if request.keep < 1:
        raise GongkaiError("--keep 至少为 1：最新的修订必须保留完整站点。")
    check_site_out(request.out, request.catalogue, request.config_file, request.flowcharts, request.engine)
    check_replaceable(request.out, PUBLISHED)  # the new tree replaces whatever is there
    raw = load_revisions(default_revisions_dir(request.catalogue))
    checked = _ensure_current(request, raw)
    secret = {e.id for e in checked.catalogue.secret_powers()}
    revisions = redact(raw, secret)
    if request.site_only:
        report = PublishReport(revisions[-1].id)
        sources.build_from_tree(sources.Project.of(request), request.out)
        report.built.append(revisions[-1].id)
        return report
    pages = HistoryPages(checked.catalogue, build_history(revisions), load_calendar(default_calendar_dir(request.catalogue)))
    publisher = Publisher(request, revisions, secret, pages)
    try:
        with Staging(request.out) as staging:  # beside `out`; swapped in whole (a killed run's is cleaned next time)
            tree = staging.site
            full = _assemble(publisher, tree)
            (tree / VERSIONS).write_bytes(versions_json(revisions, full))
            write_stamp(tree, publisher.stamp)
            staging.commit()
    except OSError as exc:
        raise BuildError(f"写入发布目录失败：{describe(exc)}（{printable(str(exc.filename or request.out))}）") from None
    return publisher.report
