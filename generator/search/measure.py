"""Measure what a search costs a visitor: bytes fetched from the Pagefind bundle and time to first results.

Drives headless Chromium (Debian's /usr/bin/chromium through Python playwright; never a downloaded browser)
against the built site served on 127.0.0.1. Each query runs in a fresh browser context, so the cache is cold
and the bytes are what a first-time visitor on a phone would download for that query.

Bytes are split by what they are:
- runtime: pagefind.js, the WebAssembly, pagefind-entry.json and the language meta file, the traditional →
  simplified converter and the search words (once per visitor);
- index: the word-index chunks the query needs;
- filter: the facet-value chunks (the search page loads them to draw its facets);
- fragment: the per-result fragments of the first page of results (title, meta, excerpt).
A large site's term sets (generator/search/sets/) count the same way: term files as index, page lists (d/) as
fragment, the filter sets (f.bin, loaded with the page) as filter, sets.js and index.json as runtime.
`query_bytes` = index + fragment, the figure the issue caps at 300 KB.

Each query is timed in `runs` fresh contexts and the median is reported (all runs are listed too): on a shared
2-core VM one cold run of the same query varied by ±50%.
"""

from __future__ import annotations

import os
import re
import statistics
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from generator.errors import GongkaiError
from generator.search.httpd import serve_directory

CHROMIUM = os.environ.get("GONGKAI_CHROMIUM", "/usr/bin/chromium")
# Hosts other than 127.0.0.1 (the theme's GitHub badge) fail at name resolution, so the bench measures our site
# without intercepting requests: a Playwright route pauses every request for the driver, which added 23 ms (URL
# pattern) to 53 ms (Python predicate) to 行政处罚 at 10,000 records (medians of 8, interleaved, dev VM).
OFFLINE = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", OFFLINE]
RESULT_TIMEOUT_MS = 15_000
RUNS = 3  # cold runs per query; the median is reported

# Runs in the page: type the query the way a visitor does (an input event, handled as search.js handles typing), or
# tick one facet with the box empty, and resolve with the milliseconds until the first result is in the DOM, or
# until the status says nothing was found.
_TYPE_AND_TIME = """
async ([query, facet]) => {
  const input = document.querySelector('[data-gk-search-page] input[type=search]');
  const list = document.querySelector('[data-gk-results]');
  const status = document.querySelector('[data-gk-search-page] [data-gk-status]');
  const box = facet && [...document.querySelectorAll('[data-gk-facets] input')]
    .find((b) => b.name === facet[0] && b.value === facet[1]);
  if (facet && !box) return { ms: 0, results: 0, status: 'no facet ' + facet.join('=') };
  status.textContent = '';
  const start = performance.now();
  const done = new Promise((resolve) => {
    const check = () => {
      if (list.children.length || status.textContent.startsWith('没有')) { observer.disconnect(); resolve(); }
    };
    const observer = new MutationObserver(check);
    observer.observe(list, { childList: true });
    observer.observe(status, { childList: true, characterData: true, subtree: true });
  });
  if (box) {
    box.click();
  } else {
    input.value = query;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }
  await done;
  return { ms: performance.now() - start, results: list.children.length, status: status.textContent };
}
"""

# A query written "筛选:类别=行政处罚" ticks that facet with the search box empty (browsing, no words).
FACET_PREFIX = "筛选:"


def _page_action(query: str) -> list:
    """The [query, facet] pair _TYPE_AND_TIME takes."""
    if query.startswith(FACET_PREFIX) and "=" in query:
        return [None, query.removeprefix(FACET_PREFIX).split("=", 1)]
    return [query, None]


# The primary bundle is pagefind/; further shards of a large index are pagefind-1/, pagefind-2/, … (index.py).
# The traditional → simplified converter and the office's search words load with the search: counted as runtime.
_BUNDLE_URL = re.compile(r"/pagefind(-\d+)?/|/assets/vendor/opencc-js/|/search/synonyms\.json|/search/sets/|/assets/gongkai/sets\.js")


def _category(url: str) -> str:
    name = url.split("?")[0].rsplit("/", 1)[-1]
    if "/fragment/" in url or "/search/sets/" in url and "/d/" in url:
        return "fragment"
    if "/index/" in url or "/search/sets/" in url and "/t/" in url:
        return "index"
    if "/filter/" in url or url.split("?")[0].endswith("/f.bin"):
        return "filter"
    return "runtime" if name else "other"


def _measure_one(browser, base: str, query: str, site_dir: Path) -> dict:  # noqa: ANN001 — playwright Browser
    context = browser.new_context()  # a browser launched with CHROMIUM_ARGS: no request leaves 127.0.0.1
    sizes: dict[str, int] = {"runtime": 0, "index": 0, "filter": 0, "fragment": 0, "other": 0}
    counts: dict[str, int] = dict.fromkeys(sizes, 0)
    page = context.new_page()

    # Bundle requests still in flight. Counted when finished, so closing the context never drops one (the
    # search worker's fetches included); "networkidle" cannot be waited for twice, it stays reached.
    pending: set[int] = set()

    def on_request(request) -> None:  # noqa: ANN001
        if _BUNDLE_URL.search(request.url):
            pending.add(id(request))

    def on_finished(request) -> None:  # noqa: ANN001
        if id(request) not in pending:
            return
        pending.discard(id(request))
        # The size of the file served, not response.body(): for the search worker's fetches playwright hands
        # back far fewer bytes than were sent (a 20 KB index chunk read as ~5 KB). The bundle's files are
        # already compressed and our server sends them as they are, so the file is what crosses the wire.
        path = site_dir / unquote(urlsplit(request.url).path).lstrip("/")
        kind = _category(request.url)
        sizes[kind] += path.stat().st_size if path.is_file() else 0
        counts[kind] += 1

    def settle() -> None:
        # Playwright delivers events only while we wait on it: wait until two quiet polls in a row.
        quiet = 0
        for _ in range(RESULT_TIMEOUT_MS // 100):
            page.wait_for_timeout(100)
            quiet = quiet + 1 if not pending else 0
            if quiet == 2:
                return

    page.on("request", on_request)
    page.on("requestfinished", on_finished)
    page.on("requestfailed", lambda request: pending.discard(id(request)))
    page.goto(base + "search/")
    page.wait_for_selector("[data-gk-search-page][data-gk-ready]", timeout=RESULT_TIMEOUT_MS)
    page.wait_for_load_state("networkidle")
    settle()
    before = dict(sizes)
    timing = page.evaluate(_TYPE_AND_TIME, _page_action(query))  # resolves once the first page of results is drawn
    settle()
    context.close()
    query_sizes = {k: sizes[k] - before[k] for k in sizes}
    return {
        "query": query,
        "ms_to_first_result": round(timing["ms"], 1),
        "results_shown": timing["results"],
        "status": timing["status"],
        "bytes": dict(sizes),
        "requests": dict(counts),
        "page_load_bytes": sum(before.values()),
        "query_bytes": query_sizes["index"] + query_sizes["fragment"],
        "total_bytes": sum(sizes.values()),
    }


def _median_run(browser, base: str, query: str, site_dir: Path, runs: int) -> dict:  # noqa: ANN001
    """The run with the median time (bytes are the same every run), with every run's time beside it."""
    rows = sorted((_measure_one(browser, base, query, site_dir) for _ in range(max(1, runs))),
                  key=lambda r: r["ms_to_first_result"])
    middle = rows[(len(rows) - 1) // 2]
    return {**middle, "ms_runs": [r["ms_to_first_result"] for r in rows],
            "ms_to_first_result": round(statistics.median(r["ms_to_first_result"] for r in rows), 1)}


def measure_queries(site_dir: Path, queries: Iterable[str], browser: object | None = None, runs: int = RUNS) -> dict:
    """Serve `site_dir`, run each query on its search page in a cold browser `runs` times, and report bytes
    and the median time.

    `browser`: an already launched playwright Browser to reuse (playwright allows one sync driver per thread),
    launched with CHROMIUM_ARGS; by default Debian's chromium is launched and closed here.
    Returns {"queries": [per-query dicts], "max_query_bytes", "max_total_bytes", "max_ms"}.
    """
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise GongkaiError("测量搜索需要 playwright：请运行 pip install -e '.[test]'。") from None
    site_dir = Path(site_dir)
    if not (site_dir / "pagefind" / "pagefind.js").is_file():
        raise GongkaiError(f"{site_dir} 中没有搜索索引（pagefind/），请先运行 gongkai build。")
    rows: list[dict] = []
    try:
        with serve_directory(site_dir) as base:
            if browser is not None:
                rows = [_median_run(browser, base, q, site_dir, runs) for q in queries]
            else:
                with sync_playwright() as p:
                    own = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                    try:
                        rows = [_median_run(own, base, q, site_dir, runs) for q in queries]
                    finally:
                        own.close()
    except PlaywrightError as exc:
        raise GongkaiError(f"测量搜索失败：{exc}") from None
    return {
        "queries": rows,
        "max_query_bytes": max((r["query_bytes"] for r in rows), default=0),
        "max_total_bytes": max((r["total_bytes"] for r in rows), default=0),
        "max_ms": max((r["ms_to_first_result"] for r in rows), default=0.0),
    }
