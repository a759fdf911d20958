"""The CMS tests need Node and the npm packages that `make install` installs (package-lock.json): without them
they fail with the command that fixes it, never skip, so a machine that lost npm cannot pass `make test` silently."""

from __future__ import annotations

import functools
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from generator.cms import find_node_modules
from generator.cms.config import kind_fields
from generator.cms.fields import Links
from generator.editor.fmt import model_for_path
from generator.editor.kinds import KINDS, Kind

ROOT = Path(__file__).resolve().parent.parent.parent
DRIVER = Path(__file__).resolve().parent / "format_driver.mjs"
MISSING = "CMS 测试需要 Node.js 和 npm 包：请运行 make install（npm ci 按 package-lock.json 安装）。"


def require_node_modules() -> Path:
    found = find_node_modules(ROOT)
    if shutil.which("node") is None or found is None:
        pytest.fail(MISSING)
    return found


def kind_of(path: Path) -> Kind:
    model = model_for_path(path)
    return next(kind for kind in KINDS.values() if kind.model is model)


@functools.cache
def fields_for(kind: Kind) -> list[dict[str, Any]]:
    return kind_fields(kind, Links(("demo", "示例县测试局")))


def run_format(cases: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each case: fields, source (text or None) and data (None: write back what was read) → text or error."""
    require_node_modules()
    done = subprocess.run(["node", str(DRIVER)], input=json.dumps(cases, ensure_ascii=False), capture_output=True,
                          text=True, cwd=ROOT, timeout=120)
    if done.returncode != 0:
        pytest.fail(f"format_driver.mjs failed: {done.stderr}")
    return json.loads(done.stdout)


def sample_files() -> list[Path]:
    return sorted((ROOT / "catalogue").rglob("*.yaml")) + sorted((ROOT / "flowcharts").glob("*.yaml"))
