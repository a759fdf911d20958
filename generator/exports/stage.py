"""Write every export into the bundle. Run after the chart stage (packages include its charts)."""

from __future__ import annotations

from collections.abc import Callable
from importlib.resources import files as package_files

from generator.catalogue import Catalogue
from generator.exports.columns import CATALOGUE_TABLES, LEGAL_BASES
from generator.exports.package import department_package, department_workbook, package_path
from generator.exports.records import WHOLE, dumps, json_files
from generator.exports.schema import catalogue_schema, record_schema
from generator.exports.whole import SHEET_ROWS, Fragments, department_share, opening
from generator.render.pages import PageRenderer, SiteOptions
from generator.site import Page, SiteBundle

PRINT_CSS = "assets/gongkai-print.css"


def workbook_path(department_id: str) -> str:
    return f"data/xlsx/{department_id}.xlsx"


def repeats_the_records(path: str) -> bool:
    """Whether a site file is a table or package download (CSV, XLSX, a department's ZIP): the records again, in
    another format than the JSON (data/catalogue.json.gz and one file per record), which holds everything."""
    folder, _, name = path.rpartition("/")
    return ((folder, name.rpartition(".")[2]) in {("data/csv", "csv"), ("data/xlsx", "xlsx"), ("downloads", "zip")}
            or path == "data/catalogue.xlsx")


def add_pages(catalogue: Catalogue, options: SiteOptions, bundle: SiteBundle, owns: Callable[[str], bool] = lambda path: True) -> None:
    renderer = PageRenderer(catalogue, options)
    departments = [catalogue.departments[d] for d in sorted(catalogue.departments)]
    bundle.add(renderer.listing("downloads.md.j2", "downloads.md", "数据下载", tables=list(CATALOGUE_TABLES), legal=LEGAL_BASES, departments=departments, sheet_rows=f"{SHEET_ROWS:,}"))
    for dept in departments:
        path, title = f"responsibility/{dept.id}.md", f"{dept.record.name}责任清单"
        bundle.add(renderer.listing("responsibility.md.j2", path, title, dept=dept.record) if owns(path) else Page(path, title, ""))


def export_all(catalogue: Catalogue, options: SiteOptions, bundle: SiteBundle, owns: Callable[[str], bool] = lambda path: True,
               split: bool = False) -> Fragments | None:
    """JSON, CSV, XLSX, department packages, the responsibility and downloads pages, and the print stylesheet.
    `owns`: one part of a split build makes only the files it owns (generator/parts/). `split`: the whole
    catalogue's downloads are joined later by `gongkai assemble`: return the part's fragments of them (its
    departments' shares; the site part: the opening) instead of writing them."""
    schemas = {"data/schema/record.schema.json": dumps(record_schema()), "data/schema/catalogue.schema.json": dumps(catalogue_schema())}
    for path, content in {**json_files(catalogue, owns), **schemas}.items():
        bundle.add_file(path, content)
    mine = [d for d in sorted(catalogue.departments) if owns(workbook_path(d))]
    shares = {d: department_share(catalogue, d, bundle.files) for d in mine}  # the record files' texts again
    for dept_id in mine:
        bundle.add_file(workbook_path(dept_id), department_workbook(catalogue, dept_id, shares[dept_id].xlsx))
        if owns(package_path(dept_id)):
            bundle.add_file(package_path(dept_id), department_package(catalogue, dept_id, bundle.files, bundle.files[workbook_path(dept_id)]))
    fragments = Fragments(shares, opening(catalogue) if owns(WHOLE) else None)
    if not split:
        bundle.files.update(fragments.whole_files())
    bundle.add_file(PRINT_CSS, package_files("generator.exports").joinpath("assets/print.css").read_bytes())
    add_pages(catalogue, options, bundle, owns)
    return fragments if split else None
