"""The compiler core never imports a site engine: only its adapter may, and each adapter only its own engine
(DESIGN §4, §5; generator/engines/ names the doors and imports neither)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from generator.engines import DOORS, ENGINE_PACKAGES
from tests.conftest import ROOT

PACKAGE = ROOT / "generator"
ADAPTERS = {name: PACKAGE / f"{name}_adapter" for name in DOORS}
EVERY_ENGINE = set().union(*ENGINE_PACKAGES.values())


def _imported_roots(tree: ast.AST) -> set[str]:
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
        elif isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) in ("import_module", "__import__"):
            if node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                roots.add(node.args[0].value.split(".")[0])
    return roots


def _offenders(files: list[Path], forbidden: set[str]) -> list[str]:
    offenders = []
    for path in files:
        found = _imported_roots(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))) & forbidden
        if found:
            offenders.append(f"{path.relative_to(ROOT)}: {sorted(found)}")
    return offenders


def test_core_imports_no_engine() -> None:
    core = [p for p in sorted(PACKAGE.rglob("*.py")) if not any(folder in p.parents for folder in ADAPTERS.values())]
    assert _offenders(core, EVERY_ENGINE) == []


@pytest.mark.parametrize("engine", sorted(DOORS))
def test_each_adapter_imports_only_its_own_engine(engine: str) -> None:
    files = sorted(ADAPTERS[engine].rglob("*.py"))
    assert files, f"{ADAPTERS[engine]} 不存在"
    assert _offenders(files, EVERY_ENGINE - ENGINE_PACKAGES[engine]) == []


def test_every_door_is_in_its_adapter() -> None:
    assert {name: door.split(".")[1] for name, door in DOORS.items()} == {name: f"{name}_adapter" for name in DOORS}


def test_the_scan_sees_imports() -> None:
    tree = ast.parse("import mkdocs.config\nfrom material import x\nimportlib.import_module('zensical')\n__import__('properdocs')\n")
    assert _imported_roots(tree) >= {"mkdocs", "material", "zensical", "properdocs"}
    assert {"mkdocs", "material", "properdocs", "zensical", "minijinja"} <= EVERY_ENGINE
