"""The benchmark runs end to end on a tiny catalogue and writes valid results (one repetition)."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest

from bench.__main__ import main
from bench.report import STAGE_LABELS


@pytest.fixture
def one_run_searches(chromium, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    """The bench's search figures taken with the session's browser, each query timed once.

    Playwright allows one sync driver per thread and the session's browser may already hold it (otherwise the search
    figures would be an error string). One cold run per query instead of RUNS (3): the figures keep their shape (a
    median of one run, its runs listed) at a third of the time; tests/search/test_measure.py checks the median of 3.
    """
    import generator.search.measure as search_measure

    monkeypatch.setattr(search_measure, "measure_queries", functools.partial(search_measure.measure_queries, browser=chromium, runs=1))


# The tiny bench end to end, as two `python -m bench` runs that can go to different test workers: one size (every
# stage and the engine comparison), and the province run in parts. `make bench` does both in one run (main() runs
# the sizes, then the province run, with nothing shared between them but the output files).


def test_bench_size_end_to_end_tiny(tmp_path: Path, one_run_searches) -> None:  # noqa: ANN001
    out = tmp_path / "out"
    assert main(["--sizes", "40", "--reps", "1", "--work", str(tmp_path / "work"), "--out", str(out), "--no-charts", "--no-docs",
                 "--province", "0"]) == 0
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert "province" not in results  # --province 0 skips it
    [size] = results["sizes"]
    assert size["records"] == 40
    assert isinstance(size["build"], dict), size["build"]
    assert size["build"]["wall_s"] > 0 and size["build"]["peak_rss_mb"] > 0
    assert size["build"]["stages_s"]["check"] > 0 and size["build"]["stages_s"]["pages"] > 0
    assert size["check"]["cold_s"] > 0 and size["check"]["warm_s"] > 0
    assert size["baseline"]["wall_s"] > 0
    assert size["site"]["record_pages"] > 0
    assert {t["verdict"] for t in size["targets"]} <= {"pass", "miss", "n/a"}
    assert isinstance(size["search"], dict), size["search"]
    before, after = size["search"]["cpu_reference_ms"]
    assert before > 0 and after > 0
    table = (out / "results.md").read_text(encoding="utf-8")
    assert f"40 records: {before:g} ms, {after:g} ms." in table
    for _, label in STAGE_LABELS:
        assert f"| {label} |" in table
    # Both engines built the same pages, each measured against bare MkDocs.
    engines = size["engines"]
    assert isinstance(engines["zensical"], dict), engines["zensical"]
    assert engines["zensical"]["wall_s"] > 0 and engines["zensical"]["warm_s"] > 0 and engines["zensical"]["stages_s"]["zensical"] > 0
    assert engines["zensical"]["html_pages"] == engines["mkdocs"]["html_pages"] > 40
    for engine in ("mkdocs", "zensical"):
        assert engines[engine]["vs_baseline"] == round(engines[engine]["wall_s"] / engines["baseline"]["wall_s"], 3)
    assert len(engines["cpu_reference_ms"]) == 2 and engines["mkdocs_engine"].startswith("ProperDocs ")
    assert f"| … against the baseline | {engines['zensical']['vs_baseline']:g} × |" in table
    assert any(t["target"].startswith("Zensical cold build") and t["verdict"] != "n/a" for t in size["targets"])


def test_bench_province_end_to_end_tiny(tmp_path: Path, one_run_searches) -> None:  # noqa: ANN001
    out = tmp_path / "out"
    assert main(["--sizes", "", "--work", str(tmp_path / "work"), "--out", str(out), "--no-charts", "--no-docs",
                 "--province", "60", "--province-parts", "2"]) == 0
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert results["sizes"] == []
    province = results["province"]  # the province run: 2 department parts plus the site part, then assembled
    assert [p["part"] for p in province["parts"]] == [0, 1, 2] and province["plan"]["parts"] == 2
    assert all(p["wall_s"] > 0 and p["peak_rss_mb"] > 0 and p["pages"] > 0 for p in province["parts"])
    slowest = max(p["wall_s"] for p in province["parts"])
    assert province["critical_path_s"] == round(slowest + province["assemble"]["seconds"], 3)
    assert province["site"]["record_pages"] > 0 and isinstance(province["search"], dict)
    check = province["check_cold"]  # the median of three cold checks, each run kept
    assert len(check["runs"]) == 3 and check["seconds"] == sorted(check["runs"])[1]
    baseline = province["baseline"]  # bare MkDocs before and after the parts; the critical path is set against the mean
    assert len(baseline["runs"]) == 2 and baseline["wall_s"] == round(sum(baseline["runs"]) / 2, 3) and baseline["part"] in (1, 2)
    assert {t["verdict"] for t in province["targets"]} <= {"pass", "miss", "n/a"} and len(province["targets"]) == 5
    assert "| part 0 (site pages) |" in (out / "results.md").read_text(encoding="utf-8")  # the parts' table, not "Not measured"


def test_engines_only_joins_the_earlier_figures_of_its_size(tmp_path: Path) -> None:
    from bench.__main__ import merged

    previous = tmp_path / "results.json"
    previous.write_text(json.dumps({"machine": "m", "sizes": [{"records": 1000, "check": {"cold_s": 1.0}, "targets": []}],
                                    "total_seconds": 9.0}), encoding="utf-8")
    engines = {"zensical": {"wall_s": 3.0}, "baseline": {"wall_s": 2.0}}
    result = merged(previous, {"machine": "m", "sizes": [{"records": 1000, "departments": 14, "repetitions": 1, "engines": engines,
                                                              "targets": []}],
                               "total_seconds": 1.0})
    [size] = result["sizes"]
    assert size["check"] == {"cold_s": 1.0} and size["engines"] == engines
    gate = next(t for t in size["targets"] if t["target"].startswith("Zensical cold build"))
    assert gate["value"] == 1.5 and gate["verdict"] == "pass"

def test_append_keeps_earlier_sizes_and_rejudges_targets(tmp_path: Path) -> None:
    from bench.__main__ import merged

    def size(records: int, median: int) -> dict:
        return {"records": records, "site": {"record_html_median_bytes": median}, "targets": []}

    previous = tmp_path / "results.json"
    previous.write_text(json.dumps({"machine": "m", "sizes": [size(1000, 100), size(10000, 100)], "charts": {"charts": 5},
                                    "total_seconds": 9.0}), encoding="utf-8")
    result = merged(previous, {"machine": "m", "sizes": [size(30000, 200)], "total_seconds": 1.0})
    assert [s["records"] for s in result["sizes"]] == [1000, 10000, 30000]
    assert result["charts"] == {"charts": 5}
    growth = next(t for t in result["sizes"][2]["targets"] if "not growing" in t["target"])
    assert growth["value"] == 2.0 and growth["verdict"] == "miss"  # judged against the 10,000-record size


def test_scale_page_table_converts_only_bytes() -> None:
    from bench.scale_doc import section

    def size(records: int) -> dict:
        return {"records": records, "build": {"wall_s": records / 100, "peak_rss_mb": records / 5},
                "engines": {"mkdocs": {"vs_baseline": 1.0712}},
                "site": {"output_bytes": records * 1024 * 1024}}

    rows = {line.split(" | ")[0]: line for line in section({"machine": "m", "sizes": [size(1000), size(10000)]}).splitlines()}
    assert rows["| 构建峰值内存（MB）"].endswith("| 200.0 | 2000.0 | 20000.0 | 2000.0 |")
    assert rows["| 站点输出大小（MB）"].endswith("| 1000.0 | 10000.0 | 100000.0 | 10000.0 |")
    assert rows["| MkDocs 引擎冷构建 ÷ 基线（同一次引擎对比）（倍）"].endswith("| 1.07 | 1.07 | — | — |")  # a ratio is not extrapolated



def test_engines_only_runs_no_province_and_no_charts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import bench.__main__ as entry

    def refuse(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise AssertionError("--engines-only ran more than the engine comparison")

    monkeypatch.setattr(entry, "ProvinceRun", refuse)
    monkeypatch.setattr(entry, "charts_figures", refuse)
    assert main(["--engines-only", "--sizes", "", "--province", "100000", "--work", str(tmp_path / "w"),
                 "--out", str(tmp_path / "out"), "--no-docs"]) == 0
    assert json.loads((tmp_path / "out" / "results.json").read_text(encoding="utf-8"))["sizes"] == []
