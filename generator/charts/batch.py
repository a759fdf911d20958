"""Run Graphviz on many graphs per process and split its concatenated output back into one file per graph."""

from __future__ import annotations

import shutil
import subprocess

from generator.errors import BuildError

SVG_START = b"<?xml"
SVG_END = b"</svg>\n"
FLAGS = {"svg": "-Tsvg"}  # dpi (below) does not change the SVG, which is always in points
BOUNDS = {"svg": (SVG_START, SVG_END)}
# A chart takes ~1 ms of dot (tens of ms on a busy 2-core machine); a graph dot cannot lay out must not hang the build.
TIMEOUT_BASE_SECONDS = 60.0
TIMEOUT_PER_CHART_SECONDS = 0.2


def timeout_for(charts: int) -> float:
    return TIMEOUT_BASE_SECONDS + TIMEOUT_PER_CHART_SECONDS * charts


def dot_binary() -> str:
    found = shutil.which("dot")
    if not found:
        raise BuildError("找不到 Graphviz 的 dot 命令。请运行 make system-deps 安装 graphviz 和 fonts-noto-cjk。")
    return found


def split_output(data: bytes, count: int, formats: tuple[str, ...]) -> list[dict[str, bytes]]:
    """dot writes, for each graph in order, one output per -T flag; cut the stream at format boundaries."""
    results: list[dict[str, bytes]] = []
    pos = 0
    for _ in range(count):
        one: dict[str, bytes] = {}
        for fmt in formats:
            start, end_marker = BOUNDS[fmt]
            end = data.find(end_marker, pos) if data.startswith(start, pos) else -1
            if end < 0:
                raise BuildError("无法解析 Graphviz 的输出：流程图数量或格式与输入不符。")
            end += len(end_marker)
            one[fmt] = data[pos:end]
            pos = end
        results.append(one)
    if pos != len(data):
        raise BuildError("Graphviz 输出了多余的内容，流程图数量与输入不符。")
    return results


def run_dot(sources: list[str], formats: tuple[str, ...], names: list[str]) -> list[dict[str, bytes]]:
    """One dot process for all `sources`; any message on stderr (e.g. a missing CJK font width) fails the build."""
    flags = [FLAGS[fmt] for fmt in formats] + ["-Gdpi=72"]
    shown = "、".join(names[:5]) + ("等" if len(names) > 5 else "")
    limit = timeout_for(len(sources))
    try:
        done = subprocess.run([dot_binary(), *flags], input="".join(sources).encode("utf-8"),
                              capture_output=True, check=False, env=_env(), timeout=limit)
    except subprocess.TimeoutExpired:  # run() has killed it
        raise BuildError(f"Graphviz 在 {limit:.0f} 秒内没有画完流程图（{shown}），已停止。请检查这些记录的办理步骤是否异常复杂"
                         "（如极多的步骤或分支），或稍后在空闲时重试。") from None
    except OSError as exc:
        raise BuildError(f"无法运行 Graphviz：{exc}") from exc
    if done.returncode < 0 and len(sources) > 1:  # Graphviz crashed: halve the batch so one bad graph is isolated
        half = len(sources) // 2
        return run_dot(sources[:half], formats, names[:half]) + run_dot(sources[half:], formats, names[half:])
    messages = done.stderr.decode("utf-8", "replace").strip()
    if done.returncode != 0 or messages:
        hint = "（中文字体宽度未知：请安装 fonts-noto-cjk 和 Graphviz 的 pango 插件）" if "non-ASCII" in messages or "font" in messages.lower() else ""
        raise BuildError(f"Graphviz 渲染流程图（{shown}）时报错{hint}：{messages[:2000] or done.returncode}")
    return split_output(done.stdout, len(sources), formats)


def _env() -> dict[str, str]:
    """A fixed environment: locale and fontconfig settings must not change the output."""
    import os

    keep = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "FONTCONFIG_FILE", "FONTCONFIG_PATH", "XDG_CACHE_HOME")}
    return {**keep, "LC_ALL": "C.UTF-8", "SOURCE_DATE_EPOCH": "0"}
