"""generator/vendor.py: the site's browser libraries come from the pinned npm packages; a missing one is a note."""

from __future__ import annotations

import json
from pathlib import Path

from generator.site import SiteBundle
from generator.vendor import VENDORED, add_vendor_files
from tests.conftest import ROOT


def test_installed_packages_are_copied_into_assets_vendor() -> None:
    bundle = SiteBundle()
    assert add_vendor_files(bundle, ROOT) == []
    assert "assets/vendor/opencc-js/t2cn.js" in bundle.files
    assert "assets/vendor/@panzoom/panzoom/panzoom.min.js" in bundle.files
    assert all(any(path.startswith(f"assets/vendor/{v.package}/") for path in bundle.files) for v in VENDORED)


def test_package_json_pins_exact_versions_and_the_lock_agrees() -> None:
    pinned = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"]
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    for v in VENDORED:
        assert pinned[v.package][0].isdigit(), f"{v.package} 应写确切版本"
        assert lock[f"node_modules/{v.package}"]["version"] == pinned[v.package]
        assert lock[f"node_modules/{v.package}"]["integrity"].startswith("sha512-")


def test_missing_or_other_version_is_a_note_not_a_failure(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    import generator.vendor as vendor

    monkeypatch.setattr(vendor, "PROJECT_ROOT", tmp_path / "no-source-tree")  # nothing to fall back on
    (tmp_path / "package.json").write_text(json.dumps({"dependencies": {"opencc-js": "1.4.2"}}), encoding="utf-8")
    other = tmp_path / "node_modules" / "opencc-js"
    other.mkdir(parents=True)
    (other / "package.json").write_text(json.dumps({"version": "0.1.0"}), encoding="utf-8")
    bundle = SiteBundle()
    notes = add_vendor_files(bundle, tmp_path)
    assert bundle.files == {}
    assert len(notes) == len(VENDORED)
    assert "0.1.0" in notes[0] and "make install" in notes[0]
    assert "没有安装" in notes[1]


def test_a_project_without_packages_uses_the_source_tree(tmp_path: Path) -> None:
    """A catalogue copied elsewhere (tests, a department preview) still gets the libraries gongkai was installed with."""
    bundle = SiteBundle()
    assert add_vendor_files(bundle, tmp_path) == []
    assert "assets/vendor/opencc-js/t2cn.js" in bundle.files
