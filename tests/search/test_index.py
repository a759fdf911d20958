"""generator/search/index.py: which pages Pagefind reads, and how failures surface."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest

from generator.errors import BuildError
from generator.search import index

PAGE = '<!doctype html><html lang="zh"><head><title>{t}</title></head><body><nav>导航栏目</nav>{body}</body></html>'


def _write(site: Path, rel: str, body: str) -> None:
    path = site / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(PAGE.format(t=rel, body=body), encoding="utf-8")


def test_only_record_folders_are_indexed(tmp_path: Path) -> None:
    _write(tmp_path, "powers/a/index.html", "<article data-pagefind-body><h1>食品经营许可</h1></article>")
    _write(tmp_path, "fees/b/index.html", "<article data-pagefind-body><h1>护照收费</h1></article>")
    _write(tmp_path, "catalogue/secret/index.html", "<article data-pagefind-body><h1>涉密事项</h1></article>")
    _write(tmp_path, "index.html", "<article><h1>首页</h1></article>")
    report = index.index_site(tmp_path)
    assert report.pages == 2
    assert report.bundle == tmp_path / "pagefind"
    assert (tmp_path / "pagefind" / "pagefind.js").is_file()


def test_site_without_records_gets_no_index(tmp_path: Path) -> None:
    _write(tmp_path, "index.html", "<article><h1>首页</h1></article>")
    report = index.index_site(tmp_path)
    assert report.pages == 0 and report.bundle is None
    assert not (tmp_path / "pagefind").exists()


def test_pagefind_failure_is_a_build_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(tmp_path, "powers/a/index.html", "<article data-pagefind-body><h1>食品经营许可</h1></article>")
    monkeypatch.setattr(index, "pagefind_executable", lambda: Path("/bin/false"))
    with pytest.raises(BuildError, match="建立搜索索引失败"):
        index.index_site(tmp_path)


def test_missing_binary_is_a_build_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(tmp_path, "powers/a/index.html", "<article data-pagefind-body><h1>食品经营许可</h1></article>")
    monkeypatch.setattr(index, "pagefind_executable", lambda: tmp_path / "no-such-pagefind")
    with pytest.raises(BuildError, match="无法运行 Pagefind"):
        index.index_site(tmp_path)


def test_uses_the_extended_binary() -> None:
    assert "extended" in index.pagefind_executable().name


def test_shards_deal_pages_round_robin() -> None:
    pages = [f"powers/p{i}/index.html" for i in range(7)]
    shards = index.plan_shards(pages, per_shard=3)
    assert shards == [pages[0::3], pages[1::3], pages[2::3]]
    assert index.plan_shards(pages, per_shard=7) == [pages]
    assert index.plan_shards([], per_shard=3) == [[]]


def _names(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def test_shards_are_dealt_into_worker_groups() -> None:
    assert index.plan_workers(5, workers=2) == [[0, 2, 4], [1, 3]]
    assert index.plan_workers(1, workers=2) == [[0]]
    assert index.plan_workers(3, workers=4) == [[0], [1], [2]]


def _has_runtime(names: set[str]) -> bool:
    return {"pagefind.js", "pagefind-worker.js"} <= names and any(n.startswith("wasm.") for n in names)


def test_a_large_site_is_split_into_shards(tmp_path: Path) -> None:
    site = tmp_path / "site"
    words = ["食品经营许可", "护照收费", "排污许可证", "最低生活保障", "营业执照办理"]
    for i, word in enumerate(words):
        _write(site, f"powers/p{i}/index.html", f"<article data-pagefind-body><h1>{word}</h1></article>")
    report = index.index_site(site, per_shard=2)
    assert report.shards == 3 and report.pages == len(words)
    manifest = json.loads((site / "pagefind" / index.SHARD_MANIFEST).read_text(encoding="utf-8"))
    assert manifest == {"workers": [["pagefind/", "pagefind-2/"], ["pagefind-1/"]]}
    for shard in ("pagefind", "pagefind-1", "pagefind-2"):
        names = _names(site / shard)
        assert "pagefind-entry.json" in names and {"index", "fragment"} <= names
    # the first bundle of each worker carries the runtime; a bundle merged into a worker carries none
    assert _has_runtime(_names(site / "pagefind")) and _has_runtime(_names(site / "pagefind-1"))
    assert not any(n.endswith(".js") or n.startswith("wasm.") for n in _names(site / "pagefind-2"))
    # and each runtime is patched to fetch no index chunk for a search without words (a facet alone)
    for shard in ("pagefind", "pagefind-1"):
        for script in ("pagefind.js", "pagefind-worker.js"):
            text = (site / shard / script).read_text(encoding="utf-8")
            assert index._CHUNKS_FOR_ANY_TERM not in text.replace(index._NO_CHUNKS_WITHOUT_WORDS, "")
            # and to cut a query at spaces only (search.js cuts Chinese); it still holds the text the patch replaces
            assert index._QUERY_WORD_CUTTER not in text and index._CUT_AT_SPACES in text
    # and no shard keeps Pagefind's unused UIs
    for shard in ("pagefind-1", "pagefind-2"):
        assert not any("ui" in n or "highlight" in n or n.endswith(".css") for n in _names(site / shard))
    pages = [json.loads((site / b / "pagefind-entry.json").read_text())["languages"]["zh"]["page_count"]
             for b in ("pagefind", "pagefind-1", "pagefind-2")]
    assert pages == [2, 2, 1]
    assert _names(tmp_path) == {"site"}  # the linked staging folders are gone


def _index_chunks(site: Path, chunk_size: int, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(index, "INDEX_CHUNK_SIZE", chunk_size)
    shutil.rmtree(site / "pagefind", ignore_errors=True)
    index.index_site(site)
    return len(list((site / "pagefind" / "index").iterdir()))


def test_index_chunk_size_reaches_pagefind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pagefind reads the chunk size from an environment variable it calls unstable: fail loudly if it stops."""
    text = "".join(f"<p>词{i:03d} 事项{i:03d} 许可{i:03d}</p>" for i in range(60))
    _write(tmp_path, "powers/a/index.html", f"<article data-pagefind-body><h1>目录</h1>{text}</article>")
    assert _index_chunks(tmp_path, 20000, monkeypatch) == 1
    assert _index_chunks(tmp_path, 20, monkeypatch) > 5


def test_a_small_site_has_one_bundle_and_an_empty_manifest(tmp_path: Path) -> None:
    _write(tmp_path, "powers/a/index.html", "<article data-pagefind-body><h1>食品经营许可</h1></article>")
    report = index.index_site(tmp_path)
    assert report.shards == 1
    assert json.loads((tmp_path / "pagefind" / index.SHARD_MANIFEST).read_text()) == {"workers": [["pagefind/"]]}
    assert not (tmp_path / "pagefind-1").exists()


def _five_records(site: Path) -> list[str]:
    words = ["食品经营许可", "护照收费", "排污许可证", "最低生活保障", "营业执照办理"]
    for i, word in enumerate(words):  # facets with several values: Pagefind writes them in hash-map order
        facets = f'<span data-pagefind-filter="部门">部门{i}</span><span data-pagefind-filter="类别">类别{i % 4}</span>'
        _write(site, f"powers/p{i}/index.html", f"<article data-pagefind-body><h1>{word}</h1>{facets}</article>")
    return words


def _count_runs(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    runs: list[Path] = []
    real = index._run_pagefind

    def counted(command: list[str], cwd: Path) -> dict[str, int]:
        runs.append(cwd)
        return real(command, cwd)

    monkeypatch.setattr(index, "_run_pagefind", counted)
    return runs


def _fragment_text(bundle: Path) -> str:
    texts = []
    for path in sorted((bundle / "fragment").iterdir()):
        data = gzip.decompress(path.read_bytes())
        texts.append(data.removeprefix(b"pagefind_dcd").decode("utf-8"))
    return "".join(texts)


def _bundle_files(site: Path) -> dict[str, bytes]:
    """Every file of every bundle, filter and metadata files included (generator/search/canonical.py sorts them)."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.glob("pagefind*/**/*")) if p.is_file()}


def test_only_the_changed_shard_runs_pagefind_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    first, second = tmp_path / "first", tmp_path / "second"
    _five_records(first)
    runs = _count_runs(monkeypatch)
    index.index_site(first, per_shard=2, cache_dir=cache)
    assert len(runs) == 3
    shutil.copytree(first, second, ignore=shutil.ignore_patterns("pagefind*"))
    # shards deal p0..p4 round-robin: [p0, p3], [p1, p4], [p2]; p1 changes
    _write(second, "powers/p1/index.html", "<article data-pagefind-body><h1>渔业捕捞许可</h1></article>")
    report = index.index_site(second, per_shard=2, cache_dir=cache)
    assert len(runs) == 4 and runs[-1].name == "1"  # only shard 1 was indexed again
    assert report.pages == 5 and report.shards == 3
    assert "渔业捕捞许可" in _fragment_text(second / "pagefind-1") and "护照收费" not in _fragment_text(second / "pagefind-1")
    for shard in ("pagefind", "pagefind-2"):  # copied from the cache, byte for byte
        assert {p.name: p.read_bytes() for p in (second / shard).rglob("*") if p.is_file()} == \
               {p.name: p.read_bytes() for p in (first / shard).rglob("*") if p.is_file()}
    manifest = json.loads((second / "pagefind" / index.SHARD_MANIFEST).read_text(encoding="utf-8"))
    assert manifest == {"workers": [["pagefind/", "pagefind-2/"], ["pagefind-1/"]]}


def test_a_cached_index_is_the_index_a_fresh_run_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    sites = [tmp_path / name for name in ("seed", "cached", "fresh")]
    _five_records(sites[0])
    index.index_site(sites[0], per_shard=2, cache_dir=cache)
    for site in sites[1:]:
        shutil.copytree(sites[0], site, ignore=shutil.ignore_patterns("pagefind*"))
    runs = _count_runs(monkeypatch)
    index.index_site(sites[1], per_shard=2, cache_dir=cache)
    assert runs == []
    index.index_site(sites[2], per_shard=2)
    assert len(runs) == 3
    cached, fresh = _bundle_files(sites[1]), _bundle_files(sites[2])
    assert any("/filter/" in name for name in fresh)
    assert cached.keys() == fresh.keys() and cached == fresh


def test_two_fresh_runs_write_the_same_bytes(tmp_path: Path) -> None:
    sites = [tmp_path / name for name in ("one", "two", "three")]
    for site in sites:
        _five_records(site)
        index.index_site(site)
    first = _bundle_files(sites[0])
    assert len([name for name in first if "/filter/" in name]) == 2
    assert all(_bundle_files(site) == first for site in sites[1:])


def test_the_shard_key_covers_pages_role_binary_and_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _five_records(tmp_path)
    pages = ["powers/p0/index.html", "powers/p3/index.html"]
    key = index.shard_key(tmp_path, pages, primary=False, runs_worker=False)
    assert index.shard_key(tmp_path, pages, primary=False, runs_worker=False) == key
    assert index.shard_key(tmp_path, pages, primary=True, runs_worker=True) != key
    assert index.shard_key(tmp_path, pages, primary=False, runs_worker=True) != key
    assert index.shard_key(tmp_path, pages[:1], primary=False, runs_worker=False) != key
    _write(tmp_path, pages[1], "<article data-pagefind-body><h1>护照收费（修订）</h1></article>")
    changed = index.shard_key(tmp_path, pages, primary=False, runs_worker=False)
    assert changed != key
    monkeypatch.setenv("PAGEFIND_EXCLUDE_SELECTORS", "h1")
    assert index.shard_key(tmp_path, pages, primary=False, runs_worker=False) != changed
    monkeypatch.delenv("PAGEFIND_EXCLUDE_SELECTORS")
    monkeypatch.setattr(index, "INDEX_CHUNK_SIZE", index.INDEX_CHUNK_SIZE + 1)
    assert index.shard_key(tmp_path, pages, primary=False, runs_worker=False) != changed
    monkeypatch.undo()
    copy = tmp_path / "pagefind_extended"
    shutil.copy2(index.pagefind_executable(), copy)
    monkeypatch.setattr(index, "pagefind_executable", lambda: copy)
    assert index.shard_key(tmp_path, pages, primary=False, runs_worker=False) != changed


def test_a_config_file_in_the_working_directory_does_not_reach_pagefind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pagefind reads pagefind.yml from its working directory; the cache key does not cover it, so it must not count."""
    site = tmp_path / "site"
    _five_records(site)
    (tmp_path / "pagefind.yml").write_text("exclude_selectors: ['h1']\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert index.index_site(site).words > 0
