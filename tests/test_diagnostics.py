"""One diagnostic type and its two formats."""

from __future__ import annotations

from generator.diagnostics import CheckSummary, Diagnostic, Severity, format_github, format_plain, sort_key, summary


def test_plain_format() -> None:
    d = Diagnostic("catalogue/a/powers/x.yaml", 3, 5, label="职权名称", key="name", message="不能为空。")
    assert format_plain(d) == "catalogue/a/powers/x.yaml:3:5: 错误: 职权名称 (name): 不能为空。"
    assert format_plain(Diagnostic("x.yaml", 1, 1, Severity.WARNING, message="m")) == "x.yaml:1:1: 警告: m"
    assert format_plain(Diagnostic("nowhere", message="目录不存在。")) == "nowhere: 错误: 目录不存在。"


def test_github_format_escapes_data_and_properties() -> None:
    d = Diagnostic("a,b:c.yaml", 2, 1, Severity.WARNING, "名称", "name", "100% 错\n第二行")
    assert format_github(d) == "::warning file=a%2Cb%3Ac.yaml,line=2,col=1,title=名称 (name)::名称 (name): 100%25 错%0A第二行"
    assert format_github(Diagnostic("x", message="m")) == "::error file=x,title=gongkai::m"


def test_sorting_and_summary() -> None:
    items = [Diagnostic("b", 1, 1), Diagnostic("a", 2, 1, Severity.WARNING), Diagnostic("a", 2, 1), Diagnostic("a", 1, 9)]
    ordered = sorted(items, key=sort_key)
    assert [(d.path, d.line, d.col, d.severity) for d in ordered] == [
        ("a", 1, 9, Severity.ERROR), ("a", 2, 1, Severity.ERROR), ("a", 2, 1, Severity.WARNING), ("b", 1, 1, Severity.ERROR)]
    assert summary(items, 7) == "检查了 7 个文件：3 个错误，1 个警告。"


def test_strict_makes_an_error() -> None:
    assert Diagnostic("x", severity=Severity.WARNING).as_error().is_error


def test_a_strict_exempt_warning_stays_a_warning() -> None:
    """A provisional deadline (no holiday notice yet) warns; --strict must not turn it into a blocking error."""
    exempt = Diagnostic("x", severity=Severity.WARNING, message="暂定", strict_exempt=True)
    assert not exempt.as_error().is_error
    assert not CheckSummary([exempt], 1).failed(strict=True)
    assert CheckSummary([exempt, Diagnostic("y", severity=Severity.WARNING)], 1).failed(strict=True)
