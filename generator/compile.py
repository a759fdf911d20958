"""The compiler core as a short list of named stages. It never imports an engine (MkDocs)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.check import CheckResult, check_catalogue
from generator.errors import CatalogueError
from generator.render.pages import SiteOptions, render_pages
from generator.site import SiteBundle


@dataclass
class Compiled:
    checked: CheckResult
    bundle: SiteBundle


def stage_check(catalogue_dir: Path, flowcharts_dir: Path | None, strict: bool) -> CheckResult:
    checked = check_catalogue(catalogue_dir, flowcharts_dir, strict=strict)
    if checked.failed(strict):
        raise CatalogueError(checked.diagnostics)
    return checked


def stage_pages(checked: CheckResult, options: SiteOptions, bundle: SiteBundle) -> None:
    render_pages(checked.catalogue, options, bundle)


def compile_catalogue(catalogue_dir: Path, options: SiteOptions, flowcharts_dir: Path | None = None, strict: bool = False) -> Compiled:
    """load → validate → resolve (stage_check), then render everything into an engine-neutral bundle."""
    checked = stage_check(catalogue_dir, flowcharts_dir, strict)
    bundle = SiteBundle()
    stage_pages(checked, options, bundle)
    return Compiled(checked, bundle)
