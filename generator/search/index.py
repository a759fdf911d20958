"""Build the Pagefind index over a finished site folder.

Runs the `pagefind_extended` binary (the extended build segments Chinese; the plain one does not) on the
staged output, before it is swapped into place. Only record pages are read: the glob limits Pagefind to the
record folders and the theme marks each record's article with `data-pagefind-body`, so nav, header, footer
and listing pages (including the non-disclosure catalogue) never reach the index.

A large catalogue is split into shards of at most PAGES_PER_SHARD pages, each its own Pagefind bundle
(`pagefind/` is the first, then `pagefind-1/`, `pagefind-2/`, …). The shards are dealt into SEARCH_WORKERS groups,
listed in `pagefind/gk-shards.json`; the first bundle of each group keeps Pagefind's runtime and the search script
opens it as a separate module, which gets its own Web Worker, then merges the group's other bundles into it with
Pagefind's `mergeIndex` (searched in turn in that worker). The groups run in parallel and search.js merges their
results by score.

A site of at least 20,000 record pages also gets a term-set index over the bundles' fragments (generator/search/sets/,
listed under "sets" in gk-shards.json), which search.js prefers: a word on most pages costs Pagefind ~17 bytes per
page in every query, the term sets at most a bitmap.

Every bundle, one or many, is indexed from a folder of links to its pages only. With a cache folder (`gongkai build`
passes <project>/.cache/search/), a shard whose key (shard_key: its pages' bytes, the binary, the options) is
stored is copied instead of indexed: after one record changes, only that record's shard runs Pagefind again.

Why: Pagefind 1.5.2 scores a query by scanning, for every matching page, the postings of every matching word, so
one bundle costs O(matching pages²): a word on most of 10,000 record pages (行政, 处罚) took 1.5–3 s in one
bundle. Small shards cut that part; what remains grows with the matching pages (decoding chunks and passing each
result's word positions from the WebAssembly to the page), so past ~1,000 pages per shard more shards stop
helping (measured figures at PAGES_PER_SHARD). Every shard adds one index chunk per query word, which is why the
chunks are kept small (INDEX_CHUNK_SIZE). Two workers use both cores of the CI machine; a third would only
queue behind them there, and each worker costs one more download of the ~150 KB runtime.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from generator.errors import BuildError
from generator.search.bundle_cache import BundleCache
from generator.search.canonical import FORMAT as CANONICAL, canonical_bundle
from generator.search.sets import drop_sets, sets_entry, sets_from_pages, write_sets

# Site folders that hold record pages: Entry.url is "<kind>/<id>" with these kinds.
RECORD_FOLDERS = ("powers", "fees", "services")
RECORD_GLOB = "{" + ",".join(RECORD_FOLDERS) + "}/**/*.html"
BUNDLE_DIR = "pagefind"
LANGUAGE = "zh"  # one index for the whole site; the HTML says lang="zh" anyway
TIMEOUT_SECONDS = 1800
# Measured on the 10,000-record synthetic site in headless Chromium on the 2-core dev VM: time in the two workers
# for 行政处罚 with cold chunks, shards of the same hour: 4 shards 0.70 s, 6: 0.57 s, 8: 0.46 s, 12: 0.38–0.51 s,
# 16: 0.39–0.42 s, 24: 0.38–0.47 s. 1,000 pages per shard (10 at 10,000) is on that plateau. Typed to shown,
# interleaved: 3 shards with a worker each 1.1–1.2 s, 10 shards in 2 workers 0.55–0.69 s.
PAGES_PER_SHARD = 1000
SEARCH_WORKERS = 2
# Pagefind closes an index chunk once it holds this many postings and positions (its default is 20,000, which
# made each chunk 20–30 KB however small the shard). 3,000 keeps a rare word's chunk at a few KB, so a
# three-word query over 10 shards fetched ≤210 KB (Pagefind reads it from PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
# test_index checks it still does).
INDEX_CHUNK_SIZE = 3000
# In the primary bundle, site-relative: {"workers": [["pagefind/", "pagefind-2/", …], ["pagefind-1/", …]]}.
SHARD_MANIFEST = "gk-shards.json"
# Pagefind's ready-made search UIs, which the site does not use. The first bundle of each worker keeps the
# runtime that search.js loads; a bundle merged into a worker uses that worker's runtime and needs none.
_UNUSED_UI = ("pagefind-*ui.js", "pagefind-*ui.css", "pagefind-highlight.js")
_RUNTIME = ("pagefind.js", "pagefind-worker.js", "wasm.*.pagefind")

# Pagefind 1.5.2 asks for every index chunk when a search has no words (a facet ticked with the box empty): the
# whole index, 9.8 MB and 6.5–7.9 s at 10,000 records, for results that come from the filter chunks alone. Fixed
# upstream (Pagefind PR #1317, in no release on PyPI yet); until then each runtime is patched to ask for none. A
# runtime without this exact call (a fixed Pagefind) is left alone; the facet tests in tests/search/*_browser.py
# check that no index chunk is fetched, whichever Pagefind is installed.
_RUNTIME_SCRIPTS = ("pagefind.js", "pagefind-worker.js")
_CHUNKS_FOR_ANY_TERM = "this.backend.request_indexes(ptr,term)"
_NO_CHUNKS_WITHOUT_WORDS = '(term?this.backend.request_indexes(ptr,term):"[]")'
# Pagefind 1.5.2 cuts a Chinese query into words with the browser's Intl.Segmenter, whose dictionary disagrees with
# the jieba that cut the pages (Pagefind issue #1237): Chromium cuts 举报 into 举|报, which then finds 3 of the 15
# record pages holding 举报. Each runtime is patched to cut the query at spaces only; search.js cuts it first, keeping
# a run of single characters together (queryWords there). tests/search/test_recall_browser.py measures the recall.
_QUERY_WORD_CUTTER = 'const wordSegmenter=new Intl.Segmenter(trueLanguage,{granularity:"word"});'
_CUT_AT_SPACES = 'const wordSegmenter={segment:(text)=>text.split(/(\\s+)/).map((segment)=>({segment}))};'
_RUNTIME_PATCHES = ((_CHUNKS_FOR_ANY_TERM, _NO_CHUNKS_WITHOUT_WORDS), (_QUERY_WORD_CUTTER, _CUT_AT_SPACES))

_INDEXED = re.compile(r"Indexed (\d+) (page|word|filter)s?\b")


@dataclass(frozen=True)
class IndexReport:
    pages: int
    words: int
    filters: int
    bundle: Path | None  # None when the site has no record pages to index
    shards: int = 1


def pagefind_executable() -> Path:
    """The extended Pagefind binary shipped by `pagefind[extended]`."""
    try:
        from pagefind_bin_extended import get_executable
    except ImportError:
        raise BuildError("缺少 Pagefind 扩展版（中文分词需要）：请运行 pip install 'pagefind[extended]'。") from None
    try:
        return Path(get_executable())
    except (FileNotFoundError, OSError) as exc:
        raise BuildError(f"找不到 Pagefind 扩展版程序：{exc}") from None


def has_record_pages(site_dir: Path) -> bool:
    return any(next((site_dir / folder).rglob("*.html"), None) for folder in RECORD_FOLDERS if (site_dir / folder).is_dir())


def record_pages(site_dir: Path) -> list[str]:
    """Site-relative paths of every record page, sorted (the shard plan depends only on these)."""
    return sorted(
        path.relative_to(site_dir).as_posix()
        for folder in RECORD_FOLDERS if (site_dir / folder).is_dir()
        for path in (site_dir / folder).rglob("*.html")
    )


def plan_shards(pages: list[str], per_shard: int = PAGES_PER_SHARD) -> list[list[str]]:
    """Deal the sorted pages round-robin into ceil(n / per_shard) shards, so each holds a like mix of kinds
    and departments (BM25 statistics then agree across shards and merged scores stay comparable)."""
    count = max(1, math.ceil(len(pages) / max(1, per_shard)))
    return [pages[i::count] for i in range(count)]


def plan_workers(shards: int, workers: int = SEARCH_WORKERS) -> list[list[int]]:
    """Deal shard numbers round-robin into at most `workers` groups; each group's first shard (0, 1, …) is the one
    whose runtime the group runs on."""
    return [list(range(w, shards, workers)) for w in range(max(1, min(workers, shards)))]


def bundle_name(shard: int) -> str:
    return BUNDLE_DIR if shard == 0 else f"{BUNDLE_DIR}-{shard}"


def pagefind_command(site_dir: Path, output: Path) -> list[str]:
    """Index `site_dir`'s record pages into the bundle folder `output`."""
    return [
        str(pagefind_executable()),
        "--site", str(site_dir),
        "--output-path", str(output),
        "--glob", RECORD_GLOB,
        "--force-language", LANGUAGE,
    ]


def _counts(output: str) -> dict[str, int]:
    return {kind: int(number) for number, kind in _INDEXED.findall(output)}


def _tail(text: str, lines: int = 8) -> str:
    return "\n".join(line for line in text.strip().splitlines()[-lines:])


def _pagefind_environment() -> dict[str, str]:
    return {**os.environ, "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE": str(INDEX_CHUNK_SIZE)}


def _run_pagefind(command: list[str], cwd: Path) -> dict[str, int]:
    try:
        # Run in `cwd`, a folder of pages only: Pagefind reads a pagefind.yml/.toml/.json from its working directory,
        # which must not change the index (nor, therefore, a cache key that does not cover it).
        proc = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False,
                              env=_pagefind_environment(), cwd=cwd)
    except (OSError, subprocess.SubprocessError) as exc:
        raise BuildError(f"建立搜索索引失败：无法运行 Pagefind（{exc}）。") from None
    output = proc.stdout + proc.stderr
    if proc.returncode != 0:
        raise BuildError(f"建立搜索索引失败（Pagefind 退出码 {proc.returncode}）：\n{_tail(output)}")
    counts = _counts(output)
    if counts.get("page", 0) == 0:
        raise BuildError("建立搜索索引失败：Pagefind 没有收录任何事项页面。")
    return counts


def _link_or_copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)  # same filesystem as the staged site: no copy of 10,000 pages
    except OSError:
        shutil.copy2(source, target)


def _patch_runtime(bundle: Path) -> None:
    """Apply each of _RUNTIME_PATCHES whose original text the runtime holds (a runtime without it is left alone)."""
    for name in _RUNTIME_SCRIPTS:
        script = bundle / name
        if not script.is_file():
            continue
        text = original = script.read_text(encoding="utf-8")
        for old, new in _RUNTIME_PATCHES:
            if old in text and new not in text:
                text = text.replace(old, new)
        if text != original:
            script.write_text(text, encoding="utf-8")


def _finish_bundle(output: Path, primary: bool, runs_worker: bool) -> None:
    """The primary bundle keeps what Pagefind wrote; another drops the unused UIs, and the runtime unless it
    `runs_worker` (the first of its group). Each runtime is patched (_patch_runtime)."""
    if not primary:
        for pattern in _UNUSED_UI + (() if runs_worker else _RUNTIME):
            for path in output.glob(pattern):
                path.unlink()
    if runs_worker:
        _patch_runtime(output)
    canonical_bundle(output)  # the same pages always give the same bytes, cached or not


def shard_key(site_dir: Path, pages: list[str], primary: bool, runs_worker: bool) -> str:
    """Digest of everything a finished shard bundle depends on: the Pagefind binary, the options and environment it
    runs with, what _finish_bundle changes, and each page's site-relative path and bytes."""
    executable = pagefind_executable()
    stat = executable.stat()
    settings = {
        "pagefind": [str(executable), stat.st_size, stat.st_mtime_ns],
        "command": pagefind_command(Path("SITE"), Path("OUT"))[1:],
        "environment": sorted((k, v) for k, v in _pagefind_environment().items() if k.startswith("PAGEFIND_")),
        "finish": [primary, runs_worker, _UNUSED_UI, _RUNTIME, _RUNTIME_SCRIPTS, _RUNTIME_PATCHES, CANONICAL],
    }
    digest = hashlib.sha256(json.dumps(settings, sort_keys=True).encode("utf-8"))
    for rel in pages:
        digest.update(rel.encode("utf-8") + b"\0" + hashlib.sha256((site_dir / rel).read_bytes()).digest())
    return digest.hexdigest()


@dataclass(frozen=True)
class _Shard:
    number: int
    pages: list[str]
    runs_worker: bool
    primary: bool  # keeps Pagefind's UI files (the first bundle of a whole site; every bundle of a part)


def _index_shard(site_dir: Path, staging: Path, shard: _Shard, cache: BundleCache | None) -> tuple[dict[str, int], str]:
    """Pagefind reads only the shard's pages (linked into their own folder, so URLs stay site-relative), unless
    `cache` holds the bundle for the same key. Returns Pagefind's counts and the key ("" without a cache)."""
    output = site_dir / bundle_name(shard.number)
    shutil.rmtree(output, ignore_errors=True)  # the bundle folder holds exactly this index
    key = shard_key(site_dir, shard.pages, shard.primary, shard.runs_worker) if cache else ""
    counts = cache.restore(key, output) if cache else None
    if counts is not None:
        return counts, key
    root = staging / str(shard.number)
    for rel in shard.pages:
        _link_or_copy(site_dir / rel, root / rel)
    counts = _run_pagefind(pagefind_command(root, output), cwd=root)
    _finish_bundle(output, shard.primary, shard.runs_worker)
    if cache:
        cache.store(key, output, counts)
    return counts, key


def join_bundles(site_dir: Path, count: int, sets: list[dict[str, object]] | None = None) -> None:
    """The bundles `pagefind/`, `pagefind-1/` … `pagefind-<count-1>/` of a site assembled from parts, each still
    whole: deal them to the workers as index_site does for one site, drop what each no longer needs, write the list
    (with the parts' term-set indexes, `sets`, when the site is large enough to use them)."""
    groups = plan_workers(count)
    leaders = {group[0] for group in groups}
    for number in range(count):
        _finish_bundle(site_dir / bundle_name(number), number == 0, number in leaders)
    _write_manifest(site_dir, groups, sets)


def _write_manifest(site_dir: Path, groups: list[list[int]], sets: list[dict[str, object]] | None = None) -> None:
    manifest: dict[str, object] = {"workers": [[bundle_name(i) + "/" for i in group] for group in groups]}
    if sets:
        manifest["sets"] = sets
    (site_dir / BUNDLE_DIR / SHARD_MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False) + "\n", encoding="utf-8")


def _index_shards(site_dir: Path, shards: list[_Shard], cache: BundleCache | None) -> list[tuple[dict[str, int], str]]:
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-shards-", dir=site_dir.parent))
    except OSError as exc:
        raise BuildError(f"建立搜索索引失败：无法创建临时目录（{exc}）。") from None
    try:
        # Pagefind is multi-threaded, but its start-up and file walk are not: two runs at once keep cores busy.
        with ThreadPoolExecutor(max_workers=min(len(shards), max(2, os.cpu_count() or 2))) as pool:
            return list(pool.map(lambda shard: _index_shard(site_dir, staging, shard, cache), shards))
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _whole_sets(site_dir: Path, shards: int, pages: int) -> list[dict[str, object]] | None:
    """A large site's term-set index over all its bundles (generator/search/sets/), or none."""
    drop_sets(site_dir)
    if pages < sets_from_pages():
        return None
    bundles = [bundle_name(number) for number in range(shards)]
    write_sets(site_dir, bundles, 0)
    return [sets_entry(0, bundles)]


def index_site(site_dir: Path, per_shard: int = PAGES_PER_SHARD, cache_dir: Path | None = None, whole: bool = True) -> IndexReport:
    """Write `<site_dir>/pagefind/` (and `pagefind-N/` shards for a large catalogue).

    `cache_dir`: where finished shard bundles are kept (bundle_cache.py); a shard whose key is there is copied
    instead of indexed. `whole`: False for one part of a split build, whose bundles keep their runtime and UI
    files until `gongkai assemble` numbers every part's bundles and deals them to the workers (join_bundles).
    Raises BuildError with Pagefind's own message when it fails."""
    site_dir = Path(site_dir).resolve()  # Pagefind runs in another folder
    if not has_record_pages(site_dir):
        return IndexReport(0, 0, 0, None)  # an empty catalogue is valid; the search box then says so
    pages = plan_shards(record_pages(site_dir), per_shard)
    groups = plan_workers(len(pages))
    leaders = {group[0] for group in groups} if whole else set(range(len(pages)))
    shards = [_Shard(number, shard_pages, number in leaders, primary=number == 0 or not whole) for number, shard_pages in enumerate(pages)]
    cache = BundleCache(cache_dir) if cache_dir is not None else None
    results = _index_shards(site_dir, shards, cache)
    if cache:
        cache.evict({key for _, key in results})
    if whole:  # a part's bundles are listed once assembled (join_bundles)
        _write_manifest(site_dir, groups, _whole_sets(site_dir, len(shards), sum(len(s.pages) for s in shards)))
    counts = [c for c, _ in results]
    total = {kind: sum(c.get(kind, 0) for c in counts) for kind in ("page", "word")}
    filters = max(c.get("filter", 0) for c in counts)
    return IndexReport(total["page"], total["word"], filters, site_dir / BUNDLE_DIR, len(shards))
