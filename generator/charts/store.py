"""The chart cache: rendered files by cache key, in one SQLite file instead of one file per chart.

Creating ten thousand small files cost up to 0.5 ms of CPU each on the shared build machine (more than laying
out the chart's legend); one transaction per dot batch costs a few microseconds a chart. WAL mode lets a second
build read while another writes; a cache that cannot be opened is a build error with a plain message.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from generator.errors import BuildError

FILE_NAME = "charts.sqlite3"
_CHUNK = 500  # keys per SELECT, well under SQLite's limit on bound parameters


class ChartStore:
    def __init__(self, folder: Path) -> None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(folder / FILE_NAME, timeout=60, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")  # a cache: losing the last batch on power loss is fine
            self.db.execute("CREATE TABLE IF NOT EXISTS chart (key TEXT NOT NULL, format TEXT NOT NULL, data BLOB NOT NULL,"
                            " PRIMARY KEY (key, format))")
        except (OSError, sqlite3.Error) as exc:
            raise BuildError(f"无法打开流程图缓存 {folder / FILE_NAME}：{exc}。可删除该文件后重试。") from exc

    def get(self, keys: list[str], formats: tuple[str, ...]) -> dict[str, dict[str, bytes]]:
        """key → outputs, for the keys that have every format."""
        found: dict[str, dict[str, bytes]] = {}
        unique = sorted(set(keys))
        try:
            for i in range(0, len(unique), _CHUNK):
                chunk = unique[i:i + _CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = self.db.execute(f"SELECT key, format, data FROM chart WHERE key IN ({marks})", chunk)
                for key, fmt, data in rows:
                    if fmt in formats:
                        found.setdefault(key, {})[fmt] = bytes(data)
        except sqlite3.Error as exc:
            raise BuildError(f"无法读取流程图缓存：{exc}。可删除 {FILE_NAME} 后重试。") from exc
        return {k: v for k, v in found.items() if len(v) == len(formats)}

    def put(self, items: list[tuple[str, dict[str, bytes]]]) -> None:
        """Store one batch in one transaction."""
        rows = [(key, fmt, data) for key, outputs in items for fmt, data in outputs.items()]
        try:
            with self.db:
                self.db.execute("BEGIN")
                self.db.executemany("INSERT OR REPLACE INTO chart (key, format, data) VALUES (?, ?, ?)", rows)
        except sqlite3.Error as exc:
            raise BuildError(f"无法写入流程图缓存：{exc}。可删除 {FILE_NAME} 后重试。") from exc

    def close(self) -> None:
        self.db.close()
