"""Font metrics come from the installed Noto Sans CJK, and a missing font is a clear build error."""

from __future__ import annotations

import subprocess

import pytest

from generator.charts import metrics
from generator.errors import BuildError


def test_cjk_is_one_em_and_latin_is_narrower():
    assert metrics.line_width("申请材料", 10, False) == pytest.approx(40)
    assert metrics.line_width("申请材料", 10, True) == pytest.approx(40)
    latin = metrics.line_width("iiii", 10, False)
    assert 0 < latin < 20
    assert metrics.line_width("WWWW", 10, True) > metrics.line_width("WWWW", 10, False)


def test_a_character_the_font_lacks_counts_a_full_em():
    assert metrics.line_width("\U000e0100", 12, False) == pytest.approx(12)  # a variation selector, not in the font


def test_missing_font_is_a_build_error_with_a_fix(monkeypatch):
    class Done:
        returncode, stdout = 0, "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf\n0\nDejaVu Sans\n"

    monkeypatch.setattr(subprocess, "run", lambda *a, **k: Done())
    with pytest.raises(BuildError, match="fonts-noto-cjk"):
        metrics.font_file.__wrapped__(False)  # uncached: the real font may already be cached


def test_unreadable_font_file_is_a_build_error(tmp_path):
    broken = tmp_path / "broken.ttc"
    broken.write_bytes(b"not a font")
    with pytest.raises(BuildError, match="无法读取"):
        metrics.read_metrics(broken, 0)


def test_metrics_come_back_identical_from_the_cache_file(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path, index = metrics.font_file(True)
    fresh = metrics.read_metrics(path, index)
    assert list(tmp_path.glob("gongkai/font-metrics/*.json"))

    def no_font_reading(*_args):
        raise AssertionError("the font was read again")

    monkeypatch.setattr(metrics, "_read_font", no_font_reading)
    again = metrics.read_metrics(path, index)
    sample = "申请材料 ABC abc 123（第一条）· —"
    assert again.width(sample) == fresh.width(sample) and again.ascent == fresh.ascent


def test_a_corrupt_cache_file_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path, index = metrics.font_file(False)
    metrics.read_metrics(path, index)
    for cached in tmp_path.glob("gongkai/font-metrics/*.json"):
        cached.write_text("{not json", encoding="utf-8")
    assert metrics.read_metrics(path, index).width("Ab") < 2
