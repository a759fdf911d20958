"""JSON Schema of the exported JSON (`data/schema/*.schema.json`), built on the editor's per-kind schemas.

Each record kind's schema is embedded as its own resource (with an `$id`), so its internal `#/$defs/…`
references keep resolving; the envelope (kind, id, department, steps …) is described here.
"""

from __future__ import annotations

from typing import Any

from generator.editor.kinds import KINDS
from generator.editor.schema import DRAFT, schema_for

BASE = "https://gongkai.invalid/schema/"  # identifiers only; never fetched
KIND_OF_FOLDER = {"powers": "power", "fees": "fee", "services": "service", "departments": "department"}


def _embedded(kind: str) -> dict[str, Any]:
    schema = dict(schema_for(KINDS[kind]))
    schema.pop("$schema", None)
    return {"$id": f"{BASE}{kind}.schema.json", **schema}


def _envelope(folder: str) -> dict[str, Any]:
    kind = KIND_OF_FOLDER[folder]
    properties: dict[str, Any] = {
        "format_version": {"const": 1},
        "kind": {"const": folder},
        "id": {"type": "string"},
        "url": {"type": "string"},
        "record": {"$ref": f"{BASE}{kind}.schema.json"},
    }
    required = list(properties)
    if folder != "departments":
        properties |= {
            "department": {"type": "object", "properties": {"id": {"type": "string"}, "name": {"type": "string"}}, "required": ["id", "name"], "additionalProperties": False},
            "steps": {"type": "array", "items": {"type": "object", "required": ["key", "name"]}},
            "procedure_template": {"type": ["string", "null"]},
        }
        required += ["department", "steps", "procedure_template"]
    return {"type": "object", "properties": properties, "required": required, "additionalProperties": False}


def record_schema() -> dict[str, Any]:
    """Schema for one `data/<kind>/<id>.json` file."""
    return {
        "$schema": DRAFT,
        "$id": f"{BASE}record.schema.json",
        "title": "Gongkai 单条记录导出",
        "oneOf": [{"$ref": f"#/$defs/{folder}"} for folder in KIND_OF_FOLDER],
        "$defs": {**{folder: _envelope(folder) for folder in KIND_OF_FOLDER}, **{k: _embedded(k) for k in sorted(set(KIND_OF_FOLDER.values()))}},
    }


def catalogue_schema() -> dict[str, Any]:
    """Schema for the whole catalogue (`data/catalogue.json.gz`, once decompressed)."""
    entry = {"type": "object", "properties": {k: {"type": "string"} for k in ("name", "reason", "basis")}, "required": ["name", "reason", "basis"], "additionalProperties": False}
    return {
        "$schema": DRAFT,
        "$id": f"{BASE}catalogue.schema.json",
        "title": "Gongkai 全部目录导出",
        "type": "object",
        "properties": {
            "format_version": {"const": 1},
            "departments": {"type": "array", "items": {"$ref": f"{BASE}record.schema.json#/$defs/departments"}},
            "records": {"type": "array", "items": {"$ref": f"{BASE}record.schema.json"}},
            "non_disclosed": {"type": "array", "items": entry},
        },
        "required": ["format_version", "departments", "records", "non_disclosed"],
        "additionalProperties": False,
    }
