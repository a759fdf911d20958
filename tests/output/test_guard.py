"""generator/output/guard.py: an output folder that is, holds or lies inside what the site is made from is refused."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.errors import ConfigError
from generator.output import check_out_dir, check_replaceable
from generator.paths import PROJECT_ROOT


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "project"
    for folder in ("catalogue/demo", "flowcharts", "calendar", "revisions", "content", "overrides", ".git"):
        (root / folder).mkdir(parents=True)
    monkeypatch.chdir(root)
    return root


def _check(out: str | Path) -> None:
    check_out_dir(Path(out), Path("catalogue"), sources=[Path("content"), Path("overrides")], homes=[Path(".")])


@pytest.mark.parametrize(("out", "says"), [
    (".", "就是当前目录"), ("", "就是当前目录"), ("..", "包含了当前目录"), ("/", "包含了当前目录"),
    ("catalogue", "就是记录目录"), ("catalogue/demo/site", "位于记录目录"), ("flowcharts", "就是流程模板目录"),
    ("calendar/x", "位于节假日数据目录"), ("revisions", "就是修订记录目录"), (".git/site", "位于Git 仓库目录"),
    ("content/site", "位于站点源文件目录"), ("overrides", "就是站点源文件目录"), ("catalogue/../.", "就是当前目录"),
])
def test_refused(project: Path, out: str, says: str) -> None:
    with pytest.raises(ConfigError, match=says):
        _check(out)


@pytest.mark.parametrize("out", ["site", "public", ".cache/serve-site", "../elsewhere"])
def test_allowed(project: Path, out: str) -> None:
    _check(out)


def test_a_link_to_the_project_is_the_project(project: Path) -> None:
    (project.parent / "looks-harmless").symlink_to(project, target_is_directory=True)
    with pytest.raises(ConfigError, match="就是当前目录"):
        _check(project.parent / "looks-harmless")


def test_the_project_seen_from_elsewhere(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project.parent)
    with pytest.raises(ConfigError, match="就是项目目录"):
        check_out_dir(project, project / "catalogue")
    with pytest.raises(ConfigError, match="Gongkai 程序目录"):
        check_out_dir(PROJECT_ROOT, project / "catalogue")  # not its parent: that may hold the working directory (/tmp)


def test_a_file_is_not_an_output_folder(project: Path) -> None:
    (project / "notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(ConfigError, match="不是文件夹"):
        _check("notes.txt")


def test_only_an_empty_folder_or_a_site_is_replaced(tmp_path: Path) -> None:
    check_replaceable(tmp_path / "absent")
    (tmp_path / "empty").mkdir()
    check_replaceable(tmp_path / "empty")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>", encoding="utf-8")
    check_replaceable(site)
    documents = tmp_path / "documents"
    shutil.copytree(site, documents)
    (documents / "index.html").rename(documents / "报告.docx")
    with pytest.raises(ConfigError, match="不像是生成的网站"):
        check_replaceable(documents)
    published = tmp_path / "public"
    (published / "2025-06-30").mkdir(parents=True)
    (published / "2025-06-30" / "revision.json").write_text("{}", encoding="utf-8")
    check_replaceable(published, ("index.html", "versions.json", "*/revision.json"))
