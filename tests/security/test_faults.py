"""The fault corpus (issue 20 §3): every fault ends in a Chinese error or a clean result, and the site built before
is still there, byte for byte, whenever the command failed.

Each case works on its own copy of a small project (the good fixture with the sample's pages and theme) that holds
a site built once per module. Commands run as `python -m generator` in a child process, so a crash, a hang or a
runaway read shows as what it is (a signal, a timeout, a MemoryError under the address-space limit) instead of
taking the test runner with it. Cases that need a stand-in (a Graphviz that never finishes) run in this process.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import resource
import shutil
import socket
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import GOOD, ROOT

SITE = "site"
CJK = re.compile(r"[\u4e00-\u9fff]")
MEMORY_LIMIT = 3 * 1024 ** 3  # a regression that reads /dev/zero ends in MemoryError, not in the OOM killer
TIMEOUT = 180  # seconds; a FIFO opened for reading would wait forever


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str


def _run(project: Path, *args: str, env: dict[str, str] | None = None, umask: int | None = None) -> Outcome:
    def limits() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
        if umask is not None:
            os.umask(umask)

    done = subprocess.run([sys.executable, "-m", "generator", *args], cwd=project, capture_output=True, timeout=TIMEOUT,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}, preexec_fn=limits, check=False)
    return Outcome(done.returncode, done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace"))


def tree(root: Path, skip: tuple[str, ...] = (".cache",)) -> dict[str, str]:
    """Every entry under `root` by relative path: a file by its digest, a link by its target, others by their type.
    Links are not followed and special files are not opened."""
    found: dict[str, str] = {}
    for top, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if os.path.relpath(os.path.join(top, d), root) not in skip)
        for name in dirs + sorted(names):
            path = os.path.join(top, name)
            rel = os.path.relpath(path, root)
            info = os.lstat(path)
            if stat.S_ISLNK(info.st_mode):
                found[rel] = "link:" + os.readlink(path)
            elif stat.S_ISREG(info.st_mode):
                with open(path, "rb") as file:
                    found[rel] = hashlib.sha256(file.read()).hexdigest()
            else:
                found[rel] = "dir" if stat.S_ISDIR(info.st_mode) else f"mode:{stat.S_IFMT(info.st_mode)}"
    return found


@pytest.fixture(scope="module")
def built_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small project with a site built once: catalogue/ and flowcharts/ from the good fixture, the sample's
    mkdocs.yml, content/ and overrides/."""
    project = tmp_path_factory.mktemp("faults") / "project"
    project.mkdir()
    for name in ("catalogue", "flowcharts"):
        shutil.copytree(GOOD / name, project / name)
    for name in ("content", "overrides"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    result = _run(project, "build", "--out", SITE)
    assert result.code == 0, result.err
    return project


@pytest.fixture
def project(built_project: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "project"
    shutil.copytree(built_project, copy, symlinks=True)
    return copy


def assert_chinese_error(result: Outcome, says: str) -> None:
    assert result.code not in (0, -signal.SIGSEGV, -signal.SIGKILL), result
    assert "Traceback" not in result.err + result.out and "内部错误" not in result.err, result.err
    assert CJK.search(result.err + result.out) and says in result.err + result.out, result


def assert_clean_site(project: Path, result: Outcome) -> None:
    assert result.code == 0 and "Traceback" not in result.err, result.err
    site = project / SITE
    assert (site / "index.html").is_file() and (site / "search").is_dir()
    modes = {stat.S_IMODE(p.lstat().st_mode) for p in [site, *site.rglob("*")] if not p.is_symlink()}
    assert modes <= {0o755, 0o644}, modes
    assert sorted(p.name for p in project.iterdir() if p.name.startswith((".site", "site."))) == []


# --- the cases: each sets up one fault in `project` and returns the command to run ----------------------------------

def _outside_record(project: Path) -> str:
    outside = project.parent / "elsewhere.yaml"
    record = project / "catalogue" / "demo-market" / "powers" / "shop-licence.yaml"
    outside.write_text(record.read_text(encoding="utf-8").replace("id: shop-licence", "id: outside-record")
                       .replace("name: ", "name: 仓库外的记录 ", 1), encoding="utf-8")
    (record.parent / "outside-record.yaml").symlink_to(outside)
    return "outside-record.yaml"


@dataclass(frozen=True)
class Fault:
    name: str
    setup: Callable[[Path], list[str]]  # returns the gongkai arguments
    says: str  # in the Chinese error
    untouched_cache: bool = False  # refused before anything at all is written, caches included


def _powers(project: Path) -> Path:
    return project / "catalogue" / "demo-market" / "powers"


def _link(path: Path, target: str | Path) -> Path:
    path.symlink_to(target)
    return path


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _someones_folder(project: Path) -> list[str]:
    (project / "文档").mkdir()
    _write(project / "文档" / "报告.txt", "不要删")
    return ["build", "--out", "文档"]


def _linked_calendar_year(project: Path) -> list[str]:
    shutil.copytree(ROOT / "calendar", project / "calendar")
    (project / "calendar" / "2025.yaml").unlink()
    _link(project / "calendar" / "2025.yaml", "/dev/zero")
    return ["revise", "--baseline"]  # revise reads every year file


def _deep_revision(project: Path) -> list[str]:
    (project / "revisions").mkdir()
    _write(project / "revisions" / "r1.json", "[" * 100000)
    return ["publish", "--out", "public"]


BOMB = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n" + "".join(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 14))
NOT_UTF8 = os.fsdecode(b"bad-\xff.yaml")

FAULTS = [
    # --out: refused before anything is written
    Fault("out-is-the-working-directory", lambda p: ["build", "--out", "."], "就是当前目录", True),
    Fault("out-is-empty", lambda p: ["build", "--out", ""], "就是当前目录", True),
    Fault("out-is-the-project", lambda p: ["build", "--out", str(p)], "就是当前目录", True),
    Fault("out-holds-the-project", lambda p: ["build", "--out", ".."], "包含了当前目录", True),
    Fault("out-is-the-catalogue", lambda p: ["build", "--out", "catalogue"], "就是记录目录", True),
    Fault("out-inside-the-catalogue", lambda p: ["build", "--out", "catalogue/demo-market/site"], "位于记录目录", True),
    Fault("out-inside-the-pages", lambda p: ["build", "--out", "content/site"], "位于站点源文件目录", True),
    Fault("out-is-someones-folder", _someones_folder, "不像是生成的网站", True),
    Fault("publish-out-is-the-project", lambda p: ["publish", "--out", "."], "就是当前目录", True),
    # serve: address problems before the build
    Fault("serve-port-over-65535", lambda p: ["serve", "--addr", "127.0.0.1:99999"], "端口 0–65535", True),
    Fault("serve-port-not-a-number", lambda p: ["serve", "--addr", "127.0.0.1:http"], "监听地址“127.0.0.1:http”无效", True),
    Fault("serve-unknown-host", lambda p: ["serve", "--addr", "no-such-host.invalid:8000"], "无法识别监听地址中的主机", True),
    # links, devices and pipes: refused unread
    Fault("link-to-dev-zero", lambda p: _link(_powers(p) / "zero.yaml", "/dev/zero") and ["build", "--out", SITE],
          "zero.yaml:1:1: 错误: 这是符号链接"),
    Fault("link-to-dev-zero-check", lambda p: _link(_powers(p) / "zero.yaml", "/dev/zero") and ["check"],
          "zero.yaml:1:1: 错误: 这是符号链接"),
    Fault("link-to-a-record-outside", lambda p: _outside_record(p) and ["build", "--out", SITE],
          "outside-record.yaml:1:1: 错误: 这是符号链接"),
    Fault("linked-department-folder", lambda p: _link(p / "catalogue" / "linked", p / "catalogue" / "demo-civil")
          and ["build", "--out", SITE], "catalogue/linked:1:1: 错误: 这是符号链接"),
    Fault("fifo-in-the-catalogue", lambda p: os.mkfifo(_powers(p) / "pipe.yaml") or ["check"], "这是命名管道（FIFO）"),
    Fault("linked-procedure-template", lambda p: _link(p / "flowcharts" / "zero.yaml", "/dev/zero") and ["check"],
          "zero.yaml:1:1: 错误: 这是符号链接"),
    Fault("linked-calendar-year", _linked_calendar_year, "这是符号链接"),
    Fault("fmt-check-on-a-link", lambda p: _outside_record(p) and ["fmt", "--check", "catalogue"], "这是符号链接"),
    # hostile content and names
    Fault("file-name-not-utf8", lambda p: _write(_powers(p) / NOT_UTF8, "id: x\n") and ["check"],
          "文件名或文件夹名不是有效的 UTF-8 文字"),
    Fault("file-name-not-utf8-build", lambda p: _write(_powers(p) / NOT_UTF8, "id: x\n") and ["build", "--out", SITE],
          "文件名或文件夹名不是有效的 UTF-8 文字"),
    Fault("nesting-30000-deep", lambda p: _write(_powers(p) / "deep.yaml", "id: " + "[" * 30000 + "\n") and ["check"],
          "YAML 嵌套层级过深"),
    Fault("nesting-30000-deep-fmt", lambda p: _write(_powers(p) / "deep.yaml", "id: " + "[" * 30000 + "\n")
          and ["fmt", "--check", "catalogue"], "YAML 嵌套层级过深"),
    Fault("alias-bomb-fmt", lambda p: _write(_powers(p) / "bomb.yaml", BOMB) and ["fmt", "--check", "catalogue"],
          "不允许使用 YAML 锚点或别名"),
    Fault("deep-revision-json", _deep_revision, "不是有效的 JSON"),
]


@pytest.mark.parametrize("fault", FAULTS, ids=[f.name for f in FAULTS])
def test_fault_ends_in_a_chinese_error_and_the_site_is_intact(project: Path, fault: Fault) -> None:
    before = tree(project, skip=() if fault.untouched_cache else (".cache",))
    args = fault.setup(project)
    after_setup = tree(project, skip=() if fault.untouched_cache else (".cache",))
    started = time.monotonic()
    result = _run(project, *args)
    assert_chinese_error(result, fault.says)
    assert time.monotonic() - started < 60, "a fault must end fast"
    assert tree(project, skip=() if fault.untouched_cache else (".cache",)) == after_setup
    assert {k: v for k, v in before.items() if k.startswith(SITE + os.sep)} == \
        {k: v for k, v in after_setup.items() if k.startswith(SITE + os.sep)}


def test_a_linked_record_outside_the_repository_is_never_published(project: Path) -> None:
    (project / "catalogue" / "demo-market" / "powers" / _outside_record(project)).unlink()  # made, then removed …
    _outside_record(project)  # … and made again: the build must fail on it, and publish nothing of it
    result = _run(project, "build", "--out", SITE)
    assert_chinese_error(result, "这是符号链接")
    assert not any("仓库外的记录" in p.read_text(encoding="utf-8", errors="replace")
                   for p in (project / SITE).rglob("*") if p.is_file() and p.suffix in (".html", ".json"))


def test_fmt_never_writes_through_a_link(project: Path) -> None:
    outside = project.parent / "elsewhere.yaml"
    _outside_record(project)
    before, site = outside.read_bytes(), tree(project / SITE)
    result = _run(project, "fmt", "catalogue")  # formats the other records, refuses the link
    assert_chinese_error(result, "outside-record.yaml: 这是符号链接，不是普通文件，未读取。")
    assert outside.read_bytes() == before and (_powers(project) / "outside-record.yaml").is_symlink()
    assert tree(project / SITE) == site


# --- faults that end in a clean result -------------------------------------------------------------------------------

def _corrupt_caches(project: Path) -> None:
    cache = project / ".cache"
    (cache / "charts" / "charts.sqlite3").write_bytes(b"not a database " * 500)
    for entry in (cache / "pages").rglob("*.html.z"):
        entry.write_bytes(entry.read_bytes()[:20])  # truncated: not a whole zlib stream
    for counts in (cache / "search").glob("*/counts.json"):
        counts.write_text("{broken", encoding="utf-8")
    (cache / "check").mkdir(exist_ok=True)
    (cache / "check" / "result-v1.json").write_text("{broken", encoding="utf-8")


def test_corrupt_caches_are_skipped_with_warnings(project: Path) -> None:
    _corrupt_caches(project)
    result = _run(project, "build", "--out", SITE)
    assert_clean_site(project, result)
    for warned in ("流程图缓存", "页面缓存", "搜索索引缓存"):
        assert f"警告：{warned}" in result.err, result.err
    assert _run(project, "check").code == 0
    again = _run(project, "build", "--out", SITE)  # the damaged entries were replaced
    assert_clean_site(project, again)
    assert "警告" not in again.err, again.err


def test_unwritable_caches_are_skipped_with_warnings(project: Path) -> None:
    shutil.rmtree(project / ".cache")
    (project / ".cache").write_text("a file where the cache folder should be", encoding="utf-8")  # every write fails
    result = _run(project, "build", "--out", SITE)
    assert_clean_site(project, result)
    for warned in ("流程图缓存", "页面缓存", "搜索索引缓存"):
        assert f"警告：{warned}" in result.err, result.err
    checked = _run(project, "check")
    assert checked.code == 0 and "警告：检查结果缓存" in checked.err


def test_a_restrictive_umask_still_gives_a_world_readable_site(project: Path) -> None:
    assert_clean_site(project, _run(project, "build", "--out", SITE, umask=0o077))


def test_leftovers_of_killed_builds_are_removed_by_the_next_build(project: Path) -> None:
    before = tree(project / SITE)
    child = subprocess.Popen([sys.executable, "-m", "generator", "build", "--out", SITE], cwd=project,
                             env={**os.environ, "PYTHONPATH": str(ROOT), "GONGKAI_NO_CACHE": "1"},
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + TIMEOUT
    while not any(p.name.startswith(".site-") for p in project.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)  # let it write into the work folder
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert tree(project / SITE) == before, "a killed build changed the site"
    assert [p.name for p in project.iterdir() if p.name.startswith(".site-")], "nothing was left to clean up"
    assert_clean_site(project, _run(project, "build", "--out", SITE))


def test_a_busy_port_is_a_chinese_error_before_building(project: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        result = _run(project, "serve", "--addr", f"127.0.0.1:{taken.getsockname()[1]}")
    assert_chinese_error(result, "已被占用")
    assert not (project / ".cache" / "serve-site").exists()  # said before the build, not after it


# --- faults that need a stand-in, in this process ---------------------------------------------------------------------

def test_a_graphviz_that_never_finishes_is_stopped(project: Path, run_cli, monkeypatch: pytest.MonkeyPatch) -> None:
    hanging = project.parent / "dot"
    hanging.write_text("#!/bin/sh\nexec sleep 60\n", encoding="utf-8")
    hanging.chmod(0o755)
    monkeypatch.chdir(project)
    monkeypatch.setenv("GONGKAI_CHART_CACHE", "off")
    monkeypatch.setattr("generator.charts.batch.dot_binary", lambda: str(hanging))
    monkeypatch.setattr("generator.charts.batch.timeout_for", lambda charts: 1.0)
    before = tree(project / SITE)
    started = time.monotonic()
    result = run_cli("build", "--out", SITE)
    assert result.code == 1 and "Graphviz 在 1 秒内没有画完流程图" in result.err, result.err
    assert time.monotonic() - started < 30
    assert tree(project / SITE) == before


def test_a_nul_byte_in_a_request_path_is_a_400_in_chinese(project: Path) -> None:
    import urllib.error
    import urllib.request

    from generator.search.httpd import serve_directory

    with serve_directory(project / SITE) as base:
        with pytest.raises(urllib.error.HTTPError) as bad:
            urllib.request.urlopen(base + "a%00b.html", timeout=5)
        assert bad.value.code == 400 and "请求的地址无效" in bad.value.read().decode("utf-8")
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(base + "no-such-page/", timeout=5)
        assert missing.value.code == 404
        assert missing.value.read() == (project / SITE / "404.html").read_bytes()  # the site's own page


def test_disk_full_while_writing_the_site_leaves_the_previous_one(project: Path, run_cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project)
    before = tree(project / SITE)

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("generator.build.fix_sitemap", full)
    result = run_cli("build", "--out", SITE)
    assert result.code == 1 and "写入输出目录失败：磁盘已满" in result.err, result.err
    assert tree(project / SITE) == before
    assert json.dumps(sorted(p.name for p in project.iterdir() if p.name.startswith("."))) == '[".cache"]'


def test_a_full_disk_under_the_caches_only_costs_warnings(project: Path, run_cli, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file written under .cache/ fails with ENOSPC (the chart cache is SQLite's own file: tests/charts/
    test_store.py fills it); the build and the check still succeed, with warnings."""
    import builtins
    import io

    real_open = io.open
    caches = str(project / ".cache") + os.sep

    def full(file, mode="r", *args, **kwargs):  # noqa: ANN001, ANN202 — the signature of open()
        if not isinstance(file, int) and any(flag in mode for flag in "wax") and os.path.abspath(os.fsdecode(file)).startswith(caches):
            raise OSError(errno.ENOSPC, "No space left on device", os.fspath(file))
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", full)
    monkeypatch.setattr(io, "open", full)
    monkeypatch.chdir(project)
    monkeypatch.delenv("GONGKAI_NO_CACHE", raising=False)
    shutil.rmtree(project / ".cache" / "pages")  # every page must be stored again, and cannot be
    shutil.rmtree(project / ".cache" / "search")
    built = run_cli("build", "--out", SITE)
    assert built.code == 0, built.err
    assert "警告：页面缓存" in built.err and "磁盘已满" in built.err and "警告：搜索索引缓存" in built.err
    checked = run_cli("check")
    assert checked.code == 0 and "警告：检查结果缓存" in checked.err and "磁盘已满" in checked.err
    monkeypatch.undo()
    assert_clean_site(project, Outcome(built.code, built.out, built.err))
