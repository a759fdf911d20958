"""Link validation in strict mode (issue 8 item 6), on each engine: a broken Markdown link or anchor, in a hand-written
page or a generated one, fails `gongkai build` with a Chinese list; the preview server only reports it.

A named difference: Zensical does not report absolute links ("/catalogue/powers/"), which break once a revision is
published under /<revision-id>/; MkDocs' `validation.links.absolute_links` does."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from generator.build import BuildRequest, build
from generator.compile import compile_catalogue
from generator.errors import BuildError
from generator.engines import engine
from generator.site import Page
from tests.conftest import ENGINES, GOOD, ROOT

pytestmark = pytest.mark.e2e

BROKEN_CONTENT = "# 坏链接\n\n见[不存在的页面](nope.md)、[不存在的位置](about.md#no-such-heading)和[绝对链接](/catalogue/powers/)。\n"
BROKEN_GENERATED = Page("powers/zz-broken.md", "坏链接", "# 坏链接\n\n[别处](../departments/none.md)，[本页](#no-anchor-here)。\n")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real mkdocs.yml, content/ and overrides/, with one hand-written page full of broken links."""
    root = tmp_path_factory.mktemp("links") / "project"
    root.mkdir()
    shutil.copy2(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    for folder in ("content", "overrides"):
        shutil.copytree(ROOT / folder, root / folder)
    (root / "content" / "broken.md").write_text(BROKEN_CONTENT, encoding="utf-8")
    return root


def _config(site: Path) -> dict:
    html = (site / "index.html").read_text(encoding="utf-8")
    match = re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S)
    assert match, "Material 的 __config 不在首页中"
    return json.loads(match.group(1))


# What each engine says about BROKEN_CONTENT and BROKEN_GENERATED.
EXPECTED = {
    "mkdocs": ("站点生成失败：MkDocs 报告了 5 个问题", [
        "页面 broken.md 中的链接“nope.md”指向的页面或文件不存在。",
        "页面 broken.md 中的链接“about.md#no-such-heading”指向的位置 #no-such-heading 在 about.md 中不存在。",
        "页面 broken.md 中的链接“/catalogue/powers/”以 / 开头",
        "页面 powers/zz-broken.md 中的链接“../departments/none.md”指向的页面或文件不存在。",
        "页面 powers/zz-broken.md 中的链接“#no-anchor-here”指向的位置在本页不存在。",
    ]),
    "zensical": ("站点生成失败：Zensical 报告了 4 个问题", [
        "页面 broken.md 第 3 行中的链接“nope.md”指向的页面或文件不存在。",
        "页面 broken.md 第 3 行中的链接指向的位置 #no-such-heading 不存在。",
        "中的链接“../departments/none.md”指向的页面或文件不存在。",
        "中的链接指向的位置 #no-anchor-here 不存在。",
    ]),
}
PREVIEW_WARNINGS = {"mkdocs": (3, "页面 broken.md 中的链接"), "zensical": (2, "页面 broken.md 第 3 行中的链接")}


@pytest.mark.parametrize("name", ENGINES)
def test_broken_links_fail_the_build_with_a_chinese_list(name: str, project: Path, tmp_path: Path) -> None:
    config, door = project / "mkdocs.yml", engine(name)
    bundle = compile_catalogue(GOOD / "catalogue", door.site_options_from(config), GOOD / "flowcharts").bundle
    bundle.add(BROKEN_GENERATED)
    with pytest.raises(BuildError) as caught:
        door.build_site(bundle, config, tmp_path / "site")
    message = str(caught.value)
    header, expected = EXPECTED[name]
    assert message.startswith(header), message
    for line in expected:
        assert line in message, message
    assert "Doc file" not in message and "does not exist" not in message  # every message we know of is told in Chinese


@pytest.mark.parametrize("name", ENGINES)
def test_preview_reports_warnings_and_publish_turns_on_versions(name: str, project: Path, tmp_path: Path) -> None:
    """`gongkai serve` passes `warn`: the site is still built. `gongkai publish` passes `versioned`."""
    warnings: list[str] = []
    out = tmp_path / "site"
    build(BuildRequest(GOOD / "catalogue", out, project / "mkdocs.yml", GOOD / "flowcharts", warn=warnings.append, versioned=True,
                       engine=name))
    assert (out / "broken" / "index.html").is_file()
    count, start = PREVIEW_WARNINGS[name]
    assert len(warnings) == count and all(w.startswith(start) for w in warnings), warnings
    assert _config(out)["version"] == {"provider": "mike"}
    assert not (out / "search.json").exists()  # Zensical writes its own (empty) index; Pagefind is the site's search


def test_plain_sample_build_asks_for_no_versions_json(sample_site) -> None:  # noqa: ANN001 — tests.conftest.SampleSite
    """Material fetches ../versions.json only when a version provider is set; a plain build writes none."""
    assert _config(sample_site.out)["version"] is None
    assert not (sample_site.out / "versions.json").exists()
