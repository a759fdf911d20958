"""A generated page as the Markdown file an engine reads: front matter with its title and hints, then the body."""

from __future__ import annotations

import json
from pathlib import Path

from generator.site import Page, SiteBundle

# Full-width forms read and look the same in Chinese text and are inert in every HTML context.
TITLE_SAFE = str.maketrans({"<": "＜", ">": "＞", "&": "＆", '"': "＂"})


def page_source(page: Page) -> str:
    """Front matter carries the title, so the engine never parses record text as Markdown. Material's and Zensical's
    templates print titles as HTML (<title>, header, footer, nav) without autoescaping, and also inside `| e`
    attributes, where an entity would be escaped twice and read aloud as "&amp;": markup characters become their
    full-width forms."""
    meta = {"title": page.title.translate(TITLE_SAFE), **dict(page.meta)}
    front = "\n".join(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items())
    return f"---\n{front}\n---\n\n{page.content}"


def bundle_files(bundle: SiteBundle) -> dict[str, bytes]:
    """Every page (as its Markdown source) and static file of the bundle, by site path."""
    files = {page.path: page_source(page).encode("utf-8") for page in bundle.pages.values()}
    files.update(bundle.files)
    return files


def write_files(folder: Path, files: dict[str, bytes]) -> None:
    for path, content in files.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
