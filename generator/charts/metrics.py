"""Text widths of the chart font, read from the font files themselves.

Charts set their node text themselves instead of leaving it to Graphviz: pango shaping of every label line was
~80% of dot's time. The widths come from the same Noto Sans CJK files (found the way pango finds them, through
fontconfig), so a line measured here is as wide as the browser draws it, and a node sized from it holds its text.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import subprocess
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from generator.errors import BuildError

FONT = "Noto Sans CJK SC"

CACHE_FORMAT = 1  # bump when the cached table's meaning changes
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
    """The face's metrics, from a small cache file when one matches the font file (reading the font itself with
    fontTools takes ~0.5 s a face, which every build would pay)."""
    cached = _cache_file(path, index)
    try:
        data = json.loads(cached.read_text(encoding="utf-8"))
        return FontMetrics({int(k): v for k, v in data["advances"].items()}, data["ascent"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    found = _read_font(path, index)
    _write_cache(cached, found)
    return found


def _cache_file(path: Path, index: int) -> Path:
    """Beside fontconfig's own cache: metrics are a property of the installed font, not of a project."""
    try:
        info = path.stat()
    except OSError as exc:
        raise BuildError(f"无法读取流程图字体 {path}：{exc}。{FONT_HINT}") from exc
    stamp = hashlib.sha256(f"{CACHE_FORMAT}:{path.resolve()}:{index}:{info.st_size}:{info.st_mtime_ns}".encode()).hexdigest()
    return _user_cache() / "gongkai" / "font-metrics" / f"{stamp[:32]}.json"


def _user_cache() -> Path:
    if os.environ.get("XDG_CACHE_HOME"):
        return Path(os.environ["XDG_CACHE_HOME"])
    try:
        return Path.home() / ".cache"
    except RuntimeError:  # no home directory (some CI users): the cache is only a speed-up
        return Path(tempfile.gettempdir())


def _write_cache(cached: Path, found: FontMetrics) -> None:
    # Only characters narrower or wider than one em: most of the face is CJK, and a missing entry reads as 1 em.
    data = {"ascent": found.ascent, "advances": {str(k): v for k, v in sorted(found.advances.items()) if v != MISSING_ADVANCE}}
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
        partial.replace(cached)
    except OSError:
        pass  # a cache that cannot be written only costs time


def _read_font(path: Path, index: int) -> FontMetrics:
    from fontTools.ttLib import TTFont, TTLibError

    try:
        font = TTFont(path, fontNumber=index, lazy=True)
        per_em = font["head"].unitsPerEm
        widths = font["hmtx"].metrics
        advances = {code: widths[glyph][0] / per_em for code, glyph in font.getBestCmap().items()}
        return FontMetrics(advances, font["OS/2"].sTypoAscender / per_em)
    except (OSError, TTLibError, KeyError, AssertionError, struct.error) as exc:
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
