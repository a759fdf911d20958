"""Chart throughput: charts/s cold (empty cache) and warm (everything cached).

The charts come from a catalogue written by `gongkai synth` (the scale issue's synthetic catalogue), enough
records for the requested number of charts. The machine is shared, so besides charts/s (wall clock, which
depends on what else runs) the figures include CPU ms per chart (this process and all its workers and dot
processes, which does not) and the load average before and after.
"""

from __future__ import annotations

import dataclasses
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generator.catalogue import Entry
from generator.charts.render import ChartRenderer
from generator.charts.stage import chart_jobs, charted_entries, render_charts
from generator.check import check_catalogue

PROJECT = Path(__file__).resolve().parent.parent
SYNTH_DIR = PROJECT / ".cache" / "bench" / "charts-synth"
BENCH_CACHE = PROJECT / ".cache" / "bench" / "charts-cache"
CHARTS_PER_RECORD = 0.9  # a synthetic catalogue charts ~92% of its records (disclosed powers, services with steps)
SEED = 7


def variants(entries: list[Entry], count: int) -> list[Entry]:
    """`count` distinct entries (distinct DOT, so no cache hits) cycling through the given ones."""
    out = []
    for i in range(count):
        base = entries[i % len(entries)]
        record = base.record.model_copy(update={"id": f"{base.id}-{i}", "name": f"{base.name}（{i}）"})
        out.append(dataclasses.replace(base, record=record))
    return out


def synth_catalogue(charts: int, folder: Path = SYNTH_DIR) -> Path:
    """A `gongkai synth` catalogue big enough for `charts` charts; reused while its parameters are unchanged."""
    records = math.ceil(charts / CHARTS_PER_RECORD)
    departments = max(14, records // 250)
    marker = folder / ".gongkai-synth"
    wanted = f"records={records} departments={departments} seed={SEED}\n"
    if not (marker.is_file() and marker.read_text(encoding="utf-8") == wanted):
        folder.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "generator", "synth", "--records", str(records), "--departments",
                        str(departments), "--seed", str(SEED), "--out", str(folder),
                        "--flowcharts", str(PROJECT / "flowcharts")], check=True, cwd=PROJECT)
    return folder


def evenly(entries: list[Entry], count: int) -> list[Entry]:
    """`count` entries spread over the whole (id-sorted) list, so every department and kind is represented."""
    if len(entries) <= count:
        return entries
    return [entries[i * len(entries) // count] for i in range(count)]


def _cpu() -> float:
    """CPU seconds of this process and every finished child (workers and their dot processes): unlike charts/s,
    this does not depend on what else the shared machine is running."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _timed(entries: list[Entry], cache: Path) -> tuple[float, float, ChartRenderer]:
    """The whole chart stage as a build runs it: DOT source, cache lookup, Graphviz and clean-up, in workers."""
    renderer = ChartRenderer(cache)
    cpu_start = _cpu()
    start = time.perf_counter()
    render_charts(entries, renderer)
    return time.perf_counter() - start, _cpu() - cpu_start, renderer


COLD_REPS = int(os.environ.get("GONGKAI_BENCH_CHART_REPS", "3"))  # the shared machine varies ±15% run to run


def bench_entries(entries: list[Entry], reps: int = COLD_REPS) -> dict:
    """Cold (median of `reps` runs, each with an empty cache) and warm charts/s, and CPU ms per chart."""
    if not entries:
        return {"charts": 0}
    cpu_start, start = _cpu(), time.perf_counter()
    chart_jobs(entries)
    dot_seconds, dot_cpu = time.perf_counter() - start, _cpu() - cpu_start
    # The cache goes where a build puts it (.cache/ in the project), not /tmp: on this machine creating a file in
    # /tmp costs ~7x more CPU, which would be charged to the charts.
    BENCH_CACHE.mkdir(parents=True, exist_ok=True)
    load = os.getloadavg()
    colds = []
    for _ in range(max(1, reps)):
        with tempfile.TemporaryDirectory(dir=BENCH_CACHE) as tmp:
            colds.append(_timed(entries, Path(tmp) / "svg"))
            load_after = os.getloadavg()
            warm, _, again = _timed(entries, Path(tmp) / "svg")
    cold, cold_cpu, renderer = sorted(colds, key=lambda run: run[0])[len(colds) // 2]
    n = len(entries)
    return {
        "charts": n, "cpus": os.cpu_count(), "cold_runs": len(colds),
        "loadavg_1m_at_start": round(load[0], 2), "loadavg_1m_after_cold": round(load_after[0], 2),
        "dot_source_per_s": round(n / dot_seconds, 1), "dot_source_cpu_ms_per_chart": round(dot_cpu * 1000 / n, 3),
        "svg_cold_per_s": round(n / cold, 1), "svg_cold_cpu_ms_per_chart": round(cold_cpu * 1000 / n, 2),
        "svg_cold_per_s_runs": [round(n / run[0], 1) for run in colds],
        "svg_cold_per_s_if_cpus_were_free": round(n / cold_cpu * min(os.cpu_count() or 1, 2), 1),
        "svg_cold_dot_runs": renderer.stats.dot_runs,
        "svg_warm_per_s": round(n / warm, 1), "warm_dot_runs": again.stats.dot_runs, "warm_rendered": again.stats.rendered,
    }


def bench_charts(catalogue_dir: Path, count: int | None = None) -> dict:
    """Figures for the catalogue's own charts (or `count` variants of them, for a small catalogue)."""
    entries = charted_entries(check_catalogue(catalogue_dir).catalogue)
    if count and entries:
        entries = variants(entries, count)
    return bench_entries(entries)


def bench_synth(count: int) -> dict:
    """Figures for `count` charts of a `gongkai synth` catalogue."""
    folder = synth_catalogue(count)
    entries = evenly(charted_entries(check_catalogue(folder, PROJECT / "flowcharts").catalogue), count)
    return {"catalogue": f"gongkai synth --records {math.ceil(count / CHARTS_PER_RECORD)} --seed {SEED}",
            **bench_entries(entries)}


QUIET_LOAD = 0.5  # 1-minute load average below which the machine counts as settled
SETTLE_LIMIT_S = 180


def settle(limit: float = SETTLE_LIMIT_S) -> float:
    """Wait (at most `limit` seconds) until the load of the build benchmarks before has died down, so the chart
    figure measures charts rather than what ran before; returns the seconds waited."""
    start = time.perf_counter()
    while os.getloadavg()[0] >= QUIET_LOAD and time.perf_counter() - start < limit:
        time.sleep(5)
    return round(time.perf_counter() - start, 1)


def run() -> dict:
    """Entry point used by `python -m bench`: 10,000 charts of a synthetic catalogue, on a settled machine."""
    count = int(os.environ.get("GONGKAI_BENCH_CHARTS", "10000"))
    synth_catalogue(count)  # written before settling: writing it is load too
    waited = settle()
    return {"settle_wait_s": waited, **bench_synth(count)}


if __name__ == "__main__":
    print(run())
