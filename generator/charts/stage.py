"""Compiler stage: a chart for every disclosed power and every service item with steps, never for secret powers."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup

from generator.catalogue import Catalogue, Entry
from generator.charts.dot import chart_dot, chart_summary
from generator.charts.render import DEFAULT_CACHE, ChartJob, ChartRenderer, RenderStats
from generator.render.context import relative
from generator.render.text import md_escape

if TYPE_CHECKING:
    from generator.compile import Compiled

CACHE_ENV = "GONGKAI_CHART_CACHE"  # a folder, or "off" to render without a cache


def charted_entries(catalogue: Catalogue) -> list[Entry]:
    """Disclosed powers (all of them) and service items that describe their steps, in id order."""
    chosen = [e for e in catalogue.public() if not e.is_secret and (e.kind == "powers" or (e.kind == "services" and e.steps))]
    return sorted(chosen, key=lambda e: e.id)


def chart_cache_dir(project_root: Path) -> Path | None:
    configured = os.environ.get(CACHE_ENV)
    if configured == "off":
        return None
    return Path(configured) if configured else project_root / DEFAULT_CACHE


def chart_paths(entry: Entry) -> tuple[str, str]:
    return f"charts/{entry.id}.svg", f"charts/{entry.id}.png"


def chart_markup(entry: Entry) -> Markup:
    """The chart block of a record page: zoomable image, full-size link, downloads; kept out of the search index."""
    page = entry.url + ".md"
    svg, png = (relative(page, p) for p in chart_paths(entry))
    title, _ = chart_summary(entry)
    alt = md_escape(title)
    return Markup(
        '<div class="gk-chart" data-pagefind-ignore="all" markdown style="overflow:auto">\n\n'
        f'[![{alt}]({svg}){{ loading=lazy width="100%" }}]({svg} "点击查看大图（可缩放）")\n\n'
        f'点击流程图可打开大图并缩放。下载：[SVG 矢量图]({svg}){{ download }} · [PNG 图片]({png}){{ download }}\n\n'
        "</div>"
    )


def render_charts(entries: list[Entry], renderer: ChartRenderer) -> dict[str, bytes]:
    """Site path → file content for every chart of `entries`."""
    jobs = [ChartJob(e.id, chart_dot(e), *chart_summary(e)) for e in entries]
    files: dict[str, bytes] = {}
    for entry, outputs in zip(entries, renderer.render(jobs)):
        svg_path, png_path = chart_paths(entry)
        files[svg_path] = outputs["svg"]
        if "png" in outputs:
            files[png_path] = outputs["png"]
    return files


def stage_charts(compiled: Compiled, cache_dir: Path | None) -> RenderStats:
    """Render the charts into the bundle and register the `chart` value for record pages."""
    entries = charted_entries(compiled.checked.catalogue)
    renderer = ChartRenderer(cache_dir)
    for path, content in sorted(render_charts(entries, renderer).items()):
        compiled.bundle.add_file(path, content)
    charted = {e.id for e in entries}
    compiled.extras.append(lambda entry: {"chart": chart_markup(entry)} if entry.id in charted and not entry.is_secret else {})
    return renderer.stats
