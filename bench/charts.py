"""Chart throughput: charts/s cold (empty cache) and warm (everything cached), SVG only and SVG + PNG."""

from __future__ import annotations

import dataclasses
import os
import resource
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


def _cpu() -> float:
    """CPU seconds of this process and every finished child (workers and their dot processes): unlike charts/s,
    this does not depend on what else the shared machine is running."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _timed(entries: list[Entry], cache: Path, formats: tuple[str, ...]) -> tuple[float, float, ChartRenderer, int]:
    """The whole chart stage as a build runs it: DOT source (in workers), cache lookup, Graphviz, clean-up."""
    renderer = ChartRenderer(cache, formats)
    cpu_start = _cpu()
    start = time.perf_counter()
    files = render_charts(entries, renderer)
    seconds, cpu = time.perf_counter() - start, _cpu() - cpu_start
    png = [v for k, v in files.items() if k.endswith(".png")]
    return seconds, cpu, renderer, (sum(map(len, png)) // len(png) if png else 0)


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
        cold, cold_cpu, renderer, _ = _timed(entries, Path(tmp) / "svg", ("svg",))
        warm, _, again, _ = _timed(entries, Path(tmp) / "svg", ("svg",))
        png_entries = entries[:png_count]
        png_cold, png_cpu, _, png_bytes = _timed(png_entries, Path(tmp) / "png", ("svg", "png"))
    return {
        "charts": len(entries), "cpus": os.cpu_count(), "loadavg_1m_at_start": round(load[0], 2),
        "dot_source_per_s": round(len(entries) / dot_seconds, 1),
        "svg_cold_per_s": round(len(entries) / cold, 1), "svg_cold_cpu_ms_per_chart": round(cold_cpu * 1000 / len(entries), 2), "svg_cold_dot_runs": renderer.stats.dot_runs,
        "svg_warm_per_s": round(len(entries) / warm, 1), "warm_dot_runs": again.stats.dot_runs,
        "svg_png_cold_per_s": round(len(png_entries) / png_cold, 1), "svg_png_charts": len(png_entries),
        "svg_png_cpu_ms_per_chart": round(png_cpu * 1000 / len(png_entries), 2), "png_mean_bytes": png_bytes,
    }


def run() -> dict:
    """Entry point used by `python -m bench`: 10,000 synthetic charts from the sample catalogue."""
    return bench_charts(PROJECT / "catalogue", count=int(os.environ.get("GONGKAI_BENCH_CHARTS", "10000")))


if __name__ == "__main__":
    print(run())
