"""The MkDocs adapter's door: run MkDocs (or ProperDocs) on a compiled bundle, writing into a given folder."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, MkDocsException

from generator.errors import BuildError, ConfigError
from generator.mkdocs_adapter import flavour
from generator.mkdocs_adapter.messages import WarningCollector, failure_message, in_chinese
from generator.mkdocs_adapter.pagecache import PageCache
from generator.mkdocs_adapter.workers import PageWorkers
from generator.mkdocs_adapter.plugin import site_options
from generator.render.pages import SiteOptions
from generator.site import SiteBundle

CACHE_NAME = "pages"  # <project>/.cache/pages: finished record pages (pagecache.py)


def site_options_from(config_file: Path) -> SiteOptions:
    return site_options(_load(config_file, None))


def site_sources(config_file: Path) -> list[Path]:
    """Folders the engine reads pages and theme files from (docs_dir, the theme's custom_dir): a build must never
    write its output over or into them."""
    config = _load(config_file, None)
    custom = config.theme.custom_dir
    return [Path(config.docs_dir)] + ([Path(custom)] if custom else [])


def _load(config_file: Path, site_dir: Path | None):  # noqa: ANN202 — MkDocsConfig
    if not config_file.is_file():
        raise ConfigError(f"找不到站点配置文件 {config_file}。")
    try:
        overrides = {"site_dir": str(site_dir)} if site_dir else {}
        return load_config(str(config_file), **overrides)
    except MkDocsException as exc:
        raise ConfigError(f"站点配置 {config_file} 有误：{exc}") from None


def build_site(bundle: SiteBundle, config_file: Path, site_dir: Path, *, strict: bool = True, versioned: bool = False,
               page_cache: Path | None = None, parallel: bool = True, notice: str | None = None) -> list[str]:
    """MkDocs build of the bundle's pages plus the hand-written pages into `site_dir`; returns MkDocs' warnings.

    Strict (the default): any warning — a broken link or anchor found by the `validation:` settings — fails the
    build with every warning listed in Chinese. Not strict (the preview server): the warnings are returned instead.
    Versioned (`gongkai publish`): Material's version selector reads mike's ../versions.json, which publish writes.
    page_cache: a folder where unchanged pages outside the nav are kept between builds (pagecache.py).
    parallel: render pages outside the nav in forked workers, one per core (workers.py).
    notice: a line of text every page shows above its content (Material's announcement bar).
    """
    config = _load(config_file, site_dir)
    plugin = config.plugins.get("gongkai")
    if plugin is None:
        raise ConfigError(f"{config_file} 的 plugins 中缺少 gongkai。")
    plugin.bundle = bundle
    plugin.page_cache = PageCache(page_cache)
    plugin.workers = PageWorkers(enabled=parallel)
    if versioned:
        config.extra["version"] = {**(config.extra.get("version") or {}), "provider": "mike"}
    if notice:
        config.extra["gk_notice"] = notice  # overrides/main.html, block announce
    config.strict = strict  # MkDocs' own strict mode: it aborts after the build when anything was warned
    logger = flavour.logger()
    logger.setLevel(logging.WARNING)
    collector = WarningCollector()
    logger.addHandler(collector)  # also keeps the English originals off stderr: the caller reports them
    finished = False
    try:
        mkdocs_build(config)
        finished = True
    except Abort as exc:
        finished = True  # strict mode stopped after the build: the pages it warned about are known
        if collector.messages:
            raise BuildError(failure_message(collector.messages)) from None
        raise BuildError(f"站点生成失败：{exc}") from None
    except MkDocsException as exc:
        raise BuildError(f"站点生成失败：{exc}") from None
    finally:
        logger.removeHandler(collector)
        plugin.page_cache.commit(collector.messages if finished else None, plugin.workers.stored)
    return [in_chinese(m) for m in collector.messages]
