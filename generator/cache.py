"""A cache of parsed YAML documents keyed by file content, so a warm `check` skips YAML parsing.

Parsing is most of the time `check` spends on a large catalogue; validation, rules and cross-record
checks always run again, so a cached run reports exactly what a cold one does. The cache is JSON (never
pickle: a file in the working tree must not be able to run code) in <project>/.cache/check/, keyed by a
hash of each file's bytes salted with the loader's own source, so changing the loader invalidates it.
Set GONGKAI_NO_CACHE=1 to bypass it.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any, Callable

FILE_NAME = "parsed-v1.json"
_SALT = hashlib.blake2b(Path(__file__).with_name("load.py").read_bytes(), digest_size=8).hexdigest()


def cache_dir(catalogue: Path) -> Path:
    return catalogue.resolve().parent / ".cache" / "check"


class ParseCache:
    def __init__(self, file: Path | None, entries: dict[str, Any]) -> None:
        self.file = file
        self.old = entries
        self.new: dict[str, Any] = {}
        self.misses = 0

    @classmethod
    def open(cls, catalogue: Path) -> ParseCache:
        if os.environ.get("GONGKAI_NO_CACHE") == "1":
            return cls(None, {})
        file = cache_dir(catalogue) / FILE_NAME
        try:
            stored = json.loads(file.read_text(encoding="utf-8"))
            entries = stored["entries"] if stored.get("salt") == _SALT else {}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            entries = {}
        return cls(file, entries if isinstance(entries, dict) else {})

    def parse(self, path: Path, parse: Callable[[], tuple[Any, Any]]) -> tuple[Any, Any]:
        """(data, problem) from the cache when the file's bytes are known, else from `parse` (then cached)."""
        if self.file is None:
            return parse()
        try:
            key = hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
        except OSError:
            return parse()
        if key in self.old:
            self.new[key] = self.old[key]
            return self.old[key], None
        data, problem = parse()
        if problem is None:  # only good parses are cached: problems are reported fresh with positions
            self.new[key] = data
            self.misses += 1
        return data, problem

    def save(self) -> None:
        """Write only when something changed; entries of deleted or edited files are dropped."""
        if self.file is None or (not self.misses and len(self.new) == len(self.old)):
            return
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.file.with_suffix(".tmp")
            tmp.write_text(json.dumps({"salt": _SALT, "entries": self.new}, ensure_ascii=False), encoding="utf-8")
            tmp.replace(self.file)
        except (OSError, TypeError, ValueError):
            pass  # a cache that cannot be written only costs speed
