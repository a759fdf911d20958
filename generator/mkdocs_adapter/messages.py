"""MkDocs' warnings, collected during a build and told to editors in Chinese.

MkDocs reports broken links and anchors (its `validation:` settings) only as log records. `gongkai build` treats
every warning as fatal, so the editor needs to read which page links where; the common link messages are
rephrased in Chinese, anything else is passed on verbatim after a Chinese prefix.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from generator.engines.messages import failure_message as engine_failure

_DOC = r"Doc file '(?P<src>.+?)' contains "
_SUGGEST = r"(?: Did you mean '(?P<suggest>.+?)'\?)?$"

_PATTERNS: list[tuple[re.Pattern[str], Callable[[dict[str, str]], str]]] = [
    (
        re.compile(_DOC + r"a link '(?P<url>.+?)', but the target(?: '.+?')? is not found among documentation files\." + _SUGGEST),
        lambda m: f"页面 {m['src']} 中的链接“{m['url']}”指向的页面或文件不存在。",
    ),
    (
        re.compile(_DOC + r"a link '(?P<url>.+?)', but the doc '(?P<doc>.+?)' does not contain an anchor '#(?P<anchor>.+?)'\."),
        lambda m: f"页面 {m['src']} 中的链接“{m['url']}”指向的位置 #{m['anchor']} 在 {m['doc']} 中不存在。",
    ),
    (
        re.compile(_DOC + r"a link '(?P<url>.+?)', but there is no such anchor on this page\."),
        lambda m: f"页面 {m['src']} 中的链接“{m['url']}”指向的位置在本页不存在。",
    ),
    (
        re.compile(_DOC + r"an unrecognized relative link '(?P<url>.+?)', it was left as is\." + _SUGGEST),
        lambda m: f"页面 {m['src']} 中的相对链接“{m['url']}”无法识别：请链接到具体的 .md 文件。",
    ),
    (
        re.compile(_DOC + r"an absolute link '(?P<url>.+?)', it was left as is\." + _SUGGEST),
        lambda m: f"页面 {m['src']} 中的链接“{m['url']}”以 / 开头：请改用相对链接，否则发布到修订子目录后会失效。",
    ),
]


def in_chinese(message: str) -> str:
    """One MkDocs warning as an editor-facing Chinese sentence (with MkDocs' suggestion, if it made one)."""
    for pattern, say in _PATTERNS:
        match = pattern.match(message)
        if match:
            groups = {k: v for k, v in match.groupdict().items() if v is not None}
            text = say(groups)
            return text + (f"是否应为“{groups['suggest']}”？" if "suggest" in groups else "")
    return f"MkDocs 警告：{message}"


def failure_message(messages: list[str]) -> str:
    """The BuildError text for a build that MkDocs warned about (strict: every warning fails the build)."""
    return engine_failure("MkDocs", [in_chinese(m) for m in messages])


class WarningCollector(logging.Handler):
    """Keeps the text of every WARNING-or-worse record logged under `mkdocs` during one build."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())
