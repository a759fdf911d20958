"""`gongkai calendar add`: a year's notice is validated, taken in, and every provisional deadline is recomputed.

The 2027 arrangement is made up for the tests (tests/workdays/test_data.py); only a temporary project gets it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.compile import compile_catalogue
from generator.render.pages import SiteOptions
from tests.revisions.conftest import SHOP, SIGN, Project
from tests.workdays.test_data import MADE_UP_2027

CALENDAR = Path(__file__).resolve().parents[2] / "calendar"
REASON = "2027 年节假日安排尚未收录，按法定节假日推算，调休未计入"


@pytest.fixture
def late(baselined: Project, tmp_path: Path) -> Project:
    """A change of 2027-01-14 revised on 2027-02-18: provisionally one working day late (deadline 2027-02-17);
    the made-up 2027 notice has a make-up Sunday (31 January) that makes it due on 2027-02-18, on time."""
    shutil.copytree(CALENDAR, baselined.root / "calendar")
    baselined.edit(SHOP, "office: 行政审批科", "office: 政务服务科")
    baselined.set_change(SHOP, "2027-01-14", "机构改革")
    result = baselined.cli("revise", "--date", "2027-02-18")
    assert result.code == 0, result.err
    change = next(c for c in baselined.manifest("2027-02-18")["changes"] if c["id"] == "shop-licence")
    assert (change["deadline"], change["late_workdays"], change["provisional"]) == ("2027-02-17", 1, REASON)
    (tmp_path / "draft").mkdir()
    (tmp_path / "draft" / "2027.yaml").write_text(MADE_UP_2027, encoding="utf-8")
    return baselined


def add(project: Project, *extra: str, draft: Path | None = None):  # noqa: ANN201 — CliResult
    draft = draft or project.root.parent / "draft" / "2027.yaml"
    return project._run("calendar", "add", str(draft), "--catalogue", str(project.catalogue), *extra)


def test_adding_the_year_reports_the_deadline_that_moved(late: Project) -> None:
    result = add(late)
    assert result.code == 0, result.err
    assert (late.root / "calendar" / "2027.yaml").read_text(encoding="utf-8") == MADE_UP_2027
    assert "已收录 2027 年节假日安排：国务院办公厅关于2027年部分节假日安排的通知（测试用虚构数据）（国办发明电〔2026〕99号）" in result.err
    assert "重算了 1 个暂定的公开期限，1 个有变动：" in result.err
    assert f"  修订 2027-02-18 · 示例经营许可：2027-02-17（暂定：{REASON}） → 2027-02-18；逾期 1 个工作日（暂定） → 按期\n" in result.err


def test_a_change_not_yet_revised_is_recomputed_too(baselined: Project, tmp_path: Path) -> None:
    shutil.copytree(CALENDAR, baselined.root / "calendar")
    baselined.set_change(SIGN, "2027-01-14", "裁量基准调整")
    baselined.set_change(SHOP, "2026-12-15", "年末调整")  # provisional, but the made-up 2027 notice leaves it where it was
    draft = tmp_path / "2027.yaml"
    draft.write_text(MADE_UP_2027, encoding="utf-8")
    result = add(baselined, draft=draft)
    assert result.code == 0, result.err
    assert "重算了 2 个暂定的公开期限，1 个有变动：" in result.err and "其余 1 个期限没有变动。" in result.err
    assert f"  尚未修订 · 对未按规定悬挂证照的处罚：2027-02-17（暂定：{REASON}） → 2027-02-18\n" in result.err


def test_pages_show_the_recomputed_deadline(late: Project) -> None:
    before = compile_catalogue(late.catalogue, SiteOptions(site_name="示例县")).bundle.pages
    assert f"2027-02-17（暂定：{REASON}）" in _text(before["revisions/2027-02-18.md"].content)
    assert "逾期 1 个工作日（暂定）" in before["revisions/2027-02-18.md"].content
    assert "公开期限暂定的变更" in before["compliance.md"].content
    assert add(late).code == 0
    after = compile_catalogue(late.catalogue, SiteOptions(site_name="示例县")).bundle.pages
    page = _text(after["revisions/2027-02-18.md"].content)
    assert "2027-02-18（原暂定 2027-02-17，已按节假日安排更正） · 按期" in page and "暂定：" not in page
    assert "逾期公开的变更" not in after["compliance.md"].content and "公开期限暂定的变更" not in after["compliance.md"].content
    assert late.manifest("2027-02-18")["changes"][0]["deadline"] == "2027-02-17"  # the manifest itself is never rewritten


def test_an_existing_year_needs_replace(late: Project) -> None:
    assert add(late).code == 0
    again = add(late)
    assert again.code == 1 and "已存在" in again.err and "--replace" in again.err
    assert add(late, "--replace").code == 0


def test_a_bad_draft_is_refused_with_lines_and_nothing_written(late: Project) -> None:
    draft = late.root.parent / "draft" / "2027.yaml"
    draft.write_text(MADE_UP_2027.replace("    number: 国办发明电〔2026〕99号\n", "").replace("date: 2027-05-08", "date: 2027-05-07"), encoding="utf-8")
    result = add(late)
    assert result.code == 1 and "Traceback" not in result.err
    assert "2027.yaml:4: 缺少文号（number）。" in result.err
    assert "2027.yaml:33: 调休上班日 2027-05-07 是星期五：调休上班日只能是周六或周日" in result.err
    assert not (late.root / "calendar" / "2027.yaml").exists()


def test_a_year_edited_in_place_can_be_taken_in(late: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    target = late.root / "calendar" / "2027.yaml"
    target.write_text(MADE_UP_2027, encoding="utf-8")
    result = add(late, draft=target)
    assert result.code == 0 and "1 个有变动" in result.err
    monkeypatch.setenv("GONGKAI_TODAY", "2027-02-19")
    assert "暂定" not in late.cli("check").out


def _text(markdown: str) -> str:
    return markdown.replace("&#45;", "-")
