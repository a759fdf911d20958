"""The chart cache: rendered files by cache key, in one SQLite file instead of one file per chart.

Creating ten thousand small files cost up to 0.5 ms of CPU each on the shared build machine (more than laying
out the chart's legend); one transaction per dot batch costs a few microseconds a chart. WAL mode lets a second
build read while another writes. A cache that cannot be opened, read or written (a full disk, a read-only folder,
a damaged file) is skipped with one warning: it only ever costs time, never the build.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from generator.files import describe, printable
from generator.notice import warn

FILE_NAME = "charts.sqlite3"
_CHUNK = 500  # keys per SELECT, well under SQLite's limit on bound parameters
_WARNED: set[str] = set()  # cache files already warned about in this process (each worker opens its own store)


class ChartStore:
    def __init__(self, folder: Path) -> None:
        self.path = folder / FILE_NAME
        self.db: sqlite3.Connection | None = None
        try:
            folder.mkdir(parents=True, exist_ok=True)
            try:
                self._open()
            except sqlite3.DatabaseError as exc:
                if isinstance(exc, sqlite3.OperationalError):
                    raise  # locked, read-only, full: the file itself may be fine
                self._start_afresh(exc)  # not a database, or a damaged one: only the charts drawn since are lost
        except (OSError, sqlite3.Error) as exc:
            self._skip("无法打开", exc)

    def _open(self) -> None:
        self.db = sqlite3.connect(self.path, timeout=60, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")  # a cache: losing the last batch on power loss is fine
        self.db.execute("CREATE TABLE IF NOT EXISTS chart (key TEXT NOT NULL, format TEXT NOT NULL, data BLOB NOT NULL,"
                        " PRIMARY KEY (key, format))")

    def _start_afresh(self, exc: sqlite3.Error) -> None:
        self.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        self._open()
        self._say("已损坏", exc, "，已删除并重新建立")

    @property
    def usable(self) -> bool:
        return self.db is not None

    def _skip(self, what: str, exc: BaseException) -> None:
        """Stop using the cache for the rest of this store's life, and say so once per file and process."""
        self.close()
        self._say(what, exc, "，本次不使用缓存，流程图照常重新生成。如问题持续，可删除该文件")

    def _say(self, what: str, exc: BaseException, then: str = "") -> None:
        reason = describe(exc) if isinstance(exc, OSError) else str(exc)
        if str(self.path) not in _WARNED:
            _WARNED.add(str(self.path))
            warn(f"流程图缓存 {printable(str(self.path))} {what}（{reason}）{then}。")

    def get(self, keys: list[str], formats: tuple[str, ...]) -> dict[str, dict[str, bytes]]:
        """key → outputs, for the keys that have every format."""
        found: dict[str, dict[str, bytes]] = {}
        unique = sorted(set(keys))
        try:
            for i in range(0, len(unique), _CHUNK) if self.db is not None else ():
                chunk = unique[i:i + _CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = self.db.execute(f"SELECT key, format, data FROM chart WHERE key IN ({marks})", chunk)
                for key, fmt, data in rows:
                    if fmt in formats:
                        found.setdefault(key, {})[fmt] = bytes(data)
        except sqlite3.Error as exc:
            self._skip("无法读取", exc)
            return {}
        return {k: v for k, v in found.items() if len(v) == len(formats)}

    def put(self, items: list[tuple[str, dict[str, bytes]]]) -> None:
        """Store one batch in one transaction."""
        if self.db is None:
            return
        rows = [(key, fmt, data) for key, outputs in items for fmt, data in outputs.items()]
        try:
            with self.db:
                self.db.execute("BEGIN")
                self.db.executemany("INSERT OR REPLACE INTO chart (key, format, data) VALUES (?, ?, ?)", rows)
        except sqlite3.Error as exc:
            self._skip("无法写入", exc)

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None
