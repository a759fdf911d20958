"""Render many charts: cache lookup by DOT hash, then batches through one `dot` per batch, a worker per core."""

from __future__ import annotations

import hashlib
import os
import shutil
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from generator.charts import batch
from generator.charts.svg import sanitize_svg

# Bump when the post-processing changes, so cached files made by older code are not reused.
PIPELINE_VERSION = "charts-2"
DEFAULT_CACHE = Path(".cache/charts")


@dataclass(frozen=True)
class ChartJob:
    name: str  # record id, for messages only
    dot: str
    title: str
    desc: str


@dataclass
class RenderStats:
    charts: int = 0
    rendered: int = 0
    cached: int = 0
    dot_runs: int = 0


def _tool_stamp() -> str:
    """Identifies the installed Graphviz without starting it: a new version gives new cache keys."""
    path = os.path.realpath(batch.dot_binary())
    info = os.stat(path)
    return f"{path}:{info.st_size}:{info.st_mtime_ns}"


def job_key(job: ChartJob, formats: tuple[str, ...], stamp: str) -> str:
    digest = hashlib.sha256()
    for part in (PIPELINE_VERSION, stamp, ",".join(formats), job.dot, job.title, job.desc):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def render_batch(jobs: list[ChartJob], formats: tuple[str, ...]) -> list[dict[str, bytes]]:
    """One dot process, then SVG clean-up; runs in a worker process so the Python part uses every core too."""
    outputs = batch.run_dot([j.dot for j in jobs], formats, [j.name for j in jobs])
    for job, out in zip(jobs, outputs):
        if "svg" in out:
            out["svg"] = sanitize_svg(out["svg"], job.title, job.desc)
    return outputs


class ChartRenderer:
    def __init__(self, cache_dir: Path | None = DEFAULT_CACHE, formats: tuple[str, ...] = ("svg", "png"),
                 workers: int | None = None, batch_size: int = 100) -> None:
        self.cache_dir = cache_dir
        self.formats = formats
        self.workers = workers or os.cpu_count() or 1
        self.batch_size = batch_size
        self.stats = RenderStats()

    def _path(self, key: str, fmt: str) -> Path:
        assert self.cache_dir is not None
        return self.cache_dir / key[:2] / f"{key}.{fmt}"

    def _cached(self, key: str) -> dict[str, bytes] | None:
        if self.cache_dir is None:
            return None
        paths = [self._path(key, fmt) for fmt in self.formats]
        if not all(p.is_file() for p in paths):
            return None
        return {fmt: p.read_bytes() for fmt, p in zip(self.formats, paths)}

    def _store(self, key: str, outputs: dict[str, bytes]) -> None:
        if self.cache_dir is None:
            return
        for fmt, data in outputs.items():
            path = self._path(key, fmt)
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_bytes(data)
            os.replace(temporary, path)  # atomic: parallel builds never see half a file


    def render(self, jobs: list[ChartJob]) -> list[dict[str, bytes]]:
        """Outputs (format → bytes) in the order of `jobs`; only charts missing from the cache reach Graphviz."""
        stamp = _tool_stamp()
        keys = [job_key(j, self.formats, stamp) for j in jobs]
        results: list[dict[str, bytes] | None] = [self._cached(k) for k in keys]
        missing = [i for i, r in enumerate(results) if r is None]
        self.stats.charts += len(jobs)
        self.stats.cached += len(jobs) - len(missing)
        if missing:
            size = max(1, min(self.batch_size, -(-len(missing) // self.workers)))
            groups = [missing[i:i + size] for i in range(0, len(missing), size)]
            batches = [[jobs[i] for i in g] for g in groups]
            if len(batches) == 1 or self.workers == 1:
                done = map(render_batch, batches, [self.formats] * len(batches))
            else:
                with ProcessPoolExecutor(max_workers=self.workers) as pool:
                    done = list(pool.map(render_batch, batches, [self.formats] * len(batches)))
            for group, outputs in zip(groups, done):
                self.stats.dot_runs += 1
                for i, out in zip(group, outputs):
                    self._store(keys[i], out)
                    results[i] = out
            self.stats.rendered += len(missing)
        return [r for r in results if r is not None]


def clear_cache(cache_dir: Path) -> None:
    shutil.rmtree(cache_dir, ignore_errors=True)
