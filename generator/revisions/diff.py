"""Field-level differences between two snapshots of one record, with Chinese labels from the models."""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel

from generator.models import RECORD_KINDS


def changes(old: Any, new: Any, path: tuple[str | int, ...] = ()) -> list[tuple[tuple[str | int, ...], Any, Any]]:
    """(path, old, new) for every leaf that differs; lists of equal length are compared item by item."""
    if old == new:
        return []
    if isinstance(old, dict) and isinstance(new, dict):
        out = []
        for key in sorted(set(old) | set(new)):
            out += changes(old.get(key), new.get(key), path + (key,))
        return out
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new) and all(isinstance(x, dict) for x in old + new):
        out = []
        for index, (a, b) in enumerate(zip(old, new)):
            out += changes(a, b, path + (index,))
        return out
    return [(path, old, new)]


def _model_of(annotation: Any) -> type[BaseModel] | None:
    """The pydantic model inside X, X | None or list[X], if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType, list, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _model_of(arg)
            if found:
                return found
    return None


def label(kind: str, path: tuple[str | int, ...] | list[str | int]) -> str:
    """e.g. ("legal_basis", 0, "article") → 实施依据 › 第 1 项 › 条款 (falls back to the key)."""
    model: type[BaseModel] | None = RECORD_KINDS.get(kind)
    parts: list[str] = []
    for step in path:
        if isinstance(step, int):
            parts.append(f"第 {step + 1} 项")
            continue
        info = model.model_fields.get(step) if model else None
        parts.append(info.title if info and info.title else str(step))
        model = _model_of(info.annotation) if info else None
    return " › ".join(parts)


def field_diffs(kind: str, old: dict, new: dict) -> list[dict[str, Any]]:
    return [
        {"path": [str(p) if isinstance(p, str) else p for p in path], "label": label(kind, path), "old": a, "new": b}
        for path, a, b in changes(old, new)
    ]
