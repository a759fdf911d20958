"""Zensical's link validation in strict mode: a broken link or anchor in a hand-written or a generated page fails the
build with a Chinese list; the preview only reports it; publish turns the version selector on.

A named difference from MkDocs: Zensical does not report absolute links ("/catalogue/powers/"), which break once a
revision is published under /<revision-id>/; MkDocs' `validation.links.absolute_links` does."""

from __future__ import annotations

import pytest

from generator.build import BuildRequest, build
from generator.compile import compile_catalogue
from generator.errors import BuildError
from generator.zensical_adapter.engine import build_site, site_options_from
from tests.conftest import GOOD
from tests.links.test_strict_build import BROKEN_GENERATED, _config, project  # noqa: F401 — the module's project fixture

pytestmark = pytest.mark.e2e


def test_broken_links_fail_the_build_with_a_chinese_list(project, tmp_path) -> None:  # noqa: ANN001, F811
    config = project / "mkdocs.yml"
    bundle = compile_catalogue(GOOD / "catalogue", site_options_from(config), GOOD / "flowcharts").bundle
    bundle.add(BROKEN_GENERATED)
    with pytest.raises(BuildError) as caught:
        build_site(bundle, config, tmp_path / "site")
    message = str(caught.value)
    assert message.startswith("站点生成失败：Zensical 报告了 4 个问题"), message
    for expected in (
        "页面 broken.md 第 3 行中的链接“nope.md”指向的页面或文件不存在。",
        "页面 broken.md 第 3 行中的链接指向的位置 #no-such-heading 不存在。",
        "页面 powers/zz-broken.md 第 ",
        "中的链接“../departments/none.md”指向的页面或文件不存在。",
        "中的链接指向的位置 #no-anchor-here 不存在。",
    ):
        assert expected in message, message
    assert "/catalogue/powers/" not in message  # the named difference: absolute links are not checked
    assert not (tmp_path / "site" / "index.html").exists()


def test_preview_reports_warnings_and_publish_turns_on_versions(project, tmp_path) -> None:  # noqa: ANN001, F811
    warnings: list[str] = []
    out = tmp_path / "site"
    build(BuildRequest(GOOD / "catalogue", out, project / "mkdocs.yml", GOOD / "flowcharts", warn=warnings.append, versioned=True,
                       engine="zensical"))
    assert (out / "broken" / "index.html").is_file()
    assert len(warnings) == 2 and all(w.startswith("页面 broken.md 第 3 行中的链接") for w in warnings), warnings
    assert _config(out)["version"] == {"provider": "mike"}
    assert not (out / "search.json").exists()  # Zensical's own (empty) search index; Pagefind is the site's search
