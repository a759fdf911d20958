"""Small helpers for driving the search page and reading the catalogue the site was built from."""

from __future__ import annotations

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
