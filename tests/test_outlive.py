"""A command-line check ends without freeing what it built; an in-process caller keeps nothing and ends normally."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from generator import outlive
from generator.paths import PROJECT_ROOT
from tests.conftest import BAD, GOOD


def _bad_catalogue(target: Path) -> Path:
    shutil.copytree(BAD / "_base" / "catalogue", target / "catalogue")
    shutil.copytree(BAD / "duplicate-id" / "catalogue", target / "catalogue", dirs_exist_ok=True)
    return target / "catalogue"


def test_an_in_process_check_keeps_nothing(run_cli, tmp_path: Path, monkeypatch) -> None:
    catalogue = _bad_catalogue(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GONGKAI_NO_CACHE", "1")
    result = run_cli("check", "--catalogue", str(catalogue), "--flowcharts", str(GOOD / "flowcharts"))
    assert result.code == 1 and result.out
    assert outlive._kept == [] and not outlive._armed


def test_the_program_says_what_an_in_process_check_says_and_ends_with_its_code(run_cli, tmp_path: Path, monkeypatch) -> None:
    """Through pipes (block-buffered output): every line is flushed before the process ends at once."""
    catalogue = _bad_catalogue(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GONGKAI_NO_CACHE", "1")
    args = ["check", "--catalogue", str(catalogue), "--flowcharts", str(GOOD / "flowcharts")]
    in_process = run_cli(*args)
    env = os.environ | {"PYTHONPATH": str(PROJECT_ROOT)}
    program = subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert (program.returncode, program.stdout, program.stderr) == (in_process.code, in_process.out, in_process.err)
    assert in_process.code == 1 and in_process.out.count("\n") >= 1


def test_end_returns_the_code_when_nothing_was_kept() -> None:
    assert outlive.end(3) == 3
    outlive.keep(object())  # not armed: kept nowhere
    assert outlive._kept == []
