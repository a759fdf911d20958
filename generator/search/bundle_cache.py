"""Keep finished Pagefind bundles by key, so a shard whose pages did not change is copied instead of indexed.

A rebuild after one record changes renders every page again, but only that record's page differs, so only
its shard needs Pagefind (at 10,000 records one shard of ten). index.py computes the key from everything
Pagefind reads or Gongkai changes in the bundle; this module only stores, restores and evicts. An entry is
written under a temporary name and renamed into place, so a crash leaves no half entry under a real key; an
entry that cannot be read or copied only costs a fresh run.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from generator.files import describe, printable, read_regular
from generator.notice import warn

_BUNDLE = "bundle"
_COUNTS = "counts.json"
# Entries kept beyond the ones a build just used: the shards of two or three other states of the catalogue (a
# branch switched back and forth); each is about 2.5 MB at 1,000 pages.
KEEP_AT_LEAST = 32


@dataclass(frozen=True)
class BundleCache:
    folder: Path
    _warned: set[str] = field(default_factory=set, compare=False, repr=False)  # shards run in threads: warn once

    def _skip(self, problem: str) -> None:
        if problem not in self._warned:
            self._warned.add(problem)
            warn(f"搜索索引缓存 {printable(str(self.folder))} {problem}，相关分片已重新建立索引；网站照常生成。")

    def restore(self, key: str, output: Path) -> dict[str, int] | None:
        """Copy the bundle stored under `key` to `output` (which must not exist) and return its Pagefind counts;
        None when there is no usable entry (then `output` is left absent)."""
        entry = self.folder / key
        try:
            stored = json.loads(read_regular(entry / _COUNTS, 64 * 1024))
        except FileNotFoundError:
            return None  # not cached: the usual miss
        except (OSError, ValueError) as exc:
            self._damaged(entry, exc)
            return None
        try:
            counts = {str(kind): int(number) for kind, number in stored.items()}
            shutil.copytree(entry / _BUNDLE, output)
            os.utime(entry)  # most recently used: kept longest
        except (OSError, ValueError, TypeError, AttributeError, shutil.Error) as exc:  # AttributeError: counts not an object
            shutil.rmtree(output, ignore_errors=True)
            self._damaged(entry, exc)
            return None
        return counts

    def _damaged(self, entry: Path, exc: Exception) -> None:
        """Say so, and remove the entry so that this build's fresh bundle takes its place."""
        self._skip(f"中有条目无法读取（{describe(exc) if isinstance(exc, OSError) else '内容已损坏'}），已删除")
        shutil.rmtree(entry, ignore_errors=True)

    def store(self, key: str, bundle: Path, counts: dict[str, int]) -> None:
        """Keep a copy of the finished `bundle`; a cache that cannot be written only costs the next build a run."""
        scratch = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            scratch = Path(tempfile.mkdtemp(prefix=f".{key[:16]}-", dir=self.folder))
            shutil.copytree(bundle, scratch / _BUNDLE)
            (scratch / _COUNTS).write_text(json.dumps(counts, sort_keys=True), encoding="utf-8")
            scratch.rename(self.folder / key)  # fails if another build stored the same key meanwhile: same content
        except OSError as exc:
            if scratch is not None:
                shutil.rmtree(scratch, ignore_errors=True)
            if not (self.folder / key).is_dir():  # stored meanwhile by another build is no fault
                self._skip(f"无法写入（{describe(exc)}）")

    def evict(self, used: set[str]) -> None:
        """Delete all but the `used` entries and the KEEP_AT_LEAST most recently used others, and any leftover
        temporary folder."""
        try:
            entries = [p for p in self.folder.iterdir() if p.is_dir()]
            others = sorted((p for p in entries if p.name not in used and not p.name.startswith(".")),
                            key=lambda p: p.stat().st_mtime_ns, reverse=True)
        except OSError:
            return
        for stale in [p for p in entries if p.name.startswith(".")] + others[KEEP_AT_LEAST:]:
            shutil.rmtree(stale, ignore_errors=True)
