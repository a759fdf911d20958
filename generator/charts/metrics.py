"""Text widths of the chart font, read from the font files themselves.

Charts set their node text themselves instead of leaving it to Graphviz: pango shaping of every label line was
~80% of dot's time. The widths come from the same Noto Sans CJK files (found the way pango finds them, through
fontconfig), so a line measured here is as wide as the browser draws it, and a node sized from it holds its text.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from generator.errors import BuildError

FONT = "Noto Sans CJK SC"

MISSING_ADVANCE = 1.0  # a character the font lacks is drawn from a fallback font: assume a full em
FONT_HINT = "请运行 make system-deps 安装 fonts-noto-cjk 和 fontconfig。"


@dataclass(frozen=True)
class FontMetrics:
    advances: dict[int, float]  # code point → advance width in em
    ascent: float  # em box above the baseline (OS/2 typo ascender), in em

    def width(self, text: str) -> float:
        """Advance width of `text` in em (kerning only ever makes a line narrower than this)."""
        get = self.advances.get
        return sum(get(ord(c), MISSING_ADVANCE) for c in text)


@lru_cache(maxsize=2)
def font_file(bold: bool) -> tuple[Path, int]:
    """The file and face index fontconfig picks for the chart font, as pango (Graphviz) and browsers do."""
    pattern = f"{FONT}:bold" if bold else FONT
    try:
        done = subprocess.run(["fc-match", "-f", "%{file}\n%{index}\n%{family}\n", pattern],
                              capture_output=True, text=True, check=False, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise BuildError(f"无法运行 fc-match 查找流程图字体：{exc}。{FONT_HINT}") from exc
    parts = done.stdout.split("\n")
    if done.returncode != 0 or len(parts) < 3 or FONT not in parts[2]:
        raise BuildError(f"找不到流程图字体 {FONT}。{FONT_HINT}")
    return Path(parts[0]), int(parts[1] or 0)


def read_metrics(path: Path, index: int) -> FontMetrics:
    from fontTools.ttLib import TTFont, TTLibError

    try:
        font = TTFont(path, fontNumber=index, lazy=True)
        per_em = font["head"].unitsPerEm
        widths = font["hmtx"].metrics
        advances = {code: widths[glyph][0] / per_em for code, glyph in font.getBestCmap().items()}
        return FontMetrics(advances, font["OS/2"].sTypoAscender / per_em)
    except (OSError, TTLibError, KeyError) as exc:
        raise BuildError(f"无法读取流程图字体 {path}：{exc}。{FONT_HINT}") from exc


@lru_cache(maxsize=2)
def metrics(bold: bool) -> FontMetrics:
    """Loaded once per process (~0.3 s a face); load both before forking workers so they share the tables."""
    return read_metrics(*font_file(bold))


def preload() -> None:
    """Read both faces now, e.g. before forking workers, which then share the tables instead of each reading them."""
    metrics(False)
    metrics(True)


@lru_cache(maxsize=1 << 16)
def line_width(text: str, size: float, bold: bool) -> float:
    """Width of one line of label text in points."""
    return metrics(bold).width(text) * size


def ascent(size: float) -> float:
    return metrics(False).ascent * size
