"""JSON of resolved records: one file per record, and the whole catalogue's document (written by exports/whole.py).

A record's JSON is its model with inheritance applied (contact, supervision, complaint channels filled in
from the department), so `record` validates against the model's JSON Schema; resolved steps and the
department sit beside it.
"""

from __future__ import annotations

import gzip

import orjson
from collections.abc import Callable
from dataclasses import fields
from typing import Any

from pydantic import BaseModel

from generator.catalogue import Catalogue, DepartmentEntry, Entry, ResolvedStep

FORMAT_VERSION = 1
WHOLE = "data/catalogue.json.gz"  # the whole catalogue: 175 MB of JSON at 10,000 records, over a host's per-file limit


def gzipped(data: bytes) -> bytes:
    """gzip with no time or name in the header: the same JSON gives the same bytes."""
    return gzip.compress(data, compresslevel=6, mtime=0)


def dumps(value: Any) -> bytes:
    """Stable JSON: sorted keys, UTF-8, no indentation, final newline — the bytes of the standard library's
    json.dumps(ensure_ascii=False, sort_keys=True, separators=(",", ":")), at a tenth of the time. Unindented:
    indentation was 28% of a record's JSON (45 MB at 10,000 records, again in every kept revision), and readers
    of the data are programs or a browser's JSON viewer, which indent it themselves."""
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE)


KINDS = ("powers", "fees", "services")  # a department's records (and table rows) list its kinds in this order


def record_order(entry: Entry) -> tuple[str, int, str]:
    """The whole catalogue lists records by department, then kind, then id: a department's records are one run."""
    return (entry.department.id, KINDS.index(entry.kind), entry.id)


def resolved_record(entry: Entry) -> dict:
    """The record as published: inherited values written out, so readers need not know the inheritance rules."""
    record = entry.record.model_copy(
        update={"contact": entry.contact, "supervision": entry.supervision, "complaint_channels": list(entry.complaints)}
    )
    return record.model_dump(mode="json")


def _plain(value: object) -> object:
    """Dataclass fields → JSON values (pydantic models dumped in JSON mode, tuples as lists)."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    return value


def _step(step: ResolvedStep) -> dict:
    return {f.name: _plain(getattr(step, f.name)) for f in fields(step)}


def entry_document(entry: Entry) -> dict:
    return {
        "format_version": FORMAT_VERSION,
        "kind": entry.kind,
        "id": entry.id,
        "url": entry.url + "/",
        "department": {"id": entry.department.id, "name": entry.department.name},
        "record": resolved_record(entry),
        "steps": [_step(s) for s in entry.steps],
        "procedure_template": entry.template.id if entry.template else None,
    }


def department_document(dept: DepartmentEntry) -> dict:
    return {"format_version": FORMAT_VERSION, "kind": "departments", "id": dept.id, "url": dept.url + "/", "record": dept.record.model_dump(mode="json")}


def non_disclosure(catalogue: Catalogue) -> list[dict]:
    """Secret powers: name, reason and basis only — never the id, department or anything else."""
    entries = sorted(catalogue.secret_powers(), key=lambda e: e.name)
    return [e.record.listing() for e in entries]  # type: ignore[union-attr]


def catalogue_document(catalogue: Catalogue, documents: dict[str, dict] | None = None) -> dict:
    """`documents`: entry documents already made, by entry id (each record is dumped once per build)."""
    public = sorted(catalogue.public(), key=record_order)
    made = documents or {}
    return {
        "format_version": FORMAT_VERSION,
        "departments": [department_document(catalogue.departments[d]) for d in sorted(catalogue.departments)],
        "records": [made[e.id] if e.id in made else entry_document(e) for e in public],
        "non_disclosed": non_disclosure(catalogue),
    }


def record_path(entry: Entry) -> str:
    return f"data/{entry.kind}/{entry.id}.json"


def json_files(catalogue: Catalogue, owns: Callable[[str], bool] = lambda path: True) -> dict[str, bytes]:
    """`data/<kind>/<id>.json` for every public record and department; `owns`: only those (one part of a split build,
    generator/parts/). The whole catalogue's JSON is generator/exports/whole.py's (it reuses these texts)."""
    files: dict[str, bytes] = {}
    for entry in catalogue.public():
        path = record_path(entry)
        if owns(path):
            files[path] = dumps(entry_document(entry))
    for dept in catalogue.departments.values():
        path = f"data/departments/{dept.id}.json"
        if owns(path):
            files[path] = dumps(department_document(dept))
    return files
