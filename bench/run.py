"""Benchmark one catalogue size: synth → check cold/warm → cold builds → rebuild after one change →
site figures → baseline MkDocs build → serve time-to-first-response. Every step reports, none crashes."""

from __future__ import annotations

import json
import re
import shutil
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Callable

from bench import measure
from bench.config import PROJECT, baseline_config, project_config_for
from bench.measure import median, python_cmd, run_timed

FLOWCHARTS = PROJECT / "flowcharts"
_CHANGE_NOTE = re.compile(r"^change_note: .*$", re.M)


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def guarded(results: dict, key: str, step: Callable[[], Any]) -> Any:
    """Run one benchmark step; a failure is recorded as an error string for that step only."""
    try:
        value = step()
    except Exception as exc:  # noqa: BLE001 — one broken stage must not lose the other figures
        value = f"error: {type(exc).__name__}: {exc}"
    results[key] = value
    return value


def _fail(timed: measure.Timed, what: str) -> str:
    tail = (timed.stderr or timed.stdout).strip().splitlines()[-5:]
    return f"error: {what} exited with {timed.returncode}: {' | '.join(tail)}"


class SizeRun:
    def __init__(self, records: int, departments: int, reps: int, work: Path, seed: int = 1) -> None:
        self.records, self.departments, self.reps, self.seed = records, departments, reps, seed
        self.root = work / f"n{records}"
        self.catalogue = self.root / "catalogue"
        self.site = self.root / "site"
        self.config = self.root / "mkdocs.yml"

    def clear_caches(self) -> None:
        shutil.rmtree(self.root / ".cache", ignore_errors=True)
        shutil.rmtree(self.site, ignore_errors=True)

    def synth(self) -> dict:
        self.root.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(self.catalogue, ignore_errors=True)
        timed = run_timed(python_cmd("-m", "generator", "synth", "--records", str(self.records), "--departments",
                                     str(self.departments), "--seed", str(self.seed), "--out", str(self.catalogue),
                                     "--flowcharts", str(FLOWCHARTS)), self.root)
        if not timed.ok:
            raise RuntimeError(_fail(timed, "synth"))
        project_config_for(self.catalogue, self.config)
        return {"seconds": timed.seconds, "catalogue_bytes": measure.tree_bytes(self.catalogue)}

    def check(self) -> dict:
        cmd = python_cmd("-m", "generator", "check", "--strict", "--catalogue", str(self.catalogue), "--flowcharts", str(FLOWCHARTS))
        cold, warm = [], []
        for _ in range(self.reps):
            self.clear_caches()
            first = run_timed(cmd, self.root)
            if not first.ok:
                return {"error": _fail(first, "check")}
            cold.append(first.seconds)
            warm.append(run_timed(cmd, self.root).seconds)
        return {"cold_s": median(cold), "warm_s": median(warm), "cold_runs": cold, "warm_runs": warm}

    def _build(self, engine: str = "mkdocs") -> tuple[float, dict]:
        timed = run_timed(python_cmd("-m", "bench.probe", "build", "--catalogue", str(self.catalogue), "--config", str(self.config),
                                     "--out", str(self.site), "--flowcharts", str(FLOWCHARTS), "--engine", engine), self.root)
        if not timed.ok:
            raise RuntimeError(_fail(timed, "build"))
        return timed.seconds, json.loads(timed.stdout)

    def cold_builds(self, engine: str = "mkdocs") -> dict:
        walls, probes = [], []
        for i in range(self.reps):
            self.clear_caches()
            wall, probe = self._build(engine)
            log(f"n={self.records} cold build on {engine} {i + 1}/{self.reps}: {wall:.1f} s")
            walls.append(wall)
            probes.append(probe)
        names = sorted({name for p in probes for name in p["stages"]})
        stages = {name: median([p["stages"][name] for p in probes if name in p["stages"]]) for name in names}
        rss = {name: max(p["stage_rss_mb"].get(name, 0) for p in probes) for name in names}
        return {"wall_s": median(walls), "runs": walls, "stages_s": stages, "stage_rss_mb": rss,
                "peak_rss_mb": max(p["peak_rss_mb"] for p in probes), "pages": probes[-1]["pages"],
                "html_pages": sum(1 for _ in self.site.rglob("*.html"))}

    def zensical(self) -> dict:
        """The same catalogue on the Zensical engine: cold builds, then one build with its workspace kept."""
        cold = self.cold_builds("zensical")
        warm, _ = self._build("zensical")
        log(f"n={self.records} Zensical build with its page cache kept: {warm:.1f} s")
        return {**cold, "warm_s": warm, "site": measure.site_figures(self.site)}

    def rebuild_after_change(self) -> dict:
        """Change one record (a substantive edit of its change note) and build again with caches kept."""
        target = sorted((self.catalogue).glob("*/powers/*.yaml"))[len(self.catalogue.name) % 7]
        original = target.read_text(encoding="utf-8")
        walls = []
        try:
            for i in range(self.reps):
                target.write_text(_CHANGE_NOTE.sub(f"change_note: 基准测试第 {i + 1} 次修改", original, count=1), encoding="utf-8")
                walls.append(self._build()[0])
        finally:
            target.write_text(original, encoding="utf-8")
        return {"wall_s": median(walls), "runs": walls, "record": target.relative_to(self.catalogue).as_posix()}

    def baseline(self) -> dict:
        docs = self.root / "baseline-docs"
        shutil.rmtree(docs, ignore_errors=True)
        shutil.copytree(PROJECT / "content", docs)
        dumped = run_timed(python_cmd("-m", "bench.probe", "dump", "--catalogue", str(self.catalogue), "--config",
                                      str(self.config), "--out", str(docs), "--flowcharts", str(FLOWCHARTS)), self.root)
        if not dumped.ok:
            raise RuntimeError(_fail(dumped, "page dump"))
        config = baseline_config(docs, self.root / "baseline.yml")
        out = self.root / "baseline-site"
        walls = []
        for _ in range(self.reps):
            shutil.rmtree(out, ignore_errors=True)
            timed = run_timed(python_cmd("-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(out)), self.root)
            if not timed.ok:
                raise RuntimeError(_fail(timed, "baseline mkdocs"))
            walls.append(timed.seconds)
        return {"wall_s": median(walls), "runs": walls, "pages": json.loads(dumped.stdout)["pages"],
                "output_bytes": measure.tree_bytes(out),
                "record_html_median_bytes": _median_or_none(measure.record_page_sizes(out))}

    def serve(self) -> dict:
        common = ["--catalogue", str(self.catalogue), "--config", str(self.config), "--flowcharts", str(FLOWCHARTS)]
        department = sorted(p.name for p in self.catalogue.iterdir() if p.is_dir())[0]
        self.clear_caches()
        full = measure.serve_first_response(common, self.root)
        one = measure.serve_first_response([*common, "--department", department], self.root)
        return {"full_s": full, "department_s": one, "department": department}

    def run_engines(self) -> dict:
        """Only what compares the engines: the MkDocs engine's and Zensical's cold builds and the bare MkDocs
        baseline, on the same synthetic pages (`python -m bench --engines-only`)."""
        results: dict[str, Any] = {"records": self.records, "departments": self.departments, "repetitions": self.reps}
        started = time.perf_counter()
        reference = [measure.cpu_reference_ms()]
        log(f"n={self.records}: CPU reference {reference[0]} ms")
        if isinstance(guarded(results, "synth", self.synth), str):
            return results
        guarded(results, "build", self.cold_builds)
        guarded(results, "baseline", self.baseline)
        guarded(results, "zensical", self.zensical)
        reference.append(measure.cpu_reference_ms())
        summary = {key: results[key] for key in ("records", "departments", "repetitions")}
        summary["engines"] = engines_summary(results, reference)
        summary["engines"]["bench_seconds"] = round(time.perf_counter() - started, 1)
        return summary

    def run(self) -> dict:
        results: dict[str, Any] = {"records": self.records, "departments": self.departments, "repetitions": self.reps}
        started = time.perf_counter()
        reference = [measure.cpu_reference_ms()]  # the machine's state: compare with other runs before trusting a ratio
        log(f"n={self.records}: CPU reference {reference[0]} ms")
        if isinstance(guarded(results, "synth", self.synth), str):
            return results
        log(f"n={self.records}: catalogue written")
        guarded(results, "check", self.check)
        log(f"n={self.records}: check {results['check']}")
        guarded(results, "build", self.cold_builds)
        if isinstance(results["build"], dict):
            results["site"] = measure.site_figures(self.site)
            results["search"] = measure.search_figures(self.site)
        guarded(results, "rebuild", self.rebuild_after_change)
        guarded(results, "baseline", self.baseline)
        log(f"n={self.records}: baseline {results['baseline']}")
        guarded(results, "serve", self.serve)
        guarded(results, "zensical", self.zensical)  # last: the MkDocs engine's site above is measured first
        reference.append(measure.cpu_reference_ms())
        results["engines"] = engines_summary(results, reference)
        results["bench_seconds"] = round(time.perf_counter() - started, 1)
        return results


SUMMARY_KEYS = ("wall_s", "runs", "warm_s", "pages", "html_pages", "peak_rss_mb", "stages_s", "output_bytes", "site")


def engines_summary(results: dict, reference: list[float]) -> dict:
    """The engine comparison of one size: each engine's cold build against bare MkDocs on the same pages, with the
    CPU reference taken around it (the ratios are only comparable between runs in a similar machine state)."""
    def figures(key: str) -> dict | str:
        value = results.get(key)
        return {k: v for k, v in value.items() if k in SUMMARY_KEYS} if isinstance(value, dict) else f"{value}"

    summary: dict[str, Any] = {"mkdocs": figures("build"), "zensical": figures("zensical"), "baseline": figures("baseline"),
                               "cpu_reference_ms": reference, "mkdocs_engine": _mkdocs_flavour()}
    base = summary["baseline"].get("wall_s") if isinstance(summary["baseline"], dict) else None
    for key in ("mkdocs", "zensical"):
        engine = summary[key]
        if isinstance(engine, dict) and engine.get("wall_s") and base:
            engine["vs_baseline"] = round(engine["wall_s"] / base, 3)
    log(f"n={results['records']}: CPU reference {reference} ms; against bare MkDocs: "
        + ", ".join(f"{k} {v.get('vs_baseline')}×" for k, v in summary.items() if isinstance(v, dict) and "vs_baseline" in v))
    return summary


def _mkdocs_flavour() -> str:
    timed = run_timed(python_cmd("-c", "import generator.mkdocs_adapter.flavour as f; f.activate(); print(f.version())"), PROJECT)
    return timed.stdout.strip() if timed.ok else "?"


def _median_or_none(values: list[int]) -> int | None:
    return int(statistics.median(values)) if values else None
