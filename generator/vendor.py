"""Browser libraries the site serves itself (no CDN at run time): copied from the npm packages that the Makefile
installs (package.json pins each version, package-lock.json its integrity) into `assets/vendor/<package>/`.

A missing or different package never stops a build: the site then works without what the file adds (search reads
traditional characters as typed, the chart viewer scrolls instead of zooming), and the build says so.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from generator.paths import PROJECT_ROOT
from generator.site import SiteBundle

VENDOR_DIR = "assets/vendor"


@dataclass(frozen=True)
class Vendored:
    package: str
    files: tuple[tuple[str, str], ...]  # (path in the package, name under assets/vendor/<package>/)
    purpose: str  # what the site loses without it, for the warning


VENDORED = (
    # OpenCC's traditional → simplified converter (ES module, 109 KB, 53 KB gzipped): loaded with the search index.
    Vendored("opencc-js", (("dist/esm/t2cn.js", "t2cn.js"), ("LICENSE", "LICENSE.txt"),
                          ("THIRD_PARTY_LICENSES.md", "THIRD_PARTY_LICENSES.txt")),
             "搜索和“筛选本表”不能把繁体字转换为简体字"),
    # Pan and zoom by mouse, touch and our keyboard handlers (10 KB): loaded when the chart viewer opens.
    Vendored("@panzoom/panzoom", (("dist/panzoom.min.js", "panzoom.min.js"), ("MIT-License.txt", "LICENSE.txt")),
             "流程图查看器不能缩放，只能滚动查看"),
)


def vendor_url(package: str, name: str) -> str:
    return f"{VENDOR_DIR}/{package}/{name}"


def _pinned(project_dir: Path) -> dict[str, str]:
    """package → exact version, from package.json."""
    try:
        return dict(json.loads((project_dir / "package.json").read_text(encoding="utf-8")).get("dependencies", {}))
    except (OSError, ValueError, AttributeError):
        return {}


def _installed(project_dir: Path, package: str) -> str | None:
    try:
        return json.loads((project_dir / "node_modules" / package / "package.json").read_text(encoding="utf-8")).get("version")
    except (OSError, ValueError, AttributeError):
        return None


def _package_root(project_dir: Path | None, package: str) -> Path | None:
    """Where the package is installed: beside the site's project, else beside the gongkai source tree (as the
    CMS's scripts are looked for, generator/cms/vendor.py)."""
    for root in (project_dir, PROJECT_ROOT):
        if root is not None and (root / "node_modules" / package / "package.json").is_file():
            return root
    return project_dir


def add_vendor_files(bundle: SiteBundle, project_dir: Path | None) -> list[str]:
    """Copy every vendored file into the bundle; returns a warning (Chinese) per package that could not be."""
    warnings: list[str] = []
    for item in VENDORED:
        root = _package_root(project_dir, item.package)
        version = _installed(root, item.package) if root else None
        wanted = (_pinned(root) if root else {}).get(item.package)
        if version is None or version != wanted:
            found = f"装的是 {version}" if version else "没有安装"
            warnings.append(f"浏览器组件 {item.package} {found}（package.json 要求 {wanted or '未列出'}），{item.purpose}。"
                            "请运行 make install（它会执行 npm ci）。")
            continue
        package_dir = root / "node_modules" / item.package
        try:
            contents = {name: (package_dir / source).read_bytes() for source, name in item.files}
        except OSError as exc:
            warnings.append(f"浏览器组件 {item.package} 的文件读取失败（{exc}），{item.purpose}。")
            continue
        for name, content in contents.items():
            bundle.add_file(vendor_url(item.package, name), content)
    return warnings
