"""The chart cache file: round trip, incomplete entries, and a broken, read-only or full cache skipped with a warning."""

from __future__ import annotations

import logging
import sqlite3

from generator.charts.store import FILE_NAME, ChartStore


def test_round_trip_and_only_complete_entries(tmp_path):
    store = ChartStore(tmp_path)
    store.put([("a", {"svg": b"<svg/>", "png": b"\x89PNG"}), ("b", {"svg": b"<svg>b</svg>"})])
    store.close()
    again = ChartStore(tmp_path)
    assert again.get(["a", "b", "c"], ("svg", "png")) == {"a": {"svg": b"<svg/>", "png": b"\x89PNG"}}
    assert again.get(["b"], ("svg",)) == {"b": {"svg": b"<svg>b</svg>"}}
    assert len(again.get([f"k{i}" for i in range(1200)] + ["a"], ("svg",))) == 1  # more keys than one SELECT takes


def test_a_damaged_cache_file_is_replaced_with_one_warning(tmp_path, caplog):
    (tmp_path / FILE_NAME).write_bytes(b"not a database at all" * 100)
    with caplog.at_level(logging.WARNING, logger="gongkai"):
        store = ChartStore(tmp_path)
        assert store.usable and store.get(["a"], ("svg",)) == {}
        store.put([("a", {"svg": b"<svg/>"})])
        store.close()
        assert ChartStore(tmp_path).get(["a"], ("svg",)) == {"a": {"svg": b"<svg/>"}}  # and kept again
    assert len(caplog.messages) == 1 and "已损坏（file is not a database），已删除并重新建立" in caplog.messages[0]


def test_a_cache_that_cannot_be_opened_is_skipped_with_one_warning(tmp_path, caplog):
    (tmp_path / FILE_NAME).mkdir()  # a folder where the file should be: SQLite cannot open it (as a read-only file)
    with caplog.at_level(logging.WARNING, logger="gongkai"):
        store = ChartStore(tmp_path)
        assert not store.usable and store.get(["a"], ("svg",)) == {}
        store.put([("a", {"svg": b"<svg/>"})])  # nothing written, nothing raised
        ChartStore(tmp_path).get(["a"], ("svg",))  # a worker's own store: not warned twice
    assert len(caplog.messages) == 1 and "无法打开（" in caplog.messages[0] and "本次不使用缓存" in caplog.messages[0]
    assert (tmp_path / FILE_NAME).is_dir()  # not ours to delete: only a damaged database file is replaced


def test_a_full_disk_stops_writing_with_one_warning(tmp_path, caplog, monkeypatch):
    store = ChartStore(tmp_path)
    real = store.db

    class Full:
        def __getattr__(self, name):
            return getattr(real, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def executemany(self, *args):
            raise sqlite3.OperationalError("database or disk is full")

    store.db = Full()
    with caplog.at_level(logging.WARNING, logger="gongkai"):
        store.put([("a", {"svg": b"<svg/>"})])
        store.put([("b", {"svg": b"<svg/>"})])
    assert not store.usable and len(caplog.messages) == 1 and "无法写入（database or disk is full）" in caplog.messages[0]
    real.close()
