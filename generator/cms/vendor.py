"""The CMS's JavaScript from the npm registry (package.json, package-lock.json; `make install` runs npm ci).

It is served from the site itself, never from a CDN: node_modules is looked for beside the catalogue's project
and beside the gongkai source tree.
"""

from __future__ import annotations

from pathlib import Path

from generator.paths import PROJECT_ROOT

DECAP = Path("decap-cms/dist")
YAML = Path("yaml/browser/dist")
# Graphviz compiled to WebAssembly (the wasm is inside this one ES module, 1.2 MB): the preview's flowchart. The
# package ships no licence file; its licence (MIT, with Graphviz's EPL-1.0 and Expat's MIT) is written beside it.
VIZ = Path("@viz-js/viz/dist/viz.js")
VIZ_SITE = "vendor/viz/viz.js"
VIZ_LICENSE = """Viz.js (@viz-js/viz, https://github.com/mdaines/viz-js): MIT License, Copyright (c) Michael Daines.

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated
documentation files (the "Software"), to deal in the Software without restriction, including without limitation the
rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit
persons to whom the Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial portions of the
Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE
WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.

This distribution contains other software in object code form: Graphviz (https://www.graphviz.org, Eclipse Public
License 1.0) and Expat (https://libexpat.github.io, MIT License).
"""
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
    found[VIZ_SITE] = node_modules / VIZ
    return {site: path for site, path in found.items() if path.is_file()}
