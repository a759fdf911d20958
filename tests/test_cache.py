"""The `check` result cache: a warm run prints byte for byte what a cold run prints, and any input change misses."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

import generator.check
from generator import cache
from tests.conftest import BAD, GOOD, CliResult

CHECK = ("check", "--catalogue", "catalogue", "--flowcharts", "flowcharts")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The good catalogue plus two bad cases (errors, and a warning that --strict makes an error)."""
    shutil.copytree(GOOD / "catalogue", tmp_path / "catalogue")
    shutil.copytree(GOOD / "flowcharts", tmp_path / "flowcharts")
    for case in ("duplicate-key", "missing-phone", "bad-id"):
        shutil.copytree(BAD / case / "catalogue", tmp_path / "catalogue", dirs_exist_ok=True)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GONGKAI_NO_CACHE", raising=False)
    monkeypatch.setenv("GONGKAI_TODAY", "2026-06-01")
    return tmp_path


@pytest.fixture
def no_checker(monkeypatch: pytest.MonkeyPatch):
    """After calling it, running the real checker fails the test: the answer must come from the cache."""

    def forbid() -> None:
        def fail(*args: object, **kwargs: object) -> None:
            raise AssertionError("the checker ran although nothing changed")

        monkeypatch.setattr(generator.check, "check_catalogue", fail)

    return forbid


@pytest.mark.parametrize("strict", [False, True])
def test_warm_run_prints_exactly_what_the_cold_run_printed(project: Path, run_cli, no_checker, strict: bool) -> None:
    args = CHECK + (("--strict",) if strict else ())
    cold = run_cli(*args)
    assert ": 错误: " in cold.out and cold.code == 1  # the fixture really has problems
    assert (project / ".cache" / "check" / cache.FILE_NAME).is_file()
    no_checker()
    for form in ("plain", "github"):
        assert run_cli(*args, "--format", form) == run_cli(*args, "--format", form)
    assert run_cli(*args) == cold


def test_github_format_is_identical_cold_and_warm(project: Path, run_cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GONGKAI_NO_CACHE", "1")
    cold = run_cli(*CHECK, "--format", "github")
    monkeypatch.delenv("GONGKAI_NO_CACHE")
    run_cli(*CHECK, "--format", "github")  # fills the cache
    assert run_cli(*CHECK, "--format", "github") == cold


def _edit(project: Path) -> None:
    path = next((project / "catalogue").rglob("powers/*.yaml"))
    path.write_text(path.read_text(encoding="utf-8") + "\n# 改动\n", encoding="utf-8")


@pytest.mark.parametrize(
    "change",
    [
        _edit,
        lambda p: (p / "catalogue" / next(iter(sorted(x.name for x in (p / "catalogue").iterdir()))) / "stray.yaml").write_text("id: x\n", encoding="utf-8"),
        lambda p: next((p / "flowcharts").glob("*.yaml")).write_text("id: broken\n", encoding="utf-8"),
        lambda p: (p / "CODEOWNERS").write_text("* @someone\n", encoding="utf-8"),
        lambda p: (p / "revisions").mkdir(),
        lambda p: (p / "calendar").mkdir(),
    ],
    ids=["record-edited", "file-added", "template-edited", "codeowners-added", "revisions-added", "calendar-added"],
)
def test_any_input_change_misses(project: Path, change, run_cli) -> None:
    first = cache.result_key(Path("catalogue"), Path("flowcharts"), False)
    change(project)
    assert cache.result_key(Path("catalogue"), Path("flowcharts"), False) != first


def test_options_today_and_working_directory_are_part_of_the_key(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    key = cache.result_key(Path("catalogue"), Path("flowcharts"), False)
    assert cache.result_key(Path("catalogue"), Path("flowcharts"), True) != key
    monkeypatch.setenv("GONGKAI_TODAY", "2026-06-02")
    assert cache.result_key(Path("catalogue"), Path("flowcharts"), False) != key
    monkeypatch.setenv("GONGKAI_TODAY", "2026-06-01")
    assert cache.result_key(Path("catalogue"), Path("flowcharts"), False) == key
    monkeypatch.chdir(project / "catalogue")
    assert cache.result_key(Path("."), Path("../flowcharts"), False) != key


def test_generator_code_is_part_of_the_key(project: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    code = tmp_path_factory.mktemp("code")
    (code / "rules.py").write_text("A = 1\n", encoding="utf-8")
    monkeypatch.setattr(cache, "_PACKAGE", code)
    key = cache.result_key(Path("catalogue"), Path("flowcharts"), False)
    (code / "rules.py").write_text("A = 2\n", encoding="utf-8")
    assert cache.result_key(Path("catalogue"), Path("flowcharts"), False) != key


def test_an_edit_is_checked_again_and_then_cached(project: Path, run_cli, no_checker) -> None:
    before = run_cli(*CHECK)
    path = project / "catalogue" / "demo" / "powers" / "Food_Licence.yaml"
    assert path.is_file(), sorted(p.as_posix() for p in (project / "catalogue").rglob("*.yaml"))
    path.unlink()
    after = run_cli(*CHECK)
    assert after.out != before.out
    no_checker()
    assert run_cli(*CHECK) == after


def test_a_broken_cache_file_is_ignored(project: Path, run_cli) -> None:
    cold = run_cli(*CHECK)
    file = project / ".cache" / "check" / cache.FILE_NAME
    for junk in ("{not json", "[]", json.dumps({k: {"files": "x"} for k in json.loads(file.read_text(encoding="utf-8"))})):
        file.write_text(junk, encoding="utf-8")
        again = run_cli(*CHECK)
        warned = "警告：检查结果缓存 .cache/check/result-v1.json 无法读取（内容已损坏），已重新检查；检查结果不受影响。\n"
        assert again == CliResult(cold.code, cold.out, (warned if junk == "{not json" else "") + cold.err)
        assert run_cli(*CHECK) == cold  # the damaged file was replaced: no warning the next time


def test_no_cache_setting_bypasses_it(project: Path, run_cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GONGKAI_NO_CACHE", "1")
    run_cli(*CHECK)
    assert not (project / ".cache").exists()


def test_only_a_few_results_are_kept(project: Path) -> None:
    result = cache.CheckSummary([], 0)
    for day in range(1, 8):
        cache.ResultCache(project / "catalogue", f"key-{day}").put(result)
    stored = json.loads((project / ".cache" / "check" / cache.FILE_NAME).read_text(encoding="utf-8"))
    assert list(stored) == [f"key-{day}" for day in range(8 - cache.KEEP, 8)]


def test_a_strict_exempt_warning_survives_the_cache(project: Path, run_cli, no_checker) -> None:
    """A warm `check --strict` passes exactly where the cold one did: the exemption is part of the stored row."""
    shutil.rmtree(project / "catalogue")
    shutil.copytree(GOOD / "catalogue", project / "catalogue")
    shutil.copytree(Path(__file__).resolve().parent.parent / "calendar", project / "calendar")
    assert run_cli("revise", "--catalogue", "catalogue", "--baseline", "--date", "2025-03-03").code == 0
    record = project / "catalogue" / "demo-market" / "powers" / "shop-licence.yaml"
    record.write_text(re.sub(r"^changed_on: .*$", "changed_on: 2026-12-20", record.read_text(encoding="utf-8"), flags=re.M), encoding="utf-8")
    cold = run_cli(*CHECK, "--strict")
    assert cold.code == 0 and "暂定" in cold.out
    no_checker()
    assert run_cli(*CHECK, "--strict") == cold
