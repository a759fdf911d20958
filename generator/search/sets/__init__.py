"""Term-set search for large sites: one door for building, listing and dropping the index (build.py has the format).

Pagefind fetches every matching page's postings, so a word on most pages costs ~17 bytes per page: ~1 MB a query at
100,000 records. A site of at least `sets_from_pages()` record pages also gets this index, where a word costs at
most pages/8 bytes (a bitmap) whatever it matches; search.js uses it when gk-shards.json lists it and the browser
can read Pagefind's gzip fragments (DecompressionStream), else Pagefind as before. The Pagefind bundles stay: the
fragments are the results' text, and older browsers search them.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from generator.errors import BuildError
from generator.search.sets.build import read_pages, index_files

SETS_DIR = "search/sets"  # under search/: a revision snapshot keeps it with the search page (revisions/same.py)
DEFAULT_FROM_PAGES = 20_000  # below this Pagefind stays within 300 KB a query (bench, 20,000 records: ≤ 300 KB)
FROM_PAGES_VARIABLE = "GONGKAI_SEARCH_SETS_FROM"


def sets_from_pages() -> int:
    """Record pages from which a site gets the index; GONGKAI_SEARCH_SETS_FROM overrides it (tests use 1)."""
    value = os.environ.get(FROM_PAGES_VARIABLE, "")
    return int(value) if value.isdigit() else DEFAULT_FROM_PAGES


def index_path(key: int) -> str:
    return f"{SETS_DIR}/{key}/"


def write_sets(site_dir: Path, bundles: list[str], key: int) -> int:
    """Write `<site>/search/sets/<key>/` over the pages of `bundles` (site-relative bundle folders, in the order
    the index's page references count them). Returns the number of pages."""
    try:
        pages = read_pages(site_dir, bundles)
    except (OSError, ValueError, KeyError, TypeError, EOFError) as exc:
        raise BuildError(f"建立大目录搜索索引失败：读不出 Pagefind 的页面片段（{exc}）。") from None
    folder = site_dir / index_path(key)
    shutil.rmtree(folder, ignore_errors=True)
    for relative, content in index_files(pages).items():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_bytes(content)
    return len(pages)


def sets_pages(site_dir: Path, key: int) -> int:
    """Pages in the index `key` of `site_dir`, 0 when there is none."""
    try:
        return int(json.loads((site_dir / index_path(key) / "index.json").read_text(encoding="utf-8"))["pages"])
    except (OSError, ValueError, KeyError, TypeError):
        return 0


def drop_sets(site_dir: Path) -> None:
    shutil.rmtree(site_dir / SETS_DIR, ignore_errors=True)


def sets_entry(key: int, bundles: list[str]) -> dict[str, object]:
    """The index's line in gk-shards.json: where it is and its bundles' folders in the site, in reference order."""
    return {"path": index_path(key), "bundles": [name + "/" for name in bundles]}
