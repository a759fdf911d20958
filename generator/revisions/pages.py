"""History pages: 修订记录, one page per revision, abolished records, the compliance page and per-record history."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader
from markupsafe import Markup

from generator.catalogue import Catalogue, Entry
from generator.models import KIND_LABELS, RECORD_KINDS
from generator.render.pages import environment
from generator.revisions import compliance
from generator.revisions.deadlines import PUBLISH_WITHIN, RULE_IN_FORCE, deadline, deadline_text, settle
from generator.revisions.diff import label
from generator.revisions.history import History, build_history
from generator.revisions.manifest import ACTION_LABELS, Revision
from generator.site import Page, SiteBundle
from generator.workdays import WorkCalendar, load_calendar

SECTIONS = (("added", "新增"), ("changed", "变更"), ("abolished", "取消"), ("withdrawn", "转为不公开"))


def value_text(value: Any) -> str:
    """A JSON value as one readable line; a field the record leaves out is 未公布, not "none"."""
    if value is None:
        return "（未公布）"
    if value == [] or value == {}:
        return "（无）"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list):
        return "；".join(value_text(v) for v in value)
    if isinstance(value, dict):
        return "，".join(value_text(v) for _, v in sorted(value.items()))
    return str(value)


def brief_text(value: Any) -> str:
    """A field of an abolished record in one short line: nested items by their name or title only."""
    if isinstance(value, list):
        return "；".join(brief_text(v) for v in value) or "（无）"
    if isinstance(value, dict):
        head = value.get("title") or value.get("name") or value.get("item")
        return " ".join(str(x) for x in (head, value.get("article") or value.get("amount")) if x) if head else value_text(value)
    return value_text(value)


def on_time_text(changes: list[dict]) -> str:
    timed = [c for c in changes if "on_time" in c]
    if not timed:
        return "—"
    return f"{sum(c['on_time'] for c in timed)}/{len(timed)}" + ("（含暂定）" if any("provisional" in c for c in timed) else "")


def timing_text(change: dict) -> str:
    if "on_time" not in change:
        return "—"
    text = "按期" if change["on_time"] else f"逾期 {change['late_workdays']} 个工作日"
    return text + ("（暂定）" if "provisional" in change else "")


def percent(value: float | None) -> str:
    return "—" if value is None else f"{round(100 * value)}%"


def history_environment() -> Environment:
    env = environment()
    env.loader = ChoiceLoader([FileSystemLoader(Path(__file__).parent / "templates"), env.loader])
    env.globals.update(
        value_text=value_text, brief_text=brief_text, on_time_text=on_time_text, timing_text=timing_text, percent=percent, within=PUBLISH_WITHIN,
        deadline_text=deadline_text,
        kind_label=lambda kind: KIND_LABELS.get(kind, kind), action_label=lambda a: ACTION_LABELS.get(a, a),
    )
    return env


def record_pages(catalogue: Catalogue, history: History) -> dict[str, str]:
    """Record id → its page, for every record a history page may link to: public ones and abolished ones.
    A record withdrawn into secrecy, deleted or never published has none, and is named without a link."""
    pages = {id_: f"{item['last']['kind']}/{id_}.md" for id_, item in history.abolished.items()}
    return pages | {e.id: e.url + ".md" for e in catalogue.public()}


class HistoryPages:
    def __init__(self, catalogue: Catalogue, history: History, calendar: WorkCalendar | None = None) -> None:
        self.catalogue = catalogue
        self.calendar = (calendar or load_calendar()).estimating()
        # Provisional deadlines as the calendar now knows them: a year added since a revision settles its 暂定 ones.
        self.history = build_history([settle(r, self.calendar) for r in history.revisions])
        self.env = history_environment()
        self.record_pages = record_pages(catalogue, history)

    def _render(self, template: str, page: str, **values: Any) -> str:
        return self.env.get_template(template).render(page=page, catalogue=self.catalogue, record_pages=self.record_pages, **values)

    def _page(self, template: str, path: str, title: str, **values: Any) -> Page:
        return Page(path, title, self._render(template, path, title=title, **values))

    def index(self) -> Page:
        revisions = list(reversed(self.history.revisions))
        abolished = sorted(self.history.abolished.items())
        return self._page("revisions_index.md.j2", "revisions/index.md", "修订记录", revisions=revisions, abolished=abolished)

    def revision(self, revision: Revision) -> Page:
        title = f"{revision.id} 修订"
        return self._page("revision.md.j2", f"revisions/{revision.id}.md", title, r=settle(revision, self.calendar), sections=SECTIONS)

    def record_block(self, record_id: str, page: str, pending: dict | None = None) -> Markup:
        changes = self.history.of(record_id)
        last = changes[0].revision if changes else None
        return Markup(self._render("record_history.md.j2", page, changes=changes, last=last, pending=pending))

    def abolished(self, record_id: str, item: dict) -> Page:
        path = f"{item['last']['kind']}/{record_id}.md"
        values = item["last"]["fields"]
        order = list(RECORD_KINDS[item["last"]["kind"]].model_fields)  # the model's field order, as on record pages
        keys = sorted((k for k in values if k not in ("id", "department")), key=lambda k: (order.index(k) if k in order else len(order), k))
        fields = [(label(item["last"]["kind"], (k,)), values[k]) for k in keys]
        return self._page("abolished.md.j2", path, f"{item['last']['name']}（已取消）", a=item, fields=fields, history=self.record_block(record_id, path))

    def compliance(self) -> Page:
        scores = compliance.evaluate(self.catalogue, self.history)
        as_of = self.history.latest.data["date"] if self.history.latest else None
        return self._page("compliance.md.j2", "compliance.md", "合规情况", scores=scores, as_of=as_of, grades=compliance.GRADES)

    def extras(self, entry: Entry) -> dict:
        """Template values for a record page: its last revision date and its own history block."""
        latest = self.history.latest
        changed_on = entry.record.changed_on
        pending = None
        if latest is not None and changed_on > latest.date:
            due = deadline(self.calendar, changed_on).text() if changed_on >= RULE_IN_FORCE else None
            pending = {"changed_on": changed_on.isoformat(), "deadline": due}
        last = self.history.last_revision_of(entry.id)
        return {"history": self.record_block(entry.id, entry.url + ".md", pending), "last_revision": last.data["date"] if last else None}


def add_history_pages(catalogue: Catalogue, history: History, bundle: SiteBundle, site_name: str, calendar: WorkCalendar | None = None) -> HistoryPages:
    """Add every history page (and the feed) to the bundle; returns the renderer for the record-page extras."""
    from generator.revisions.feed import atom_feed

    pages = HistoryPages(catalogue, history, calendar)
    bundle.add(pages.index())
    for revision in history.revisions:
        bundle.add(pages.revision(revision))
    for record_id, item in sorted(history.abolished.items()):
        bundle.add(pages.abolished(record_id, item))
    bundle.add(pages.compliance())
    bundle.add_file("feed.xml", atom_feed(pages.history, site_name))
    return pages
