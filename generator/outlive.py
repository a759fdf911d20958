"""A command-line check ends without freeing what it built.

At 100,000 records the loaded files, the records and the catalogue are tens of millions of small objects;
freeing them one by one costs seconds of a cold `check` whose process is about to end anyway. The program's
own entry points (`gongkai`, `python -m generator`) arm this; a command then hands over what it no longer
needs (`keep`), and the entry point flushes the output and ends the process at once (`end`), which frees
the memory in one go. An in-process caller (the tests, `serve`, the build) never arms it, so nothing is kept
there and Python's normal exit runs. Only `check` keeps anything: a command with temporary folders to remove
or logs to flush ends the normal way.
"""

from __future__ import annotations

import os
import sys

_kept: list[object] = []
_armed = False


def arm() -> None:
    global _armed
    _armed = True


def armed() -> bool:
    """Whether the process ends as soon as the command is done (the program's own entry point)."""
    return _armed


def keep(*objects: object) -> None:
    """Leave `objects` to the end of the process (only when the program's entry point armed it)."""
    if _armed:
        _kept.extend(objects)


def end(code: int) -> int:
    """The exit code; when something was kept, the output is flushed and the process ends here without freeing it."""
    if _kept:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):  # a closed pipe: nothing more can be said there
                pass
        os._exit(code)
    return code
