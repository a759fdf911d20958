"""Fuzzing the command line: whatever arguments a user types, `gongkai` answers in Chinese or succeeds; no traceback,
no internal error. Commands that would build or serve get only an output folder or address that must be refused,
so every example ends quickly (the fault corpus in test_faults.py covers real builds; revise, which runs a whole
check each time, has its own argument tests in tests/revisions)."""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.cli import main
from tests.conftest import GOOD, ROOT

CJK = re.compile(r"[\u4e00-\u9fff]")
# Only places inside the sandbox project (and two device files): commands such as fmt and synth write where they are
# pointed, so a path like "/" or ".." here would let the fuzzer rewrite files outside the test (it once did).
PATHS = st.sampled_from([
    "", ".", "catalogue", "catalogue/demo-market", "catalogue/demo-market/powers/shop-licence.yaml",
    "flowcharts", "mkdocs.yml", "content", "nope", "/dev/null", "/dev/zero", "a" * 300, os.fsdecode(b"bad-\xff"),
    "数据", "-", "--", "x y", "link-to-zero", "fifo", "catalogue/..", "nope/../catalogue",
])
VALUES = st.sampled_from(["", "0", "1", "-1", "x", "2025-02-30", "2025-06-30", "demo-market", "a/../b", "a=b", "@x/y",
                          "shop-licence@2025-01-01=撤销", os.fsdecode(b"\xff"), "9" * 40, "数据", "--help"])
BAD_ADDRS = st.sampled_from(["", ":", "x", "127.0.0.1:", "127.0.0.1:99999", "127.0.0.1:-1", "[::1", "no-such-host.invalid:8000",
                             "127.0.0.1:８０００", os.fsdecode(b"\xff:1"), "[nohost]:80"])
REFUSED_OUT = st.sampled_from([".", "", "catalogue", "catalogue/x", "content/site", "flowcharts", "mkdocs.yml", "catalogue/.."])

OPTION_VALUES = {"--catalogue": PATHS, "--flowcharts": PATHS, "--config": PATHS, "--schema-dir": PATHS, "--format": VALUES,
                 "--date": VALUES, "--id": VALUES, "--note": VALUES, "--abolish": VALUES, "--core-team": VALUES,
                 "--department": VALUES, "--keep": VALUES, "--site-url": VALUES, "--records": st.sampled_from(["0", "1", "2", "x", "-3"]),
                 "--departments": VALUES, "--seed": VALUES}
COMMANDS = {
    "check": (["--catalogue", "--flowcharts", "--format"], ["--strict"]),
    "fmt": ([], ["--check"]),
    "schema": ([], ["--check"]),
    "codeowners": (["--catalogue", "--core-team"], ["--check"]),
    "linkcheck": (["--site-url"], []),
    "new": (["--department", "--id", "--catalogue", "--schema-dir", "--date"], []),
    "synth": (["--records", "--departments", "--seed", "--flowcharts"], []),
    "build": (["--catalogue", "--flowcharts", "--config"], ["--strict"]),
    "publish": (["--catalogue", "--flowcharts", "--config", "--keep"], []),
    "serve": (["--catalogue", "--flowcharts", "--config", "--department"], ["--strict"]),
}


@st.composite
def command_lines(draw: st.DrawFn) -> list[str]:
    command = draw(st.sampled_from(sorted(COMMANDS)))
    options, flags = COMMANDS[command]
    argv = [command]
    for option in draw(st.lists(st.sampled_from(options), max_size=3, unique=True)) if options else []:
        argv += [option, draw(OPTION_VALUES[option])]
    argv += draw(st.lists(st.sampled_from(flags), max_size=1)) if flags else []
    if command in ("build", "publish"):
        argv += ["--out", draw(REFUSED_OUT)]
    elif command == "serve":
        argv += ["--addr", draw(BAD_ADDRS)]
    elif command == "synth":
        argv += ["--out", draw(PATHS)]
    elif command == "schema":
        argv += ["--out", draw(PATHS)]
    elif command in ("fmt", "linkcheck"):
        argv += draw(st.lists(PATHS, max_size=2))
    elif command == "new":
        argv.insert(1, draw(st.sampled_from(["power", "fee", "service", "x"])))
    return argv


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    project = tmp_path_factory.mktemp("fuzz") / "project"
    for name in ("catalogue", "flowcharts"):
        shutil.copytree(GOOD / name, project / name)
    for name in ("content", "overrides"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "link-to-zero").symlink_to("/dev/zero")
    os.mkfifo(project / "fifo")
    cwd = os.getcwd()
    os.chdir(project)
    try:
        yield project
    finally:
        os.chdir(cwd)


def _inside(workdir: Path, argv: list[str]) -> None:
    """The fuzzer's own guard: no argument may name a folder outside the sandbox."""
    for value in argv:
        if value in ("/dev/null", "/dev/zero"):
            continue
        where = Path(os.path.normpath(workdir / value))  # lexically: the sandbox's own links may point anywhere
        if value and where != workdir and workdir not in where.parents:
            pytest.fail(f"the fuzzer named a path outside its sandbox: {value}")


def _run(argv: list[str]) -> tuple[int, str]:
    err, out = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse: usage errors (2) and --help (0)
            code = exc.code if isinstance(exc.code, int) else 1
    return code, err.getvalue() + out.getvalue()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(argv=command_lines())
def test_any_command_line_ends_in_chinese_or_success(workdir: Path, argv: list[str]) -> None:
    _inside(workdir, argv)
    code, printed = _run(argv)
    assert "Traceback" not in printed and "内部错误" not in printed, (argv, printed)
    assert code in (0, 1, 2), (argv, code, printed)
    if code == 1:
        assert CJK.search(printed), (argv, printed)
