"""Write every export into the bundle. Run after the chart stage (packages include its charts)."""

from __future__ import annotations

from collections.abc import Callable
from importlib.resources import files as package_files

from generator.catalogue import Catalogue
from generator.exports.columns import CATALOGUE_TABLES, LEGAL_BASES
from generator.exports.package import department_package, department_workbook, newest_change, package_path, stamp
from generator.exports.records import dumps, json_files
from generator.exports.schema import catalogue_schema, record_schema
from generator.exports.tabular import to_csv, to_xlsx
from generator.render.pages import PageRenderer, SiteOptions
from generator.site import SiteBundle

PRINT_CSS = "assets/gongkai-print.css"


def table_files(catalogue: Catalogue, owns: Callable[[str], bool] = lambda path: True) -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    if owns("data/catalogue.xlsx"):  # the whole catalogue's tables: the site part's in a split build
        out.update({f"data/csv/{t.key}.csv": to_csv(t, catalogue) for t in CATALOGUE_TABLES})
        out["data/catalogue.xlsx"] = to_xlsx(CATALOGUE_TABLES, catalogue, stamp(newest_change(catalogue)), title="权力公开目录")
    for dept_id in sorted(catalogue.departments):
        if owns(workbook_path(dept_id)):
            out[workbook_path(dept_id)] = department_workbook(catalogue, dept_id)
    return out


def workbook_path(department_id: str) -> str:
    return f"data/xlsx/{department_id}.xlsx"


def repeats_the_records(path: str) -> bool:
    """Whether a site file is a table or package download (CSV, XLSX, a department's ZIP): the records again, in
    another format than the JSON (data/catalogue.json.gz and one file per record), which holds everything."""
    folder, _, name = path.rpartition("/")
    return ((folder, name.rpartition(".")[2]) in {("data/csv", "csv"), ("data/xlsx", "xlsx"), ("downloads", "zip")}
            or path == "data/catalogue.xlsx")


def add_pages(catalogue: Catalogue, options: SiteOptions, bundle: SiteBundle) -> None:
    renderer = PageRenderer(catalogue, options)
    departments = [catalogue.departments[d] for d in sorted(catalogue.departments)]
    bundle.add(renderer.listing("downloads.md.j2", "downloads.md", "数据下载", tables=list(CATALOGUE_TABLES), legal=LEGAL_BASES, departments=departments))
    for dept in departments:
        bundle.add(renderer.listing("responsibility.md.j2", f"responsibility/{dept.id}.md", f"{dept.record.name}责任清单", dept=dept.record))


def export_all(catalogue: Catalogue, options: SiteOptions, bundle: SiteBundle, owns: Callable[[str], bool] = lambda path: True) -> None:
    """JSON, CSV, XLSX, department packages, the responsibility and downloads pages, and the print stylesheet.
    `owns`: one part of a split build makes only the files it owns (generator/parts/)."""
    schemas = {"data/schema/record.schema.json": dumps(record_schema()), "data/schema/catalogue.schema.json": dumps(catalogue_schema())}
    for path, content in {**json_files(catalogue, owns), **schemas, **table_files(catalogue, owns)}.items():
        bundle.add_file(path, content)
    for dept_id in sorted(catalogue.departments):
        if owns(package_path(dept_id)):
            bundle.add_file(package_path(dept_id), department_package(catalogue, dept_id, bundle.files, bundle.files[workbook_path(dept_id)]))
    bundle.add_file(PRINT_CSS, package_files("generator.exports").joinpath("assets/print.css").read_bytes())
    add_pages(catalogue, options, bundle)
