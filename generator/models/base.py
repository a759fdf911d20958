"""Shared building blocks: every field carries a Chinese label (title) and a description."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
RecordId = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=80)]


def field(label: str, doc: str, **kwargs: Any) -> Any:
    """A model field with its Chinese label and its description (both required by tests)."""
    return Field(title=label, description=doc, **kwargs)


class Model(BaseModel):
    """Base for every record part: unknown keys are errors, values are not coerced across types."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def label_of(model: type[BaseModel], key: str) -> str:
    info = model.model_fields.get(key)
    return (info.title if info and info.title else "") or key
