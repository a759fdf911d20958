"""What the link checker cannot see: requests the page's scripts make (Material fetches ../versions.json when a
version provider is set). The home page of the plain sample build, in Chromium, requests nothing that fails."""

from __future__ import annotations


import pytest

from generator.search.httpd import serve_directory

pytestmark = pytest.mark.e2e



def test_home_page_makes_no_failing_request(engine_site, chromium) -> None:  # noqa: ANN001 — tests.conftest fixtures
    failed: list[str] = []
    requested: list[str] = []
    with serve_directory(engine_site.out) as url:
        page = chromium.new_page()
        try:
            page.route(lambda u: not u.startswith(url), lambda route: route.abort())  # off-site: never fetched
            page.on("request", lambda r: requested.append(r.url))
            page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
            page.on("requestfailed", lambda r: failed.append(f"{r.failure} {r.url}") if r.url.startswith(url) else None)
            page.goto(url, wait_until="networkidle")
        finally:
            page.close()
    assert len(requested) > 3, requested  # the page, its stylesheets and scripts: the recorder works
    assert not [u for u in requested if u.endswith("versions.json")], "普通构建不应请求 versions.json"
    assert not failed, "首页有失败的请求：\n" + "\n".join(failed)
