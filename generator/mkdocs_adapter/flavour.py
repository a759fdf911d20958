"""Which MkDocs runs the build: ProperDocs or MkDocs 1.6.

MkDocs 1.6.1 is MkDocs' last 1.x release; ProperDocs is its maintained continuation, published on PyPI with the
same configuration, plugin API and theme entry points. ProperDocs ships `properdocs.replacement`, an import hook
that serves every `mkdocs.*` import from `properdocs.*`, so this adapter and Material (which import `mkdocs`) run
on ProperDocs unchanged. It is chosen when installed (pyproject.toml installs it); GONGKAI_MKDOCS=mkdocs or
GONGKAI_MKDOCS=properdocs chooses explicitly. The hook must be in place before anything imports mkdocs, so the
package's __init__ calls activate() first.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import os
import sys

from generator.errors import ConfigError

FLAVOURS = ("properdocs", "mkdocs")


def chosen() -> str:
    setting = os.environ.get("GONGKAI_MKDOCS", "").strip().lower()
    if setting and setting not in FLAVOURS:
        raise ConfigError(f"环境变量 GONGKAI_MKDOCS 的值“{setting}”无效，应为 {' 或 '.join(FLAVOURS)}。")
    if setting:
        return setting
    return "properdocs" if importlib.util.find_spec("properdocs") is not None else "mkdocs"


def activate() -> str:
    """Put the chosen MkDocs behind `import mkdocs` unless one is loaded already; returns the one that runs."""
    loaded = sys.modules.get("mkdocs")
    if loaded is not None:
        # Already running (`mkdocs build` or `properdocs build` loading our plugin, or an earlier activate()): the
        # host's MkDocs stays; two in one process would mix their classes (a plugin of one, a config of the other).
        return "properdocs" if loaded.__name__ == "properdocs" else "mkdocs"
    flavour = chosen()
    if flavour == "properdocs":
        if importlib.util.find_spec("properdocs") is None:
            raise ConfigError("GONGKAI_MKDOCS=properdocs，但没有安装 ProperDocs：请运行 make install。")
        importlib.import_module("properdocs.replacement")
        # ProperDocs logs under "properdocs" and counts strict-mode warnings there; Material and our plugin log under
        # "mkdocs". Its own CLI links the two loggers the same way.
        logging.getLogger("mkdocs").parent = logging.getLogger("properdocs")
    return flavour


def logger() -> logging.Logger:
    """The logger the running MkDocs reports warnings on (and counts them on, in strict mode)."""
    return logging.getLogger(importlib.import_module("mkdocs").__name__)


def version() -> str:
    """"ProperDocs 1.6.7" or "MkDocs 1.6.1": for messages and the page cache's key."""
    module = importlib.import_module("mkdocs")
    return f"{'ProperDocs' if module.__name__ == 'properdocs' else 'MkDocs'} {module.__version__}"
