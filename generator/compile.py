"""The compiler core as a short list of named stages. It never imports an engine (MkDocs).

Each stage reads what earlier stages produced and adds to the bundle; none reaches back.
Record pages get extra template values (a chart, structured data, history) from `extras` providers
that earlier stages register: a provider maps an entry to a dict of template values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from generator.catalogue import Entry
from generator.check import CheckResult, check_catalogue
from generator.errors import CatalogueError
from generator.render.pages import SiteOptions, render_pages
from generator.site import SiteBundle

ExtrasProvider = Callable[[Entry], dict]


@dataclass
class Compiled:
    checked: CheckResult
    bundle: SiteBundle
    extras: list[ExtrasProvider] = field(default_factory=list)

    def extras_for(self, entry: Entry) -> dict:
        merged: dict = {}
        for provider in self.extras:
            merged.update(provider(entry))
        return merged


def stage_check(catalogue_dir: Path, flowcharts_dir: Path | None, strict: bool) -> CheckResult:
    checked = check_catalogue(catalogue_dir, flowcharts_dir, strict=strict)
    if checked.failed(strict):
        raise CatalogueError(checked.diagnostics)
    return checked


def stage_pages(compiled: Compiled, options: SiteOptions) -> None:
    render_pages(compiled.checked.catalogue, options, compiled.bundle, compiled.extras_for)


def compile_catalogue(catalogue_dir: Path, options: SiteOptions, flowcharts_dir: Path | None = None, strict: bool = False) -> Compiled:
    """load → validate → resolve (stage_check), then render everything into an engine-neutral bundle."""
    compiled = Compiled(stage_check(catalogue_dir, flowcharts_dir, strict), SiteBundle())
    stage_pages(compiled, options)
    return compiled
