"""Hostile records: every text field of a model filled with an XSS payload carrying a unique marker.

The records are built by walking the pydantic models, so a field added later is attacked too without
touching this file. Each text field gets its own marker (GKX001, GKX002, …) so a test can tell which field
ended up where.
"""

from __future__ import annotations

import enum
import types
import typing
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import BaseModel

from generator.models.base import check_email, check_web_url

MARKER_PREFIX = "GKX"
EVIL_HOST = "evil.example"

# One string with every vector the issue names; `{marker}` makes each copy traceable.
PAYLOAD = (
    '{marker} <script>alert("{marker}")</script> <img src=x onerror=alert("{marker}")> '
    '<a href="javascript:alert(1)">a</a> [m](javascript:alert("{marker}")) ![i](http://' + EVIL_HOST + '/{marker}.png) '
    '<svg onload=alert(1)> &lt;script&gt; &#x3C;b&#x3E; &amp; {{{{ 7*7 }}}} {{% if 1 %}} '
    '<iframe src="javascript:alert(1)"></iframe> {{: onclick="alert(1)" }} {{ onclick=alert(1) }}'
)

FORMULA_PREFIXES = ("", '=HYPERLINK("http://' + EVIL_HOST + '","x")&', "+", "-", "@")


@dataclass
class Markers:
    """Hands out markers and remembers which field each one went into."""

    where: dict[str, str] = field(default_factory=dict)  # marker → "kind:dotted.path"
    values: dict[str, str] = field(default_factory=dict)  # marker → the value written into the record

    def next(self, path: str) -> str:
        marker = f"{MARKER_PREFIX}{len(self.where) + 1:03d}"
        self.where[marker] = path
        return marker

    def keep(self, marker: str, template: str) -> str:
        self.values[marker] = template.format(marker=marker)
        return self.values[marker]


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """(inner type, optional?) of `X | None`, `Optional[X]`, `Annotated[X, …]`."""
    optional = False
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            optional = optional or len(args) < len(typing.get_args(annotation))
            annotation = args[0]
        else:
            return annotation, optional


def _is_id(info_metadata: list[Any], annotation: Any) -> bool:
    """A RecordId (a string with the id pattern): it must name something real, so payloads stay out of it."""
    metadata = list(info_metadata) + list(getattr(annotation, "__metadata__", ()))
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            metadata += list(getattr(arg, "__metadata__", ()))
    return any(getattr(m, "pattern", None) for m in metadata)


def _link_kind(annotation: Any) -> str | None:
    """"url"/"email" for fields checked by the models' link validators: they get hostile but valid links."""
    found = []
    for arg in (annotation, *typing.get_args(annotation)):
        found += [getattr(m, "func", None) for m in getattr(arg, "__metadata__", ())]
    return "url" if check_web_url in found else "email" if check_email in found else None


def _value(annotation: Any, path: str, markers: Markers, overrides: dict[str, Any]) -> Any:
    link = _link_kind(annotation)
    if link == "url":  # quotes and brackets are refused in URLs, so the attack is in the path and query
        return markers.keep(markers.next(path), "https://" + EVIL_HOST + "/{marker}/?q=%3Cscript%3Ealert(1)%3C/script%3E&x=javascript:alert(1)")
    if link == "email":
        return markers.keep(markers.next(path), "{marker}+javascript.alert(1)@" + EVIL_HOST)
    inner, _ = _unwrap(annotation)
    origin = typing.get_origin(inner)
    if origin is list:
        item = _value(typing.get_args(inner)[0], path, markers, overrides)
        return [item] if item is not None else []
    if isinstance(inner, type) and issubclass(inner, BaseModel):
        return fill(inner, path, markers, overrides)
    if isinstance(inner, type) and issubclass(inner, enum.Enum):
        return next(iter(inner)).value
    if inner is bool:
        return False
    if inner is int:
        return 1
    if inner is date:
        return "2025-01-15"
    if inner is str:
        marker = markers.next(path)  # some values start like a spreadsheet formula, for the CSV/XLSX guards
        return markers.keep(marker, FORMULA_PREFIXES[len(markers.where) % len(FORMULA_PREFIXES)] + PAYLOAD)
    raise TypeError(f"no hostile value for {path}: {annotation!r}")


def fill(model: type[BaseModel], path: str, markers: Markers, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """A raw document for `model` with every field set; ids come from `overrides` (dotted paths) or are left out."""
    overrides = overrides or {}
    data: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        here = f"{path}{name}" if path.endswith(":") or not path else f"{path}.{name}"
        key = here.split(":", 1)[-1]
        if key in overrides:
            if overrides[key] is not None:
                data[name] = overrides[key]
            continue
        if _is_id(info.metadata, info.annotation) or _is_id([], _unwrap(info.annotation)[0]) or _list_of_ids(info.annotation):
            continue  # optional references stay empty; required ones must be given in overrides
        data[name] = _value(_with_metadata(info), here, markers, overrides)
    for one, others in ALTERNATIVES.get(model.__name__, ()):
        if one in data:  # the text alternative is the one attacked; a model accepts only one of them
            for other in others:
                data.pop(other, None)
    return data


# Fields a model takes instead of each other: (the text field kept, the fields it replaces).
ALTERNATIVES = {"TimeLimit": (("wording", ("days", "unit")),)}


def _list_of_ids(annotation: Any) -> bool:
    inner, _ = _unwrap(annotation)
    return typing.get_origin(inner) is list and _is_id([], typing.get_args(inner)[0])


def _with_metadata(info: Any) -> Any:
    """pydantic moves a top-level Annotated's metadata onto FieldInfo; put it back for _link_kind."""
    return typing.Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
