"""The `gongkai` command: exit codes, streams, and no traceback for a user mistake."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import BAD, GOOD


def test_check_good_catalogue_prints_only_the_summary(run_cli) -> None:
    result = run_cli("check", "--strict", "--catalogue", str(GOOD / "catalogue"))
    assert (result.code, result.out, result.err) == (0, "", "检查了 7 个文件：0 个错误，0 个警告。\n")


def test_check_missing_catalogue(run_cli, tmp_path: Path) -> None:
    missing = tmp_path / "nope"
    result = run_cli("check", "--catalogue", str(missing))
    assert result.code == 1
    assert result.out.endswith("nope: 错误: 目录不存在。请用 --catalogue 指定记录所在的文件夹。\n")


def test_build_with_bad_records_lists_them_and_writes_nothing(run_cli, tmp_path: Path) -> None:
    out = tmp_path / "site"
    shutil.copytree(BAD / "_base" / "catalogue", tmp_path / "catalogue")
    shutil.copytree(BAD / "no-legal-basis" / "catalogue", tmp_path / "catalogue", dirs_exist_ok=True)
    result = run_cli("build", "--catalogue", str(tmp_path / "catalogue"), "--flowcharts", str(GOOD / "flowcharts"), "--out", str(out))
    assert result.code == 1
    assert "baseless.yaml:1:1: 错误: 实施依据 (legal_basis):" in result.err
    assert result.err.rstrip().endswith("\n1 个错误，0 个警告，未生成站点。")
    assert not out.exists()


def test_build_with_missing_config_is_a_plain_error(run_cli, tmp_path: Path) -> None:
    result = run_cli("build", "--catalogue", str(GOOD / "catalogue"), "--config", str(tmp_path / "none.yml"), "--out", str(tmp_path / "o"))
    assert result.code == 1
    assert result.err.startswith("错误：找不到站点配置文件")
    assert "Traceback" not in result.err


def test_usage_error_exits_2(run_cli) -> None:
    assert run_cli("check", "--format", "xml").code == 2
