"""Measurements: timed subprocesses, site figures, search bytes, serve time-to-first-response."""

from __future__ import annotations

import importlib
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.config import PROJECT

RECORD_FOLDERS = ("powers", "fees", "services")
# The last ticks a facet with the box empty (generator/search/measure.py): browsing a category, no words.
# 行政处罚 and 行政许可 are the slowest: words on most record pages (the worst case for search at scale).
QUERIES = ["食品经营许可", "行政处罚", "行政许可", "营业执照", "排污许可", "12345", "最低生活保障", "筛选:类别=行政处罚"]


@dataclass
class Timed:
    seconds: float
    returncode: int
    stdout: str
    stderr: str

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def python_cmd(*args: str) -> list[str]:
    return [sys.executable, *args]


def env() -> dict[str, str]:
    return os.environ | {"PYTHONPATH": str(PROJECT), "PYTHONHASHSEED": "0"}


def run_timed(cmd: list[str], cwd: Path, timeout: float = 3600, extra_env: dict[str, str] | None = None) -> Timed:
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=env() | (extra_env or {}), capture_output=True, text=True, timeout=timeout)
    return Timed(round(time.perf_counter() - start, 3), proc.returncode, proc.stdout, proc.stderr)


def median(values: list[float]) -> float | None:
    return round(statistics.median(values), 3) if values else None


def tree_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def record_page_sizes(site: Path) -> list[int]:
    return sorted(p.stat().st_size for folder in RECORD_FOLDERS for p in (site / folder).glob("*/index.html"))


def site_figures(site: Path) -> dict[str, Any]:
    sizes = record_page_sizes(site)
    return {
        "output_bytes": tree_bytes(site),
        "files": sum(1 for p in site.rglob("*") if p.is_file()),
        "record_pages": len(sizes),
        "record_html_median_bytes": int(statistics.median(sizes)) if sizes else None,
        "record_html_max_bytes": max(sizes) if sizes else None,
    }


# A fixed pure-Python loop, timed around the search runs. The dev VM's CPU speed swings about 2× with nothing
# else running (this reference measured 100–230 ms on one afternoon), and browser timings swing with it; the
# figure says which state the machine was in when the search times were taken.
CPU_REFERENCE_LOOPS = 2_000_000


def cpu_reference_ms(repeats: int = 3) -> float:
    """Median milliseconds of CPU_REFERENCE_LOOPS multiply-adds in this process (lower = faster machine)."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        total = 0
        for i in range(CPU_REFERENCE_LOOPS):
            total += i * i
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 1)


def search_figures(site: Path) -> dict[str, Any] | str:
    """Bytes a visitor downloads per query, from the search engineer's measure module when it exists, with the
    CPU reference before and after the runs."""
    try:
        module = importlib.import_module("generator.search.measure")
    except ImportError:
        return "n/a"
    measure = getattr(module, "measure_queries", None)
    if measure is None:
        return "n/a"
    before = cpu_reference_ms()
    try:
        raw = measure(site, QUERIES)
    except Exception as exc:  # noqa: BLE001 — another engineer's module: report, never crash the bench
        return f"error: {type(exc).__name__}: {exc}"
    figures = _jsonable(raw)
    if isinstance(figures, dict):
        figures["cpu_reference_ms"] = [before, cpu_reference_ms()]
    return figures


def _jsonable(value: Any) -> Any:
    try:
        json.dumps(value)
        return value
    except TypeError:
        if hasattr(value, "__dict__"):
            return {k: _jsonable(v) for k, v in vars(value).items()}
        if isinstance(value, (list, tuple)):
            return [_jsonable(v) for v in value]
        if isinstance(value, dict):
            return {str(k): _jsonable(v) for k, v in value.items()}
        return str(value)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_first_response(args: list[str], cwd: Path, timeout: float = 900) -> float | str:
    """Seconds from starting `gongkai serve` to the first HTTP 200 on /; the server is stopped afterwards."""
    port = free_port()
    cmd = python_cmd("-m", "generator", "serve", *args, "--addr", f"127.0.0.1:{port}")
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        while time.perf_counter() - start < timeout:
            if proc.poll() is not None:
                return f"error: serve exited with {proc.returncode}: {(proc.stderr.read() if proc.stderr else '')[-300:]}"
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
                    if response.status == 200:
                        return round(time.perf_counter() - start, 3)
            except OSError:
                time.sleep(0.1)
        return "error: timeout"
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)  # our own child's process group only
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
