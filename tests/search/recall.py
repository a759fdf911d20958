"""Search recall on a built site: for each word, the record pages whose indexed text contains it, against the pages
the site's search page finds for it.

Indexed text is what Pagefind reads: the `data-pagefind-body` region of a record page (powers/, fees/, services/)
minus every `data-pagefind-ignore` subtree and scripts. Found pages are read from the search page itself in headless Chromium,
with 包括已取消的事项 ticked when the index has withdrawn items, and 更多结果 clicked until every result is listed.

    .venv/bin/python -m tests.search.recall SITE_DIR [WORD …]

prints one line per word: pages containing it, pages found, found pages containing it (recall = that / containing),
found pages not containing it.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit

from generator.search.index import record_pages

# Words citizens type (the portal's own examples and the catalogue's common terms).
COMMON_WORDS = ("举报", "投诉", "许可", "处罚", "营业执照", "身份证", "低保", "复议", "罚款", "登记",
                "社保", "驾驶", "结婚", "医疗", "食品", "不动产", "工伤", "补贴", "罚没", "证明")

_SKIPPED = {"script", "style", "template", "noscript"}  # never text to Pagefind (the JSON-LD is a script in the body)
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_BLOCK = {"p", "div", "li", "td", "th", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "section",
          "article", "table", "ul", "ol", "dl", "details", "summary", "figure", "figcaption", "blockquote", "pre"}


class _BodyText(HTMLParser):
    """Text inside data-pagefind-body, outside data-pagefind-ignore; block elements end a run of text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, in body, ignored)
        self.parts: list[str] = []

    def _state(self) -> tuple[bool, bool]:
        return (self.stack[-1][1], self.stack[-1][2]) if self.stack else (False, False)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {name for name, _ in attrs}
        body, ignored = self._state()
        body = body or "data-pagefind-body" in names
        ignored = ignored or "data-pagefind-ignore" in names or tag in _SKIPPED
        if tag in _BLOCK and body and not ignored:
            self.parts.append("\n")
        if tag not in _VOID:
            self.stack.append((tag, body, ignored))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        for i in range(len(self.stack) - 1, -1, -1):  # tolerate unclosed children
            if self.stack[i][0] == tag:
                body, ignored = self.stack[i][1], self.stack[i][2]
                del self.stack[i:]
                if tag in _BLOCK and body and not ignored:
                    self.parts.append("\n")
                return

    def handle_data(self, data: str) -> None:
        body, ignored = self._state()
        if body and not ignored:
            self.parts.append(data)


def indexed_text(html: str) -> str:
    parser = _BodyText()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


def pages_containing(site_dir: Path, words: list[str] | tuple[str, ...]) -> dict[str, set[str]]:
    """word → site-relative URLs ("powers/x/") of the record pages whose indexed text contains it."""
    texts = {_url(rel): indexed_text((Path(site_dir) / rel).read_text(encoding="utf-8")) for rel in record_pages(Path(site_dir))}
    return {word: {url for url, text in texts.items() if word in text} for word in words}


def _url(rel: str) -> str:
    return rel.removesuffix("index.html")


_READY = "[data-gk-search-page][data-gk-ready]"
_STATUS = "[data-gk-search-page] [data-gk-status]"


def found_pages(page, base_url: str, word: str) -> set[str]:  # noqa: ANN001 — playwright Page
    """Every record page the search page lists for `word`, withdrawn items included (site-relative URLs)."""
    page.goto(f"{base_url}search/")
    page.wait_for_selector(_READY)
    withdrawn = page.query_selector("[data-gk-facets] input[value='已取消']")
    if withdrawn:
        page.click("[data-gk-filters] > summary")
        withdrawn.check()
    page.eval_on_selector(_STATUS, "s => { s.textContent = ''; }")
    page.fill("[data-gk-search-page] input[type=search]", word)
    page.wait_for_function(f"document.querySelector('{_STATUS}').textContent.length > 0")
    while page.is_visible("[data-gk-more]"):
        before = page.eval_on_selector_all("[data-gk-results] > li", "l => l.length")
        page.click("[data-gk-more]")
        page.wait_for_function(f"document.querySelectorAll('[data-gk-results] > li').length > {before}")
    hrefs = page.eval_on_selector_all("[data-gk-results] > li a.gk-result__link", "l => l.map(a => a.href)")
    root = urlsplit(base_url).path
    return {urlsplit(urljoin(base_url, h)).path.removeprefix(root) for h in hrefs}


@dataclass(frozen=True)
class Recall:
    word: str
    containing: int
    found: int
    found_containing: int

    @property
    def recall(self) -> float:
        return self.found_containing / self.containing if self.containing else 1.0

    @property
    def found_elsewhere(self) -> int:
        return self.found - self.found_containing


def measure(page, base_url: str, site_dir: Path, words: list[str] | tuple[str, ...]) -> list[Recall]:  # noqa: ANN001
    truth = pages_containing(site_dir, words)
    rows = []
    for word in words:
        found = found_pages(page, base_url, word)
        rows.append(Recall(word, len(truth[word]), len(found), len(found & truth[word])))
    return rows


def main(argv: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    from generator.search.httpd import serve_directory
    from generator.search.measure import CHROMIUM, CHROMIUM_ARGS

    site_dir = Path(argv[0])
    words = argv[1:] or list(COMMON_WORDS)
    with serve_directory(site_dir) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        rows = measure(page, base, site_dir, words)
        browser.close()
    print(f"{'word':<8} containing  found  found∩containing  recall  found-not-containing")
    for r in rows:
        print(f"{r.word:<8} {r.containing:>10} {r.found:>6} {r.found_containing:>17} {r.recall:>7.0%} {r.found_elsewhere:>21}")
    total_c = sum(r.containing for r in rows)
    total_f = sum(r.found_containing for r in rows)
    print(f"overall recall {total_f}/{total_c} = {total_f / max(1, total_c):.0%}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
