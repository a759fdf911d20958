"""bench/charts.py: figures are complete and honest (cold renders everything, warm renders nothing)."""

from __future__ import annotations

from bench.charts import bench_entries, evenly
from tests.charts.entries import TEMPLATES, make_entry


def test_evenly_spreads_over_the_whole_list():
    assert evenly(list(range(10)), 5) == [0, 2, 4, 6, 8]
    assert evenly([1, 2], 5) == [1, 2]


def test_cold_and_warm_figures_for_a_few_charts():
    entries = [make_entry(t) for t in sorted(TEMPLATES)[:3]]
    figures = bench_entries(entries, reps=2)
    assert figures["charts"] == 3 and figures["svg_cold_dot_runs"] >= 1
    assert figures["warm_dot_runs"] == 0 and figures["warm_rendered"] == 0
    assert figures["svg_cold_cpu_ms_per_chart"] > 0 and "loadavg_1m_at_start" in figures
    assert len(figures["svg_cold_per_s_runs"]) == 2 and figures["svg_cold_per_s"] in figures["svg_cold_per_s_runs"]
