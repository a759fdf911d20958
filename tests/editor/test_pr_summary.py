"""The pull-request summary: changed records, changed fields, changed charts (from a real git history)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from generator.editor.pr_summary import summarise

POWER = Path(__file__).parent / "corpus" / "catalogue" / "demo" / "powers" / "too-slow.yaml"


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args], cwd=repo, check=True,
                   capture_output=True)


@pytest.fixture
def repo(project: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    powers = project / "catalogue" / "alpha" / "powers"
    powers.mkdir()
    text = POWER.read_text(encoding="utf-8").replace("department: demo", "department: alpha").replace("id: too-slow", "id: permit")
    text = text.replace("promised_limit: {days: 25", "promised_limit: {days: 15")
    (powers / "permit.yaml").write_text(text + "procedure:\n  template: licensing\n", encoding="utf-8")
    _git(project, "init", "-q", "-b", "main")
    _git(project, "add", "-A")
    _git(project, "commit", "-q", "-m", "base")
    _git(project, "checkout", "-q", "-b", "edit")
    (powers / "permit.yaml").write_text(text.replace("{days: 15", "{days: 12") + "procedure:\n  template: licensing\n",
                                        encoding="utf-8")
    (project / "catalogue" / "beta" / "department.yaml").unlink()
    _git(project, "add", "-A")
    _git(project, "commit", "-q", "-m", "edit")
    return project


def test_summary_lists_records_fields_and_charts(repo, tmp_path):
    charts = tmp_path / "charts"
    text = summarise(repo, "main", "catalogue", "flowcharts", charts, "https://example.invalid/run/1",
                     dot_of=lambda entry: f"digraph {{ label=\"{entry.record.promised_limit.days}\" }}")
    assert "### 修改行政职权：承诺时限超过法定时限的职权" in text
    assert "| `promised_limit.days` | 天数 | 15 | 12 |" in text
    assert "### 删除部门：示例县乙局" in text
    assert "修改前 `permit-before.svg`，修改后 `permit-after.svg`" in text
    assert "[本次运行的附件](https://example.invalid/run/1)" in text
    assert (charts / "permit-before.svg").read_bytes().startswith(b"<?xml")
    assert (charts / "permit-after.svg").is_file()


def test_chart_previews_show_node_text_and_legend():
    from generator.charts.dot import chart_body_dot
    from generator.editor.pr_summary import render_svg
    from tests.charts.entries import make_entry

    svg = render_svg(chart_body_dot(make_entry("licensing"))).decode()
    assert ">办理条件</text>" in svg and "图例" in svg and 'role="img"' in svg


def test_new_fields_have_labels_and_absent_is_not_none():
    """Issue 21: a new nested field shows its Chinese label; a field added where there was none reads 未填写, not 无."""
    from generator.editor.pr_summary import _cell, field_changes
    from generator.models import Power

    before = {"materials": [{"name": "申请书"}]}
    after = {"materials": [{"name": "申请书", "copies": 2, "alternatives": ["电子申请表"]}], "penalty": {"range": "罚款"}}
    changes = {c.key: c for c in field_changes(Power, before, after)}
    assert changes["materials[1].copies"].label == "份数" and changes["materials[1].copies"].before is None
    assert changes["penalty.range"].label == "处罚幅度"
    assert _cell(None) == "（未填写）"


def test_summary_never_shows_a_secret_records_fields(repo, tmp_path):
    """Made secret in the pull request, with public fields left in the file (check refuses them): the summary shows
    only the 不公开事项目录 entry, and draws no chart of it, not even the earlier public one."""
    path = repo / "catalogue" / "alpha" / "powers" / "permit.yaml"
    text = path.read_text(encoding="utf-8").replace("category: 行政许可", "category: 行政许可\nsecret: true\n"
                                                    "secrecy: {reason: 涉及国家秘密, basis: 保密法第九条, reference: REF-SECRET-1}")
    path.write_text(text.replace("promised_limit: {days: 12", "promised_limit: {days: 11"), encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "secret")
    charts = tmp_path / "charts"
    summary = summarise(repo, "main", "catalogue", "flowcharts", charts, None, dot_of=lambda entry: "digraph { }")
    assert "### 修改涉密职权：承诺时限超过法定时限的职权" in summary
    assert "| `secrecy.reason` | 不公开理由 | （未填写） | 涉及国家秘密 |" in summary
    for secret in ("REF-SECRET-1", "行政许可法", "二十日内", "promised_limit", "category", "2024-03-01"):
        assert secret not in summary
    assert not list(charts.glob("permit-*")) and "permit" not in summary.split("## 流程图变化")[1]

    path.write_text(text.replace("reference: REF-SECRET-1", "reference: REF-SECRET-2"), encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "internal reference only")
    _git(repo, "branch", "-f", "main", "HEAD~1")
    assert "没有修改任何记录" in summarise(repo, "main", "catalogue", "flowcharts", None, None, dot_of=lambda entry: "digraph { }")
