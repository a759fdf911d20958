"""The check pipeline end to end on small catalogues: robustness and a property test (issue 8 item 2)."""

from __future__ import annotations

import gc
import json
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import outlive
from generator.check import check_catalogue
from generator.diagnostics import format_plain
from generator.models import Power
from tests.conftest import BAD, GOOD
from tests.helpers import power


def _check(catalogue: Path, flowcharts: Path = GOOD / "flowcharts"):
    result = check_catalogue(catalogue, flowcharts)
    for d in result.diagnostics:
        format_plain(d)  # formatting never raises either
    return result


def test_good_catalogue_is_clean_and_resolved() -> None:
    result = _check(GOOD / "catalogue")
    assert result.diagnostics == [] and result.files == 7
    assert sorted(result.catalogue.entries) == ["licence-fee", "residence-certificate", "secret-check", "shop-licence", "sign-penalty"]


def test_what_a_last_check_built_is_frozen_only_when_the_process_ends_after_it(monkeypatch) -> None:
    """The collector would otherwise walk every object the stages made, all left in its youngest generation."""
    frozen = gc.get_freeze_count()
    try:
        check_catalogue(GOOD / "catalogue", GOOD / "flowcharts", last=True)
        assert gc.get_freeze_count() == frozen  # not armed: an in-process caller goes on, its garbage still collectable
        monkeypatch.setattr(outlive, "_armed", True)
        monkeypatch.setattr(outlive, "_kept", [])  # what it keeps goes with the test
        check_catalogue(GOOD / "catalogue", GOOD / "flowcharts", last=True)
        assert gc.get_freeze_count() > frozen and gc.isenabled()
    finally:
        gc.unfreeze()


def test_missing_catalogue_is_one_problem(tmp_path: Path) -> None:
    result = _check(tmp_path / "none")
    assert [d.message for d in result.diagnostics] == ["目录不存在。请用 --catalogue 指定记录所在的文件夹。"]
    assert result.failed()


def test_catalogue_that_is_a_file(tmp_path: Path) -> None:
    file = tmp_path / "catalogue"
    file.write_text("x", encoding="utf-8")
    assert _check(file).failed()


def test_broken_template_is_reported_and_records_using_it_are_told(tmp_path: Path) -> None:
    flowcharts = tmp_path / "flowcharts"
    shutil.copytree(GOOD / "flowcharts", flowcharts)
    (flowcharts / "licensing.yaml").write_text("id: licensing\nsteps: [\n", encoding="utf-8")
    (flowcharts / "nameless.yaml").write_text("id: other\n", encoding="utf-8")
    result = _check(GOOD / "catalogue", flowcharts)
    shown = [(Path(d.path).name, d.key, d.message[:12]) for d in result.diagnostics]
    assert ("licensing.yaml", "", "YAML 格式错误：缺少") in shown
    assert any(name == "nameless.yaml" and key == "name" for name, key, _ in shown)
    assert ("shop-licence.yaml", "template", "流程模板“licensi") in shown
    assert all(d.line >= 1 for d in result.diagnostics)


def test_positions_follow_edits(tmp_path: Path) -> None:
    """Positions are cached per file version: an edited file (gongkai serve) gets fresh line numbers."""
    catalogue = tmp_path / "catalogue"
    shutil.copytree(BAD / "_base" / "catalogue", catalogue)
    record = catalogue / "demo" / "powers" / "p.yaml"
    record.parent.mkdir()
    text = json.dumps(power(name=""), ensure_ascii=False, indent=1)
    record.write_text(text, encoding="utf-8")
    first = _check(catalogue).diagnostics[0]
    record.write_text("\n\n\n" + text, encoding="utf-8")
    second = _check(catalogue).diagnostics[0]
    assert (first.key, second.key) == ("name", "name") and second.line == first.line + 3


# Values a careless or hostile editor could type: scalars, lists and mappings, nested a few levels.
_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10, 10**6), st.text(max_size=12),
                     st.sampled_from(["工作日", "自然日", "行政许可", "2025-02-30", "2025-01-01", "demo", "<script>", "其他材料"]))
_VALUES = st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
    st.sampled_from(["name", "days", "unit", "title", "level", "article", "text", "phone", "ref", "id", "x"]), inner, max_size=3), max_leaves=8)
_KEYS = st.sampled_from(sorted(Power.model_fields) + ["unknown", "名称"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(changes=st.dictionaries(_KEYS, _VALUES, max_size=4), drop=st.sets(st.sampled_from(["id", "name", "legal_basis", "department"]), max_size=2))
def test_any_power_gives_diagnostics_or_a_valid_record(changes: dict, drop: set) -> None:
    data = {k: v for k, v in power(**changes).items() if k not in drop}
    with tempfile.TemporaryDirectory() as tmp:
        catalogue = Path(tmp) / "catalogue"
        shutil.copytree(BAD / "_base" / "catalogue", catalogue)
        (catalogue / "demo" / "powers").mkdir()
        (catalogue / "demo" / "powers" / "p.yaml").write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")
        result = _check(catalogue)
    assert result.failed() or "p" in result.catalogue.entries
    assert all(d.line >= 1 and d.col >= 1 and d.message for d in result.diagnostics)
