"""`gongkai check --format github` over the bad-record corpus: the exact annotation lines, escaping included."""

from __future__ import annotations

import os
from pathlib import Path

from generator.cli import main
from generator.diagnostics import Diagnostic, Severity, format_github

HERE = Path(__file__).parent
CORPUS = HERE / "corpus"
GOLDEN = HERE / "golden" / "check_github.txt"


def _run_check(capsys, monkeypatch) -> tuple[int, str]:
    monkeypatch.chdir(CORPUS)  # diagnostics show paths relative to the working directory, as in CI
    code = main(["check", "--format", "github"])
    return code, capsys.readouterr().out


def test_annotations_match_golden(capsys, monkeypatch):
    code, out = _run_check(capsys, monkeypatch)
    assert code == 1
    if os.environ.get("GONGKAI_UPDATE_GOLDEN"):
        GOLDEN.write_text(out, encoding="utf-8")
    assert out == GOLDEN.read_text(encoding="utf-8")


def test_escaping_in_corpus(capsys, monkeypatch):
    _, out = _run_check(capsys, monkeypatch)
    lines = out.splitlines()
    # A comma and a colon in a file name are escaped in the property; a percent sign in the message is escaped.
    assert lines[0].startswith("::error file=catalogue/demo/notes%2Cv1%3Adraft.yaml,line=1,col=1,title=gongkai::文件位置不对。")
    enum_line = next(line for line in lines if "bad-enum.yaml" in line)
    assert enum_line.startswith(
        "::error file=catalogue/demo/powers/bad-enum.yaml,line=4,col=1,title=职权类别 (category)::职权类别 (category): “行政许可: 50%25 "
    )
    assert all(line.startswith(("::error ", "::warning ")) for line in lines)  # one annotation per line, nothing else


def test_newline_carriage_return_colon_comma_escaped():
    d = Diagnostic("a,b:c%.yaml", 3, 2, Severity.WARNING, "名称", "name", "第一行\r\n第二行: 100%, 完")
    assert format_github(d) == (
        "::warning file=a%2Cb%3Ac%25.yaml,line=3,col=2,title=名称 (name)::名称 (name): 第一行%0D%0A第二行: 100%25, 完"
    )


def test_guide_examples_are_real_check_output(monkeypatch):
    """Every `check` line quoted in the editor's guide is what check prints today for the corpus."""
    from generator.check import check_catalogue
    from generator.diagnostics import format_plain
    from generator.paths import PROJECT_ROOT

    monkeypatch.chdir(CORPUS)
    printed = {format_plain(d) for d in check_catalogue(Path("catalogue")).diagnostics}
    guide = (PROJECT_ROOT / "content" / "editing" / "errors.md").read_text(encoding="utf-8")
    quoted = [line.strip() for line in guide.splitlines() if line.startswith("    catalogue/demo/")]
    assert len(quoted) >= 8
    assert [q for q in quoted if q not in printed] == []
