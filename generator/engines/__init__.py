"""The seam between the compiler core and a site engine, and what the engine adapters share.

Each adapter is a package with one door, its `engine` module:

    site_options_from(config_file) -> SiteOptions
    build_site(bundle, config_file, site_dir, *, strict, versioned, page_cache, parallel) -> list[str]  (warnings)

`generator/mkdocs_adapter/` runs MkDocs 1.6 or ProperDocs, its maintained fork, with Material;
`generator/zensical_adapter/` runs Zensical, Material's successor. This package imports neither engine
(tests/test_imports.py): it only names the doors, so the core picks an engine by name.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from generator.errors import ConfigError

DOORS = {"mkdocs": "generator.mkdocs_adapter.engine", "zensical": "generator.zensical_adapter.engine"}
# MkDocs stays the default until Zensical passes the gate written in content/scale.md: a cold build at 10,000
# records within 1.5× of bare MkDocs, and the sample site passing the same browser, link, axe and vnu tests.
DEFAULT_ENGINE = "mkdocs"
# The Python packages behind each engine: an adapter may import only its own (tests/test_imports.py).
ENGINE_PACKAGES = {"mkdocs": {"mkdocs", "material", "properdocs"}, "zensical": {"zensical", "minijinja"}}


def engine(name: str) -> ModuleType:
    """The door of the named engine's adapter."""
    if name not in DOORS:
        raise ConfigError(f"未知的站点引擎“{name}”，可选：{'、'.join(DOORS)}。")
    try:
        return importlib.import_module(DOORS[name])
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.split(".")[0] in ENGINE_PACKAGES[name]:
            raise ConfigError(f"站点引擎 {name} 所需的软件包 {exc.name} 未安装：请运行 make install。") from None
        raise
