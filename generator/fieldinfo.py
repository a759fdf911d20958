"""Walk a model along a key path to find each field's Chinese label, description and type."""

from __future__ import annotations

import enum
import types
import typing
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo


@dataclass(frozen=True)
class FieldLookup:
    key: str
    label: str
    description: str
    info: FieldInfo | None
    parent: type[BaseModel] | None


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    """The model inside X, X | None, list[X], Annotated[X, ...]."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def inner_enum(annotation: Any) -> type[enum.Enum] | None:
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return annotation
    for arg in typing.get_args(annotation):
        found = inner_enum(arg)
        if found is not None:
            return found
    return None


def lookup(model: type[BaseModel], loc: tuple[str | int, ...]) -> FieldLookup:
    """The last named field along `loc` (list indices are skipped)."""
    current: type[BaseModel] | None = model
    found = FieldLookup("", "", "", None, None)
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        info = current.model_fields.get(part)
        if info is None:
            return FieldLookup(part, "", "", None, current)
        found = FieldLookup(part, info.title or part, info.description or "", info, current)
        current = _inner_model(info.annotation)
    return found


def submodel_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The model that holds the keys at `loc` (for suggesting a known key)."""
    current: type[BaseModel] | None = model
    for part in loc:
        if isinstance(part, int):
            continue
        if current is None or part not in current.model_fields:
            return None
        current = _inner_model(current.model_fields[part].annotation)
    return current


def is_union_none(annotation: Any) -> bool:
    return isinstance(annotation, types.UnionType) and type(None) in typing.get_args(annotation)
