"""CMS form fields from the editor's JSON Schema, which comes from the models: one source, so the form never drifts.

Every property becomes a Decap CMS field with the model's Chinese label (title) as its label and its description
as the hint; the widget follows the type (select for enums, lists, objects, date pickers, numbers, switches).
A few fields name other records; they become relations (or a fixed choice) instead of free text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.models.base import ID_PATTERN

ID_HINT = "只用小写字母、数字和连字符，例如 food-business-licence。"
# Text that runs to sentences gets a text box; every other text field is one line. Only the widget differs:
# both are plain text in the file.
PROSE = frozenset({"text", "description", "note", "duties", "change_note", "remarks", "content", "outcome", "condition",
                   "trigger", "no_template_reason", "basis", "reason", "service_object", "disclosure",
                   "conditions", "requirements", "accountability", "exemptions"})


@dataclass(frozen=True)
class Links:
    """Where the fields that name other records point, for one department's form."""

    department: tuple[str, str]  # (id, name): a record's department is the folder it sits in
    fees: str = "fees"  # collection names
    procedures: str = "procedures"


def _resolve(node: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    """The property's own schema: $ref followed, `X | None` reduced to X; title, hint and default kept."""
    merged = dict(node)
    if "anyOf" in merged:
        options = [o for o in merged.pop("anyOf") if o.get("type") != "null"]
        if len(options) == 1:
            merged = {**options[0], **merged}
    while "$ref" in merged:
        target = defs[merged.pop("$ref").rsplit("/", 1)[-1]]
        merged = {**target, **merged}
    return merged


def _relation(name: str, node: dict[str, Any], links: Links | None, required: bool = True) -> dict[str, Any] | None:
    if links is None:
        return None
    # A record's own (required) department is the folder it sits in. An optional department field elsewhere (a
    # 联办机构's) names another department: pre-filling this one would make Decap add an item to its list.
    if name == "department" and node.get("type") == "string" and required:
        dep_id, dep_name = links.department
        return {"widget": "select", "options": [{"label": f"{dep_name}（{dep_id}）", "value": dep_id}], "default": dep_id}
    if name == "fee_bases" and node.get("type") == "array":
        return {"widget": "relation", "collection": links.fees, "value_field": "id", "search_fields": ["name", "id"],
                "display_fields": ["name"], "multiple": True}
    if name == "template" and node.get("type") == "string":
        return {"widget": "relation", "collection": links.procedures, "value_field": "id", "search_fields": ["name", "id"],
                "display_fields": ["name"]}
    return None


def _scalar(name: str, node: dict[str, Any]) -> dict[str, Any]:
    kind = node.get("type")
    if "enum" in node:
        return {"widget": "select", "options": [{"label": str(v), "value": v} for v in node["enum"]]}
    if kind == "boolean":
        return {"widget": "boolean"}
    if kind == "integer":
        found = {"widget": "number", "value_type": "int"}
        found.update({key: node[src] for key, src in (("min", "minimum"), ("max", "maximum")) if src in node})
        return found
    if kind == "number":
        return {"widget": "number", "value_type": "float"}
    if kind == "string" and node.get("format") == "date":
        return {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD", "time_format": False, "picker_utc": True}
    if kind == "string":
        found = {"widget": "text" if name in PROSE else "string"}
        if node.get("pattern") == ID_PATTERN:
            found["pattern"] = [ID_PATTERN, ID_HINT]
        return found
    raise ValueError(f"no widget for {name}: {node}")


def widget(name: str, node: dict[str, Any], defs: dict[str, Any], links: Links | None, required: bool = True) -> dict[str, Any]:
    """The widget settings for one property (without name, label, hint and required).

    Decap checks a required field inside an object even when the object is optional and left empty, so inside an
    optional object (法定时限, 联系方式 …) nothing is marked required: its hint says what must go with it, and
    `check` enforces it on the pull request. Items of a list exist only once added, so they keep their rules.
    """
    node = _resolve(node, defs)
    found = _relation(name, node, links, required)
    if found is not None:
        return found
    if node.get("type") == "object" and "properties" in node:
        return {"widget": "object", "collapsed": False, "fields": fields_of(node, defs, links, enforce=required)}
    if node.get("type") == "array":
        items = _resolve(node["items"], defs)
        if items.get("type") == "object" and "properties" in items:
            found = {"widget": "list", "fields": fields_of(items, defs, links)}
            if "name" in items["properties"]:
                found["summary"] = "{{fields.name}}"
            return found
        return {"widget": "list", "field": {"name": "item", "label": node.get("title", name), **widget(name, items, defs, None)}}
    return _scalar(name, node)


def _hint(node: dict[str, Any]) -> str:
    """The model's description, and what an empty field means. The form pre-fills no default: a value the editor
    did not choose must not reach the file as if the department had stated it."""
    hint = node.get("description") or ""
    default = node.get("default")  # pydantic puts a field's default beside its $ref, on the property itself
    if isinstance(default, bool):
        hint += f"不填时按“{'是' if default else '否'}”处理。"
    elif default not in (None, [], {}):
        hint += f"不填时按“{default}”处理。"
    return hint


def field_for(name: str, node: dict[str, Any], required: bool, defs: dict[str, Any], links: Links | None,
              enforce: bool = True) -> dict[str, Any]:
    hint = _hint(node)
    if required and not enforce:
        hint += "填写本部分时必填。"
    found: dict[str, Any] = {"name": name, "label": node.get("title") or "", "hint": hint}
    found.update(widget(name, node, defs, links, required and enforce))
    if not (required and enforce):
        found["required"] = False
    return found


def fields_of(schema: dict[str, Any], defs: dict[str, Any], links: Links | None, enforce: bool = True) -> list[dict[str, Any]]:
    """The form fields of an object schema, in the models' order; `enforce` False inside an optional object."""
    required = set(schema.get("required", []))
    return [field_for(name, node, name in required, defs, links, enforce) for name, node in schema.get("properties", {}).items()]
