"""Run one `gongkai build` inside this process with every pipeline stage timed.

Used as `python -m bench.probe build|dump ...` by the benchmark, always in a fresh subprocess so that
peak RSS (ru_maxrss) belongs to one build. No hook is needed in the core: the stage functions are
looked up by name at call time, so wrapping the module attributes times them. New stages named
`stage_*` in generator.compile / generator.build are picked up automatically.
"""

from __future__ import annotations

import argparse
import functools
import json
import resource
import sys
import time
from pathlib import Path
from typing import Any, Callable

# (module, attribute) pairs outside the `stage_*` convention, with the stage name they report as.
EXTRA_STAGES = [
    ("generator.mkdocs_adapter.engine", "build_site", "mkdocs"),  # the engine doors build.py calls
    ("generator.zensical_adapter.engine", "build_site", "zensical"),
    ("generator.build", "index_site", "search_index"),
    ("generator.output.staging", "make_world_readable", "swap"),
    ("generator.output.staging", "swap_into_place", "swap"),
]
STAGE_MODULES = ["generator.compile", "generator.build"]


def peak_rss_mb() -> float:
    """Peak RSS of this process and of finished children (Graphviz, Pagefind), in MiB (Linux: KiB units)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return round(max(own, children) / 1024, 1)


class StageClock:
    """Exclusive wall time per stage: a stage nested in another (a plugin hook) is not counted twice."""

    def __init__(self) -> None:
        self.times: dict[str, float] = {}
        self.rss: dict[str, float] = {}
        self._stack: list[list[float]] = []

    def wrap(self, name: str, func: Callable[..., Any]) -> Callable[..., Any]:
        if getattr(func, "_bench_wrapped", False):
            return func

        @functools.wraps(func)
        def timed(*args: Any, **kwargs: Any) -> Any:
            frame = [time.perf_counter(), 0.0]  # start, time spent in nested stages
            self._stack.append(frame)
            try:
                return func(*args, **kwargs)
            finally:
                self._stack.pop()
                spent = time.perf_counter() - frame[0]
                self.times[name] = self.times.get(name, 0.0) + spent - frame[1]
                self.rss[name] = peak_rss_mb()
                if self._stack:
                    self._stack[-1][1] += spent

        timed._bench_wrapped = True  # type: ignore[attr-defined]
        return timed


def instrument(clock: StageClock) -> None:
    import importlib

    for module_name in STAGE_MODULES:
        module = importlib.import_module(module_name)
        for attr in dir(module):
            if attr.startswith("stage_") and callable(getattr(module, attr)):
                setattr(module, attr, clock.wrap(attr.removeprefix("stage_"), getattr(module, attr)))
    for module_name, attr, name in EXTRA_STAGES:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        if callable(getattr(module, attr, None)):
            setattr(module, attr, clock.wrap(name, getattr(module, attr)))


def run_build(catalogue: Path, config: Path, out: Path, flowcharts: Path | None, engine: str = "mkdocs",
              part: str | None = None, plan: Path | None = None) -> dict:
    clock = StageClock()
    instrument(clock)
    from generator.build import BuildRequest, build
    from generator.parts import build_part

    make = build if part is None else build_part
    start = time.perf_counter()
    compiled = make(BuildRequest(catalogue, out, config, flowcharts, engine=engine, part=part, plan=plan))
    total = time.perf_counter() - start
    bundle = compiled.bundle
    return {"stages": {k: round(v, 3) for k, v in clock.times.items()}, "stage_rss_mb": clock.rss,
            "in_process_s": round(total, 3), "peak_rss_mb": peak_rss_mb(), "pages": len(bundle.pages) - len(bundle.elsewhere.intersection(bundle.pages))}


def dump_pages(catalogue: Path, config: Path, docs: Path, flowcharts: Path | None, part: str | None = None,
               plan: Path | None = None) -> dict:
    """Write the bundle's pages as plain Markdown files (for the baseline build); with `part`, the pages that part
    renders (its own, and the listing pages every part's nav shows)."""
    from generator.compile import PartView, compile_catalogue
    from generator.engines import engine
    from generator.engines.source import page_source

    view = None
    if part is not None:
        from generator.parts.plan import PartSpec, department_files, read_plan

        spec, chosen = PartSpec.parse(part), read_plan(plan) if plan else None
        assert chosen is not None and not spec.is_site, "a department part and its plan"
        view = PartView(chosen.files_of(spec, department_files(catalogue)), frozenset(chosen.departments[spec.index - 1]))
    compiled = compile_catalogue(catalogue, engine("mkdocs").site_options_from(config), flowcharts, part=view)
    for page in compiled.bundle.pages.values():
        if compiled.part is not None and page.path in compiled.part.by_path and not compiled.owns(page.path):
            continue  # another part's record or department page (the site's own pages stay, for the nav)
        target = docs / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page_source(page), encoding="utf-8")
    return {"pages": len(compiled.bundle.pages)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.probe")
    parser.add_argument("action", choices=["build", "dump"])
    parser.add_argument("--catalogue", type=Path, required=True)
    parser.add_argument("--config", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--flowcharts", type=Path, default=None)
    parser.add_argument("--engine", default="mkdocs")
    parser.add_argument("--part", default=None)
    parser.add_argument("--plan", type=Path, default=None)
    args = parser.parse_args(argv)
    if args.action == "build":
        result = run_build(args.catalogue, args.config, args.out, args.flowcharts, args.engine, args.part, args.plan)
    else:
        result = dump_pages(args.catalogue, args.config, args.out, args.flowcharts, args.part, args.plan)
    json.dump(result, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
