"""Where things live: display paths for diagnostics and the default project folders."""

from __future__ import annotations

import os
from pathlib import Path

from generator.files import is_printable, printable

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def display_path(path: Path) -> str:
    """The path as an editor sees it: relative to the working directory when inside it; printable (a name that is
    not UTF-8 shows U+FFFD where its bytes were)."""
    try:
        shown = Path(os.path.relpath(path)).as_posix() if not os.path.relpath(path).startswith("..") else path.as_posix()
    except ValueError:  # another drive on Windows
        shown = path.as_posix()
    return shown if is_printable(shown) else printable(shown)


def display_paths(paths: list[Path]) -> list[str]:
    """display_path of many files at once: relpath once per folder, not per file (10,000 records)."""
    folders: dict[str, str | None] = {}  # by the parent as text: hashing a Path costs more than the rest
    shown = []
    for path in paths:
        parent, name = os.path.split(str(path))  # str(path.parent) and path.name, for a normal path's text
        if parent not in folders:
            try:
                folders[parent] = os.path.relpath(parent or ".")
            except ValueError:
                folders[parent] = None
        folder = folders[parent]
        if folder is None or name in ("", ".", ".."):
            shown.append(display_path(path))
            continue
        rel = name if folder == "." else os.path.join(folder, name)
        if rel.startswith(".."):
            shown.append(path.as_posix())
        else:  # relpath's result is already normal: on POSIX it is its own as_posix()
            shown.append(rel if os.sep == "/" else Path(rel).as_posix())
    return [text if text.isascii() or is_printable(text) else printable(text) for text in shown]


def default_flowcharts(catalogue: Path) -> Path:
    """flowcharts/ beside the catalogue, else the project's own statutory templates."""
    beside = catalogue.resolve().parent / "flowcharts"
    return beside if beside.is_dir() else PROJECT_ROOT / "flowcharts"
