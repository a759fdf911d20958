"""Small helpers for driving the search page and reading the catalogue the site was built from."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import quote

from generator.catalogue import Catalogue, Entry

RESULT_TIMEOUT_MS = 10_000


@dataclass(frozen=True)
class Result:
    title: str
    meta: str
    href: str


def public_entries(catalogue: Catalogue, kind: str) -> list[Entry]:
    return sorted(catalogue.of_kind(kind), key=lambda e: e.id)


def search_page(page, base_url: str, term: str) -> list[Result]:  # noqa: ANN001 — playwright Page
    """Open the search page for `term` and return the first page of results once the status is announced."""
    page.goto(f"{base_url}search/?q={quote(term)}")
    return read_results(page)


def read_results(page) -> list[Result]:  # noqa: ANN001
    page.wait_for_function(
        "document.querySelector('[data-gk-search-page] [data-gk-status]').textContent.length > 0",
        timeout=RESULT_TIMEOUT_MS,
    )
    rows = page.eval_on_selector_all(
        "[data-gk-results] > li",
        "items => items.map(li => [li.querySelector('.gk-result__title').textContent,"
        " li.querySelector('.gk-result__meta').textContent, li.querySelector('a').getAttribute('href')])",
    )
    return [Result(*row) for row in rows]


def status_text(page) -> str:  # noqa: ANN001
    return page.inner_text("[data-gk-search-page] [data-gk-status]")


def recording_page(browser, base_url: str) -> Iterator[object]:  # noqa: ANN001 — playwright Browser
    """A fresh page of the site at `base_url` that records console errors; calls off the site (the theme's
    GitHub badge) are stubbed."""
    context = browser.new_context()
    context.route(lambda url: not url.startswith(base_url), lambda route: route.fulfill(status=200, body="{}", content_type="application/json"))
    # mkdocs.yml asks Material for mike's versions.json, which `gongkai publish` writes beside the site.
    versions = '[{"version": "current", "title": "current", "aliases": ["latest"]}]'
    context.route("**/versions.json", lambda route: route.fulfill(status=200, body=versions, content_type="application/json"))
    tab = context.new_page()
    tab.console_errors = []
    tab.on("console", lambda msg: tab.console_errors.append(msg.text) if msg.type == "error" else None)
    tab.on("pageerror", lambda exc: tab.console_errors.append(str(exc)))
    tab.on("response", lambda r: tab.console_errors.append(f"HTTP {r.status} {r.url}") if r.status >= 400 else None)
    yield tab
    context.close()


def tick_facet(page, name: str, value: str) -> None:  # noqa: ANN001
    """Unfold the 筛选 control (folded on load, so results sit right under the box) and tick one value."""
    if page.get_attribute("[data-gk-filters]", "open") is None:
        page.click("[data-gk-filters] > summary")
    page.check(f"[data-gk-facets] input[name='{name}'][value='{value}']")


def browse_by_facet(page, base_url: str, name: str, value: str) -> tuple[int, list[str]]:  # noqa: ANN001
    """Tick one facet with the search box empty; return the number of results and every bundle data file
    (index, filter or fragment chunk) fetched for it."""
    page.goto(f"{base_url}search/")
    page.wait_for_selector("[data-gk-search-page][data-gk-ready]")
    page.wait_for_load_state("networkidle")
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))  # the search worker's fetches included
    tick_facet(page, name, value)
    results = read_results(page)
    page.wait_for_load_state("networkidle")
    total = re.search(r"找到 (\d+) 项", status_text(page))
    assert total and results, status_text(page)
    return int(total.group(1)), [u for u in fetched if re.search(r"/pagefind(?:-\d+)?/(index|filter|fragment)/", u)]
