"""Targets, pass/miss verdicts and the Markdown table of bench/results.md."""

from __future__ import annotations

import json
from typing import Any

# Stage names as reported by bench.probe → the stage names of the issue.
STAGE_LABELS = [
    ("check", "load + validate"),
    ("charts", "charts"),
    ("pages", "pages"),
    ("mkdocs", "MkDocs engine (ProperDocs)"),
    ("search_index", "search index"),
    ("exports", "exports"),
]


def _get(data: Any, *keys: str) -> Any:
    for key in keys:
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data


def _num(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _kib(value: Any) -> float | None:
    number = _num(value)
    return None if number is None else number / 1024


def targets(size: dict, smaller: dict | None) -> list[dict]:
    """Each target with its measured value and verdict (pass / miss / n/a)."""
    cold = _num(_get(size, "build", "wall_s"))
    base = _num(_get(size, "baseline", "wall_s"))
    page = _num(_get(size, "site", "record_html_max_bytes"))
    med = _num(_get(size, "site", "record_html_median_bytes"))
    small_med = _num(_get(smaller, "site", "record_html_median_bytes")) if smaller else None
    rebuild = _num(_get(size, "rebuild", "wall_s"))
    zensical, engines_base = _num(_get(size, "engines", "zensical", "wall_s")), _num(_get(size, "engines", "baseline", "wall_s"))
    rows = [
        ("full cold build ≤ 1.5 × baseline", cold / base if cold and base else None, 1.5, "×"),
        ("Zensical cold build ≤ 1.5 × baseline (the gate for making Zensical the default)",
         zensical / engines_base if zensical and engines_base else None, 1.5, "×"),
        ("check cold ≤ 5 s", _num(_get(size, "check", "cold_s")), 5.0, "s"),
        ("check warm ≤ 1 s", _num(_get(size, "check", "warm_s")), 1.0, "s"),
        ("record-page HTML max ≤ 60 KB", page / 1024 if page else None, 60.0, "KB"),
        ("record-page HTML not growing with N (median ≤ 1.1 × smaller N)", med / small_med if med and small_med else None, 1.1, "×"),
        ("peak RSS ≤ 2 GB", _num(_get(size, "build", "peak_rss_mb")), 2048.0, "MB"),
        ("rebuild after one change ≤ 0.5 × cold", rebuild / cold if rebuild and cold else None, 0.5, "×"),
        ("serve --department first response ≤ 10 s", _num(_get(size, "serve", "department_s")), 10.0, "s"),
        ("search: index chunks + first-page fragments ≤ 300 KB per query", _kib(_get(size, "search", "max_query_bytes")), 300.0, "KB"),
        ("search: results shown ≤ 500 ms", _num(_get(size, "search", "max_ms")), 500.0, "ms"),
    ]
    return _verdicts(rows)


def _verdicts(rows: list[tuple[str, float | None, float, str]]) -> list[dict]:
    return [{"target": name, "value": None if value is None else round(value, 3), "limit": limit, "unit": unit,
             "verdict": "n/a" if value is None else ("pass" if value <= limit else "miss")} for name, value, limit, unit in rows]


def province_targets(run: dict) -> list[dict]:
    """The province run's targets: every part within 2 GB, the critical path a CI matrix sees within 1.5× of bare
    MkDocs on one part's pages, search on the assembled site, and the cold check of the whole catalogue."""
    parts = run.get("parts") if isinstance(run.get("parts"), list) else []
    base = _num(_get(run, "baseline", "wall_s"))
    critical = _num(run.get("critical_path_s"))
    return _verdicts([
        ("every part ≤ 2 GB peak RSS", max((_num(p.get("peak_rss_mb")) or 0 for p in parts), default=None), 2048.0, "MB"),
        ("critical path (slowest part + assembly) ≤ 1.5 × bare MkDocs on one part's pages", critical / base if critical and base else None, 1.5, "×"),
        ("search: index chunks + first-page fragments ≤ 300 KB per query", _kib(_get(run, "search", "max_query_bytes")), 300.0, "KB"),
        ("search: results shown ≤ 500 ms", _num(_get(run, "search", "max_ms")), 500.0, "ms"),
        (f"check cold ≤ {30 if run.get('records', 0) >= 100_000 else 5} s", _num(_get(run, "check_cold", "seconds")),
         30.0 if run.get("records", 0) >= 100_000 else 5.0, "s"),
    ])


def _province_rows(run: Any) -> list[str]:
    if not isinstance(run, dict):
        return ["Not measured (`python -m bench --sizes '' --province 100000 --append`)."]
    lines = [f"{run['records']:,} synthetic records in {run.get('departments')} departments, built as parts one after another "
             f"(a CI matrix runs them in parallel). CPU reference (bench/measure.py `cpu_reference_ms`; lower is faster) at the "
             f"start and end: {_fmt(run.get('cpu_reference_ms_start'), 'ms')}, {_fmt(run.get('cpu_reference_ms_end'), 'ms')}; "
             f"1-min load average {_fmt(run.get('loadavg_start'))} → {_fmt(run.get('loadavg_end'))}.", "",
             "| target | measured | limit | verdict |", "|---|---|---|---|"]
    for t in run.get("targets", []):
        lines.append(f"| {t['target']} | {_fmt(t['value'], t['unit'])} | {t['limit']:g} {t['unit']} | **{t['verdict']}** |")
    lines += ["", "| step | wall | peak RSS | pages | output |", "|---|---|---|---|---|"]
    for key, label in (("check_cold", "check --strict, cold (whole catalogue; median of the runs)"), ("plan", "gongkai parts (check + plan)")):
        step = run.get(key)
        runs = f" ({_fmt(step['runs'], 's')})" if isinstance(step, dict) and step.get("runs") else ""
        lines.append(f"| {label} | {_fmt(_get(run, key, 'seconds'), 's')}{runs} | {_fmt(_get(run, key, 'peak_rss_mb'), 'MB')} | | |"
                     if isinstance(step, dict) else f"| {label} | {_fmt(str(step))} | | | |")
    for part in run.get("parts") if isinstance(run.get("parts"), list) else [str(run.get("parts"))]:
        if isinstance(part, dict):
            name = "part 0 (site pages)" if part["part"] == 0 else f"part {part['part']}"
            lines.append(f"| {name} | {_fmt(part['wall_s'], 's')} | {_fmt(part['peak_rss_mb'], 'MB')} | {_fmt(part['pages'])} | {_fmt(part['output_bytes'], 'B')} |")
        else:
            lines.append(f"| parts | {_fmt(part)} | | | |")
    lines.append(f"| assemble | {_fmt(_get(run, 'assemble', 'seconds'), 's')} | {_fmt(_get(run, 'assemble', 'peak_rss_mb'), 'MB')} | | {_fmt(_get(run, 'site', 'output_bytes'), 'B')} |")
    lines.append(f"| critical path: part {run.get('slowest_part')} + assemble | {_fmt(run.get('critical_path_s'), 's')} | | | |")
    runs = _get(run, "baseline", "runs")
    bracket = f" (mean of {_fmt(runs, 's')}: before the parts, after them)" if isinstance(runs, list) else ""
    lines.append(f"| bare MkDocs on part {_get(run, 'baseline', 'part')}'s pages | {_fmt(_get(run, 'baseline', 'wall_s'), 's')}{bracket} | | {_fmt(_get(run, 'baseline', 'pages'))} | |")
    lines += ["", *_search_rows([{"records": run["records"], "search": run.get("search")}])]
    return lines


def _fmt(value: Any, unit: str = "") -> str:
    if value is None:
        return "n/a"
    if isinstance(value, str):
        return value if len(value) < 60 else value[:57] + "…"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,} {unit}".strip()
    if isinstance(value, list):
        return ", ".join(_fmt(v, unit) for v in value)
    return f"{value:g} {unit}".strip() if isinstance(value, float) else str(value)


def _stage_rows(sizes: list[dict]) -> list[str]:
    header = "| stage | " + " | ".join(f"{s['records']} records: time / peak RSS" for s in sizes) + " |"
    rows = [header, "|---|" + "---|" * len(sizes)]
    for key, label in STAGE_LABELS:
        cells = []
        for s in sizes:
            t = _get(s, "build", "stages_s", key)
            rss = _get(s, "build", "stage_rss_mb", key)
            cells.append("n/a" if t is None else f"{t:g} s / {rss:g} MB")
        rows.append(f"| {label} | " + " | ".join(cells) + " |")
    return rows


ENGINE_FIGURES = [
    ("bare MkDocs 1.6.1 + Material, no plugin (baseline)", ("engines", "baseline", "wall_s"), "s"),
    ("gongkai build, MkDocs engine: cold", ("engines", "mkdocs", "wall_s"), "s"),
    ("… against the baseline", ("engines", "mkdocs", "vs_baseline"), "×"),
    ("gongkai build, Zensical engine: cold", ("engines", "zensical", "wall_s"), "s"),
    ("… against the baseline", ("engines", "zensical", "vs_baseline"), "×"),
    ("… of which inside MkDocs, on the MkDocs engine", ("engines", "mkdocs", "stages_s", "mkdocs"), "s"),
    ("… of which inside Zensical, on the Zensical engine", ("engines", "zensical", "stages_s", "zensical"), "s"),
    ("Zensical build with its page cache kept (nothing changed)", ("engines", "zensical", "warm_s"), "s"),
    ("HTML pages written: MkDocs engine", ("engines", "mkdocs", "html_pages"), ""),
    ("HTML pages written: Zensical", ("engines", "zensical", "html_pages"), ""),
    ("Zensical site size", ("engines", "zensical", "site", "output_bytes"), "B"),
    ("Zensical peak RSS", ("engines", "zensical", "peak_rss_mb"), "MB"),
    ("the MkDocs engine was", ("engines", "mkdocs_engine"), ""),
    ("CPU reference before and after (bench/measure.py, ms; lower = faster; quiet machine ≈ 100–230)",
     ("engines", "cpu_reference_ms"), "ms"),
]


def _engine_rows(sizes: list[dict]) -> list[str]:
    rows = ["| figure | " + " | ".join(f"{s['records']} records" for s in sizes) + " |", "|---|" + "---|" * len(sizes)]
    for label, path, unit in ENGINE_FIGURES:
        rows.append(f"| {label} | " + " | ".join(_fmt(_get(s, *path), unit) for s in sizes) + " |")
    return rows


def _figure_rows(sizes: list[dict]) -> list[str]:
    figures = [
        ("synth", ("synth", "seconds"), "s"), ("check cold", ("check", "cold_s"), "s"), ("check warm", ("check", "warm_s"), "s"),
        ("full cold build (wall)", ("build", "wall_s"), "s"), ("baseline MkDocs build (wall)", ("baseline", "wall_s"), "s"),
        ("rebuild after one change", ("rebuild", "wall_s"), "s"), ("peak RSS (build)", ("build", "peak_rss_mb"), "MB"),
        ("pages", ("build", "pages"), ""), ("output size", ("site", "output_bytes"), "B"),
        ("baseline output size", ("baseline", "output_bytes"), "B"),
        ("record HTML median", ("site", "record_html_median_bytes"), "B"), ("record HTML max", ("site", "record_html_max_bytes"), "B"),
        ("serve (whole site) first response", ("serve", "full_s"), "s"),
        ("serve --department first response", ("serve", "department_s"), "s"),
    ]
    rows = ["| figure | " + " | ".join(f"{s['records']} records" for s in sizes) + " |", "|---|" + "---|" * len(sizes)]
    for label, path, unit in figures:
        rows.append(f"| {label} | " + " | ".join(_fmt(_get(s, *path), unit) for s in sizes) + " |")
    return rows


def markdown(results: dict) -> str:
    sizes = results["sizes"]
    lines = ["# Benchmark results", "", f"Machine: {results['machine']}. Repetitions per size: "
             + ", ".join(f"{s['records']} → {s['repetitions']}" for s in sizes) + " (medians reported).", "",
             "Generated by `make bench` (bench/__main__.py); do not edit by hand.", "", "## Targets", ""]
    for size in sizes:
        lines += [f"### {size['records']} records", "", "| target | measured | limit | verdict |", "|---|---|---|---|"]
        for t in size.get("targets", []):
            lines.append(f"| {t['target']} | {_fmt(t['value'], t['unit'])} | {t['limit']:g} {t['unit']} | **{t['verdict']}** |")
        lines.append("")
    lines += ["## Engines: each against bare MkDocs on the same pages", "", *_engine_rows(sizes), ""]
    lines += ["## Stages of one cold build (MkDocs engine)", "", *_stage_rows(sizes), "", "## Figures", "", *_figure_rows(sizes), ""]
    lines += ["## Search per query (cold browser, localhost)", "", *_search_rows(sizes), ""]
    lines += ["## Province: built in parts, assembled once (bench/province.py)", "", *_province_rows(results.get("province")), ""]
    lines += ["## Charts (bench/charts.py)", "", *_chart_rows(results.get("charts")), ""]
    return "\n".join(lines) + "\n"


CHART_FIGURES = [
    ("charts rendered", "charts", ""), ("synthetic catalogue", "catalogue", ""), ("1-min load average at start", "loadavg_1m_at_start", ""),
    ("waited for the load to settle", "settle_wait_s", "s"),
    ("cold SVG charts/s (target ≥ 500; median of the cold runs)", "svg_cold_per_s", "/s"),
    ("each cold run", "svg_cold_per_s_runs", "/s"), ("CPU per chart, cold", "svg_cold_cpu_ms_per_chart", "ms"),
    ("charts/s if both cores were free", "svg_cold_per_s_if_cpus_were_free", "/s"), ("dot runs, cold", "svg_cold_dot_runs", ""),
    ("dot runs, second build", "warm_dot_runs", ""), ("charts rendered, second build", "warm_rendered", ""),
]


def _chart_rows(charts: Any) -> list[str]:
    if not isinstance(charts, dict):
        return [f"Not measured: {_fmt(str(charts))}"]
    return ["| figure | value |", "|---|---|"] + [f"| {label} | {_fmt(charts.get(key), unit)} |" for label, key, unit in CHART_FIGURES]


def _search_rows(sizes: list[dict]) -> list[str]:
    rows = ["| records | query | results | index + fragments | with one-off JS/WASM | first result shown (median) | each run |",
            "|---|---|---|---|---|---|---|"]
    for size in sizes:
        search = size.get("search")
        if not isinstance(search, dict):
            rows.append(f"| {size['records']} | {_fmt(str(search))} | | | | | |")
            continue
        for q in search.get("queries", []):
            rows.append(f"| {size['records']} | {q.get('query')} | {_fmt(q.get('results_shown'))} | {_fmt(_kib(q.get('query_bytes')), 'KB')} "
                        f"| {_fmt(_kib(q.get('total_bytes')), 'KB')} | {_fmt(q.get('ms_to_first_result'), 'ms')} "
                        f"| {', '.join(_fmt(ms, 'ms') for ms in q.get('ms_runs', []))} |")
    references = [f"{s['records']} records: {_fmt(_get(s, 'search', 'cpu_reference_ms'), 'ms')}"
                  for s in sizes if _get(s, "search", "cpu_reference_ms")]
    if references:
        rows += ["", "CPU reference before and after the search runs (bench/measure.py `cpu_reference_ms`; lower is "
                 "faster, the dev VM swings about 2×): " + "; ".join(references) + "."]
    return rows


def main() -> int:
    """`python -m bench.report`: rewrite bench/results.md from bench/results.json (after editing the report code)."""
    from pathlib import Path

    folder = Path(__file__).resolve().parent
    results = json.loads((folder / "results.json").read_text(encoding="utf-8"))
    (folder / "results.md").write_text(markdown(results), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
