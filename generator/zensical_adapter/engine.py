"""The Zensical adapter's door: build a compiled bundle with Zensical, writing into a given folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import zensical
from click import ClickException
from zensical.config import _yaml_load

from generator.engines.markup import fix_material_markup
from generator.engines.messages import failure_message
from generator.engines.source import bundle_files
from generator.errors import BuildError, ConfigError
from generator.render.pages import SiteOptions
from generator.site import SiteBundle
from generator.zensical_adapter.messages import captured_output, problems
from generator.zensical_adapter.prerender import Prerender
from generator.zensical_adapter.workspace import hand_written, move_site, sync_docs, workspace, write_config

CACHE_NAME = "zensical"  # <project>/.cache/zensical: the workspace with Zensical's own page cache (workspace.py)
OWN_SEARCH_INDEX = "search.json"  # written (empty) even with Zensical's search off; Pagefind is the site's search


def _settings(config_file: Path) -> dict:
    """The project's configuration as written (INHERIT and !ENV resolved), read by Zensical's own YAML loader. Not
    validated here: Zensical validates the workspace's configuration, which inherits this one (a project may keep
    its docs_dir outside the config's folder, which Zensical refuses for the folder it builds)."""
    if not config_file.is_file():
        raise ConfigError(f"找不到站点配置文件 {config_file}。")
    try:
        with open(config_file, encoding="utf-8") as source:
            settings = _yaml_load(source)  # private in 0.0.73, which pyproject.toml pins
    except (ClickException, OSError, ValueError) as exc:
        raise ConfigError(f"站点配置 {config_file} 有误：{exc}") from None
    if not isinstance(settings, dict) or not settings.get("site_name"):
        raise ConfigError(f"站点配置 {config_file} 有误：缺少 site_name。")
    return settings


def _sources(config_file: Path, settings: dict) -> tuple[Path, Path | None]:
    """docs_dir and the theme's custom_dir, resolved against the config file's folder as MkDocs does."""
    root = config_file.resolve().parent
    theme = settings.get("theme") if isinstance(settings.get("theme"), dict) else {}
    custom_dir = theme.get("custom_dir")
    return root / settings.get("docs_dir", "docs"), root / custom_dir if custom_dir else None


def site_sources(config_file: Path) -> list[Path]:
    """Folders the engine reads pages and theme files from (docs_dir, the theme's custom_dir): a build must never
    write its output over or into them."""
    docs_dir, custom_dir = _sources(config_file, _settings(config_file))
    return [docs_dir] + ([custom_dir] if custom_dir else [])


def site_options_from(config_file: Path) -> SiteOptions:
    settings = _settings(config_file)
    edit_base = None
    if settings.get("repo_url") and settings.get("edit_uri"):
        edit_base = settings["repo_url"].rstrip("/") + "/" + settings["edit_uri"].strip("/") + "/"
    return SiteOptions(site_name=settings["site_name"], edit_base=edit_base)


def _run(config: Path, strict: bool) -> list[str]:
    """One Zensical build; returns its problems in Chinese, or raises BuildError (strict: on any problem)."""
    try:
        with captured_output() as output:
            zensical.build(str(config), {"clean": False, "strict": strict})
    except Exception as exc:  # noqa: BLE001 — Rust errors arrive as RuntimeError, its config errors as ClickException
        found = [p.in_chinese() for p in problems("".join(output))]
        if found:
            raise BuildError(failure_message("Zensical", found)) from None
        raise BuildError(f"站点生成失败（Zensical）：{type(exc).__name__}: {exc}") from None
    return [p.in_chinese() for p in problems("".join(output))]


def _finish(site_dir: Path) -> None:
    """Remove Zensical's empty search index and repair the toggle markup Material and Zensical share."""
    (site_dir / OWN_SEARCH_INDEX).unlink(missing_ok=True)
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        fixed = fix_material_markup(html)
        if fixed != html:
            page.write_text(fixed, encoding="utf-8")


def build_site(bundle: SiteBundle, config_file: Path, site_dir: Path, *, strict: bool = True, versioned: bool = False,
               page_cache: Path | None = None, parallel: bool = True, notice: str | None = None) -> list[str]:
    """Zensical build of the bundle's pages plus the hand-written pages into `site_dir`; returns its warnings.

    Strict (the default): any problem Zensical reports (a broken link or anchor) fails the build, listed in
    Chinese. Versioned: the version selector reads mike's ../versions.json. page_cache: the folder kept between
    builds (workspace.py). parallel: pages outside the nav are rendered on every core first (prerender.py).
    notice: a line of text every page shows above its content.
    """
    docs_dir, custom_dir = _sources(config_file, _settings(config_file))
    if not docs_dir.is_dir():
        raise ConfigError(f"站点配置 {config_file} 中的 docs_dir 文件夹 {docs_dir} 不存在。")
    with workspace(page_cache, site_dir.parent) as work:
        shutil.rmtree(work / "site", ignore_errors=True)  # never a page of an earlier build
        sync_docs(work / "docs", {**hand_written(docs_dir), **bundle_files(bundle)})
        config = write_config(work, config_file, custom_dir, versioned, notice)
        with Prerender(enabled=parallel).started(config, bundle):
            warnings = _run(config, strict)
        try:
            move_site(work / "site", site_dir)
        except OSError as exc:
            raise BuildError(f"写入输出目录失败：{exc}") from None
    _finish(site_dir)
    return warnings
