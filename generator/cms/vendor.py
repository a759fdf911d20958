"""The CMS's JavaScript from the npm registry (package.json, package-lock.json; `make install` runs npm ci).

It is served from the site itself, never from a CDN: node_modules is looked for beside the catalogue's project
and beside the gongkai source tree.
"""

from __future__ import annotations

from pathlib import Path

from generator.paths import PROJECT_ROOT

DECAP = Path("decap-cms/dist")
YAML = Path("yaml/browser/dist")
INSTALL_HINT = "表单编辑器的脚本没有安装：请在项目目录运行 make install（需要 npm），然后重新生成网站。"


def find_node_modules(project: Path | None) -> Path | None:
    """The first node_modules holding both Decap CMS's bundle and the yaml library's browser build."""
    for root in (project, PROJECT_ROOT):
        if root is None:
            continue
        found = root / "node_modules"
        if (found / DECAP / "decap-cms.js").is_file() and (found / YAML / "index.js").is_file():
            return found
    return None


def vendor_files(node_modules: Path) -> dict[str, Path]:
    """Site path under admin/ → installed file: Decap's bundle with its lazy chunks, and yaml's ES modules."""
    decap = node_modules / DECAP
    found = {f"vendor/{path.name}": path for path in sorted(decap.glob("*decap-cms.js"))}
    found["vendor/decap-cms.LICENSE.txt"] = decap / "decap-cms.js.LICENSE.txt"
    yaml = node_modules / YAML
    found.update({f"vendor/yaml/{path.relative_to(yaml).as_posix()}": path for path in sorted(yaml.rglob("*.js"))})
    found["vendor/yaml/LICENSE"] = node_modules / "yaml/LICENSE"
    return {site: path for site, path in found.items() if path.is_file()}
