"""A writable copy of the good fixture project with helpers to edit records and cut revisions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

SHOP = "demo-market/powers/shop-licence.yaml"
SIGN = "demo-market/powers/sign-penalty.yaml"
FEE = "demo-market/fees/licence-fee.yaml"


class Project:
    def __init__(self, root: Path, run_cli) -> None:  # noqa: ANN001 — the run_cli fixture
        self.root = root
        self.catalogue = root / "catalogue"
        self.revisions = root / "revisions"
        self._run = run_cli

    def edit(self, record: str, old: str, new: str) -> None:
        path = self.catalogue / record
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {record}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def set_change(self, record: str, on: str, note: str, kind: str | None = None) -> None:
        path = self.catalogue / record
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith(("changed_on:", "change_note:", "change_kind:"))]
        lines += [f"changed_on: {on}", f"change_note: {note}"] + ([f"change_kind: {kind}"] if kind else [])
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    def cli(self, *args: str):  # noqa: ANN201 — CliResult
        return self._run(*args[:1], "--catalogue", str(self.catalogue), *args[1:])

    def manifest(self, rev_id: str) -> dict:
        return json.loads((self.revisions / f"{rev_id}.json").read_text(encoding="utf-8"))


def seen(out: Path, revision: str, rel: str) -> str:
    """What a reader of a published revision's page sees: a page unchanged since then forwards to the root's
    (generator/revisions/same.py)."""
    text = (out / revision / rel).read_text(encoding="utf-8")
    return (out / rel).read_text(encoding="utf-8") if "<title>本页未变更</title>" in text else text


@pytest.fixture
def project(good_catalogue: Path, run_cli) -> Project:  # noqa: ANN001
    return Project(good_catalogue, run_cli)


@pytest.fixture
def baselined(project: Project) -> Project:
    """The fixture with a first (baseline) revision dated 2025-03-03."""
    result = project.cli("revise", "--baseline", "--date", "2025-03-03", "--note", "首次发布")
    assert result.code == 0, result.err
    return project
