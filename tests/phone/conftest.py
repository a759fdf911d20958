"""The sample site on a phone: one 390×844 Chromium context over the session's `sample_site` build (tests/conftest.py),
for this package (package scope, like tests/a11y: one Playwright driver per process)."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import quote

import pytest

from generator.search.httpd import serve_directory
from tests.a11y.conftest import site_context

PHONE = {"width": 390, "height": 844}
RESULT_TIMEOUT_MS = 15_000


@pytest.fixture(scope="package")
def site_url(sample_site) -> Iterator[str]:  # noqa: ANN001 — tests.conftest.SampleSite
    with serve_directory(sample_site.out) as url:
        yield url


@pytest.fixture(scope="package")
def phone(chromium, site_url: str) -> Iterator[object]:  # noqa: ANN001 — playwright Browser
    """A phone-sized browser context (touch, mobile viewport)."""
    ctx = site_context(chromium, site_url, viewport=PHONE, device_scale_factor=1, has_touch=True, is_mobile=True)
    yield ctx
    ctx.close()


@pytest.fixture
def tab(phone) -> Iterator[object]:  # noqa: ANN001 — playwright BrowserContext
    page = phone.new_page()
    page.console_errors = []
    page.on("pageerror", lambda exc: page.console_errors.append(str(exc)))
    yield page
    page.close()


def open_search(tab, site_url: str, term: str) -> None:  # noqa: ANN001 — playwright Page
    """The search page for `term`, once its answer (results or none) is announced."""
    tab.goto(f"{site_url}search/?q={quote(term)}")
    tab.wait_for_function("document.querySelector('[data-gk-search-page] [data-gk-status]').textContent.length > 0",
                          timeout=RESULT_TIMEOUT_MS)


def result_titles(tab) -> list[str]:  # noqa: ANN001
    return tab.eval_on_selector_all("[data-gk-results] .gk-result__title", "els => els.map(e => e.textContent)")
