"""Line and column of a key path, found by re-parsing with ruamel's round-trip loader.

Only files with a diagnostic are re-parsed: the fast C loader has no positions, and the
round-trip loader costs about five times as much.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import RoundTripConstructor

from generator.files import read_regular_text


class _StringDates(RoundTripConstructor):
    pass


_StringDates.add_constructor("tag:yaml.org,2002:timestamp", RoundTripConstructor.construct_yaml_str)


@lru_cache(maxsize=256)
def _tree(path: Path, stamp: tuple[int, int]) -> Any:
    """`stamp` (mtime, size) keys the cache, so an edited file (gongkai serve) or another folder is re-read."""
    yaml = YAML(typ="rt")
    yaml.Constructor = _StringDates
    yaml.allow_duplicate_keys = True
    try:
        return yaml.load(read_regular_text(path))
    except Exception:  # noqa: BLE001 — positions are best effort; the error itself is already reported
        return None


def locate(path: Path, loc: tuple[str | int, ...]) -> tuple[int, int]:
    """1-based (line, col) of the deepest part of `loc` that exists in the file."""
    try:
        stat = path.stat()
        node = _tree(path.resolve(), (stat.st_mtime_ns, stat.st_size))
    except OSError:
        node = None
    line, col = 1, 1
    for part in loc:
        lc = getattr(node, "lc", None)
        if lc is None:
            break
        if isinstance(node, dict) and part in node:
            line, col = lc.key(part)
            line, col = line + 1, col + 1
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            line, col = lc.item(part)
            line, col = line + 1, col + 1
            node = node[part]
        else:
            break
    return line, col


def clear_cache() -> None:
    _tree.cache_clear()
