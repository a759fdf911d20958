"""Where things live: display paths for diagnostics and the default project folders."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def display_path(path: Path) -> str:
    """The path as an editor sees it: relative to the working directory when inside it."""
    try:
        return Path(os.path.relpath(path)).as_posix() if not os.path.relpath(path).startswith("..") else path.as_posix()
    except ValueError:  # another drive on Windows
        return path.as_posix()


def default_flowcharts(catalogue: Path) -> Path:
    """flowcharts/ beside the catalogue, else the project's own statutory templates."""
    beside = catalogue.resolve().parent / "flowcharts"
    return beside if beside.is_dir() else PROJECT_ROOT / "flowcharts"
