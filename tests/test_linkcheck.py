"""generator/linkcheck.py: broken internal links and anchors in built HTML (issue 8 item 6)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.linkcheck import BrokenLink, check_site

SITE_URL = "https://gov.example.cn/gongkai/"

# A tiny built site: page path → HTML.
PAGES = {
    "index.html": """<!doctype html><html><head>
        <link rel="stylesheet" href="assets/site.css"><script src="assets/app.js"></script>
        <link rel="canonical" href="https://gov.example.cn/gongkai/"></head><body id="top-of-page">
        <a href="#main">跳到正文</a><main id="main"><a name="legacy"></a>
        <a href="powers/">职权</a> <a href="powers/index.html#p-1">第一条</a> <a href="powers#p-1">无斜杠</a>
        <a href="%E4%B8%8B%E8%BD%BD/">下载</a> <a href="powers/#%E6%9D%A1%E4%BB%B6">条件</a>
        <a href="#legacy">旧锚点</a> <a href="#">顶部</a> <a href="?q=1">查询</a> <a>无链接</a>
        <img src="charts/a.svg" srcset="charts/a.png 1x, charts/a@2x.png 2x" alt="">
        <picture><source srcset="charts/a.png"></picture>
        <a href="https://other.example.org/x/">外站</a> <a href="//cdn.example.org/y">外站</a>
        <a href="https://gov.example.cn/mzj/">门户上的部门网站</a> <a href="https://gov.example.cn/gongkai/powers/">本站</a>
        <a href="mailto:x@example.cn">邮件</a> <a href="tel:12345">电话</a> <img src="data:image/svg+xml;base64,AA==" alt="">
        <a href="charts/a.svg#node1">图</a> <a href="powers/?x=a:b">冒号在查询中</a> <a href="data/all.csv#row=2">数据</a>
        </main></body></html>""",
    "powers/index.html": '<html><body><h2 id="p-1">一</h2><h2 id="条件">条件</h2><a href="../index.html#main">回首页</a></body></html>',
    "下载/index.html": "<html><body>下载</body></html>",
    "assets/site.css": "",
    "assets/app.js": "",
    "charts/a.svg": '<svg xmlns="http://www.w3.org/2000/svg"><g id="node1"/></svg>',
    "charts/a.png": "",
    "charts/a@2x.png": "",
    "data/all.csv": "a,b\n",
}


def _site(tmp_path: Path, extra: dict[str, str] | None = None) -> Path:
    site = tmp_path / "site"
    for rel, text in {**PAGES, **(extra or {})}.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(text, encoding="utf-8")
    return site


def _bad(body: str) -> dict[str, str]:
    return {"bad/index.html": f"<html><body><h1 id='here'>坏</h1>{body}</body></html>"}


def test_a_sound_site_has_no_broken_link(tmp_path: Path) -> None:
    assert check_site(_site(tmp_path), SITE_URL) == []


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ('<a href="../nowhere/">x</a>', "nowhere/index.html 不存在"),
        ('<a href="../powers/index.html#p-9">x</a>', "#p-9 在 powers/index.html 中不存在"),
        ('<a href="#gone">x</a>', "#gone 在 bad/index.html 中不存在"),
        ('<a href="../charts/a.svg#none">x</a>', "#none 在 charts/a.svg 中不存在"),
        ('<img src="../charts/missing.png" alt="">', "charts/missing.png 不存在"),
        ('<img srcset="../charts/a.png 1x, ../charts/b@2x.png 2x" alt="">', "charts/b@2x.png 不存在"),
        ('<source srcset="../charts/none.webp">', "charts/none.webp 不存在"),
        ('<script src="../assets/gone.js"></script>', "assets/gone.js 不存在"),
        ('<link rel="stylesheet" href="../assets/gone.css">', "assets/gone.css 不存在"),
        ('<a href="../../../etc/passwd">x</a>', "站点目录之外"),
        ('<a href="/gongkai/nowhere/">x</a>', "nowhere/index.html 不存在"),
        ('<a href="/elsewhere/">x</a>', "不在站点路径 /gongkai/ 下"),
        ('<a href="https://gov.example.cn/gongkai/gone/">x</a>', "gone/index.html 不存在"),
        ('<a href="javascript:alert(1)">x</a>', "javascript:"),
        ('<a href="&#106;ava&#x09;script:alert(1)">x</a>', "javascript:"),  # entities and a tab: still a script URL
        ('<a href=" JavaScript:void(0)">x</a>', "javascript:"),
        ('<a href="data:text/html,<script>alert(1)</script>">x</a>', "data:"),
        ('<a href="ftp://gov.example.cn/x">x</a>', "不支持的协议 ftp:"),
    ],
)
def test_each_kind_of_broken_link_is_reported(tmp_path: Path, body: str, reason: str) -> None:
    broken = check_site(_site(tmp_path, _bad(body)), SITE_URL)
    assert len(broken) == 1, broken
    assert broken[0].page == "bad/index.html" and reason in broken[0].reason, str(broken[0])


def test_without_site_url_absolute_links_are_not_followed(tmp_path: Path) -> None:
    site = _site(tmp_path, _bad('<a href="https://gov.example.cn/gongkai/gone/">x</a><a href="/gone/">y</a>'))
    assert [b.url for b in check_site(site)] == ["/gone/"]  # root-absolute links are still local


def test_reports_are_sorted_and_readable(tmp_path: Path) -> None:
    site = _site(tmp_path, {"b/index.html": '<a href="../x/">x</a>', "a/index.html": '<a href="#y">y</a>'})
    broken = check_site(site, SITE_URL)
    assert [b.page for b in broken] == ["a/index.html", "b/index.html"]
    assert str(broken[1]) == "b/index.html：<a> “../x/” 指向的文件 x/index.html 不存在。"
    assert isinstance(broken[0], BrokenLink)


def test_sample_site_has_no_broken_internal_link(engine_site) -> None:  # noqa: ANN001 — tests.conftest.SampleSite
    """Every page of the built sample: links, anchors, stylesheets, scripts, images, charts and downloads.

    No site_url: the sample's records link to department websites on the county portal, which shares the host
    of the configured site_url but is not part of this build; the site's own links are all relative.
    """
    broken = check_site(engine_site.out)
    assert not broken, f"{len(broken)} 个失效链接，前 20 个：\n" + "\n".join(map(str, broken[:20]))


def test_cli_lists_broken_links_and_fails(tmp_path: Path, run_cli) -> None:  # noqa: ANN001 — tests.conftest fixture
    site = _site(tmp_path)
    assert run_cli("linkcheck", str(site), "--site-url", SITE_URL).code == 0
    (site / "powers" / "index.html").unlink()
    result = run_cli("linkcheck", str(site), "--site-url", SITE_URL)
    assert result.code == 1
    assert "index.html：<a> “powers/” 指向的文件 powers/index.html 不存在。" in result.err
    assert result.err.rstrip().endswith("个失效链接（1 个页面）。")


def test_cli_refuses_a_folder_that_is_not_a_site(tmp_path: Path, run_cli) -> None:  # noqa: ANN001
    result = run_cli("linkcheck", str(tmp_path))
    assert result.code == 1 and "请先运行 gongkai build" in result.err and "Traceback" not in result.err


def test_percent_signs_are_decoded_once(tmp_path: Path) -> None:
    site = _site(tmp_path, {"100%41/index.html": "<html><body>x</body></html>",
                            "p/index.html": '<a href="../100%2541/">ok</a><a href="../100A/">gone</a>'})
    assert [b.url for b in check_site(site)] == ["../100A/"]
