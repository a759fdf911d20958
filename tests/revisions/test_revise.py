"""`gongkai revise`: field diffs, deadlines, abolition, secrecy, determinism."""

from __future__ import annotations

from tests.revisions.conftest import FEE, SHOP, SIGN, Project


def test_baseline_records_everything_without_deadlines(baselined: Project) -> None:
    data = baselined.manifest("2025-03-03")
    assert data["sequence"] == 1 and data["previous"] is None and data["baseline"] is True
    added = {c["id"] for c in data["changes"] if c["action"] == "added"}
    assert added == {"shop-licence", "sign-penalty", "licence-fee", "residence-certificate"}
    assert all("deadline" not in c for c in data["changes"])


def test_changed_record_has_field_diff_and_deadline(baselined: Project) -> None:
    baselined.edit(SHOP, "office: 行政审批科", "office: 政务服务科")
    baselined.set_change(SHOP, "2025-09-25", "机构改革，承办机构调整")
    result = baselined.cli("revise", "--date", "2025-10-30")
    assert result.code == 0, result.err
    change = next(c for c in baselined.manifest("2025-10-30")["changes"] if c["id"] == "shop-licence")
    assert change["action"] == "changed"
    assert change["fields"] == [{"path": ["office"], "label": "承办机构", "old": "行政审批科", "new": "政务服务科"}]
    # 2025-09-25 + 20 working days across 国庆/中秋 (1–8 Oct, make-up 28 Sep and 11 Oct) = 29 Oct.
    assert change["deadline"] == "2025-10-29"
    assert change["on_time"] is False and change["late_workdays"] == 1


def test_minor_change_is_a_correction_not_a_revision_item(baselined: Project) -> None:
    baselined.edit(SHOP, "office: 行政审批科", "office: 行政审批股")
    baselined.set_change(SHOP, "2025-04-01", "改正错别字", "文字修改")
    assert baselined.cli("revise", "--date", "2025-04-02").code == 0
    changes = baselined.manifest("2025-04-02")["changes"]
    assert [c["action"] for c in changes] == ["correction"]
    assert changes[0]["fields"][0]["new"] == "行政审批股"


def test_abolition_needs_a_reason_and_keeps_the_last_snapshot(baselined: Project) -> None:
    (baselined.catalogue / SIGN).unlink()
    refused = baselined.cli("revise", "--date", "2025-05-06")
    assert refused.code == 1 and "sign-penalty" in refused.err and "--abolish" in refused.err
    assert not (baselined.revisions / "2025-05-06.json").exists()
    ok = baselined.cli("revise", "--date", "2025-05-06", "--abolish", "sign-penalty@2025-04-30=职权调整至乡镇")
    assert ok.code == 0, ok.err
    data = baselined.manifest("2025-05-06")
    change = next(c for c in data["changes"] if c["id"] == "sign-penalty")
    assert change["action"] == "abolished" and change["reason"] == "职权调整至乡镇" and change["changed_on"] == "2025-04-30"
    assert change["on_time"] is True
    kept = data["snapshot"]["abolished"]["sign-penalty"]
    assert kept["abolished_on"] == "2025-04-30" and kept["last"]["name"] == change["name"]
    assert "sign-penalty" not in data["snapshot"]["records"]


def test_abolished_records_stay_in_later_snapshots(baselined: Project) -> None:
    (baselined.catalogue / SIGN).unlink()
    assert baselined.cli("revise", "--date", "2025-05-06", "--abolish", "sign-penalty=职权调整").code == 0
    baselined.edit(FEE, "changed_on: 2020-06-01", "changed_on: 2025-06-02")
    assert baselined.cli("revise", "--date", "2025-06-03").code == 0
    assert "sign-penalty" in baselined.manifest("2025-06-03")["snapshot"]["abolished"]


def test_secret_power_appears_only_as_its_non_disclosure_entry(baselined: Project) -> None:
    text = (baselined.revisions / "2025-03-03.json").read_text(encoding="utf-8")
    assert "SENTINEL" not in text and "secret-check" not in text
    assert baselined.manifest("2025-03-03")["snapshot"]["secret"] == [
        {"name": "涉密专项检查", "reason": "涉及国家秘密", "basis": "《中华人民共和国保守国家秘密法》第九条"}
    ]


def test_nothing_changed_is_refused(baselined: Project) -> None:
    result = baselined.cli("revise", "--date", "2025-04-01")
    assert result.code == 1 and "没有任何变更" in result.err


def test_manifest_is_deterministic_and_dated_without_a_clock(project: Project, tmp_path) -> None:  # noqa: ANN001
    assert project.cli("revise", "--baseline").code == 0
    first = next(project.revisions.glob("*.json"))
    assert first.stem == "2025-03-01"  # newest changed_on in the fixture (the secret power's)
    content = first.read_bytes()
    first.unlink()
    assert project.cli("revise", "--baseline").code == 0
    assert first.read_bytes() == content


def test_bad_revision_id_is_refused(project: Project) -> None:
    result = project.cli("revise", "--baseline", "--id", "../evil")
    assert result.code == 1 and "修订编号" in result.err


def test_deadline_in_an_unpublished_year_is_kept_provisional(baselined: Project) -> None:
    """Issue 19 §3: revise is never blocked by a missing holiday notice; the manifest says why the deadline is 暂定."""
    baselined.set_change(SHOP, "2026-12-15", "年末调整")
    result = baselined.cli("revise", "--date", "2026-12-18")
    assert result.code == 0, result.err
    change = next(c for c in baselined.manifest("2026-12-18")["changes"] if c["id"] == "shop-licence")
    assert change["deadline"] == "2027-01-13" and change["on_time"] is True
    assert change["provisional"] == "2027 年节假日安排尚未收录，按法定节假日推算，调休未计入"
    assert "公开期限暂定 1 项" in result.err and "2027-01-13（暂定：2027 年节假日安排尚未收录" in result.err


def test_a_far_revision_date_is_a_chinese_error(baselined: Project) -> None:
    baselined.set_change(SHOP, "2026-12-01", "年末调整")
    result = baselined.cli("revise", "--date", "9999-12-31")
    assert result.code == 1 and "修订日期 9999-12-31 有误" in result.err and "Traceback" not in result.err


def test_dry_run_tells_whether_publish_needs_a_revision(baselined, capsys) -> None:  # noqa: ANN001
    """The pull-request check: nothing is written, and the answer names what a revision would hold."""
    from tests.revisions.conftest import SHOP

    before = sorted(p.name for p in baselined.revisions.iterdir())
    quiet = baselined.cli("revise", "--dry-run")
    assert quiet.code == 0 and "合并后可以直接发布" in quiet.out
    baselined.edit(SHOP, "office: 行政审批科", "office: 政务服务科")
    baselined.set_change(SHOP, "2025-04-01", "机构改革")
    needed = baselined.cli("revise", "--dry-run", "--date", "2025-04-02")
    assert needed.code == 0 and "需要修订" in needed.out and "变更 1 项" in needed.out
    (baselined.catalogue / SHOP).unlink()
    blocked = baselined.cli("revise", "--dry-run")
    assert blocked.code == 0 and "需要修订" in blocked.out and "取消原因" in blocked.out
    assert sorted(p.name for p in baselined.revisions.iterdir()) == before
