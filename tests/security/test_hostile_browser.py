"""Headless Chromium loads the hostile pages and searches for the payloads: no planted alert ever fires."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from generator.search.httpd import serve_directory
from tests.security.hostile import MARKER_PREFIX

pytestmark = pytest.mark.e2e
PAGES = ("", "powers/hostile-power/", "fees/hostile-fee/", "services/hostile-service/", "departments/demo-market/",
         "responsibility/demo-market/", "catalogue/powers/", "catalogue/services/", "catalogue/fees/", "downloads/")


@pytest.fixture(scope="module")
def tab(hostile_site, chromium) -> Iterator[object]:  # noqa: ANN001
    with serve_directory(hostile_site.out) as base:
        context = chromium.new_context()
        context.route(lambda url: not url.startswith(base), lambda route: route.abort())  # nothing leaves the site
        page = context.new_page()
        page.fired = []
        page.on("dialog", lambda d: (page.fired.append(f"dialog {d.message}"), d.dismiss()))
        page.on("console", lambda m: page.fired.append(f"console {m.text}") if MARKER_PREFIX in m.text else None)
        page.base = base
        yield page
        context.close()


def test_no_planted_script_runs_on_any_page(tab) -> None:  # noqa: ANN001
    for path in PAGES:
        tab.goto(tab.base + path)
        tab.wait_for_load_state("load")
        tab.mouse.click(5, 5)  # would trigger an injected onclick on the page's first element
    assert tab.fired == []
    tab.goto(tab.base + "powers/hostile-power/")
    assert MARKER_PREFIX in tab.inner_text("article")  # the payload is on screen, as text


def test_search_results_for_payloads_are_text(tab) -> None:  # noqa: ANN001
    tab.goto(tab.base + "search/?q=script%20alert")
    tab.wait_for_function("document.querySelectorAll('.gk-result, [class*=gk-result]').length > 0", timeout=15_000)
    tab.wait_for_timeout(500)  # let any injected handler fire before looking
    assert tab.fired == []
    injected = tab.evaluate(
        "Array.from(document.querySelectorAll('main img, main script, main iframe, main svg[onload], main [onerror]'))"
        ".filter(e => (e.outerHTML || '').includes('alert')).length"
    )
    assert injected == 0
