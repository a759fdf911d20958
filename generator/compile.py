"""The compiler core as a short list of named stages. It never imports an engine (MkDocs).

Each stage reads what earlier stages produced and adds to the bundle; none reaches back.
Record pages get extra template values (a chart, structured data, history) from `extras` providers
that earlier stages register: a provider maps an entry to a dict of template values.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

from generator.catalogue import Entry
from generator.check import CheckResult, check_catalogue, load_view
from generator.editor.bundle import add_editor_files
from generator.errors import CatalogueError
from generator.exports.jsonld import jsonld_provider
from generator.exports.stage import export_all
from generator.exports.whole import Fragments, whole_paths
from generator.portal import SYNONYMS_URL, Portal, load_portal
from generator.render.pages import SiteOptions, render_pages
from generator.parts.listing import light_entry
from generator.parts.ownership import Ownership
from generator.site import SiteBundle

ExtrasProvider = Callable[[Entry], dict]


@dataclass
class Compiled:
    checked: CheckResult
    bundle: SiteBundle
    extras: list[ExtrasProvider] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # warnings that do not stop the build (printed by `build`)
    part: Ownership | None = None  # one part of a split build (generator/parts/); None: the whole site
    fragments: Fragments | None = None  # a part's fragments of the whole catalogue's downloads (exports/whole.py)

    def owns(self, path: str) -> bool:
        """Whether this build writes the page or file at `path` (always, unless it is one part of a split build)."""
        return self.part is None or self.part.owns(path)

    def extras_for(self, entry: Entry) -> dict:
        merged: dict = {}
        for provider in self.extras:
            merged.update(provider(entry))
        return merged


def stage_check(catalogue_dir: Path, flowcharts_dir: Path | None, strict: bool) -> CheckResult:
    checked = check_catalogue(catalogue_dir, flowcharts_dir, strict=strict)
    if checked.failed(strict):
        raise CatalogueError(checked.diagnostics)
    return checked


def stage_view(catalogue_dir: Path, flowcharts_dir: Path | None, part: PartView) -> CheckResult:
    """One part of a split build: the files it needs, loaded and resolved (the whole check passed in the plan job);
    the site part keeps of each record only what its pages show (generator/parts/listing.py)."""
    checked = load_view(catalogue_dir, flowcharts_dir, part.only, keep=light_entry if part.departments is None else None)
    if checked.errors:
        raise CatalogueError(checked.diagnostics)
    return checked


def stage_portal(compiled: Compiled, options: SiteOptions) -> Portal:
    """The office's search words (published as search/synonyms.json) and the home page's 常用事项, from portal/."""
    portal = load_portal(options.project_dir, {e.id for e in compiled.checked.catalogue.public()})
    if compiled.part is None or compiled.part.departments is None:  # a department part sees only some records
        compiled.notes += portal.notes
    compiled.bundle.add_file(SYNONYMS_URL, portal.synonyms_json())
    return portal


def stage_pages(compiled: Compiled, options: SiteOptions, portal: Portal) -> None:
    render_pages(compiled.checked.catalogue, options, compiled.bundle, compiled.extras_for, portal.popular, compiled.owns)


def stage_structured_data(compiled: Compiled) -> None:
    """schema.org JSON-LD for record pages (the `jsonld` template value); must run before stage_pages."""
    compiled.extras.append(jsonld_provider(compiled.checked.catalogue))


def stage_history(compiled: Compiled, catalogue_dir: Path, options: SiteOptions) -> None:
    """修订记录, revision pages, abolished records, 合规情况 and feed.xml from revisions/; record history via extras."""
    from generator.revisions.history import load_history
    from generator.revisions.pages import add_history_pages
    from generator.workdays import default_calendar_dir, load_calendar

    catalogue = compiled.checked.catalogue
    calendar = load_calendar(default_calendar_dir(catalogue_dir))  # settles deadlines that were 暂定 when cut
    history = load_history(catalogue_dir, {e.id for e in catalogue.secret_powers()})  # secret now: absent from history too
    pages = add_history_pages(catalogue, history, compiled.bundle, options.site_name, calendar)
    compiled.extras.append(pages.extras)


def stage_charts(compiled: Compiled, catalogue_dir: Path) -> None:
    """权力运行流程图: charts/<id>.svg for disclosed powers and services with steps; `chart` via extras."""
    from generator.charts.stage import chart_cache_dir, stage_charts as add_charts

    add_charts(compiled, chart_cache_dir(catalogue_dir.resolve().parent))


def stage_exports(compiled: Compiled, options: SiteOptions) -> None:
    """JSON, CSV, XLSX, department packages, responsibility and downloads pages; last, so packages see every chart.
    One part of a split build keeps its fragments of the whole catalogue's downloads for `gongkai assemble`, which
    writes those files: here they are another's (links to them still resolve)."""
    split = compiled.part is not None
    compiled.fragments = export_all(compiled.checked.catalogue, options, compiled.bundle, compiled.owns, split)
    if split:
        compiled.bundle.elsewhere.update(whole_paths())


def stage_vendor(compiled: Compiled, options: SiteOptions) -> None:
    """The browser libraries the site serves itself (assets/vendor/): a missing one is a note, never a stop."""
    from generator.vendor import add_vendor_files

    compiled.notes += add_vendor_files(compiled.bundle, options.project_dir)


def stage_editor(compiled: Compiled) -> None:
    """JSON Schemas (schema/*.schema.json, a stable URL for records) and the generated field reference page."""
    add_editor_files(compiled.bundle)


def stage_cms(compiled: Compiled, catalogue_dir: Path, flowcharts_dir: Path | None, options: SiteOptions) -> None:
    """The form editor at admin/: Decap CMS with one form per record kind for each department (generator/cms/)."""
    from generator.cms import ADMIN_DIR, admin_files, find_node_modules, project_for

    if not compiled.owns(f"{ADMIN_DIR}/index.html"):
        return  # the site part's: nothing links to the editor from a department's pages
    departments = [(d.id, d.record.name) for d in compiled.checked.catalogue.departments.values()]
    project = project_for(catalogue_dir, flowcharts_dir, departments, options.edit_base)
    node_modules = find_node_modules(catalogue_dir.resolve().parent)
    for path, content in admin_files(project, node_modules, options.site_name, compiled.checked.catalogue).items():
        compiled.bundle.add_file(f"{ADMIN_DIR}/{path}", content)


def stage_elsewhere(compiled: Compiled) -> None:
    """One part of a split build: what another part writes stays known to the engine (links to it resolve) but is
    neither rendered nor written here. The stages above already left out the costly work for it."""
    bundle = compiled.bundle
    assert compiled.part is not None
    bundle.elsewhere.update(path for path in compiled.part.by_path if not compiled.owns(path))
    bundle.hand_written_elsewhere = compiled.part.departments is not None
    for path in [p for p in bundle.pages if not compiled.owns(p)]:
        bundle.pages[path] = replace(bundle.pages[path], content="")
        bundle.elsewhere.add(path)
    for path in [p for p in bundle.files if not compiled.owns(p)]:
        del bundle.files[path]
        bundle.elsewhere.add(path)


@dataclass(frozen=True)
class PartView:
    """What one part of a split build loads (`only`: catalogue-relative files) and writes
    (`departments`: those departments' pages and files; None: the site part, everything else)."""

    only: frozenset[str]
    departments: frozenset[str] | None


def compile_catalogue(catalogue_dir: Path, options: SiteOptions, flowcharts_dir: Path | None = None, strict: bool = False,
                      part: PartView | None = None) -> Compiled:
    """load → validate → resolve (stage_check), then render everything into an engine-neutral bundle."""
    if part is None:
        compiled = Compiled(stage_check(catalogue_dir, flowcharts_dir, strict), SiteBundle())
    else:
        checked = stage_view(catalogue_dir, flowcharts_dir, part)
        compiled = Compiled(checked, SiteBundle(), part=Ownership.of(checked.catalogue, part.departments))
    stage_structured_data(compiled)
    stage_history(compiled, catalogue_dir, options)
    stage_charts(compiled, catalogue_dir)
    stage_pages(compiled, options, stage_portal(compiled, options))
    stage_exports(compiled, options)
    stage_editor(compiled)
    stage_cms(compiled, catalogue_dir, flowcharts_dir, options)
    stage_vendor(compiled, options)
    if compiled.part is not None:
        stage_elsewhere(compiled)
    return compiled
