"""`python -m bench` (`make bench`): run every size, write bench/results.json and bench/results.md,
and refresh the measured section of content/scale.md."""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import sys
import time
from pathlib import Path

from bench.config import PROJECT
from bench.province import ProvinceRun
from bench.report import markdown, province_targets, targets
from bench.run import SizeRun, guarded, log

BENCH_DIR = Path(__file__).resolve().parent


def machine() -> str:
    memory = ""
    try:
        kb = int(next(line for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")).split()[1])
        memory = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, StopIteration, ValueError):
        pass
    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs{memory}, Python {platform.python_version()}"


def departments_for(records: int) -> int:
    """A county has a dozen or two departments; larger synthetic catalogues get numbered branches."""
    return max(14, records // 250)


def default_reps(records: int) -> int:
    return 3 if records <= 1000 else 1


def _ints(text: str) -> list[int]:
    return [int(x) for x in text.split(",") if x.strip()]


def charts_figures() -> object:
    """The charts engineer's own benchmark (bench/charts.py), when it exists."""
    try:
        module = importlib.import_module("bench.charts")
    except ImportError:
        return "n/a"
    entry = getattr(module, "run", None) or getattr(module, "main", None)
    if entry is None:
        return "n/a"
    result = entry()
    return result if isinstance(result, (dict, list, str, int, float)) else str(result)


def merged(previous_file: Path, new: dict) -> dict:
    """`new` plus the sizes and chart figures of an earlier run that `new` did not measure again (a long size,
    e.g. 30,000 records, is run on its own). Targets are re-judged against the next smaller size."""
    try:
        previous = json.loads(previous_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return new
    earlier = {s.get("records"): s for s in previous.get("sizes", [])}
    for size in new["sizes"]:  # an engines-only size keeps the other figures of the earlier run of its size
        if set(size) <= {"records", "departments", "repetitions", "engines", "targets"} and size["records"] in earlier:
            size.update({**earlier[size["records"]], "engines": size["engines"]})
    measured = {s["records"] for s in new["sizes"]}
    sizes = sorted([s for s in previous.get("sizes", []) if s.get("records") not in measured] + new["sizes"], key=lambda s: s["records"])
    for i, size in enumerate(sizes):
        size["targets"] = targets(size, sizes[i - 1] if i else None)
    result = {**previous, **new, "sizes": sizes}
    for key in ("charts", "province"):
        if key not in new and key in previous:
            result[key] = previous[key]
    result["total_seconds"] = new["total_seconds"]  # this run's; each size keeps its own bench_seconds
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description="Benchmark Gongkai on synthetic catalogues.")
    parser.add_argument("--sizes", type=_ints, default=[1000, 10000], help="comma-separated record counts (default 1000,10000; empty: none)")
    parser.add_argument("--reps", type=_ints, default=None, help="repetitions per size (default 3 up to 1,000 records, else 1)")
    parser.add_argument("--work", type=Path, default=PROJECT / ".cache" / "bench", help="scratch folder")
    parser.add_argument("--out", type=Path, default=BENCH_DIR, help="where results.json and results.md go")
    parser.add_argument("--no-charts", action="store_true", help="skip bench/charts.py")
    parser.add_argument("--no-docs", action="store_true", help="do not refresh content/scale.md")
    parser.add_argument("--engines-only", action="store_true",
                        help="only the engine comparison (both engines' cold builds and the bare MkDocs baseline); with "
                             "--append it joins the other figures of the existing results.json")
    parser.add_argument("--province", type=int, default=100_000,
                        help="records of the province run: built as parts one after another, then assembled (0: skip)")
    parser.add_argument("--province-parts", type=int, default=None, help="department parts of the province run (default: gongkai parts decides)")
    parser.add_argument("--append", action="store_true",
                        help="keep the other sizes (and the chart figures, with --no-charts) of the existing results.json")
    args = parser.parse_args(argv)
    reps = args.reps or [default_reps(n) for n in args.sizes]
    if len(reps) == 1:
        reps = reps * len(args.sizes)
    started = time.perf_counter()
    sizes = []
    for records, rep in zip(args.sizes, reps):
        log(f"size {records} records × {rep} repetition(s)")
        run = SizeRun(records, departments_for(records), rep, args.work)
        size = run.run_engines() if args.engines_only else run.run()
        size["targets"] = targets(size, sizes[-1] if sizes else None)
        sizes.append(size)
    results: dict = {"machine": machine(), "sizes": sizes}
    if args.province and not args.engines_only:  # only the engine comparison, as its help says
        log(f"province run: {args.province} records in parts")
        results["province"] = ProvinceRun(args.province, departments_for(args.province), args.work, args.province_parts).run()
        results["province"]["targets"] = province_targets(results["province"])
    if not (args.no_charts or args.engines_only):
        guarded(results, "charts", charts_figures)
    results["total_seconds"] = round(time.perf_counter() - started, 1)
    if args.append:
        results = merged(args.out / "results.json", results)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (args.out / "results.md").write_text(markdown(results), encoding="utf-8")
    if not args.no_docs:
        from bench.scale_doc import refresh

        refresh(results)
    log(f"done in {results['total_seconds']} s: {args.out / 'results.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
