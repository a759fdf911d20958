"""Zensical's diagnostics (printed by its Rust runtime to standard error), read back and told in Chinese."""

from __future__ import annotations

import os

from generator.zensical_adapter.messages import Problem, captured_output, problems

# Zensical 0.0.73's output for two broken links on line 27 of about.md, colour codes included.
OUTPUT = (
    "Build started\n"
    "\x1b[33mWarning:\x1b[0m page does not exist\n"
    "    \x1b[38;5;246m╭\x1b[0m\x1b[38;5;246m─\x1b[0m\x1b[38;5;246m[\x1b[0m about.md:27:10 \x1b[38;5;246m]\x1b[0m\n"
    "    \x1b[38;5;246m│\x1b[0m\n"
    " \x1b[38;5;246m27 │\x1b[0m [broken](nowhere.md) and [anchor](index.md#nope)\n"
    "    │          ─────┬────  \n"
    "    │               ╰────── page does not exist\n"
    "────╯\n"
    "Warning: anchor does not exist\n"
    "    ╭─[ about.md:27:44 ]\n"
    "    │\n"
    " 27 │ [broken](nowhere.md) and [anchor](index.md#nope)\n"
    "    │                                            ──┬─  \n"
    "────╯\n"
    "Warning: something new\n"
    "2 issues found\n"
)


def test_each_problem_is_read_with_its_place_and_link() -> None:
    found = problems(OUTPUT)
    assert [(p.what, p.file, p.line, p.column) for p in found] == [
        ("page does not exist", "about.md", 27, 10), ("anchor does not exist", "about.md", 27, 44), ("something new", "", 0, 0)]
    assert [p.target() for p in found] == ["nowhere.md", "nope", ""]


def test_problems_in_chinese() -> None:
    assert [p.in_chinese() for p in problems(OUTPUT)] == [
        "页面 about.md 第 27 行中的链接“nowhere.md”指向的页面或文件不存在。",
        "页面 about.md 第 27 行中的链接指向的位置 #nope 不存在。",
        "Zensical 警告：something new（站点）",
    ]
    assert Problem("odd", "a.md", 3, 1, "x").in_chinese() == "Zensical 警告：odd（页面 a.md 第 3 行）"


def test_output_of_other_code_is_captured_at_the_file_descriptor() -> None:
    """Zensical writes from Rust, past sys.stderr: only a file-descriptor capture sees it."""
    with captured_output() as output:
        os.write(2, "Warning: from native code\n".encode())
        os.write(1, b"Build started\n")
    assert output[0] == "Warning: from native code\nBuild started\n"
    assert problems(output[0]) == [Problem("from native code")]
