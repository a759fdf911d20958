"""Zensical's diagnostics, captured during a build and told to editors in Chinese.

Zensical's Rust runtime prints each problem to the process's standard error (not through Python logging), as a
"Warning: <what>" line, a "╭─[ <file>:<line>:<column> ]" location and the source line. The build captures both
output streams at the file-descriptor level (captured_output) and reads the problems back from that text.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_PROBLEM = re.compile(r"^(?P<level>Warning|Error): (?P<what>.+)\n\s*╭─\[ (?P<file>.+?):(?P<line>\d+):(?P<column>\d+) \]\n"
                      r"(?:\s*│\s*\n)?\s*(?P=line) │ (?P<source>.*)$", re.M)
_BARE = re.compile(r"^(?P<level>Warning|Error): (?P<what>.+)$", re.M)
_TARGET = re.compile(r"[^\s)\]\"'<>]+")


@dataclass(frozen=True)
class Problem:
    what: str
    file: str = ""
    line: int = 0
    column: int = 0
    source: str = ""

    def target(self) -> str:
        """The link text the column points at (a URL, or an anchor after its #)."""
        match = _TARGET.match(self.source[self.column - 1:]) if self.column else None
        return match.group(0) if match else ""

    def in_chinese(self) -> str:
        where = f"页面 {self.file} 第 {self.line} 行" if self.file else "站点"
        if self.what == "page does not exist":
            return f"{where}中的链接“{self.target()}”指向的页面或文件不存在。"
        if self.what == "anchor does not exist":
            return f"{where}中的链接指向的位置 #{self.target()} 不存在。"
        return f"Zensical 警告：{self.what}（{where}）"


def problems(output: str) -> list[Problem]:
    """Every Warning/Error block in Zensical's output, in order; one without a location is kept as its text."""
    text = _ANSI.sub("", output)
    found = []
    located = {m.start(): m for m in _PROBLEM.finditer(text)}
    for bare in _BARE.finditer(text):
        m = located.get(bare.start())
        if m is None:
            found.append(Problem(bare["what"].strip()))
        else:
            found.append(Problem(m["what"].strip(), m["file"], int(m["line"]), int(m["column"]), m["source"]))
    return found


@contextmanager
def captured_output() -> Iterator[list[str]]:
    """Standard output and error of this process (Rust's included) while the block runs; the text is appended to
    the yielded list when the block ends."""
    into: list[str] = []
    sys.stdout.flush()
    sys.stderr.flush()
    saved = os.dup(1), os.dup(2)
    with tempfile.TemporaryFile() as sink:
        os.dup2(sink.fileno(), 1)
        os.dup2(sink.fileno(), 2)
        try:
            yield into
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            os.close(saved[0])
            os.close(saved[1])
            sink.seek(0)
            into.append(sink.read().decode("utf-8", errors="replace"))
