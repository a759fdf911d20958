"""JSON Schema (draft 2020-12) for each record kind, from the pydantic models.

Titles and descriptions are the models' Chinese labels and descriptions, so an editor such as VS Code
(redhat YAML extension, via the `# yaml-language-server: $schema=` comment) completes and explains every field.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from generator.editor.kinds import KINDS, Kind, field_order, inner_models, walk

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_DIR = "schema"  # beside catalogue/ in a project, and on the published site
# Text fields strip whitespace and must not be empty: "   " is as empty as "".
NOT_BLANK = r"\S"


def _tighten(node: Any) -> Any:
    """Make a pydantic schema node match what the models accept, recursively."""
    if isinstance(node, list):
        return [_tighten(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: _tighten(value) for key, value in node.items()}
    if out.get("type") == "string" and out.get("minLength") == 1 and "pattern" not in out:
        out["pattern"] = NOT_BLANK
    return out


def _plain_defs(defs: dict[str, Any], models: dict[str, type[BaseModel]]) -> dict[str, Any]:
    """Definitions lose their class names and English docstrings; the referring field carries the Chinese text."""
    cleaned: dict[str, Any] = {}
    for name in sorted(defs):
        node = {k: v for k, v in defs[name].items() if k not in ("title", "description")}
        if name in models and "properties" in node:
            node["properties"] = _ordered(node["properties"], models[name])
        cleaned[name] = node
    return cleaned


def _ordered(properties: dict[str, Any], model: type[BaseModel]) -> dict[str, Any]:
    return {name: properties[name] for name in field_order(model) if name in properties}


def _nested_models(model: type[BaseModel]) -> dict[str, type[BaseModel]]:
    return {m.__name__: m for row in walk(model) for m in inner_models(row.info.annotation)}


def schema_for(kind: Kind) -> dict[str, Any]:
    raw = _tighten(kind.model.model_json_schema(mode="validation"))
    schema: dict[str, Any] = {
        "$schema": DRAFT,
        "title": kind.label,
        "description": f"Gongkai {kind.label}记录的字段说明。每个字段的标题是中文名称，说明写明怎样填写。",
        "type": "object",
        "additionalProperties": False,
        "properties": _ordered(raw["properties"], kind.model),
        "required": [name for name in field_order(kind.model) if name in raw.get("required", [])],
    }
    if "$defs" in raw:
        schema["$defs"] = _plain_defs(raw["$defs"], _nested_models(kind.model))
    return schema


def _with_secret_variant(schema: dict[str, Any], secret: dict[str, Any]) -> dict[str, Any]:
    """A power file with `secret: true` is checked against the secret power's fields only (models.SecretPower)."""
    out = {k: v for k, v in schema.items() if k not in ("required", "additionalProperties")}
    out["$defs"] = {**schema.get("$defs", {}), **secret.get("$defs", {})}
    out["if"] = {"properties": {"secret": {"const": True}}, "required": ["secret"]}
    out["then"] = {"properties": secret["properties"], "required": secret["required"], "additionalProperties": False}
    out["else"] = {"properties": {name: True for name in schema["properties"]}, "required": schema["required"], "additionalProperties": False}
    return out


def editor_schema(kind: Kind) -> dict[str, Any]:
    """What a record file is checked against in an editor: a power file may be a secret power."""
    schema = schema_for(kind)
    return _with_secret_variant(schema, schema_for(KINDS["secret-power"])) if kind.name == "power" else schema


def schema_text(kind: Kind) -> str:
    """Stable bytes: same models → same file, so the committed schema/ can be checked for staleness."""
    return json.dumps(editor_schema(kind), ensure_ascii=False, indent=2) + "\n"


def all_schemas() -> dict[str, str]:
    """File name → JSON text, for every kind."""
    return {kind.schema_file: schema_text(kind) for kind in KINDS.values()}
