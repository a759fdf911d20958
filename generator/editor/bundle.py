"""Editor files on the published site: the JSON Schemas (a stable URL for records) and the field reference."""

from __future__ import annotations

from generator.editor.fieldref import PAGE_PATH, PAGE_TITLE, fields_page
from generator.editor.schema import SCHEMA_DIR, all_schemas
from generator.site import Page, SiteBundle


def add_editor_files(bundle: SiteBundle) -> None:
    for name, text in all_schemas().items():
        bundle.add_file(f"{SCHEMA_DIR}/{name}", text.encode("utf-8"))
    bundle.add(Page(PAGE_PATH, PAGE_TITLE, fields_page()))
