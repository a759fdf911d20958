"""The check pipeline: load → validate → rules → resolve. Every problem is collected; nothing raises."""

from __future__ import annotations

import gc
import os
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Callable, Iterator

from generator import load as loading
from generator import outlive, workshare
from generator.catalogue import Catalogue, Entry
from generator.diagnostics import CheckSummary, Diagnostic, sort_key
from generator.editor.checks import editor_diagnostics
from generator.heap import batches_apart, let_go
from generator.limits import limit_diagnostics
from generator.load import load_catalogue
from generator.paths import default_flowcharts, display_path
from generator.positions import locate
from generator.resolve import catalogue_of, reference_diagnostics, resolve
from generator.revisions.check_stage import deadline_diagnostics
from generator.rules import apply_rules
from generator.templates import load_templates
from generator.validate import Validated, Validation, validate_all
from generator.workdays import default_calendar_dir


@dataclass
class CheckResult(CheckSummary):
    catalogue: Catalogue = field(default_factory=lambda: Catalogue({}, {}, {}))


def _with_position(d: Diagnostic, files: dict[str, Path]) -> Diagnostic:
    if d.line or d.path not in files:
        return d
    line, col = locate(files[d.path], d.loc)
    return replace(d, line=line, col=col)


@contextmanager
def _collector_paused(last: bool = False) -> Iterator[None]:
    """The cyclic garbage collector off while the stages build millions of small, long-lived objects.

    Each full collection walks every live object, and at 10,000 records it ran often enough to cost
    more than validation itself. The stages make next to no cyclic garbage, and a later collection
    (serve runs on) still finds whatever they left. Everything made meanwhile is still in the youngest
    generation, so the first collection after it walks all of it (half a second at 10,000 records): when
    the process is about to end (`last`, and outlive armed), it is frozen instead, never to be walked.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if last and outlive.armed():
            gc.freeze()
        if was_enabled:
            gc.enable()


def check_catalogue(catalogue_dir: Path, flowcharts_dir: Path | None = None, root: Path | None = None, strict: bool = False,
                    today: date | None = None, last: bool = False) -> CheckResult:
    """Run every check stage over a catalogue folder; positions are looked up only for files with problems.
    `last`: nothing else runs in this process after the check, so what it built may outlive it (generator/outlive.py)."""
    with _collector_paused(last):
        return _check(catalogue_dir, flowcharts_dir, root, strict, today, last)


def _check(catalogue_dir: Path, flowcharts_dir: Path | None, root: Path | None, strict: bool, today: date | None, last: bool) -> CheckResult:
    if not catalogue_dir.is_dir():
        return CheckResult([Diagnostic(str(catalogue_dir), message="目录不存在。请用 --catalogue 指定记录所在的文件夹。")], 0)
    templates_dir = flowcharts_dir or default_flowcharts(catalogue_dir)
    templates, diagnostics = load_templates(templates_dir)
    validating = Validation()
    loaded = load_catalogue(catalogue_dir, each=validating.add)  # validated while the helpers parse
    items, validation = validating.records, validating.diagnostics

    def per_record() -> list[Diagnostic]:  # needs the records alone, not the catalogue: runs beside resolve below
        return (reference_diagnostics(items, loaded.documents, templates) + apply_rules(items)
                + editor_diagnostics(loaded.documents, items, catalogue_dir, root or catalogue_dir.resolve().parent))

    helped = _worth_a_helper(len(items))
    beside = workshare.aside(per_record) if helped else per_record
    catalogue, channels = resolve(items, loaded.documents, templates, root or catalogue_dir.resolve().parent, references=False)
    diagnostics += loaded.diagnostics + validation + channels
    diagnostics += limit_diagnostics(items, catalogue, default_calendar_dir(catalogue_dir), workshare.aside if helped else None)  # the time-limit arithmetic
    diagnostics += deadline_diagnostics(catalogue, catalogue_dir, today, root)  # the 20-working-day rule; today: arg or GONGKAI_TODAY
    diagnostics += beside()  # references between records; the content rules; CODEOWNERS, placeholders, filler
    unplaced = any(not d.line for d in diagnostics)  # only these need the files' paths (a map of 100,000 otherwise)
    files = ({doc.shown: doc.path for doc in loaded.documents} | _template_files(templates_dir)) if unplaced else {}
    positioned = [_with_position(d, files) for d in diagnostics]
    if strict:
        positioned = [d.as_error() for d in positioned]
    if last:
        outlive.keep(loaded, items, catalogue)
    return CheckResult(sorted(set(positioned), key=sort_key), loaded.files, catalogue)


def _worth_a_helper(records: int) -> bool:
    """A forked helper for the per-record stages: only for a large catalogue (as the loader's helpers), with a core to spare."""
    return records >= loading.PARALLEL_FROM and (os.cpu_count() or 1) >= 2 and workshare.can_fork()


VIEW_BATCH = 4000  # files loaded and validated at a time by load_view: their parsed YAML is let go before the next


def load_view(catalogue_dir: Path, flowcharts_dir: Path | None, only: frozenset[str],
              keep: Callable[[Entry], Entry] | None = None) -> CheckResult:
    """load → validate → resolve over the files `only` names (catalogue-relative), for one part of a split build
    (generator/parts/). The whole catalogue's check has passed already, so the rules, limits, deadlines and editor
    checks are not run again; a reference to a record outside the view is no problem here (resolve's own reference
    diagnostics are left out), but a file that no longer loads or validates is. Files are read in batches and each
    batch's parsed YAML is dropped once validated: at 100,000 records the parsed files and the models together
    would not fit a CI runner. `keep`: what of each resolved entry to hold (the site part's light entries); the
    department files are then read first and each batch of records is resolved and let go before the next."""
    with _collector_paused():
        templates, diagnostics = load_templates(flowcharts_dir or default_flowcharts(catalogue_dir))
        root = catalogue_dir.resolve().parent
        if keep is None:
            items, files = _view_batch(catalogue_dir, only, diagnostics)
            catalogue, _ = resolve(items, [item.raw for item in items], templates, root, references=False)
        else:  # the department files first: each batch of records inherits from them, and is let go once kept
            department_files = frozenset(f for f in only if f == f"{f.split('/')[0]}/{loading.DEPARTMENT_FILE}")
            departments, files = _view_batch(catalogue_dir, department_files, diagnostics)
            records, kept = sorted(only - department_files), {}
            with batches_apart():
                for start in range(0, len(records), VIEW_BATCH):
                    batch, count = _view_batch(catalogue_dir, frozenset(records[start:start + VIEW_BATCH]), diagnostics)
                    files += count
                    resolved, _ = resolve(departments + batch, [item.raw for item in departments + batch], templates, root, references=False)
                    kept.update((entry_id, keep(entry)) for entry_id, entry in resolved.entries.items() if entry_id not in kept)
                    del batch, resolved
                    let_go()  # loading leaves cyclic garbage: without a collection each batch's full records would stay
            base, _ = resolve(departments, [item.raw for item in departments], templates, root, references=False)
            catalogue = catalogue_of(base.departments, kept, templates)
    return CheckResult(sorted(set(diagnostics), key=sort_key), files, catalogue)


def _view_batch(catalogue_dir: Path, only: frozenset[str], diagnostics: list[Diagnostic]) -> tuple[list[Validated], int]:
    """The files `only` names, loaded and validated VIEW_BATCH at a time; problems added to `diagnostics`."""
    chosen, items, files = sorted(only), [], 0
    for start in range(0, len(chosen), VIEW_BATCH):
        loaded = load_catalogue(catalogue_dir, frozenset(chosen[start:start + VIEW_BATCH]))
        valid, validation = validate_all(loaded.documents)
        diagnostics += [_with_position(d, {doc.shown: doc.path for doc in loaded.documents}) for d in loaded.diagnostics + validation]
        items += [Validated(replace(item.raw, data=None, raw=None), item.record) for item in valid]
        files += loaded.files
    return items, files


def _template_files(folder: Path) -> dict[str, Path]:
    return {display_path(p): p for p in folder.glob("*.yaml")} if folder.is_dir() else {}
