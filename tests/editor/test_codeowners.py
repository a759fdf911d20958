"""CODEOWNERS generated from owner_team; `check` fails when it is stale."""

from __future__ import annotations

from generator.check import check_catalogue
from generator.cli import main
from generator.editor.codeowners import DEFAULT_CORE_TEAM


def _codeowners_problems(project):
    result = check_catalogue(project / "catalogue", root=project)
    return [d for d in result.diagnostics if d.path.endswith("CODEOWNERS")]


def test_writes_one_line_per_department(project, monkeypatch):
    monkeypatch.chdir(project)
    assert main(["codeowners"]) == 0
    text = (project / "CODEOWNERS").read_text(encoding="utf-8")
    assert f"*  {DEFAULT_CORE_TEAM}\n/flowcharts/  {DEFAULT_CORE_TEAM}\n/generator/  {DEFAULT_CORE_TEAM}\n" in text
    assert text.endswith("/catalogue/alpha/  @demo/alpha\n/catalogue/beta/  @demo/beta\n")
    assert main(["codeowners", "--check"]) == 0


def test_core_team_is_configurable_and_remembered(project, monkeypatch):
    monkeypatch.chdir(project)
    assert main(["codeowners", "--core-team", "@demo/office"]) == 0
    assert "/flowcharts/  @demo/office" in (project / "CODEOWNERS").read_text(encoding="utf-8")
    assert _codeowners_problems(project) == []  # check reads the core team from the file's header
    assert main(["codeowners"]) == 0
    assert "/generator/  @demo/office" in (project / "CODEOWNERS").read_text(encoding="utf-8")


def test_check_fails_when_a_team_changes(project, monkeypatch):
    monkeypatch.chdir(project)
    assert main(["codeowners"]) == 0
    assert _codeowners_problems(project) == []
    dept = project / "catalogue" / "beta" / "department.yaml"
    dept.write_text(dept.read_text(encoding="utf-8").replace("@demo/beta", "@demo/beta-new"), encoding="utf-8")
    problems = _codeowners_problems(project)
    assert len(problems) == 1 and problems[0].is_error
    assert problems[0].line == 10  # the first line that differs: beta's
    assert "gongkai codeowners" in problems[0].message
    assert main(["codeowners", "--check"]) == 1


def test_check_fails_when_a_department_is_added(project, monkeypatch):
    monkeypatch.chdir(project)
    assert main(["codeowners"]) == 0
    (project / "catalogue" / "gamma").mkdir()
    (project / "catalogue" / "gamma" / "department.yaml").write_text("id: gamma\nname: 丙局\n", encoding="utf-8")
    assert len(_codeowners_problems(project)) == 1
    assert main(["codeowners"]) == 0
    text = (project / "CODEOWNERS").read_text(encoding="utf-8")
    assert f"/catalogue/gamma/  {DEFAULT_CORE_TEAM}" in text  # no owner_team: the core team reviews it
    assert _codeowners_problems(project) == []


def test_no_codeowners_file_no_check(project):
    assert _codeowners_problems(project) == []


def test_invalid_team_is_reported(project, monkeypatch, capsys):
    monkeypatch.chdir(project)
    dept = project / "catalogue" / "alpha" / "department.yaml"
    dept.write_text(dept.read_text(encoding="utf-8").replace("@demo/alpha", "market team"), encoding="utf-8")
    assert main(["codeowners"]) == 1
    assert "负责团队格式不对" in capsys.readouterr().err
    problems = [d for d in check_catalogue(project / "catalogue", root=project).diagnostics if d.key == "owner_team"]
    assert len(problems) == 1 and problems[0].line == 3


def test_project_codeowners_is_current():
    from generator.paths import PROJECT_ROOT

    assert main(["codeowners", "--check", "--catalogue", str(PROJECT_ROOT / "catalogue")]) == 0
