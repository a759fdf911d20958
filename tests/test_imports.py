"""The compiler core never imports mkdocs: only generator/mkdocs_adapter/ may (DESIGN §4, §5)."""

from __future__ import annotations

import ast

from tests.conftest import ROOT

PACKAGE = ROOT / "generator"
ADAPTER = PACKAGE / "mkdocs_adapter"
ENGINE_PACKAGES = {"mkdocs", "material"}


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


def test_core_does_not_import_mkdocs() -> None:
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if ADAPTER in path.parents:
            continue
        found = _imported_roots(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))) & ENGINE_PACKAGES
        if found:
            offenders.append(f"{path.relative_to(ROOT)}: {sorted(found)}")
    assert offenders == []


def test_the_scan_sees_imports() -> None:
    tree = ast.parse("import mkdocs.config\nfrom material import x\nimportlib.import_module('mkdocs')\n")
    assert _imported_roots(tree) >= {"mkdocs", "material"}
