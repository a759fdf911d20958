"""Site configurations for the benchmark: the project's own mkdocs.yml pointed at a synthetic catalogue,
and the baseline (plain MkDocs + Material over the same pages, records out of the nav, search off)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parent.parent
PROJECT_CONFIG = PROJECT / "mkdocs.yml"

# Keys whose values are folders relative to the config file: made absolute so the copy works anywhere.
_PATH_KEY = re.compile(r"^(\s*)(docs_dir|custom_dir):\s*([^#\s]+)(.*)$")
_CATALOGUE_KEY = re.compile(r"^(\s+)catalogue:\s*([^#\s]+)(.*)$")


def _absolute(value: str) -> str:
    path = Path(value.strip("'\""))
    return json.dumps(str(path if path.is_absolute() else (PROJECT / path).resolve()))


def project_config_for(catalogue: Path, dest: Path) -> Path:
    """The project's mkdocs.yml with folders made absolute and the gongkai plugin pointed at `catalogue`."""
    lines = []
    for line in PROJECT_CONFIG.read_text(encoding="utf-8").splitlines():
        if m := _PATH_KEY.match(line):
            line = f"{m.group(1)}{m.group(2)}: {_absolute(m.group(3))}{m.group(4)}"
        elif m := _CATALOGUE_KEY.match(line):
            line = f"{m.group(1)}catalogue: {json.dumps(str(catalogue.resolve()))}{m.group(3)}"
        lines.append(line)
    dest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return dest


def _project_settings() -> dict[str, Any]:
    """nav and markdown_extensions of the project config; tags we cannot read (!!python/name) become None."""
    from ruamel.yaml import YAML
    from ruamel.yaml.constructor import SafeConstructor

    class Lenient(SafeConstructor):
        pass

    Lenient.add_multi_constructor("", lambda loader, suffix, node: None)
    yaml = YAML(typ="safe", pure=True)
    yaml.Constructor = Lenient
    try:
        data = yaml.load(PROJECT_CONFIG.read_text(encoding="utf-8")) or {}
    except Exception:  # noqa: BLE001 — a config we cannot read only costs the baseline its nav
        data = {}
    return {"nav": data.get("nav") or [{"首页": "index.md"}], "markdown_extensions": data.get("markdown_extensions") or []}


def baseline_config(docs: Path, dest: Path) -> Path:
    """Plain MkDocs + Material over `docs`: the same listing nav, records out of it, no plugins (search off)."""
    settings = _project_settings()
    config = {
        "site_name": "baseline",
        "docs_dir": str(docs.resolve()),
        "use_directory_urls": True,
        "theme": {"name": "material", "language": "zh", "font": False},
        "plugins": [],
        "markdown_extensions": settings["markdown_extensions"],
        "validation": {"nav": {"omitted_files": "ignore"}, "links": {"not_found": "ignore", "unrecognized_links": "ignore"}},
        "nav": settings["nav"],
    }
    # JSON is valid YAML: no dumper needed.
    dest.write_text(json.dumps(config, ensure_ascii=False, indent=1), encoding="utf-8")
    return dest
