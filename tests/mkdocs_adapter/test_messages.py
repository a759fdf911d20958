"""MkDocs' link warnings, told in Chinese (generator/mkdocs_adapter/messages.py)."""

from __future__ import annotations

import logging

import pytest

from generator.mkdocs_adapter.messages import WarningCollector, failure_message, in_chinese


@pytest.mark.parametrize(
    ("warning", "chinese"),
    [
        ("Doc file 'a.md' contains a link 'b.md', but the target is not found among documentation files.",
         "页面 a.md 中的链接“b.md”指向的页面或文件不存在。"),
        ("Doc file 'x/a.md' contains a link '../b.md', but the target 'b.md' is not found among documentation files. "
         "Did you mean '../c.md'?", "页面 x/a.md 中的链接“../b.md”指向的页面或文件不存在。是否应为“../c.md”？"),
        ("Doc file 'a.md' contains a link 'b.md#x', but the doc 'b.md' does not contain an anchor '#x'.",
         "页面 a.md 中的链接“b.md#x”指向的位置 #x 在 b.md 中不存在。"),
        ("Doc file 'a.md' contains a link '#x', but there is no such anchor on this page.",
         "页面 a.md 中的链接“#x”指向的位置在本页不存在。"),
        ("Doc file 'a.md' contains an unrecognized relative link 'b/', it was left as is.",
         "页面 a.md 中的相对链接“b/”无法识别：请链接到具体的 .md 文件。"),
        ("Doc file 'a.md' contains an absolute link '/b/', it was left as is. Did you mean 'b.md'?",
         "页面 a.md 中的链接“/b/”以 / 开头：请改用相对链接，否则发布到修订子目录后会失效。是否应为“b.md”？"),
        ("Something else entirely.", "MkDocs 警告：Something else entirely."),
    ],
)
def test_known_warnings_read_in_chinese(warning: str, chinese: str) -> None:
    assert in_chinese(warning) == chinese


def test_failure_message_lists_every_warning() -> None:
    text = failure_message(["Doc file 'a.md' contains a link '#x', but there is no such anchor on this page.", "other"])
    assert text.splitlines() == [
        "站点生成失败：MkDocs 报告了 2 个问题（多为失效的链接或锚点），请改正后重新生成：",
        "  - 页面 a.md 中的链接“#x”指向的位置在本页不存在。",
        "  - MkDocs 警告：other",
    ]


def test_collector_keeps_warnings_only() -> None:
    logger = logging.getLogger("mkdocs.test_messages")
    collector = WarningCollector()
    logger.addHandler(collector)
    try:
        logger.info("built")
        logger.warning("link %s", "broken")
    finally:
        logger.removeHandler(collector)
    assert collector.messages == ["link broken"]
