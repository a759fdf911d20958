"""The 20-working-day rule in `gongkai check`, with "today" injected through GONGKAI_TODAY."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.revisions.conftest import SHOP, Project


@pytest.fixture
def changed(baselined: Project) -> Project:
    baselined.edit(SHOP, "office: 行政审批科", "office: 政务服务科")
    baselined.set_change(SHOP, "2026-06-01", "机构改革")  # deadline 2026-06-30 (端午 19 June)
    return baselined


def test_no_revisions_means_no_deadline_checks(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GONGKAI_TODAY", "2030-01-01")
    assert project.cli("check", "--strict").code == 0


def test_far_from_deadline_is_quiet(changed: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GONGKAI_TODAY", "2026-06-02")
    assert changed.cli("check", "--strict").code == 0


def test_close_to_deadline_warns(changed: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GONGKAI_TODAY", "2026-06-24")
    result = changed.cli("check")
    assert result.code == 0
    assert "shop-licence.yaml" in result.out and "警告" in result.out and "2026-06-30" in result.out and "还剩 4 个工作日" in result.out


def test_overdue_change_fails_strict(changed: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GONGKAI_TODAY", "2026-07-02")
    relaxed = changed.cli("check")
    assert relaxed.code == 0 and "已超期 2 个工作日" in relaxed.out
    strict = changed.cli("check", "--strict")
    assert strict.code == 1 and "错误" in strict.out and "shop-licence.yaml" in strict.out


def test_published_change_is_not_reported(changed: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    assert changed.cli("revise", "--date", "2026-06-05").code == 0
    monkeypatch.setenv("GONGKAI_TODAY", "2026-12-01")
    assert changed.cli("check", "--strict").code == 0


def test_deadline_in_an_unpublished_year_is_a_provisional_warning(baselined: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 19 §3: a change whose 20 working days run into 2027 warns, even under --strict, and never fails."""
    baselined.set_change(SHOP, "2026-12-15", "年末调整")
    monkeypatch.setenv("GONGKAI_TODAY", "2026-12-16")
    for args in ((), ("--strict",)):
        result = baselined.cli("check", *args)
        assert result.code == 0, result.out
        assert "0 个错误，1 个警告" in result.err
        assert ("shop-licence.yaml:" in result.out and ": 警告: 变更日期 (changed_on): " in result.out
                and "公开期限为 2027-01-13（暂定：2027 年节假日安排尚未收录，按法定节假日推算，调休未计入）" in result.out
                and "gongkai calendar add" in result.out)


def test_late_december_deadline_of_a_known_year_is_provisional(baselined: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    baselined.set_change(SHOP, "2026-11-27", "年末调整")  # deadline 2026-12-25, inside 2026 but after 20 December
    monkeypatch.setenv("GONGKAI_TODAY", "2026-11-30")
    result = baselined.cli("check", "--strict")
    assert result.code == 0
    assert "公开期限为 2026-12-25（暂定：2027 年节假日安排尚未收录，其元旦调休可能改变 2026 年 12 月 20 日以后的工作日）" in result.out


def test_near_provisional_deadline_is_an_ordinary_warning(baselined: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    """Close to the deadline the editor can act (cut a revision): --strict fails as for any near deadline."""
    baselined.set_change(SHOP, "2026-12-15", "年末调整")
    monkeypatch.setenv("GONGKAI_TODAY", "2027-01-08")
    result = baselined.cli("check", "--strict")
    assert result.code == 1 and "还剩 3 个工作日" in result.out and "暂定" in result.out


@pytest.mark.parametrize("day,says", [("9999-12-31", "太远"), ("2099-12-20", "太远"), ("1900-01-01", "早于 1949 年 10 月 1 日")])
def test_far_change_date_is_an_error_with_file_and_line(project: Project, day: str, says: str) -> None:
    """No revision needed: every record's date is checked, before any deadline is computed."""
    project.set_change(SHOP, day, "笔误")
    line = project.catalogue.joinpath(SHOP).read_text(encoding="utf-8").splitlines().index(f"changed_on: {day}") + 1
    result = project.cli("check")
    assert result.code == 1 and says in result.out
    assert f"shop-licence.yaml:{line}:1: 错误: 变更日期 (changed_on): 变更日期 {day}" in result.out
    assert "Traceback" not in result.out + result.err and "OverflowError" not in result.out + result.err


def test_changes_before_the_regulation_have_no_deadline(baselined: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    baselined.set_change(SHOP, "2005-03-01", "首次编制")
    monkeypatch.setenv("GONGKAI_TODAY", "2026-12-04")
    assert baselined.cli("check", "--strict").code == 0


def test_a_broken_calendar_file_is_reported_at_its_line(project: Project) -> None:
    folder = project.root / "calendar"  # beside the catalogue: used instead of the project's own
    shutil.copytree(Path(__file__).resolve().parents[2] / "calendar", folder)
    path = folder / "2026.yaml"
    text = path.read_text(encoding="utf-8").replace("  - date: 2026-09-20", "  - date: 2026-09-21")
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("  - date: 2026-09-21") + 1
    result = project.cli("check")
    assert result.code == 1
    assert f"calendar/2026.yaml:{line}:" in result.out and "调休上班日 2026-09-21 是星期一" in result.out


SECRET = "demo-market/powers/secret-check.yaml"


def test_secret_change_with_nothing_public_needs_no_revision(baselined: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the 不公开事项目录 entry (name, reason, basis) of a secret power is public: a new internal reference or date
    is no unpublished change (no warning, no revise), a new reason is one."""
    baselined.edit(SECRET, "reference: SENTINEL-REF-7f3a", "reference: SENTINEL-REF-8b4c")
    baselined.edit(SECRET, "changed_on: 2025-03-01", "changed_on: 2026-06-01")
    monkeypatch.setenv("GONGKAI_TODAY", "2030-01-01")
    assert baselined.cli("check", "--strict").code == 0
    assert "没有任何变更" in baselined.cli("revise", "--date", "2026-06-05").err

    baselined.edit(SECRET, "reason: 涉及国家秘密", "reason: 涉及国家秘密和工作秘密")
    result = baselined.cli("check")
    assert result.code == 0 and "secret-check.yaml" in result.out and "已超期" in result.out
    assert baselined.cli("revise", "--date", "2026-06-05").code == 0
    assert baselined.cli("check", "--strict").code == 0
