"""The bad-record corpus (issue 2 item 3): one case per rule, each asserting its exact output lines.

A case is tests/fixtures/bad/<rule>/: a `catalogue/` overlay copied over `_base/` (one good department),
`expected.txt` (stdout of `gongkai check`) and, for warnings, `expected-strict.txt` (stdout with --strict).
The exit code follows from the expected lines: 1 when any line is an error, else 0.
GONGKAI_UPDATE_GOLDEN=1 rewrites the expected files; review the diff before keeping it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import BAD, GOOD, UPDATE_GOLDEN

CASES = sorted(p.name for p in BAD.iterdir() if p.is_dir() and not p.name.startswith("_"))
# Incompleteness of the kinds the 2017 national inspection found: warnings, errors under --strict.
WARNING_CASES = ["filler", "missing-phone", "step-name-only", "vague-material"]


def _assemble(case: str, target: Path) -> None:
    shutil.copytree(BAD / "_base" / "catalogue", target / "catalogue")
    shutil.copytree(BAD / case / "catalogue", target / "catalogue", dirs_exist_ok=True)


def _compare(output: str, expected_file: Path) -> None:
    if UPDATE_GOLDEN:
        expected_file.write_text(output, encoding="utf-8")
    assert expected_file.is_file(), f"missing {expected_file}; run with GONGKAI_UPDATE_GOLDEN=1 and review"
    assert output == expected_file.read_text(encoding="utf-8")


def _expected_code(output: str) -> int:
    return 1 if ": 错误: " in output else 0


@pytest.fixture
def in_case(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    def enter(case: str) -> None:
        _assemble(case, tmp_path)
        monkeypatch.chdir(tmp_path)  # diagnostics show paths relative to the working directory

    return enter


@pytest.mark.parametrize("case", CASES)
def test_bad_record(case: str, in_case, run_cli) -> None:
    in_case(case)
    result = run_cli("check", "--catalogue", "catalogue", "--flowcharts", str(GOOD / "flowcharts"))
    _compare(result.out, BAD / case / "expected.txt")
    assert result.out, "every bad case must report something"
    assert result.code == _expected_code(result.out)
    assert "Traceback" not in result.err


@pytest.mark.parametrize("case", WARNING_CASES)
def test_strict_turns_warnings_into_errors(case: str, in_case, run_cli) -> None:
    in_case(case)
    result = run_cli("check", "--strict", "--catalogue", "catalogue", "--flowcharts", str(GOOD / "flowcharts"))
    _compare(result.out, BAD / case / "expected-strict.txt")
    assert ": 警告: " not in result.out
    assert result.code == 1


def test_warning_cases_pass_without_strict(run_cli, in_case) -> None:
    """Warnings alone never fail a check: the editor sees them, the build goes on."""
    in_case("vague-material")
    result = run_cli("check", "--catalogue", "catalogue", "--flowcharts", str(GOOD / "flowcharts"))
    assert result.code == 0
    assert result.err.strip() == "检查了 2 个文件：0 个错误，1 个警告。"


def test_every_expected_line_has_the_documented_shape() -> None:
    """path:line:col: 严重性: 中文字段名 (key): message — or without a subject for file-level problems."""
    import re

    shape = re.compile(r"^catalogue/\S+\.ya?ml:[1-9]\d*:[1-9]\d*: (错误|警告): (\S+ \([a-z_]+\): )?\S.*[。？）]$")
    for case in CASES:
        for name in ("expected.txt", "expected-strict.txt"):
            file = BAD / case / name
            if file.exists():
                for line in file.read_text(encoding="utf-8").splitlines():
                    assert shape.match(line), f"{case}/{name}: {line}"


def test_file_over_one_mebibyte(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_cli) -> None:
    _assemble("no-legal-basis", tmp_path)
    big = tmp_path / "catalogue" / "demo" / "powers" / "huge.yaml"
    big.write_text("id: huge\nremarks: " + "长" * (400 * 1024) + "\n", encoding="utf-8")  # 1.2 MB of UTF-8
    monkeypatch.chdir(tmp_path)
    result = run_cli("check", "--catalogue", "catalogue", "--flowcharts", str(GOOD / "flowcharts"))
    size = big.stat().st_size
    assert f"catalogue/demo/powers/huge.yaml:1:1: 错误: 文件过大（{size} 字节），单个记录文件不得超过 1 MiB。请拆分或精简内容。" in result.out.splitlines()
    assert result.code == 1


def test_github_format_carries_file_line_and_title(in_case, run_cli) -> None:
    in_case("invalid-date")
    result = run_cli("check", "--format", "github", "--catalogue", "catalogue", "--flowcharts", str(GOOD / "flowcharts"))
    plain = (BAD / "invalid-date" / "expected.txt").read_text(encoding="utf-8").splitlines()[0]
    path, line, col, _ = plain.split(":", 3)
    assert result.out.startswith(f"::error file={path},line={line},col={col},title=变更日期 (changed_on)::变更日期 (changed_on): ")
    assert result.code == 1


def _diagnostics(catalogue: Path, flowcharts: Path) -> list:
    from generator.check import check_catalogue

    return check_catalogue(catalogue, flowcharts).diagnostics


@pytest.mark.parametrize("case", CASES)
def test_fast_and_exact_loading_give_the_same_diagnostics(case: str, in_case, monkeypatch: pytest.MonkeyPatch) -> None:
    """The fast loader (yaml-rs, libyaml), parsing shared with forked helpers, and the exact loader (ruamel, with its
    lines and columns) alone, one file at a time: the same problems at the same file, line, column and field."""
    import generator.load as load
    from generator import fastyaml

    in_case(case)
    catalogue, flowcharts = Path("catalogue"), GOOD / "flowcharts"
    fast = _diagnostics(catalogue, flowcharts)
    shares = []
    with monkeypatch.context() as patched:
        patched.setattr(load, "PARALLEL_FROM", 1)
        patched.setattr(load, "PIECE", 2)
        patched.setattr(load.os, "cpu_count", lambda: 2)
        patched.setattr(load.workshare, "can_fork", lambda: True)  # a worker may still run a browser's threads
        sharing = load.workshare.in_order
        patched.setattr(load.workshare, "in_order", lambda *a, **k: shares.append(1) or sharing(*a, **k))
        shared = _diagnostics(catalogue, flowcharts)
    assert shares, "the parsing was not shared with a helper (another thread running? see workshare.can_fork)"

    def unsure(text: str) -> None:
        raise fastyaml.Unsure

    monkeypatch.setattr(fastyaml, "load", unsure)  # every file through the reference loader
    exact = _diagnostics(catalogue, flowcharts)
    assert exact, case
    assert fast == exact
    assert shared == exact
