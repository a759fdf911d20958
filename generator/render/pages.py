"""Render every page of the public site from the resolved catalogue, through Jinja templates."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from generator.catalogue import Catalogue, Entry
from generator.models import Category, Power
from generator.remedies import remedies_of, remedy_line, review_first
from generator.render import context, ways
from generator.render.text import link, md_escape, safe_url, tel_link
from generator.site import Page, SiteBundle


@dataclass(frozen=True)
class SiteOptions:
    site_name: str = "政务公开"
    edit_base: str | None = None  # e.g. https://github.com/org/repo/edit/main/
    project_dir: Path | None = None  # the site's project folder: portal/ (search words, home page) and node_modules/


def _inert(value: object) -> Markup:
    return value if isinstance(value, Markup) else Markup(md_escape(value))


def _joined(items: object, sep: str = "、") -> Markup:
    """List items as inert text in one line (Jinja's join would mark record text safe unescaped)."""
    return Markup(sep.join(md_escape(item) for item in items or ()))  # type: ignore[union-attr]


def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(Path(__file__).parent / "templates"),
        finalize=_inert,  # every {{ value }} is inert text unless it is Markup (macro output, built links)
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=True,
    )
    env.globals.update(
        link=link, tel_link=tel_link, safe_url=safe_url, Markup=Markup,
        relative=context.relative, limit_text=context.limit_text, charge_text=context.charge_text,
        kind_of=context.kind_of, category_of=context.category_of, category_page=context.category_page,
        inherited=context.inherited, remedies_of=remedies_of, review_first=review_first, remedy_line=remedy_line,
        event_page=ways.event_page, audience_pages=ways.AUDIENCE_PAGES,
        material_terms=context.material_terms, UNKNOWN=context.UNKNOWN, joined=_joined,
        by_department=context.by_department, LISTED_ONE_BY_ONE=context.LISTED_ONE_BY_ONE,
    )
    return env


class PageRenderer:
    """One renderer per build: holds the template environment and the catalogue."""

    def __init__(self, catalogue: Catalogue, options: SiteOptions, extras: Callable[[Entry], dict] | None = None) -> None:
        self.catalogue = catalogue
        self.options = options
        self.env = environment()
        self.extras = extras or (lambda entry: {})

    def _page(self, template: str, path: str, title: str, edit: str | None = None, **values: object) -> Page:
        edit_url = self.options.edit_base + edit if (self.options.edit_base and edit) else None
        content = self.env.get_template(template).render(
            page=path, title=title, catalogue=self.catalogue, options=self.options, edit_url=edit_url, **values
        )
        return Page(path, title, content, edit_url)

    def record_page(self, entry: Entry) -> Page:
        template = {"powers": "power.md.j2", "fees": "fee.md.j2", "services": "service.md.j2"}[entry.kind]
        return self._page(template, entry.url + ".md", entry.name, entry.source, entry=entry, **self.extras(entry))

    def department_page(self, department_id: str) -> Page:
        dept = self.catalogue.departments[department_id]
        return self._page("department.md.j2", dept.url + ".md", dept.record.name, dept.source, dept=dept.record)

    def category_page(self, category: Category, entries: list[Entry]) -> Page:
        return self._page("category.md.j2", context.category_page(category), category.value, category=category, entries=entries)

    def listing(self, template: str, path: str, title: str, **values: object) -> Page:
        return self._page(template, path, title, **values)


def powers_by_category(catalogue: Catalogue) -> dict[Category, list[Entry]]:
    grouped: dict[Category, list[Entry]] = {c: [] for c in Category}
    for entry in catalogue.of_kind("powers"):
        assert isinstance(entry.record, Power)
        grouped[entry.record.category].append(entry)
    return grouped


def render_pages(catalogue: Catalogue, options: SiteOptions, bundle: SiteBundle, extras: Callable[[Entry], dict] | None = None,
                 popular: tuple[str, ...] = (), owns: Callable[[str], bool] | None = None) -> None:
    """Add every generated page to `bundle`; `popular`: the ids of the home page's 常用事项, in order. `owns`: one part
    of a split build renders only the record and department pages it owns; the others get a title and no text (they
    stay link targets, see generator/parts/)."""
    renderer = PageRenderer(catalogue, options, extras)
    by_category = powers_by_category(catalogue)
    counts = Counter({k: len(catalogue.of_kind(k)) for k in ("powers", "fees", "services")})
    audiences, events = ways.by_audience(catalogue), ways.by_event(catalogue)
    bundle.add(renderer.listing("home.md.j2", "index.md", options.site_name, counts=counts, by_category=by_category,
                                popular=[catalogue.entries[i] for i in popular], audiences=audiences, events=events))
    for audience, (path, title) in ways.AUDIENCE_PAGES.items():
        themes = audiences[audience]
        count = len({e.id for entries in themes.values() for e in entries})
        intro = "个人（自然人）可以办理的事项，" if audience is ways.Audience.PERSON else "企业和其他组织可以办理的事项，"
        bundle.add(renderer.listing("audience.md.j2", path, title, themes=themes, count=count, intro=intro))
    for event, entries in events.items():
        bundle.add(renderer.listing("event.md.j2", ways.event_page(event), f"{event.value}：相关事项", event=event, entries=entries))
    bundle.add(renderer.listing("powers_catalogue.md.j2", "catalogue/powers.md", "行政职权目录", by_category=by_category))
    bundle.add(renderer.listing("fees_catalogue.md.j2", "catalogue/fees.md", "收费目录"))
    bundle.add(renderer.listing("services_catalogue.md.j2", "catalogue/services.md", "服务事项目录"))
    bundle.add(renderer.listing("secret_catalogue.md.j2", "catalogue/secret.md", "不公开事项目录"))
    bundle.add(renderer.listing("departments_index.md.j2", "departments/index.md", "部门"))
    for category, entries in by_category.items():
        if entries:
            bundle.add(renderer.category_page(category, entries))
    for department_id, dept in catalogue.departments.items():
        path = dept.url + ".md"
        bundle.add(renderer.department_page(department_id) if owns is None or owns(path) else Page(path, dept.record.name, ""))
    for entry in catalogue.public():
        path = entry.url + ".md"
        bundle.add(renderer.record_page(entry) if owns is None or owns(path) else Page(path, entry.name, ""))
