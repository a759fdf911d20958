"""gongkai synth: deterministic, complete (every kind, category and template) and valid under check --strict."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.check import check_catalogue
from generator.cli import main
from generator.models import Category
from generator.paths import PROJECT_ROOT
from generator.synth import MARKER, plan_records, synthesize
from generator.templates import load_templates

FLOWCHARTS = PROJECT_ROOT / "flowcharts"


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synth") / "catalogue"
    synthesize(out, 60, 4, 7, FLOWCHARTS)
    return out


def test_same_seed_gives_identical_bytes(synthetic: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    synthesize(again, 60, 4, 7, FLOWCHARTS)
    assert _tree(again) == _tree(synthetic)


def test_another_seed_gives_another_catalogue(synthetic: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    synthesize(other, 60, 4, 8, FLOWCHARTS)
    assert _tree(other) != _tree(synthetic)


def test_passes_check_strict(synthetic: Path) -> None:
    result = check_catalogue(synthetic, FLOWCHARTS, strict=True)
    assert [str(d) for d in result.diagnostics] == []
    assert len(result.catalogue.entries) == 60


def test_covers_every_kind_category_and_template(synthetic: Path) -> None:
    catalogue = check_catalogue(synthetic, FLOWCHARTS).catalogue
    kinds = {e.kind for e in catalogue.entries.values()}
    assert kinds == {"powers", "fees", "services"}
    assert {e.record.category for e in catalogue.of_kind("powers", public=False)} == set(Category)
    templates, _ = load_templates(FLOWCHARTS)
    used = {e.template.id for e in catalogue.entries.values() if e.template}
    assert used == set(templates)
    assert catalogue.secret_powers() == [] or all(e.record.secrecy for e in catalogue.secret_powers())


def test_larger_catalogue_has_secret_powers_and_shared_fees() -> None:
    templates, _ = load_templates(FLOWCHARTS)
    files, summary = plan_records(1000, 14, 1, templates)
    assert summary.secret_powers > 0
    fee_refs = [line for text in files.values() for line in text.splitlines() if line.startswith("  - \"") and "-fee-" in line]
    assert len(fee_refs) > len(set(fee_refs))  # the same fee basis is used by several records
    assert summary.records == 1000


def test_refuses_to_overwrite_a_foreign_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    code = main(["synth", "--records", "5", "--out", str(tmp_path)])
    assert code == 1
    assert "不是空目录" in capsys.readouterr().err
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_rewrites_its_own_output(tmp_path: Path) -> None:
    out = tmp_path / "cat"
    assert main(["synth", "--records", "20", "--departments", "2", "--out", str(out)]) == 0
    assert (out / MARKER).is_file()
    assert main(["synth", "--records", "20", "--departments", "1", "--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir() if p.is_dir()) == ["market-regulation"]
