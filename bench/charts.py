"""Chart throughput: charts/s cold (empty cache) and warm (everything cached), SVG only and SVG + PNG."""

from __future__ import annotations

import dataclasses
import os
import tempfile
import time
from pathlib import Path

from generator.catalogue import Entry
from generator.charts.render import ChartRenderer
from generator.charts.stage import chart_jobs, charted_entries, render_charts
from generator.check import check_catalogue

PROJECT = Path(__file__).resolve().parent.parent


def variants(entries: list[Entry], count: int) -> list[Entry]:
    """`count` distinct entries (distinct DOT, so no cache hits) cycling through the given ones."""
    out = []
    for i in range(count):
        base = entries[i % len(entries)]
        record = base.record.model_copy(update={"id": f"{base.id}-{i}", "name": f"{base.name}（{i}）"})
        out.append(dataclasses.replace(base, record=record))
    return out


def _timed(entries: list[Entry], cache: Path, formats: tuple[str, ...]) -> tuple[float, ChartRenderer, int]:
    """The whole chart stage as a build runs it: DOT source (in workers), cache lookup, Graphviz, clean-up."""
    renderer = ChartRenderer(cache, formats)
    start = time.perf_counter()
    files = render_charts(entries, renderer)
    png = [v for k, v in files.items() if k.endswith(".png")]
    return time.perf_counter() - start, renderer, (sum(map(len, png)) // len(png) if png else 0)


def bench_charts(catalogue_dir: Path, count: int | None = None, png_count: int = 100) -> dict:
    """Cold and warm charts/s for the catalogue's charts (or `count` synthetic variants of them)."""
    entries = charted_entries(check_catalogue(catalogue_dir).catalogue)
    if not entries:
        return {"charts": 0}
    if count:
        entries = variants(entries, count)
    start = time.perf_counter()
    chart_jobs(entries)
    dot_seconds = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp:
        load = os.getloadavg()
        cold, renderer, _ = _timed(entries, Path(tmp) / "svg", ("svg",))
        warm, again, _ = _timed(entries, Path(tmp) / "svg", ("svg",))
        png_entries = entries[:png_count]
        png_cold, _, png_bytes = _timed(png_entries, Path(tmp) / "png", ("svg", "png"))
    return {
        "charts": len(entries), "cpus": os.cpu_count(), "loadavg_1m_at_start": round(load[0], 2),
        "dot_source_per_s": round(len(entries) / dot_seconds, 1),
        "svg_cold_per_s": round(len(entries) / cold, 1), "svg_cold_dot_runs": renderer.stats.dot_runs,
        "svg_warm_per_s": round(len(entries) / warm, 1), "warm_dot_runs": again.stats.dot_runs,
        "svg_png_cold_per_s": round(len(png_entries) / png_cold, 1), "svg_png_charts": len(png_entries),
        "png_mean_bytes": png_bytes,
    }


def run() -> dict:
    """Entry point used by `python -m bench`: 10,000 synthetic charts from the sample catalogue."""
    return bench_charts(PROJECT / "catalogue", count=int(os.environ.get("GONGKAI_BENCH_CHARTS", "10000")))


if __name__ == "__main__":
    print(run())
