"""The 20-working-day rule in `gongkai check`, with "today" injected through GONGKAI_TODAY."""

from __future__ import annotations

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


def test_deadline_in_an_unpublished_year_is_a_clear_error(baselined: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    baselined.set_change(SHOP, "2026-12-15", "年末调整")
    monkeypatch.setenv("GONGKAI_TODAY", "2026-12-16")
    result = baselined.cli("check")
    assert result.code == 1
    assert "2027 年的节假日安排尚未收录" in result.out and "calendar/2027.yaml" in result.out
    assert "Traceback" not in result.out + result.err


def test_bad_today_is_a_diagnostic(changed: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GONGKAI_TODAY", "yesterday")
    result = changed.cli("check")
    assert result.code == 1 and "GONGKAI_TODAY" in result.out
