"""Write the measured section of content/scale.md from bench/results.json (never hand-written numbers).

Usage: `python -m bench.scale_doc` (also run at the end of `make bench`). Only the text between the two
markers is replaced; the rest of the page is ordinary documentation.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from bench.config import PROJECT

PAGE = PROJECT / "content" / "scale.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
PROVINCE = 100_000


def _value(size: dict, *keys: str) -> float | None:
    data: Any = size
    for key in keys:
        data = data.get(key) if isinstance(data, dict) else None
    if isinstance(data, list) and data and all(isinstance(x, (int, float)) for x in data):
        data = max(data)  # a reference taken before and after: the slower state counts
    return float(data) if isinstance(data, (int, float)) and not isinstance(data, bool) else None


def linear(points: list[tuple[int, float]], at: int) -> float | None:
    """The measured value at `at` if there is one; else the straight line through the two largest sizes (the
    fixed cost, e.g. startup, is its intercept)."""
    measured = dict(points)
    if at in measured:
        return measured[at]
    if len(points) < 2:
        return None
    (n1, y1), (n2, y2) = sorted(points)[-2:]
    return y1 + (y2 - y1) / (n2 - n1) * (at - n1)


# label, where in results.json, unit shown, divisor from the stored unit to the shown one
FIGURES = [
    ("完整冷构建", ("build", "wall_s"), "秒", 1),
    ("基线（纯 MkDocs + Material）构建", ("baseline", "wall_s"), "秒", 1),
    ("MkDocs 引擎冷构建 ÷ 基线（同一次引擎对比）", ("engines", "mkdocs", "vs_baseline"), "倍", 1),
    ("Zensical 引擎完整冷构建", ("engines", "zensical", "wall_s"), "秒", 1),
    ("Zensical 引擎冷构建 ÷ 基线（同一次引擎对比）", ("engines", "zensical", "vs_baseline"), "倍", 1),
    ("引擎对比时的 CPU 参考值（越低越快，空闲时约 100～230）", ("engines", "cpu_reference_ms"), "毫秒", 1),
    ("check（无缓存）", ("check", "cold_s"), "秒", 1),
    ("check（有缓存）", ("check", "warm_s"), "秒", 1),
    ("修改一条记录后重建", ("rebuild", "wall_s"), "秒", 1),
    ("构建峰值内存", ("build", "peak_rss_mb"), "MB", 1),
    ("站点输出大小", ("site", "output_bytes"), "MB", 1024 * 1024),
]


def _show(value: float | None, divisor: int, unit: str = "") -> str:
    return "—" if value is None else f"{value / divisor:.2f}" if unit == "倍" else f"{value / divisor:.1f}"


def section(results: dict) -> str:
    sizes = [s for s in results.get("sizes", []) if isinstance(s.get("build"), dict)]
    if not sizes:
        return "（尚无基准测试结果。运行 `make bench` 后本节自动生成。）"
    head = "| 指标 | " + " | ".join(f"{s['records']:,} 条（实测）" for s in sizes) + f" | {PROVINCE:,} 条（外推） | 单个作业 {PROVINCE // 10:,} 条 × 10（外推） |"
    lines = [f"以下数字由 `make bench` 在 {results.get('machine', '')} 上实测并自动写入，外推按最大两个实测规模做线性拟合。", "",
             head, "|---|" + "---|" * (len(sizes) + 2)]
    for label, keys, unit, divisor in FIGURES:
        points = [(s["records"], v) for s in sizes if (v := _value(s, *keys)) is not None]
        ratio = unit in ("倍", "毫秒")  # a ratio or the machine's state is not extrapolated
        whole = None if ratio else linear(points, PROVINCE)
        per_job = None if ratio else linear(points, PROVINCE // 10)
        cells = [_show(_value(s, *keys), divisor, unit) for s in sizes] + [_show(whole, divisor, unit), _show(per_job, divisor, unit)]
        lines.append(f"| {label}（{unit}） | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def refresh(results: dict, page: Path = PAGE) -> bool:
    if not page.is_file():
        return False
    text = page.read_text(encoding="utf-8")
    if START not in text or END not in text:
        return False
    before, rest = text.split(START, 1)
    after = rest.split(END, 1)[1]
    page.write_text(f"{before}{START}\n{section(results)}\n{END}{after}", encoding="utf-8")
    return True


def main() -> int:
    results = json.loads((PROJECT / "bench" / "results.json").read_text(encoding="utf-8"))
    return 0 if refresh(results) else 1


if __name__ == "__main__":
    sys.exit(main())
