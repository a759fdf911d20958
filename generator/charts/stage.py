"""Compiler stage: a chart for every disclosed power and every service item with steps, never for secret powers."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from markupsafe import Markup

from generator.catalogue import Catalogue, Entry
from generator.charts.dot import chart_body_dot, chart_summary
from generator.charts.metrics import preload as preload_fonts
from generator.charts.render import DEFAULT_CACHE, ChartJob, ChartRenderer, RenderStats
from generator.render.context import relative
from generator.render.text import md_escape

if TYPE_CHECKING:
    from generator.compile import Compiled

CACHE_ENV = "GONGKAI_CHART_CACHE"  # a folder, or "off" to render without a cache


def charted_entries(catalogue: Catalogue, wanted: Callable[[Entry], bool] = lambda entry: True) -> list[Entry]:
    """Disclosed powers (all of them) and service items that describe their steps, in id order; `wanted`: only
    among these entries (one part of a split build: those whose chart it writes)."""
    chosen = [e for e in catalogue.public() if wanted(e) and (e.kind == "powers" or (e.kind == "services" and e.steps))]
    return sorted(chosen, key=lambda e: e.id)


def chart_cache_dir(project_root: Path) -> Path | None:
    configured = os.environ.get(CACHE_ENV)
    if configured == "off":
        return None
    return Path(configured) if configured else project_root / DEFAULT_CACHE


def chart_path(entry: Entry) -> str:
    return f"charts/{entry.id}.svg"


def chart_markup(entry: Entry) -> Markup:
    """The chart block of a record page, kept out of the search index: a thumbnail (wide screens only: on a phone its
    text would be ~4 px; the steps below it are the phone's text-first flow), the viewer button, downloads.

    The viewer (zoom, pan, keyboard, touch, print on A4) and the PNG are drawn in the reader's browser
    (overrides/assets/gongkai/chart.js). Without JavaScript the buttons stay hidden and the links open the SVG."""
    svg = relative(entry.url + ".md", chart_path(entry))
    title, _ = chart_summary(entry)
    alt = md_escape(title)
    return Markup(
        f'<div class="gk-chart" data-pagefind-ignore="all" data-gk-chart="{md_escape(title)}" markdown>\n\n'
        f'[![{alt}]({svg}){{ loading=lazy }}]({svg}){{ .gk-chart__thumb }}\n\n'
        '<button type="button" class="md-button md-button--primary gk-chart__open" data-gk-open hidden>'
        "查看流程图（可放大、拖动）</button>\n"
        f'[打开流程图原图]({svg}){{ .gk-chart__raw }} · 下载：[SVG 矢量图]({svg}){{ download }}'
        f' <button type="button" class="md-button gk-chart__png" data-gk-png="{entry.id}.png" hidden>'
        "下载 PNG 图片</button> <span class=\"gk-chart__status\" data-gk-png-status role=\"status\"></span>\n\n"
        '<p class="gk-print-only">权力运行流程图在网页上点“查看流程图”后可单独打印（A4 横向，文字清晰）。</p>\n\n'
        "</div>"
    )


def _job(entry: Entry) -> ChartJob:
    return ChartJob(entry.id, chart_body_dot(entry), *chart_summary(entry))


def chart_jobs(entries: list[Entry]) -> list[ChartJob]:
    """DOT source and summary for every entry, in this process."""
    preload_fonts()
    return [_job(e) for e in entries]


def render_charts(entries: list[Entry], renderer: ChartRenderer) -> dict[str, bytes]:
    """Site path → file content for every chart of `entries`; the renderer's workers build the DOT themselves."""
    preload_fonts()  # before any worker is forked, so none reads the font again
    outputs = renderer.render_from(len(entries), lambda start, end: [_job(e) for e in entries[start:end]])
    return {chart_path(entry): out["svg"] for entry, out in zip(entries, outputs)}


def stage_charts(compiled: Compiled, cache_dir: Path | None) -> RenderStats:
    """Render the charts into the bundle and register the `chart` value for record pages."""
    entries = charted_entries(compiled.checked.catalogue, lambda e: compiled.owns(chart_path(e)))
    renderer = ChartRenderer(cache_dir)
    for path, content in sorted(render_charts(entries, renderer).items()):
        compiled.bundle.add_file(path, content)
    charted = {e.id for e in entries}
    compiled.extras.append(lambda entry: {"chart": chart_markup(entry)} if entry.id in charted and not entry.is_secret else {})
    return renderer.stats
