"""Issue 19 §3 end to end on a copy of the sample: a change late in 2026, whose 20 working days run into 2027 (no
2027 notice in calendar/), passes `check` and `check --strict` with a warning, builds, revises, and every page that
shows its deadline says 暂定 and why. One build for the whole module."""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT

REGISTRATION = "market-regulation/powers/enterprise-establishment-registration.yaml"  # pending: changed 2026-12-20
LICENCE = "health/powers/medical-institution-licence.yaml"  # revised on 2026-12-11: changed 2026-12-10
REASON = "2027 年节假日安排尚未收录，按法定节假日推算，调休未计入"


@dataclass
class Copy:
    root: Path
    site: Path
    check: object
    strict: object


def _set_changed_on(path: Path, day: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"^changed_on: .*$", f"changed_on: {day}", text, flags=re.M), encoding="utf-8")


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Copy:
    from generator.cli import main

    root = tmp_path_factory.mktemp("provisional")
    for name in ("catalogue", "flowcharts", "calendar", "revisions", "content", "overrides"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    assert not (root / "calendar" / "2027.yaml").exists()
    cwd, env = os.getcwd(), dict(os.environ)
    os.chdir(root)
    os.environ.update(GONGKAI_TODAY="2026-12-04", GONGKAI_NO_CACHE="1")
    try:
        _set_changed_on(root / "catalogue" / LICENCE, "2026-12-10")
        assert main(["revise", "--date", "2026-12-11"]) == 0
        _set_changed_on(root / "catalogue" / REGISTRATION, "2026-12-20")
        check, strict = _run(main, "check"), _run(main, "check", "--strict")
        assert main(["build", "--out", "site"]) == 0
    finally:
        os.chdir(cwd)
        os.environ.clear()
        os.environ.update(env)
    return Copy(root, root / "site", check, strict)


def _run(main, *args: str):  # noqa: ANN001, ANN202 — (exit code, stdout)
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(list(args))
    return code, out.getvalue()


def _html(copy: Copy, page: str) -> str:
    text = (copy.site / page / "index.html").read_text(encoding="utf-8")
    return re.sub(r"<[^>]+>", "", text).replace("&#45;", "-")


def test_check_warns_and_strict_passes(copy: Copy) -> None:
    for code, out in (copy.check, copy.strict):
        assert code == 0
        lines = [line for line in out.splitlines() if line]
        assert len(lines) == 1 and REGISTRATION in lines[0] and ": 警告: " in lines[0]
        assert f"公开期限为 2027-01-18（暂定：{REASON}）" in lines[0]


def test_record_page_shows_the_pending_provisional_deadline(copy: Copy) -> None:
    text = _html(copy, "powers/enterprise-establishment-registration")
    assert f"本事项于 2026-12-20 变更，待下次修订发布，公开期限（20 个工作日）为 2027-01-18（暂定：{REASON}）。" in text


def test_revision_page_and_record_history_show_it(copy: Copy) -> None:
    revision = _html(copy, "revisions/2026-12-11")
    assert f"公开期限（20 个工作日）： 2027-01-08（暂定：{REASON}） · 按期（暂定）" in revision
    assert "按期公开： 1/1（含暂定）" in revision
    assert "按期（暂定）" in _html(copy, "powers/medical-institution-licence")
    assert "1/1（含暂定）" in _html(copy, "revisions")


def test_compliance_page_lists_the_provisional_deadline(copy: Copy) -> None:
    text = _html(copy, "compliance")
    assert "公开期限暂定的变更" in text and "2027-01-08（暂定）" in text and f"暂定的原因：{REASON}。" in text


def test_revise_works_on_it(copy: Copy, monkeypatch: pytest.MonkeyPatch, run_cli) -> None:  # noqa: ANN001
    monkeypatch.chdir(copy.root)
    result = run_cli("revise", "--date", "2026-12-21")
    assert result.code == 0, result.err
    assert f"2027-01-18（暂定：{REASON}）" in result.err and "公开期限暂定 1 项" in result.err
