"""End to end in headless Chromium: the admin/ written by `gongkai cms`, served by the test site server, with
Decap's local backend (decap-server, git mode: one cms/<collection>/<slug> branch per change, as a pull request
per change on GitHub or GitLab). An editor creates a service item in the form and edits a power; the preview draws
the power's flowchart (Graphviz in WebAssembly), or says in Chinese why it cannot."""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pytest

from generator.charts.text import clean
from generator.check import check_catalogue
from generator.editor.fmt import format_text, model_for_path
from generator.search.httpd import serve_directory
from tests.cms.conftest import require_node_modules
from tests.cms.local import decap_server, git, make_repo, write_admin

pytestmark = pytest.mark.e2e
DEPARTMENT = "public-security"
NEW_ID = "residence-permit-endorsement"


@pytest.fixture(scope="module")
def cms(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201 — (repo, admin URL)
    require_node_modules()
    where = tmp_path_factory.mktemp("cms")
    repo = make_repo(where)
    with decap_server(repo) as backend, serve_directory(write_admin(repo, where / "site", backend)) as base:
        yield repo, f"{base}admin/?department={DEPARTMENT}"


@pytest.fixture
def editor(chromium, cms):  # noqa: ANN001, ANN201 — a logged-in page
    _, url = cms
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(url)
    page.get_by_role("button", name="登录").click()
    page.locator("a[href*='/collections/powers']").first.wait_for()  # the collections are listed: logged in
    yield page
    context.close()
    assert not errors, errors


def _control(scope, name: str):  # noqa: ANN001, ANN202 — Decap names each control <field name>-field-<n>
    return scope.locator(f'[id^="{name}-field-"]').first


def _choose(scope, name: str, option: str) -> None:  # noqa: ANN001
    box = _control(scope, name)
    box.click()
    box.page.get_by_role("option", name=option, exact=True).click()


def _branch_file(repo: Path, branch: str, path: str, before: str | None = None, timeout: float = 30) -> str:
    """The file as committed on the entry's branch (decap-server creates the branch, then commits on it)."""
    deadline = time.monotonic() + timeout
    while True:
        listed = git(repo, "ls-tree", branch, path) if branch in git(repo, "branch", "--list", branch) else ""
        text = git(repo, "show", f"{branch}:{path}") if listed else None
        if text is not None and text != before:
            return text
        assert time.monotonic() < deadline, f"nothing saved on {branch}: {git(repo, 'branch', '--list')}"
        time.sleep(0.3)


def test_a_service_item_created_in_the_form_passes_check_strict(editor, cms, tmp_path: Path, run_cli) -> None:  # noqa: ANN001
    repo, url = cms
    editor.goto(url + "#/collections/services/new")
    _control(editor, "id").fill(NEW_ID)
    _control(editor, "name").fill("居住证签注")
    _control(editor, "description").fill("为持有本县居住证的居民办理年度签注，签注后居住证继续有效。")
    editor.get_by_role("button", name="新增申请材料").click()
    _control(editor.locator('[id^="materials-field-"]'), "name").fill("居住证")
    limit = editor.locator('[id^="promised_limit-field-"]')
    _control(limit, "days").fill("0")
    _choose(limit, "unit", "工作日")
    _choose(editor, "handling_type", "即办件")
    charged = _control(editor, "charged")  # a switch starts unset (收费情况未公布); on and off again states 不收费
    charged.click()
    charged.click()
    _control(editor, "changed_on").fill("2025-06-03")
    _control(editor, "change_note").fill("新增居住证签注服务事项")
    preview = editor.frame_locator("iframe").first
    assert preview.get_by_role("heading", name="居住证签注").is_visible()
    editor.get_by_role("button", name="保存").first.click()

    path = f"catalogue/{DEPARTMENT}/services/{NEW_ID}.yaml"
    text = _branch_file(repo, f"cms/services/{NEW_ID}", path)
    assert git(repo, "ls-tree", "main", path) == "", "the change must wait on its own branch, not land on main"
    assert format_text(text, model_for_path(Path(path))) == text, f"not what gongkai fmt writes:\n{text}"
    checked = tmp_path / "checked"
    for folder in ("catalogue", "flowcharts"):
        shutil.copytree(repo / folder, checked / folder)
    (checked / path).write_text(text, encoding="utf-8")
    result = run_cli("check", "--strict", "--catalogue", str(checked / "catalogue"), "--flowcharts", str(checked / "flowcharts"))
    assert result.code == 0, result.err + "\n" + text
    assert "materials:\n  - name: 居住证\n" in text and "promised_limit:\n  days: 0\n  unit: 工作日\n" in text, text
    assert "charged: false\n" in text, text


def test_editing_a_power_changes_only_the_edited_line(editor, cms) -> None:  # noqa: ANN001
    repo, url = cms
    slug = "vehicle-detention"
    path = f"catalogue/{DEPARTMENT}/powers/{slug}.yaml"
    editor.goto(url + f"#/collections/powers/entries/{slug}")
    name = _control(editor, "name")
    old = name.input_value()
    assert old, "the form did not load the record"
    name.fill(old + "（试行）")
    editor.get_by_role("button", name="保存").first.click()

    _branch_file(repo, f"cms/powers/{slug}", path, before=git(repo, "show", f"main:{path}"))
    diff = git(repo, "diff", "--unified=0", "main", f"cms/powers/{slug}", "--", path)
    changed = [line for line in diff.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changed == [f"-name: {old}", f"+name: {old}（试行）"], diff


def _chart(editor, url: str, slug: str):  # noqa: ANN001, ANN202 — the preview frame once its chart section settled
    editor.goto(url + f"#/collections/powers/entries/{slug}")
    frame = editor.frame_locator("iframe").first
    frame.locator(".gk-chart svg, .gk-chart-message:not(:has-text('正在绘制'))").first.wait_for(timeout=60_000)
    return frame


def test_the_preview_draws_the_powers_flowchart(editor, cms) -> None:  # noqa: ANN001
    repo, url = cms
    slug = "vehicle-detention"
    entry = check_catalogue(repo / "catalogue", repo / "flowcharts").catalogue.entries[slug]
    frame = _chart(editor, url, slug)
    svg = frame.locator(".gk-chart svg")
    assert svg.count() == 1, frame.locator(".gk-chart-section").inner_text()
    text = "".join(svg.locator("text").all_text_contents())
    assert len(entry.steps) >= 5
    for index, step in enumerate(entry.steps, 1):
        assert f"{index}. {clean(step.name)}" in text, text
    assert "图例" in text and "监督方式" in text and "救济途径" in text  # the legend, supervision and remedies as on the site
    _control(editor, "name").fill("扣留机动车")  # the chart follows the form
    frame.locator(".gk-chart svg text", has_text="扣留机动车 权力运行流程图").first.wait_for(timeout=30_000)


def test_without_graphviz_the_preview_says_why_in_chinese(editor, cms) -> None:  # noqa: ANN001
    _, url = cms
    editor.route("**/vendor/viz/viz.js", lambda route: route.fulfill(status=404, body="not found"))
    frame = _chart(editor, url, "vehicle-detention")
    assert frame.locator(".gk-chart svg").count() == 0
    message = frame.locator(".gk-chart-message").inner_text()
    assert message == ("无法显示流程图：表单编辑器缺少画流程图的组件（vendor/viz/viz.js）。"
                       "请在项目目录运行 make install（需要 npm），然后重新生成网站。")
    assert frame.get_by_role("heading", name="办理环节（顺序示意）").is_visible()  # the steps as a list instead
