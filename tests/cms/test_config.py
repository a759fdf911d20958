"""The CMS configuration: one per department, Simplified Chinese, the backend for GitHub, GitLab or Gitea, and the
admin/ folder that `build` and `gongkai cms` write."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.catalogue import Catalogue
from generator.cms import ADMIN_DIR, Backend, Project, admin_files, backend_from_edit_base, config_text, find_node_modules
from generator.cms.config import department_config

PROJECT = Project((("market-regulation", "清河县市场监督管理局"), ("health", "清河县卫生健康局")),
                  Backend("github", "qinghe-county/gongkai"))
EMPTY = Catalogue({}, {}, {})


@pytest.mark.parametrize(("edit_base", "expected"), [
    ("https://github.com/qinghe-county/gongkai/edit/main/", Backend("github", "qinghe-county/gongkai", "main")),
    ("https://gitlab.com/county/gongkai/-/edit/release/", Backend("gitlab", "county/gongkai", "release")),
    ("https://gitlab.county.gov.cn/gov/gongkai/-/edit/main/",
     Backend("gitlab", "gov/gongkai", "main", "https://gitlab.county.gov.cn")),
    ("https://git.county.gov.cn/gov/gongkai/_edit/drafts/", Backend("gitea", "gov/gongkai", "drafts", "https://git.county.gov.cn")),
    (None, None),
])
def test_the_backend_follows_the_sites_repository(edit_base: str | None, expected: Backend | None) -> None:
    assert backend_from_edit_base(edit_base) == expected


def test_each_backend_gets_what_decap_needs() -> None:
    github = Backend("github", "o/r").settings()
    assert github == {"name": "github", "repo": "o/r", "branch": "main", "cms_label_prefix": "cms/"}
    gitlab = Backend("gitlab", "o/r", "main", "https://gitlab.example.gov.cn", "abc").settings()
    assert gitlab["auth_type"] == "pkce" and gitlab["api_root"] == "https://gitlab.example.gov.cn/api/v4" and gitlab["app_id"] == "abc"
    gitea = Backend("gitea", "o/r", "cms-drafts", "https://git.example.gov.cn/", "id").settings()
    assert gitea["api_root"] == "https://git.example.gov.cn/api/v1" and gitea["branch"] == "cms-drafts"
    modes = {name: department_config(PROJECT.departments[0], Project(PROJECT.departments, Backend(name, "o/r")))["publish_mode"]
             for name in ("github", "gitlab", "gitea", "forgejo")}
    # one pull request per change where Decap can open one; Decap's Gitea backend has no editorial workflow
    assert modes == {"github": "editorial_workflow", "gitlab": "editorial_workflow", "gitea": "simple", "forgejo": "editorial_workflow"}
    oauth = Backend("github", "o/r", base_url="https://oauth.example.gov.cn").settings()
    assert oauth["base_url"] == "https://oauth.example.gov.cn" and "api_root" not in oauth  # GitHub's API stays GitHub's


def test_a_department_sees_its_own_folders_in_chinese() -> None:
    config = department_config(PROJECT.departments[0], PROJECT)
    assert config["locale"] == "zh_Hans" and config["local_backend"] is True
    folders = {c["name"]: c.get("folder") or c["files"][0]["file"] for c in config["collections"]}
    assert folders == {"powers": "catalogue/market-regulation/powers", "fees": "catalogue/market-regulation/fees",
                       "services": "catalogue/market-regulation/services",
                       "department": "catalogue/market-regulation/department.yaml", "procedures": "flowcharts"}
    assert [c["format"] for c in config["collections"]] == [
        "gongkai-power", "gongkai-fee", "gongkai-service", "gongkai-department", "gongkai-procedure"]
    assert all(c["label"] for c in config["collections"])
    procedures = config["collections"][-1]
    assert procedures["create"] is False and procedures["delete"] is False  # statutory templates are not made here


def test_admin_files_are_stable_and_say_when_the_scripts_are_missing() -> None:
    files = admin_files(PROJECT, None, "清河县政务公开", EMPTY)
    assert files == admin_files(PROJECT, None, "清河县政务公开", EMPTY)
    assert set(files) >= {"index.html", "gongkai-cms.js", "gongkai-format.js", "config/market-regulation.json", "config/health.json"}
    assert not any(name.startswith("vendor/") for name in files)
    page = files["index.html"].decode()
    assert "make install" in page and "decap-cms.js" not in page
    assert json.loads(files["config/health.json"]) == json.loads(config_text(department_config(PROJECT.departments[1], PROJECT)))


def test_department_names_are_escaped_in_the_chooser() -> None:
    project = Project((("x", "<script>alert(1)</script>"),), None)
    page = admin_files(project, find_node_modules(None), "站", EMPTY)["index.html"].decode()
    assert "<script>alert" not in page and "&lt;script&gt;" in page


def test_the_built_site_has_the_editor(sample_site) -> None:  # noqa: ANN001
    admin = sample_site.out / ADMIN_DIR
    page = (admin / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in page and 'href="?department=public-security"' in page
    assert (admin / "vendor/decap-cms.js").is_file(), "make install 没有装好 npm 包"
    assert (admin / "vendor/yaml/index.js").is_file()
    config = json.loads((admin / "config/public-security.json").read_text(encoding="utf-8"))
    assert config["backend"] == {"name": "github", "repo": "qinghe-county/gongkai", "branch": "main", "cms_label_prefix": "cms/"}


def test_gongkai_cms_writes_a_gitea_editor(run_cli, tmp_path: Path) -> None:  # noqa: ANN001
    root = Path(__file__).resolve().parent.parent.parent
    out = tmp_path / "admin"
    result = run_cli("cms", "--catalogue", str(root / "catalogue"), "--config", str(root / "mkdocs.yml"), "--out", str(out),
                     "--backend", "gitea", "--repo", "gov/gongkai", "--base-url", "https://git.example.gov.cn", "--app-id", "x")
    assert result.code == 0, result.err
    config = json.loads((out / "config/health.json").read_text(encoding="utf-8"))
    assert config["backend"]["name"] == "gitea" and config["publish_mode"] == "simple"
    missing = run_cli("cms", "--catalogue", str(root / "catalogue"), "--config", str(root / "mkdocs.yml"), "--out", str(out),
                      "--backend", "gitea", "--repo", "gov/gongkai")
    assert missing.code == 1 and "--base-url" in missing.err
