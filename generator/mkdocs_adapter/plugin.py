"""MkDocs plugin `gongkai`: adds the compiled catalogue pages as generated files."""

from __future__ import annotations

import gzip
from html import escape
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation

from generator.compile import compile_catalogue
from generator.diagnostics import format_plain
from generator.errors import CatalogueError
from generator.engines.markup import fix_material_markup
from generator.engines.source import page_source
from generator.mkdocs_adapter.pagecache import PageCache, outside_nav
from generator.mkdocs_adapter.workers import PageWorkers
from generator.render.pages import SiteOptions
from generator.site import SiteBundle


class GongkaiConfig(Config):
    catalogue = c.Type(str, default="catalogue")
    flowcharts = c.Optional(c.Type(str))


def site_options(config: MkDocsConfig) -> SiteOptions:
    edit_base = None
    if config.repo_url and config.edit_uri:
        edit_base = config.repo_url.rstrip("/") + "/" + config.edit_uri.strip("/") + "/"
    project_dir = Path(config.config_file_path).parent.resolve() if config.config_file_path else None
    return SiteOptions(site_name=config.site_name, edit_base=edit_base, project_dir=project_dir)


def write_sitemap(files: Files, config: MkDocsConfig, elsewhere: set[str]) -> None:
    """sitemap.xml over every page, built or reused: MkDocs' own lists only the pages it rendered this time."""
    if not config.site_url:
        return
    base = config.site_url.rstrip("/") + "/"
    urls = [f"    <url>\n         <loc>{escape(urljoin(base, f.url))}</loc>\n    </url>" for f in files.documentation_pages(inclusion=lambda _: True)
            if f.inclusion.is_included() or f.src_uri in elsewhere]
    text = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + "\n".join(urls) + "\n</urlset>\n"
    Path(config.site_dir, "sitemap.xml").write_text(text, encoding="utf-8")
    Path(config.site_dir, "sitemap.xml.gz").write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))  # no clock


class GongkaiPlugin(BasePlugin[GongkaiConfig]):
    def __init__(self) -> None:
        self.bundle: SiteBundle | None = None  # set by `gongkai build` to skip compiling twice
        self.page_cache = PageCache(None)  # `gongkai build` points it at <project>/.cache/pages
        self.workers = PageWorkers()  # `gongkai build` enables it: pages outside the nav on every core
        self._files = Files([])

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
        elsewhere = self.bundle.elsewhere  # another part of a split build writes these: link targets only
        for page in self.bundle.pages.values():
            inclusion = InclusionLevel.EXCLUDED if page.path in elsewhere else InclusionLevel.UNDEFINED
            files.append(File.generated(config, page.path, content=page_source(page), inclusion=inclusion))
        for path, content in self.bundle.files.items():
            files.append(File.generated(config, path, content=content))
        for path in sorted(elsewhere.difference(self.bundle.pages, self.bundle.files)):
            files.append(File.generated(config, path, content=b"", inclusion=InclusionLevel.EXCLUDED))
        if self.bundle.hand_written_elsewhere:
            for file in files.documentation_pages():
                if file.src_uri not in self.bundle.pages:
                    file.inclusion = InclusionLevel.EXCLUDED
        return files

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        assert self.bundle is not None
        titles = {page.path: page.title for page in self.bundle.pages.values()}
        remaining = self.page_cache.reuse(outside_nav(files, nav, titles), files, config, nav, titles)
        self.workers.start(remaining, config, files, nav)
        self._files = files
        return nav

    def on_post_page(self, output: str, page, config: MkDocsConfig) -> str:  # noqa: ANN001 — mkdocs Page
        output = fix_material_markup(output)
        self.page_cache.store(page.file.src_uri, output)
        return output

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        # The theme's own pages (404.html) are rendered without page events: the same repairs as on_post_page.
        return fix_material_markup(output_content) if template_name.endswith(".html") else output_content

    def on_post_build(self, config: MkDocsConfig) -> None:
        self.workers.finish()
        assert self.bundle is not None
        write_sitemap(self._files, config, self.page_cache.reused | self.workers.rendered | self.bundle.elsewhere)

    def on_build_error(self, error: Exception) -> None:
        self.workers.abort()

    def on_serve(self, server, config: MkDocsConfig, builder):  # noqa: ANN001 — livereload types
        self.bundle = None  # recompile on every change
        server.watch(str(self._project_path(config, self.config.catalogue)))
        return server
