"""generator/search/bundle_cache.py: store, restore and evict finished Pagefind bundles."""

from __future__ import annotations

import os
from pathlib import Path

from generator.search import bundle_cache
from generator.search.bundle_cache import BundleCache


def _bundle(folder: Path, text: str) -> Path:
    (folder / "index").mkdir(parents=True)
    (folder / "index" / "zh_1.pf_index").write_text(text, encoding="utf-8")
    (folder / "pagefind.js").write_text("runtime", encoding="utf-8")
    return folder


def _files(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8") for p in folder.rglob("*") if p.is_file()}


def test_a_stored_bundle_comes_back_with_its_counts(tmp_path: Path) -> None:
    cache = BundleCache(tmp_path / "cache")
    bundle = _bundle(tmp_path / "made", "词")
    cache.store("k1", bundle, {"page": 2, "word": 5})
    cache.store("k1", bundle, {"page": 2, "word": 5})  # a second store of the same key is harmless
    assert cache.restore("k1", tmp_path / "out") == {"page": 2, "word": 5}
    assert _files(tmp_path / "out") == _files(bundle)
    assert [p.name for p in (tmp_path / "cache").iterdir()] == ["k1"]  # no temporary folder left


def test_a_missing_or_broken_entry_is_a_miss_and_leaves_no_output(tmp_path: Path) -> None:
    cache = BundleCache(tmp_path / "cache")
    assert cache.restore("absent", tmp_path / "out") is None
    bundle = _bundle(tmp_path / "made", "词")
    for broken in ("{not json", "[1, 2]", '{"page": "many"}', '{"page": null}'):
        cache.store("k1", bundle, {"page": 1})
        (tmp_path / "cache" / "k1" / "counts.json").write_text(broken, encoding="utf-8")
        assert cache.restore("k1", tmp_path / "out") is None, broken
        assert not (tmp_path / "out").exists()
        assert not (tmp_path / "cache" / "k1").exists()  # removed, so this build's fresh bundle takes its place
    cache.store("k1", bundle, {"page": 1})
    assert cache.restore("k1", tmp_path / "out") == {"page": 1}


def test_an_unwritable_cache_is_no_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("", encoding="utf-8")
    cache = BundleCache(tmp_path / "file" / "cache")  # its parent is a file
    cache.store("k1", _bundle(tmp_path / "made", "词"), {"page": 1})
    assert cache.restore("k1", tmp_path / "out") is None


def test_eviction_keeps_the_used_and_the_most_recent(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(bundle_cache, "KEEP_AT_LEAST", 2)
    cache = BundleCache(tmp_path / "cache")
    bundle = _bundle(tmp_path / "made", "词")
    for age, key in enumerate(["new", "newer-than-old", "old", "oldest", "used"]):
        cache.store(key, bundle, {"page": 1})
        os.utime(tmp_path / "cache" / key, (1_000_000 - age, 1_000_000 - age))
    (tmp_path / "cache" / ".k-leftover").mkdir()  # a crashed store
    cache.evict({"used"})
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == ["new", "newer-than-old", "used"]
