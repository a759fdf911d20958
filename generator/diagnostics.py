"""One diagnostic type shared by every stage, and its two output formats."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace
from typing import Iterable


class Severity(enum.Enum):
    ERROR = "错误"
    WARNING = "警告"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """A problem in one file. `loc` is the key path inside the document, resolved to line/col lazily."""

    path: str
    line: int = 0
    col: int = 0
    severity: Severity = field(default=Severity.ERROR, compare=False)
    label: str = ""  # Chinese field name
    key: str = ""  # YAML key
    message: str = ""
    loc: tuple[str | int, ...] = field(default=(), compare=False)
    # A warning about something no editor can fix (a holiday notice not yet published): --strict keeps it a warning,
    # because turning it into an error would block a publication the law requires.
    strict_exempt: bool = field(default=False, compare=False)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def as_error(self) -> Diagnostic:
        return self if self.strict_exempt else replace(self, severity=Severity.ERROR)

    def subject(self) -> str:
        if self.label and self.key:
            return f"{self.label} ({self.key}): "
        return f"{self.label or self.key}: " if (self.label or self.key) else ""


def format_plain(d: Diagnostic) -> str:
    where = f"{d.path}:{d.line}:{d.col}" if d.line else d.path  # a folder or a whole file has no line
    return f"{where}: {d.severity.value}: {d.subject()}{d.message}"


def _escape_github_data(text: str) -> str:
    # https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts (escapeData)
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_github_property(text: str) -> str:
    return _escape_github_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(d: Diagnostic) -> str:
    level = "error" if d.is_error else "warning"
    props = [f"file={_escape_github_property(d.path)}"]
    if d.line:
        props.append(f"line={d.line}")
    if d.col:
        props.append(f"col={d.col}")
    title = d.subject().rstrip(": ") or "gongkai"
    props.append(f"title={_escape_github_property(title)}")
    return f"::{level} {','.join(props)}::{_escape_github_data(d.subject() + d.message)}"


FORMATTERS = {"plain": format_plain, "github": format_github}


def sort_key(d: Diagnostic) -> tuple:
    return (d.path, d.line, d.col, d.severity is not Severity.ERROR, d.key, d.message)


def summary(diagnostics: Iterable[Diagnostic], files: int) -> str:
    items = list(diagnostics)
    errors = sum(d.is_error for d in items)
    warnings = len(items) - errors
    return f"检查了 {files} 个文件：{errors} 个错误，{warnings} 个警告。"


@dataclass
class CheckSummary:
    """What `gongkai check` prints and exits with: the diagnostics and how many files were read."""

    diagnostics: list[Diagnostic]
    files: int

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    def failed(self, strict: bool = False) -> bool:
        return bool(self.errors) or (strict and any(not d.strict_exempt for d in self.diagnostics))
