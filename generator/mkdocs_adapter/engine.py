"""Run MkDocs on a compiled bundle, writing into a given folder."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from generator.errors import BuildError, ConfigError
from generator.mkdocs_adapter.plugin import site_options
from generator.render.pages import SiteOptions
from generator.site import SiteBundle


def site_options_from(config_file: Path) -> SiteOptions:
    return site_options(_load(config_file, None))


def _load(config_file: Path, site_dir: Path | None):  # noqa: ANN202 — MkDocsConfig
    if not config_file.is_file():
        raise ConfigError(f"找不到站点配置文件 {config_file}。")
    try:
        overrides = {"site_dir": str(site_dir)} if site_dir else {}
        return load_config(str(config_file), **overrides)
    except MkDocsException as exc:
        raise ConfigError(f"站点配置 {config_file} 有误：{exc}") from None


def build_site(bundle: SiteBundle, config_file: Path, site_dir: Path) -> None:
    """MkDocs build of the bundle's pages plus the hand-written pages into `site_dir`."""
    config = _load(config_file, site_dir)
    plugin = config.plugins.get("gongkai")
    if plugin is None:
        raise ConfigError(f"{config_file} 的 plugins 中缺少 gongkai。")
    plugin.bundle = bundle
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    try:
        mkdocs_build(config)
    except MkDocsException as exc:
        raise BuildError(f"站点生成失败：{exc}") from None
