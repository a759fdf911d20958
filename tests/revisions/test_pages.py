"""History on the site: 修订记录, revision pages, abolished records, record history, compliance, Atom feed."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from generator.compile import compile_catalogue
from generator.render.pages import SiteOptions
from generator.site import SiteBundle
from tests.revisions.conftest import SHOP, SIGN, Project

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def history(baselined: Project) -> SiteBundle:
    baselined.edit(SHOP, "office: 行政审批科", "office: 政务服务科")
    baselined.set_change(SHOP, "2025-09-25", "机构改革")
    (baselined.catalogue / SIGN).unlink()
    assert baselined.cli("revise", "--date", "2025-10-30", "--abolish", "sign-penalty@2025-10-20=职权调整至乡镇").code == 0
    return compile_catalogue(baselined.catalogue, SiteOptions(site_name="示例县")).bundle


def test_revision_list_and_page(history: SiteBundle) -> None:
    index = history.pages["revisions/index.md"].content
    assert "(2025-10-30.md)" in index and "(2025-03-03.md)" in index
    assert index.index("2025-10-30.md") < index.index("2025-03-03.md")  # newest first
    page = history.pages["revisions/2025-10-30.md"].content
    assert "| 承办机构 | 行政审批科 | 政务服务科 |" in page
    assert "逾期 1 个工作日" in page and "职权调整至乡镇" in page


def test_abolished_record_stays_findable(history: SiteBundle) -> None:
    page = history.pages["powers/sign-penalty.md"]
    assert "已取消" in page.title and "职权调整至乡镇" in page.content and "2025&#45;10&#45;20" in page.content
    assert "(../powers/sign-penalty.md)" in history.pages["revisions/2025-10-30.md"].content


def test_record_page_shows_its_own_history(history: SiteBundle) -> None:
    page = history.pages["powers/shop-licence.md"].content
    block = page.split("## 修订记录", 1)[1]
    assert "最近一次修订：[2025&#45;10&#45;30](../revisions/2025-10-30.md)" in block
    assert "机构改革（承办机构）" in block and "(../revisions/2025-03-03.md)" in block


def test_compliance_is_computed_from_facts(history: SiteBundle) -> None:
    page = history.pages["compliance.md"].content
    row = next(line for line in page.splitlines() if "departments/demo-market.md" in line)
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert cells[3:6] == ["2", "50%", "1"]  # two timed changes, one late
    assert cells[7].strip("*") in {"优秀", "良好", "一般", "较差"}


def test_feed_is_atom_dated_by_revisions(history: SiteBundle) -> None:
    root = ET.fromstring(history.files["feed.xml"])
    assert root.tag == f"{ATOM}feed"
    assert root.find(f"{ATOM}updated").text == "2025-10-30T00:00:00+08:00"
    entries = root.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}id").text for e in entries] == ["urn:gongkai:revision:2025-10-30", "urn:gongkai:revision:2025-03-03"]
    assert entries[0].find(f"{ATOM}link").get("href") == "revisions/2025-10-30/"


def test_history_pages_never_show_secret_content(history: SiteBundle) -> None:
    text = "".join(p.content for p in history.pages.values() if p.path.startswith(("revisions/", "compliance"))) + history.files["feed.xml"].decode()
    assert "SENTINEL" not in text and "secret-check" not in text
