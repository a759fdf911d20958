"""Render many charts: cache lookup by DOT hash, then batches through one `dot` per batch, a worker per core."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import shutil
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from generator.charts import batch
from generator.charts.dot import legend_dot
from generator.charts.layout import place_text
from generator.charts.metrics import font_file
from generator.charts.store import ChartStore
from generator.charts.svg import LegendArt, legend_art, sanitize_svg
from generator.errors import BuildError
from generator.heap import frozen_heap

# Bump when the post-processing changes, so cached files made by older code are not reused.
PIPELINE_VERSION = "charts-5"
FORMATS = ("svg",)  # the PNG is drawn from the SVG in the reader's browser (overrides/assets/gongkai/chart.js)
DEFAULT_CACHE = Path(".cache/charts")


@dataclass(frozen=True)
class ChartJob:
    name: str  # record id, for messages only
    dot: str  # without the legend: see chart_body_dot
    title: str
    desc: str


@dataclass
class RenderStats:
    charts: int = 0
    rendered: int = 0
    cached: int = 0
    dot_runs: int = 0




def _file_stamp(path: str) -> str:
    info = os.stat(path)
    return f"{os.path.realpath(path)}:{info.st_size}:{info.st_mtime_ns}"


def _tool_stamp() -> str:
    """Identifies the installed Graphviz (without starting it), the chart fonts, the chart code and the legend every
    chart shows: a change of any of them gives new cache keys. All of the package's code counts (it once listed the
    post-processing modules by name, and an edit elsewhere, here for one, left old charts in the cache)."""
    here = Path(__file__).parent
    code = hashlib.sha256(b"".join(path.read_bytes() for path in sorted(here.glob("*.py")))).hexdigest()
    legend = hashlib.sha256(legend_dot().encode("utf-8")).hexdigest()
    fonts = [_file_stamp(str(font_file(bold)[0])) for bold in (False, True)]
    return ":".join([_file_stamp(batch.dot_binary()), *fonts, code, legend])


def job_key(job: ChartJob, stamp: str) -> str:
    digest = hashlib.sha256()
    for part in (PIPELINE_VERSION, stamp, job.dot, job.title, job.desc):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


@lru_cache(maxsize=1)
def render_legend() -> LegendArt:
    """The shared legend, laid out and sanitized once per process (one short dot run)."""
    svg = batch.run_dot([legend_dot()], ("svg",), ["图例"])[0]["svg"]
    return legend_art(sanitize_svg(svg, "图例", "流程图图例"))


def render_batch(jobs: list[ChartJob], legend: LegendArt | None = None) -> list[dict[str, bytes]]:
    """dot on the batch, then the node text, SVG clean-up and the shared legend below each chart; runs in a
    worker process so the Python part uses every core too."""
    legend = legend or render_legend()
    drawn = batch.run_dot([j.dot for j in jobs], ("svg",), [j.name for j in jobs])
    return [{"svg": sanitize_svg(_with_text(job, out), job.title, job.desc, legend)} for job, out in zip(jobs, drawn)]


def render_one(dot: str, title: str) -> bytes:
    """One chart body's finished SVG, for previews outside a build (e.g. the pull-request summary)."""
    return render_batch([ChartJob(title, dot, title, title)])[0]["svg"]


def _with_text(job: ChartJob, out: dict[str, bytes]) -> str:
    try:
        svg = out["svg"].decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BuildError(f"Graphviz 输出的流程图（{job.name}）无法解析：{exc}") from exc
    return place_text(svg, job.dot)


# Jobs for the charts at positions [start, end): called in the worker that renders them (see render_from).
JobSource = Callable[[int, int], list[ChartJob]]
PARALLEL_FROM = 400  # fewer charts than this are built in this process: starting workers would cost more


@dataclass(frozen=True)
class _Context:
    make_jobs: JobSource
    stamp: str
    cache_dir: Path | None
    legend: LegendArt


_FORKED: list[_Context] = []  # what forked workers inherit instead of receiving it pickled


class ChartRenderer:
    def __init__(self, cache_dir: Path | None = DEFAULT_CACHE, workers: int | None = None, batch_size: int = 500) -> None:
        # dot's start-up (fonts, plugins) is ~20 ms: ~4% of a run of 500 charts; larger batches gain little.
        self.cache_dir = cache_dir
        self.workers = workers or os.cpu_count() or 1
        self.batch_size = batch_size
        self.stats = RenderStats()

    def render(self, jobs: list[ChartJob]) -> list[dict[str, bytes]]:
        """Outputs (format → bytes) in the order of `jobs`; only charts missing from the cache reach Graphviz."""
        return self.render_from(len(jobs), lambda start, end: jobs[start:end])

    def render_from(self, count: int, make_jobs: JobSource) -> list[dict[str, bytes]]:
        """Outputs for `count` charts whose jobs `make_jobs` builds range by range. Each worker builds its own
        range's DOT, looks it up in the cache and renders what is missing, so DOT never crosses a process boundary
        and building it overlaps Graphviz; this process only stores what was newly rendered."""
        store = ChartStore(self.cache_dir) if self.cache_dir is not None else None
        store = store if store is not None and store.usable else None  # an unusable cache was warned about once
        context = _Context(make_jobs, _tool_stamp(), self.cache_dir if store else None, render_legend())
        size = max(1, min(self.batch_size, -(-count // self.workers)))
        ranges = [(start, min(start + size, count)) for start in range(0, count, size)]
        results: list[dict[str, bytes]] = []
        try:
            for part in self._parts(context, ranges, parallel=count >= PARALLEL_FROM):
                new = [(key, out) for key, out, rendered in part if rendered]
                if store and new:
                    store.put(new)
                self._count(len(part), len(new))
                results += [out for _, out, _ in part]
        finally:
            if store:
                store.close()
        return results

    def _count(self, charts: int, rendered: int) -> None:
        self.stats.charts += charts
        self.stats.rendered += rendered
        self.stats.cached += charts - rendered
        self.stats.dot_runs += 1 if rendered else 0

    def _parts(self, context: _Context, ranges: list[tuple[int, int]], parallel: bool) -> Iterator[list[tuple]]:
        """Each range's (key, outputs, newly rendered) as soon as it (and those before it) are done, so the cache
        is written while the workers go on rendering."""
        _FORKED[:] = [context]
        try:
            if not parallel or len(ranges) == 1 or self.workers == 1 or "fork" not in multiprocessing.get_all_start_methods():
                yield from map(_render_range, ranges)
                return
            fork = multiprocessing.get_context("fork")
            with frozen_heap(), ProcessPoolExecutor(max_workers=self.workers, mp_context=fork) as pool:
                yield from pool.map(_render_range, ranges)
        finally:
            _FORKED.clear()


def _render_range(bounds: tuple[int, int]) -> list[tuple[str, dict[str, bytes], bool]]:
    context = _FORKED[0]
    jobs = context.make_jobs(*bounds)
    keys = [job_key(j, context.stamp) for j in jobs]
    found = _cached(keys, context.cache_dir)
    missing = [i for i, key in enumerate(keys) if key not in found]
    drawn = dict(zip(missing, render_batch([jobs[i] for i in missing], context.legend))) if missing else {}
    return [(key, found[key] if i not in drawn else drawn[i], i in drawn) for i, key in enumerate(keys)]


def _cached(keys: list[str], cache_dir: Path | None) -> dict[str, dict[str, bytes]]:
    if cache_dir is None:
        return {}
    store = ChartStore(cache_dir)
    try:
        return store.get(keys, FORMATS)
    finally:
        store.close()


def clear_cache(cache_dir: Path) -> None:
    shutil.rmtree(cache_dir, ignore_errors=True)
