"""Warnings that do not stop a command (a cache that cannot be used): one logger, printed in Chinese by the CLI.

A build must never fail because a cache is full, read-only or corrupt: the cache is skipped and the user is told
once (each cache switches itself off after its first failure). Library code calls warn(); `gongkai` prints each as "警告：…" on stderr; tests read them with caplog.
"""

from __future__ import annotations

import logging
import sys

log = logging.getLogger("gongkai")


def warn(message: str) -> None:
    log.warning(message)


class _Printer(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        print(f"警告：{record.getMessage()}", file=sys.stderr)  # sys.stderr now, not at set-up: tests capture it


def print_warnings() -> None:
    """Print this package's warnings on stderr (once, however often the CLI runs in one process)."""
    if not any(isinstance(h, _Printer) for h in log.handlers):
        log.addHandler(_Printer(logging.WARNING))
