"""The form editor at /admin/: Decap CMS configured from the models, writing what `gongkai fmt` writes.

One door: `admin_files` gives every file of the admin/ folder (site path → bytes); `config_text` gives one
department's configuration. The JavaScript comes from npm (vendor.py); the forms from the models (fields.py,
config.py); the browser code keeps each file's comments and layout (static/gongkai-format.js); the preview draws
the record's flowchart as the site does from the build's chart data (chart.py, static/gongkai-chart.js).
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Any

import orjson

from jinja2 import Environment, PackageLoader, select_autoescape

from generator.catalogue import Catalogue
from generator.cms.chart import DATA_FILE, chart_data_text
from generator.cms.config import Backend, Project, all_configs, backend_from_edit_base
from generator.cms.vendor import INSTALL_HINT, VIZ_LICENSE, VIZ_SITE, find_node_modules, vendor_files

ADMIN_DIR = "admin"
STATIC = ("gongkai-cms.js", "gongkai-format.js", "gongkai-preview.js", "gongkai-chart.js", "preview.css", "choose.css")

__all__ = ["ADMIN_DIR", "Backend", "Project", "admin_files", "backend_from_edit_base", "config_text", "find_node_modules", "project_for"]


def config_text(config: dict[str, Any]) -> str:
    """Stable bytes: the same models and departments give the same file (the standard library's
    json.dumps(ensure_ascii=False, indent=2) text, at a tenth of the time: 400 departments' configurations took 30 s)."""
    return orjson.dumps(config, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE).decode("utf-8")


def _index(project: Project, site_name: str, installed: bool) -> str:
    env = Environment(loader=PackageLoader("generator.cms", "templates"), autoescape=select_autoescape(["j2"]),
                      trim_blocks=True, lstrip_blocks=True)
    return env.get_template("index.html.j2").render(site_name=site_name, departments=project.departments,
                                                    installed=installed, missing=INSTALL_HINT)


def admin_files(project: Project, node_modules: Path | None, site_name: str, catalogue: Catalogue) -> dict[str, bytes]:
    """Every file of admin/ (paths relative to it). Without the npm packages the page says how to install them;
    without Graphviz's WebAssembly build (or the chart font) the preview says why it draws no flowchart."""
    out: dict[str, bytes] = {"index.html": _index(project, site_name, node_modules is not None).encode("utf-8")}
    static = files("generator.cms") / "static"
    out.update({name: (static / name).read_bytes() for name in STATIC})
    for dep_id, config in all_configs(project).items():
        out[f"config/{dep_id}.json"] = config_text(config).encode("utf-8")
    out[DATA_FILE] = chart_data_text(catalogue).encode("utf-8")
    if node_modules is not None:
        out.update({site: path.read_bytes() for site, path in vendor_files(node_modules).items()})
        if VIZ_SITE in out:
            out["vendor/viz/LICENSE.txt"] = VIZ_LICENSE.encode("utf-8")
    return out


def project_for(catalogue_dir: Path, flowcharts_dir: Path | None, departments: list[tuple[str, str]],
                edit_base: str | None, local_backend: str | None = None) -> Project:
    """The project as the CMS sees it: folders relative to the repository root (the catalogue's parent)."""
    root = catalogue_dir.resolve().parent
    flowcharts = (flowcharts_dir or root / "flowcharts").resolve()
    relative = flowcharts.relative_to(root).as_posix() if flowcharts.is_relative_to(root) else "flowcharts"
    return Project(tuple(departments), backend_from_edit_base(edit_base), catalogue=catalogue_dir.resolve().name,
                   flowcharts=relative, local_backend=local_backend)
