"""The record kinds an editor works with, and the canonical order of their fields."""

from __future__ import annotations

import enum
import typing
from dataclasses import dataclass
from typing import Any, Iterator

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from generator.fieldinfo import inner_enum
from generator.models import Department, FeeBasis, Power, ProcedureTemplate, SecretPower, ServiceItem
from generator.models.record import IDENTITY, field_order


@dataclass(frozen=True)
class Kind:
    name: str  # command-line name: power, fee, service, department, procedure
    model: type[BaseModel]
    label: str  # Chinese name shown to editors
    folder: str | None  # folder inside a department folder, None when not a department record

    @property
    def schema_file(self) -> str:
        return f"{self.name}.schema.json"


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind("power", Power, "行政职权", "powers"),
        Kind("secret-power", SecretPower, "涉密职权", "powers"),  # a power file that says `secret: true`
        Kind("fee", FeeBasis, "收费依据", "fees"),
        Kind("service", ServiceItem, "服务事项", "services"),
        Kind("department", Department, "部门", None),
        Kind("procedure", ProcedureTemplate, "流程模板", None),
    )
}
BY_FOLDER: dict[str, Kind] = {}
for _kind in KINDS.values():
    if _kind.folder:
        BY_FOLDER.setdefault(_kind.folder, _kind)  # the first kind of a folder; a secret power is told by its content


def inner_models(annotation: Any) -> list[type[BaseModel]]:
    """Every model inside X, X | None, list[X], Annotated[X, ...]."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in inner_models(arg)]


def child_model(model: type[BaseModel] | None, key: object) -> type[BaseModel] | None:
    if model is None or not isinstance(key, str) or key not in model.model_fields:
        return None
    found = inner_models(model.model_fields[key].annotation)
    return found[0] if found else None


@dataclass(frozen=True)
class FieldRow:
    path: tuple[str, ...]  # key path from the record root
    owner: type[BaseModel]
    name: str
    info: FieldInfo

    @property
    def enum(self) -> type[enum.Enum] | None:
        return inner_enum(self.info.annotation)


def walk(model: type[BaseModel], prefix: tuple[str, ...] = (), seen: tuple[type, ...] = ()) -> Iterator[FieldRow]:
    """Every field of `model` and of the models inside it, depth first, in canonical order."""
    for name in field_order(model):
        info = model.model_fields[name]
        path = prefix + (name,)
        yield FieldRow(path, model, name, info)
        for inner in inner_models(info.annotation):
            if inner not in seen:  # a model that contains itself would recurse forever
                yield from walk(inner, path, seen + (model,))


def all_models() -> list[type[BaseModel]]:
    """Every model reachable from the record kinds, each once."""
    found: dict[str, type[BaseModel]] = {}
    for kind in KINDS.values():
        found.setdefault(kind.model.__name__, kind.model)
        for row in walk(kind.model):
            for inner in inner_models(row.info.annotation):
                found.setdefault(inner.__name__, inner)
    return [found[name] for name in sorted(found)]
