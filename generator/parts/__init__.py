"""A split build for a province-size catalogue: parts built by separate (CI matrix) jobs, then assembled once.

    gongkai parts --out plan.json          check the whole catalogue once; split it into N department parts
    gongkai build --part K/N --plan plan.json --out part-K     K = 0: the site pages; K = 1…N: departments
    gongkai assemble part-0 part-1 … --out site                 one site, equal to a whole build

plan.py splits and carries the check's result to the part jobs, ownership.py says which part writes which page and
file, build.py builds one part, join.py joins them (a module not named `assemble`, which would shadow the function
below once imported). The compiler core imports ownership.py, so this door imports
the rest only when called.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from generator.parts.plan import PartSpec, parts_for

if TYPE_CHECKING:
    from generator.build import BuildRequest
    from generator.compile import Compiled
    from generator.parts.plan import Plan

__all__ = ["PartSpec", "assemble", "build_part", "check_and_plan", "parts_for"]


def build_part(request: BuildRequest) -> Compiled:
    from generator.parts.build import build_part as run

    return run(request)


def check_and_plan(request: BuildRequest, count: int) -> Plan:
    from generator.parts.build import check_and_plan as run

    return run(request, count)


def assemble(parts: list[Path], out: Path, catalogue: Path, config_file: Path, flowcharts: Path | None = None,
             move: bool = False) -> int:
    from generator.parts.join import assemble as run

    return run(parts, out, catalogue, config_file, flowcharts, move)
