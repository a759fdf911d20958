"""The chart cache file: round trip, incomplete entries, and a broken file as a plain build error."""

from __future__ import annotations

import pytest

from generator.charts.store import FILE_NAME, ChartStore
from generator.errors import BuildError


def test_round_trip_and_only_complete_entries(tmp_path):
    store = ChartStore(tmp_path)
    store.put([("a", {"svg": b"<svg/>", "png": b"\x89PNG"}), ("b", {"svg": b"<svg>b</svg>"})])
    store.close()
    again = ChartStore(tmp_path)
    assert again.get(["a", "b", "c"], ("svg", "png")) == {"a": {"svg": b"<svg/>", "png": b"\x89PNG"}}
    assert again.get(["b"], ("svg",)) == {"b": {"svg": b"<svg>b</svg>"}}
    assert len(again.get([f"k{i}" for i in range(1200)] + ["a"], ("svg",))) == 1  # more keys than one SELECT takes


def test_a_broken_cache_file_is_a_build_error(tmp_path):
    (tmp_path / FILE_NAME).write_bytes(b"not a database at all" * 100)
    with pytest.raises(BuildError, match="流程图缓存"):
        ChartStore(tmp_path).get(["a"], ("svg",))
