"""Render many charts: cache lookup by DOT hash, then batches through one `dot` per batch, a worker per core."""

from __future__ import annotations

import gc
import hashlib
import os
import shutil
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from generator.charts import batch
from generator.charts.dot import legend_dot
from generator.charts.layout import place_text
from generator.charts.metrics import font_file
from generator.charts.store import ChartStore
from generator.charts.svg import LegendArt, legend_art, sanitize_svg
from generator.errors import BuildError

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


# The code that turns Graphviz's output into the chart: editing it must not leave old charts in the cache.
_POST_PROCESSING = ("layout.py", "svg.py", "metrics.py")


def _file_stamp(path: str) -> str:
    info = os.stat(path)
    return f"{os.path.realpath(path)}:{info.st_size}:{info.st_mtime_ns}"


def _tool_stamp() -> str:
    """Identifies the installed Graphviz (without starting it), the chart fonts, the post-processing code and the
    legend every chart shows: a change of any of them gives new cache keys."""
    here = Path(__file__).parent
    code = hashlib.sha256(b"".join((here / name).read_bytes() for name in _POST_PROCESSING)).hexdigest()
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
    drawn = batch.run_dot([j.dot for j in jobs], ("svg", "plain"), [j.name for j in jobs])
    return [{"svg": sanitize_svg(_with_text(job, out), job.title, job.desc, legend)} for job, out in zip(jobs, drawn)]


def render_one(dot: str, title: str) -> bytes:
    """One chart body's finished SVG, for previews outside a build (e.g. the pull-request summary)."""
    return render_batch([ChartJob(title, dot, title, title)])[0]["svg"]


def _with_text(job: ChartJob, out: dict[str, bytes]) -> bytes:
    try:
        svg, plain = out["svg"].decode("utf-8"), out["plain"].decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BuildError(f"Graphviz 输出的流程图（{job.name}）无法解析：{exc}") from exc
    return place_text(svg, plain, job.dot).encode("utf-8")


class ChartRenderer:
    def __init__(self, cache_dir: Path | None = DEFAULT_CACHE, workers: int | None = None, batch_size: int = 250) -> None:
        # Start-up and font loading are ~5% of a dot run of 100 charts and ~2% at 250; larger gains little.
        self.cache_dir = cache_dir
        self.workers = workers or os.cpu_count() or 1
        self.batch_size = batch_size
        self.stats = RenderStats()

    def _cached(self, keys: list[str], store: ChartStore | None) -> list[dict[str, bytes] | None]:
        found = store.get(keys, FORMATS) if store else {}
        return [found.get(k) for k in keys]

    def render(self, jobs: list[ChartJob]) -> list[dict[str, bytes]]:
        """Outputs (format → bytes) in the order of `jobs`; only charts missing from the cache reach Graphviz."""
        stamp = _tool_stamp()
        keys = [job_key(j, stamp) for j in jobs]
        store = ChartStore(self.cache_dir) if self.cache_dir is not None else None
        try:
            return self._render(jobs, keys, store)
        finally:
            if store:
                store.close()

    def _render(self, jobs: list[ChartJob], keys: list[str], store: ChartStore | None) -> list[dict[str, bytes]]:
        results = self._cached(keys, store)
        missing = [i for i, r in enumerate(results) if r is None]
        self.stats.charts += len(jobs)
        self.stats.cached += len(jobs) - len(missing)
        if missing:
            size = max(1, min(self.batch_size, -(-len(missing) // self.workers)))
            groups = [missing[i:i + size] for i in range(0, len(missing), size)]
            batches = [[jobs[i] for i in g] for g in groups]
            for group, outputs in zip(groups, self._rendered(batches)):
                self.stats.dot_runs += 1
                for i, out in zip(group, outputs):
                    results[i] = out
                if store:
                    store.put([(keys[i], out) for i, out in zip(group, outputs)])
            self.stats.rendered += len(missing)
        return [r for r in results if r is not None]

    def _rendered(self, batches: list[list[ChartJob]]) -> Iterator[list[dict[str, bytes]]]:
        """Each batch's outputs as soon as it (and those before it) are done, so the cache is written while the
        workers go on rendering instead of after all of them finish."""
        legends = [render_legend()] * len(batches)
        if len(batches) == 1 or self.workers == 1:
            yield from map(render_batch, batches, legends)
            return
        with frozen_heap(), ProcessPoolExecutor(max_workers=self.workers) as pool:
            yield from pool.map(render_batch, batches, legends)


@contextmanager
def frozen_heap() -> Iterator[None]:
    """Forked workers share the parent's heap copy-on-write, but their cyclic garbage collector would visit (and
    so copy) every object of a big catalogue; frozen objects are left alone."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def clear_cache(cache_dir: Path) -> None:
    shutil.rmtree(cache_dir, ignore_errors=True)
