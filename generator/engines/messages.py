"""The one Chinese summary of an engine's warnings that failed a strict build; each adapter words its own warnings."""

from __future__ import annotations


def failure_message(engine: str, problems: list[str]) -> str:
    """The BuildError text for a strict build that `engine` warned about; `problems` are already in Chinese."""
    lines = [f"站点生成失败：{engine} 报告了 {len(problems)} 个问题（多为失效的链接或锚点），请改正后重新生成："]
    lines += [f"  - {problem}" for problem in problems]
    return "\n".join(lines)
