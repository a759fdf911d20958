"""Every model field has a snake_case key, a Chinese label and a description (the field reference needs them)."""

from __future__ import annotations

import re
from typing import Iterator

from pydantic import BaseModel

from generator.fieldinfo import _inner_model
from generator.models import RECORD_KINDS, Department, ProcedureTemplate

CHINESE = re.compile(r"[\u4e00-\u9fff]")


def _models() -> Iterator[type[BaseModel]]:
    seen: set[type[BaseModel]] = set()
    todo: list[type[BaseModel]] = [Department, ProcedureTemplate, *RECORD_KINDS.values()]
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.add(model)
        yield model
        todo += [m for info in model.model_fields.values() if (m := _inner_model(info.annotation)) is not None]


def test_every_field_is_documented_in_chinese() -> None:
    problems = []
    for model in _models():
        for key, info in model.model_fields.items():
            if not re.fullmatch(r"[a-z][a-z0-9_]*", key):
                problems.append(f"{model.__name__}.{key}: key is not snake_case")
            if not (info.title and CHINESE.search(info.title)):
                problems.append(f"{model.__name__}.{key}: no Chinese label")
            if not (info.description and CHINESE.search(info.description)):
                problems.append(f"{model.__name__}.{key}: no Chinese description")
    assert problems == []


def test_models_refuse_unknown_keys() -> None:
    assert all(model.model_config.get("extra") == "forbid" for model in _models())
