"""Accessibility checks on the sample site built on each engine (`engine_site`): one HTTP server, one Chromium and one axe pass per
page for this package (under pytest-xdist: per worker).

Package scope, not session: Playwright's sync API allows one running instance per process, and tests/search and
tests/charts start their own after this package; ours must be closed by then."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.search.httpd import serve_directory

SEARCH_TERM = "许可"
# Every default axe rule, plus the enhanced (WCAG AAA 7:1) contrast rule that axe leaves off by default: it is our
# stricter readability target (content/accessibility.md).
AXE_OPTIONS = {"resultTypes": ["violations"], "rules": {"color-contrast-enhanced": {"enabled": True}}}  # a word in many records: the search page is checked with results on it


@dataclass(frozen=True)
class CheckedPage:
    name: str  # Chinese label used in failure messages
    path: str  # URL path below the site root, "" for the home page

    @property
    def file(self) -> str:
        """The HTML file of the page, relative to the site folder (the query string is not part of it)."""
        path = self.path.split("?")[0]
        return path if path.endswith(".html") else path + "index.html"


def _largest(site: Path, section: str) -> str:
    """The biggest page of a section: it exercises the most template branches (steps, fees, materials …)."""
    pages = sorted(site.glob(f"{section}/*/index.html"), key=lambda p: (-p.stat().st_size, p.as_posix()))
    assert pages, f"样例站点中没有 {section}/ 页面"
    return pages[0].parent.relative_to(site).as_posix() + "/"


def checked_pages(site: Path) -> dict[str, CheckedPage]:
    """The pages issue 8 names: home, a department, a power, a fee basis, a service item, search, the catalogues."""
    pages = [
        CheckedPage("首页", ""),
        CheckedPage("部门页", _largest(site, "departments")),
        CheckedPage("行政职权页", _largest(site, "powers")),
        CheckedPage("收费依据页", _largest(site, "fees")),
        CheckedPage("服务事项页", _largest(site, "services")),
        CheckedPage("搜索页", f"search/?q={SEARCH_TERM}"),
        CheckedPage("行政职权目录", "catalogue/powers/"),
        CheckedPage("服务事项目录", "catalogue/services/"),
        CheckedPage("收费目录", "catalogue/fees/"),
        CheckedPage("部门列表", "departments/"),
        CheckedPage("无障碍说明", "accessibility/"),
        CheckedPage("个人办事", "personal/"),
        CheckedPage("人生事件页", "events/shop/"),
        CheckedPage("找不到页面", "404.html"),
    ]
    return {page.name: page for page in pages}


# Static, so tests can be parametrized before the site exists; test_pages_are_the_ones_checked keeps it in step.
PAGE_NAMES = ["首页", "部门页", "行政职权页", "收费依据页", "服务事项页", "搜索页", "行政职权目录", "服务事项目录", "收费目录",
              "部门列表", "无障碍说明", "个人办事", "人生事件页", "找不到页面"]

# The reader's settings every page is checked in: 关怀模式 off/on (a localStorage choice, applied before the page is
# drawn) × the light/dark scheme (Material follows the system's until the reader picks one).
CARE = 'try { localStorage.setItem("gk-care", "1"); } catch (e) {}'
VARIANTS = {"普通": {}, "关怀": {"care": True}, "深色": {"dark": True}, "关怀深色": {"care": True, "dark": True}}

# The second engine's reading settings are checked on one page of each kind only: the home page, the record page with
# the most template branches, the search page with results, and a catalogue table. A setting is our stylesheet
# (overrides/) over Material's palette, the same on both engines; on the default engine every page is checked in every
# setting, and on both engines every page is checked in 普通. All 14 pages × 3 more settings on Zensical too were 42 more
# axe passes (about 2 minutes of CPU) in the suite's 10-minute budget (CI, 2 cores).
SECOND_ENGINE = "zensical"
SECOND_ENGINE_SETTING_PAGES = ("首页", "行政职权页", "搜索页", "行政职权目录")


def on_second_engine_only_some_pages(item: pytest.Item) -> bool:
    """True for a test of a reading setting other than 普通, on the second engine, of a page not in the subset above."""
    params = item.callspec.params if hasattr(item, "callspec") else {}
    return (params.get("engine_site") == SECOND_ENGINE and params.get("variant", "普通") != "普通"
            and params.get("name") not in SECOND_ENGINE_SETTING_PAGES)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    dropped = [item for item in items if on_second_engine_only_some_pages(item)]
    if dropped:  # reported as deselected in the summary line
        config.hook.pytest_deselected(items=dropped)
        items[:] = [item for item in items if not on_second_engine_only_some_pages(item)]


@pytest.fixture(scope="package")
def pages(engine_site) -> dict[str, CheckedPage]:  # noqa: ANN001 — tests.conftest.SampleSite
    return checked_pages(engine_site.out)


@pytest.fixture(scope="package")
def site_url(engine_site) -> Iterator[str]:  # noqa: ANN001
    with serve_directory(engine_site.out) as url:
        yield url


def site_context(chromium, site_url: str, **options: object):  # noqa: ANN001, ANN201 — playwright types
    """A browser context for the site at `site_url` (playwright new_context `options`); requests off the site (the
    theme's GitHub badge, mike's versions.json) are stubbed."""
    ctx = chromium.new_context(**options)
    ctx.route(lambda url: not url.startswith(site_url), lambda route: route.fulfill(status=200, body="{}", content_type="application/json"))
    ctx.route("**/versions.json", lambda route: route.fulfill(status=200, body="[]", content_type="application/json"))
    return ctx


@pytest.fixture(scope="package")
def context(chromium, site_url: str) -> Iterator[object]:  # noqa: ANN001 — playwright Browser
    ctx = site_context(chromium, site_url, viewport={"width": 1280, "height": 900})
    yield ctx
    ctx.close()


@pytest.fixture
def tab(context) -> Iterator[object]:  # noqa: ANN001 — playwright BrowserContext
    page = context.new_page()
    yield page
    page.close()


def open_page(tab, site_url: str, page: CheckedPage) -> None:  # noqa: ANN001 — playwright Page
    """Load a page and wait until its scripts have finished drawing (search results, table controls)."""
    tab.goto(site_url + page.path)
    tab.wait_for_load_state("load")  # deferred scripts (browse.js) have run by now
    if page.path.startswith("search/"):  # Pagefind answers asynchronously; the status line is set last
        tab.wait_for_function(
            "document.querySelector('[data-gk-search-page] [data-gk-status]').textContent.length > 0", timeout=10_000
        )


@pytest.fixture(scope="package")
def variant_context(chromium, site_url: str, context) -> Iterator[object]:  # noqa: ANN001
    """`variant_context(name)`: a desktop context with one of VARIANTS' settings, made once ("普通" is `context`)."""
    made: dict[str, object] = {"普通": context}

    def get(variant: str):  # noqa: ANN202
        if variant not in made:
            settings = VARIANTS[variant]
            ctx = site_context(chromium, site_url, viewport={"width": 1280, "height": 900},
                               color_scheme="dark" if settings.get("dark") else "light")
            if settings.get("care"):
                ctx.add_init_script(CARE)
            made[variant] = ctx
        return made[variant]

    yield get
    for name, ctx in made.items():
        if name != "普通":
            ctx.close()


@pytest.fixture(scope="package")
def axe_results(variant_context, site_url: str, pages: dict[str, CheckedPage]):  # noqa: ANN001, ANN201
    """`axe_results(name, variant="普通")`: axe-core's answer for one page in one of VARIANTS, computed at most once
    per session (cached)."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    cache: dict[tuple[str, str], dict] = {}

    def run(name: str, variant: str = "普通") -> dict:
        if (name, variant) not in cache:
            tab = variant_context(variant).new_page()
            try:
                open_page(tab, site_url, pages[name])
                if VARIANTS[variant].get("dark"):
                    assert tab.get_attribute("body", "data-md-color-scheme") == "slate", "深色模式没有生效"
                if VARIANTS[variant].get("care"):
                    assert tab.evaluate("document.documentElement.hasAttribute('data-gk-care')"), "关怀模式没有生效"
                cache[(name, variant)] = axe.run(tab, options=AXE_OPTIONS).response
            finally:
                tab.close()
        return cache[(name, variant)]

    return run
