"""Every built HTML page declares Simplified Chinese for mainland China, and titles are not doubled."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

HTML_TAG = re.compile(r"<html\b[^>]*>", re.IGNORECASE)
LANG = re.compile(r"""\blang\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)


def html_lang(text: str) -> str | None:
    tag = HTML_TAG.search(text)
    found = LANG.search(tag.group(0)) if tag else None
    return found.group(1) if found else None


def test_html_lang_reads_the_attribute() -> None:
    assert html_lang('<!doctype html><html class="no-js" lang="zh-CN">') == "zh-CN"
    assert html_lang("<html>") is None and html_lang("<p>no html element</p>") is None


def test_every_page_is_zh_cn(engine_site) -> None:  # noqa: ANN001
    pages = sorted(engine_site.out.rglob("*.html"))
    assert len(pages) > 50, "样例站点的页面太少，构建可能不完整"
    wrong = {p.relative_to(engine_site.out).as_posix(): html_lang(p.read_text(encoding="utf-8")) for p in pages}
    wrong = {path: lang for path, lang in wrong.items() if lang != "zh-CN"}
    assert not wrong, f"这些页面的 <html lang> 不是 zh-CN：{wrong}"


def _title(site: Path, page: str) -> str:
    return TITLE.search((site / page).read_text(encoding="utf-8")).group(1).strip()


def test_home_title_is_the_site_name_once(engine_site) -> None:  # noqa: ANN001
    config = (engine_site.catalogue.parent / "mkdocs.yml").read_text(encoding="utf-8")
    site_name = re.search(r"^site_name:\s*(.+?)\s*$", config, re.MULTILINE).group(1)
    assert _title(engine_site.out, "index.html") == site_name
    assert _title(engine_site.out, "catalogue/powers/index.html") == f"行政职权目录 - {site_name}"
