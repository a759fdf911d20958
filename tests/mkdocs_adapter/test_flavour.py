"""Which MkDocs runs: ProperDocs when installed (the default install has it), MkDocs when GONGKAI_MKDOCS says so."""

from __future__ import annotations

import subprocess
import sys

import pytest

from generator.errors import ConfigError
from generator.mkdocs_adapter import flavour

PROBE = "import generator.mkdocs_adapter.engine as e, generator.mkdocs_adapter.flavour as f; print(f.version())"


def _running(setting: str | None) -> str:
    env = {"PATH": "/usr/bin:/bin"} | ({"GONGKAI_MKDOCS": setting} if setting is not None else {})
    run = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=120, check=False)
    assert run.returncode == 0, run.stderr
    return run.stdout.strip()


def test_properdocs_by_default_and_mkdocs_on_request() -> None:
    assert _running(None).startswith("ProperDocs 1.6.")
    assert _running("properdocs").startswith("ProperDocs 1.6.")
    assert _running("mkdocs") == "MkDocs 1.6.1"


def test_this_test_run_builds_on_properdocs() -> None:
    """`make test` on a fresh clone: the whole suite runs on ProperDocs (unless GONGKAI_MKDOCS chose otherwise)."""
    if flavour.chosen() == "mkdocs":
        pytest.skip("GONGKAI_MKDOCS=mkdocs")
    assert flavour.version().startswith("ProperDocs ")


def test_a_wrong_setting_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GONGKAI_MKDOCS", "sphinx")
    with pytest.raises(ConfigError, match="GONGKAI_MKDOCS"):
        flavour.chosen()
