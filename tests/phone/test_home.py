"""Issue 22 item 6: ways in that people use — 个人办事 / 法人办事, life events and the most used items on the home
page, beside the 五权 catalogue; records name their events and themes."""

from __future__ import annotations

import pytest

from generator.check import check_catalogue
from generator.models.ways import LifeEvent
from generator.render.ways import by_audience, by_event

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def catalogue(sample_site):  # noqa: ANN001, ANN201
    return check_catalogue(sample_site.catalogue, sample_site.flowcharts).catalogue


def test_home_offers_doors_events_popular_items_and_the_catalogue(tab, site_url: str) -> None:  # noqa: ANN001
    tab.goto(site_url)
    doors = tab.eval_on_selector_all("a.gk-ways__door", "els => els.map(e => [e.querySelector('strong').textContent, e.getAttribute('href')])")
    assert doors == [["个人办事", "personal/"], ["法人办事", "business/"]]
    tiles = tab.eval_on_selector_all("a.gk-events__tile", "els => els.map(e => e.firstChild.textContent)")
    assert tiles == [e.value for e in LifeEvent] == ["出生", "上学", "就业", "结婚", "开店", "买房", "养老", "身后事"]
    article = tab.inner_text("article")
    assert "常用事项" in article and "居民身份证申领、换领、补领" in article
    assert "行政职权（五权）" in article and "行政许可" in article
    top = tab.evaluate("document.querySelector('a.gk-ways__door').getBoundingClientRect().top")
    assert top < 300, "个人办事 / 法人办事 应在首屏上方"


def test_event_pages_list_the_records_that_name_them(tab, site_url: str, catalogue) -> None:  # noqa: ANN001
    events = by_event(catalogue)
    assert {e.id for e in events[LifeEvent.SHOP]} >= {"individual-business-registration", "food-business-licence"}
    tab.goto(site_url + "events/shop/")
    links = tab.eval_on_selector_all("article li a", "els => els.map(e => e.textContent)")
    assert links == [e.name for e in events[LifeEvent.SHOP]]
    tab.goto(site_url + "events/school/")  # no sample record names 上学 yet: the page says so and points on
    if not events[LifeEvent.SCHOOL]:
        assert "还没有标明" in tab.inner_text("article") and "12345" in tab.inner_text("article")


def test_audience_pages_group_by_theme(tab, site_url: str, catalogue) -> None:  # noqa: ANN001
    themes = by_audience(catalogue)
    person = next(iter(themes))
    tab.goto(site_url + "personal/")
    headings = tab.eval_on_selector_all("article h2", "els => els.map(e => e.textContent)")
    assert headings == list(themes[person]) and "户籍证件" in headings
    assert tab.evaluate("document.documentElement.scrollWidth") <= 390
