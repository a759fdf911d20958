"""MkDocs plugin `gongkai`: adds the compiled catalogue pages as generated files."""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from generator.compile import compile_catalogue
from generator.diagnostics import format_plain
from generator.errors import CatalogueError
from generator.render.pages import SiteOptions
from generator.site import Page, SiteBundle


class GongkaiConfig(Config):
    catalogue = c.Type(str, default="catalogue")
    flowcharts = c.Optional(c.Type(str))


def site_options(config: MkDocsConfig) -> SiteOptions:
    edit_base = None
    if config.repo_url and config.edit_uri:
        edit_base = config.repo_url.rstrip("/") + "/" + config.edit_uri.strip("/") + "/"
    return SiteOptions(site_name=config.site_name, edit_base=edit_base)


def page_source(page: Page) -> str:
    """Front matter carries the plain-text title, so the engine never parses record text as Markdown."""
    meta = {"title": page.title, **dict(page.meta)}
    front = "\n".join(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items())
    return f"---\n{front}\n---\n\n{page.content}"


class GongkaiPlugin(BasePlugin[GongkaiConfig]):
    def __init__(self) -> None:
        self.bundle: SiteBundle | None = None  # set by `gongkai build` to skip compiling twice

    def _project_path(self, config: MkDocsConfig, value: str) -> Path:
        return (Path(config.config_file_path).parent / value).resolve()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.bundle is None:
            flowcharts = self._project_path(config, self.config.flowcharts) if self.config.flowcharts else None
            try:
                self.bundle = compile_catalogue(self._project_path(config, self.config.catalogue), site_options(config), flowcharts).bundle
            except CatalogueError as exc:
                raise PluginError("\n".join(format_plain(d) for d in exc.diagnostics)) from None
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.bundle is not None
        for page in self.bundle.pages.values():
            files.append(File.generated(config, page.path, content=page_source(page)))
        for path, content in self.bundle.files.items():
            files.append(File.generated(config, path, content=content))
        return files

    def on_serve(self, server, config: MkDocsConfig, builder):  # noqa: ANN001 — livereload types
        self.bundle = None  # recompile on every change
        server.watch(str(self._project_path(config, self.config.catalogue)))
        return server
