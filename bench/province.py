"""The province run: a large synthetic catalogue built as N parts one after another, as a CI matrix would build them
in parallel, then assembled; each part's time and peak RSS, the critical path (slowest part + assembly) against bare
MkDocs on one part's pages, the cold check, and search on the assembled site."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path
from typing import Any

from bench import measure
from bench.config import PROJECT, baseline_config
from bench.measure import median, python_cmd, run_timed
from bench.run import FLOWCHARTS, SizeRun, _fail, guarded, log

TIME = "/usr/bin/time"
# The dev VM's speed swings ±30 % within an hour (CPU reference in results.md), so one run of a 20–40 s check is not a
# figure: the median of three cold runs is. Bare MkDocs runs once before the parts and once after them (bracketing
# the drift across a 30-minute run); the critical path is compared with the mean of the two.
CHECK_RUNS = 3


def run_measured(cmd: list[str], cwd: Path, extra_env: dict[str, str] | None = None) -> dict:
    """Wall seconds and peak RSS (GNU time's %M, the largest process of the command) of one command."""
    wrapped = [TIME, "-f", "gk-peak-kb %M", *cmd] if os.path.exists(TIME) else cmd
    timed = run_timed(wrapped, cwd, extra_env=extra_env)
    if not timed.ok:
        raise RuntimeError(_fail(timed, " ".join(cmd[2:4])))
    peak = [line.split()[1] for line in timed.stderr.splitlines() if line.startswith("gk-peak-kb ")]
    return {"seconds": timed.seconds, "peak_rss_mb": round(int(peak[-1]) / 1024, 1) if peak else None, "stdout": timed.stdout}


class ProvinceRun(SizeRun):
    def __init__(self, records: int, departments: int, work: Path, parts: int | None = None, seed: int = 1) -> None:
        super().__init__(records, departments, 1, work, seed)
        self.root = work / f"province-{records}"
        self.catalogue, self.site, self.config = self.root / "catalogue", self.root / "site", self.root / "mkdocs.yml"
        self.parts = parts
        self.plan = self.root / "parts-plan.json"

    def _common(self) -> list[str]:
        return ["--catalogue", str(self.catalogue), "--config", str(self.config), "--flowcharts", str(FLOWCHARTS)]

    def check_cold(self, runs: int = CHECK_RUNS) -> dict:
        cmd = python_cmd("-m", "generator", "check", "--strict", "--catalogue", str(self.catalogue), "--flowcharts", str(FLOWCHARTS))
        found = []
        for _ in range(runs):
            self.clear_caches()
            found.append(run_measured(cmd, self.root, {"GONGKAI_NO_CACHE": "1"}))
        seconds = [f["seconds"] for f in found]
        return {"seconds": median(seconds), "runs": seconds, "peak_rss_mb": max((f["peak_rss_mb"] or 0) for f in found) or None}

    def make_plan(self) -> dict:
        extra = ["--parts", str(self.parts)] if self.parts else []
        found = run_measured(python_cmd("-m", "generator", "parts", "--strict", *self._common(), "--out", str(self.plan), *extra), self.root)
        self.parts = len(json.loads(found.pop("stdout"))) - 1
        return {**found, "parts": self.parts, "records_per_part": self._records_per_part()}

    def _records_per_part(self) -> list[int]:
        plan = json.loads(self.plan.read_text(encoding="utf-8"))
        files = {d.name: sum(1 for _ in d.rglob("*.yaml")) for d in self.catalogue.iterdir() if d.is_dir()}
        return [sum(files.get(d, 0) for d in group) for group in plan["departments"]]

    def build_parts(self) -> list[dict]:
        """Every part from cold caches, one after another (a CI runner starts with none)."""
        shutil.rmtree(self.root / ".cache", ignore_errors=True)
        results = []
        for k in range(self.parts + 1):
            out = self.root / f"part-{k}"
            shutil.rmtree(out, ignore_errors=True)
            timed = run_timed(python_cmd("-m", "bench.probe", "build", *self._common(), "--out", str(out), "--part",
                                         f"{k}/{self.parts}", "--plan", str(self.plan)), self.root)
            if not timed.ok:
                raise RuntimeError(_fail(timed, f"part {k}"))
            probe = json.loads(timed.stdout)
            results.append({"part": k, "wall_s": timed.seconds, "peak_rss_mb": probe["peak_rss_mb"], "pages": probe["pages"],
                            "stages_s": probe["stages"], "output_bytes": measure.tree_bytes(out)})
            log(f"province part {k}/{self.parts}: {timed.seconds:.1f} s, {probe['peak_rss_mb']} MB")
        return results

    def assemble(self) -> dict:
        parts = [str(self.root / f"part-{k}") for k in range(self.parts + 1)]
        # --move, as the workflow's assembling job runs it (its parts are downloaded copies): the parts are used up
        found = run_measured(python_cmd("-m", "generator", "assemble", "--move", *self._common(), *parts, "--out", str(self.site)), self.root)
        return {k: v for k, v in found.items() if k != "stdout"}

    def largest_part(self) -> int:
        """The department part (1…N) with the most records."""
        per_part = self._records_per_part()  # part 1 first
        return 1 + max(range(len(per_part)), key=lambda k: per_part[k]) if per_part else 1

    def dump_baseline_pages(self, part: int) -> dict:
        """One department part's pages and the nav's pages as plain Markdown, for bare MkDocs."""
        docs = self.root / "baseline-docs"
        shutil.rmtree(docs, ignore_errors=True)
        shutil.copytree(PROJECT / "content", docs)
        dumped = run_timed(python_cmd("-m", "bench.probe", "dump", *self._common(), "--out", str(docs), "--part",
                                      f"{part}/{self.parts}", "--plan", str(self.plan)), self.root)
        if not dumped.ok:
            raise RuntimeError(_fail(dumped, "page dump"))
        return {"part": part, "pages": json.loads(dumped.stdout)["pages"]}

    def part_baseline(self) -> float:
        """Bare MkDocs + Material (no plugin, search off) over the dumped pages: wall seconds."""
        docs = self.root / "baseline-docs"
        out = self.root / "baseline-site"
        shutil.rmtree(out, ignore_errors=True)
        config = baseline_config(docs, self.root / "baseline.yml")
        timed = run_timed(python_cmd("-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(out)), self.root)
        if not timed.ok:
            raise RuntimeError(_fail(timed, "baseline mkdocs"))
        return timed.seconds

    def run(self) -> dict:
        results: dict[str, Any] = {"records": self.records, "departments": self.departments}
        started = time.perf_counter()
        results["cpu_reference_ms_start"] = measure.cpu_reference_ms()
        results["loadavg_start"] = os.getloadavg()[0]
        if isinstance(guarded(results, "synth", self.synth), str):
            return results
        log(f"province {self.records}: catalogue written")
        guarded(results, "check_cold", self.check_cold)
        log(f"province: check cold {results['check_cold']}")
        if isinstance(guarded(results, "plan", self.make_plan), str):
            return results
        baseline = guarded(results, "baseline", lambda: self.dump_baseline_pages(self.largest_part()))
        before = guarded(results, "baseline_before", self.part_baseline) if isinstance(baseline, dict) else None
        parts = guarded(results, "parts", self.build_parts)
        if isinstance(parts, str) or isinstance(guarded(results, "assemble", self.assemble), str):
            return results
        results["site"] = measure.site_figures(self.site)
        results["search"] = measure.search_figures(self.site)
        if isinstance(before, float) and isinstance(after := guarded(results, "baseline_after", self.part_baseline), float):
            results["baseline"] = {**baseline, "wall_s": round((before + after) / 2, 3), "runs": [before, after]}
        slowest = max(parts, key=lambda p: p["wall_s"])
        results["critical_path_s"] = round(slowest["wall_s"] + results["assemble"]["seconds"], 3)
        results["slowest_part"] = slowest["part"]
        results["cpu_reference_ms_end"] = measure.cpu_reference_ms()
        results["loadavg_end"] = os.getloadavg()[0]
        results["bench_seconds"] = round(time.perf_counter() - started, 1)
        return results
