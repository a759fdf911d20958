"""Batched rendering: hostile text renders safely, output is byte-identical, the cache skips Graphviz."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from generator.charts.dot import chart_body_dot, chart_dot, chart_summary
from generator.charts.render import ChartJob, ChartRenderer
from generator.errors import BuildError
from tests.charts.entries import HOSTILE, TEMPLATES, make_entry

SVG_ONLY = ("svg",)


def jobs_for(entries, body: bool = True) -> list[ChartJob]:
    """Jobs as the build makes them: the chart without its legend (the renderer adds the shared one)."""
    return [ChartJob(e.id, chart_body_dot(e) if body else chart_dot(e), *chart_summary(e)) for e in entries]


@pytest.fixture(scope="module")
def hostile_svgs() -> list[bytes]:
    entries = [make_entry(t, h) for h in HOSTILE for t in ("licensing", "penalty-general")]
    return [o["svg"] for o in ChartRenderer(None).render(jobs_for(entries))]


def test_hostile_strings_render_to_safe_svg(hostile_svgs: list[bytes]):
    assert len(hostile_svgs) == 2 * len(HOSTILE)
    for svg in hostile_svgs:
        root = ET.fromstring(svg)
        tags = {el.tag.rsplit("}", 1)[-1] for el in root.iter()}
        assert not tags & {"a", "script", "image", "foreignObject", "use", "style"}
        for el in root.iter():
            for key, value in el.attrib.items():
                assert not key.rsplit("}", 1)[-1].lower().startswith("on") and "href" not in key.lower()
                assert "javascript:" not in value.lower() and "url(" not in value.lower() and "http" not in value
        assert "<!--" not in svg.decode() and root.get("role") == "img"


def test_every_template_renders_without_warnings():
    entries = [make_entry(t) for t in sorted(TEMPLATES)]
    outputs = ChartRenderer(None).render(jobs_for(entries))
    assert len(outputs) == len(entries) and all(o["svg"].startswith(b"<?xml") for o in outputs)


def test_output_is_byte_identical_and_independent_of_batch_position(tmp_path):
    first = jobs_for([make_entry("licensing")])
    mixed = jobs_for([make_entry("levy"), make_entry("benefit"), make_entry("licensing")])
    a = ChartRenderer(None).render(first)[0]
    b = ChartRenderer(None, workers=1).render(mixed)[2]
    assert a == b and a["svg"].startswith(b"<?xml")


def test_second_render_runs_dot_zero_times(tmp_path):
    jobs = jobs_for([make_entry(t) for t in ("licensing", "inspection", "levy")])
    cold = ChartRenderer(tmp_path)
    first = cold.render(jobs)
    assert cold.stats.rendered == 3 and cold.stats.dot_runs >= 1
    warm = ChartRenderer(tmp_path)
    assert warm.render(jobs) == first
    assert warm.stats.dot_runs == 0 and warm.stats.rendered == 0 and warm.stats.cached == 3


def test_broken_graph_is_a_build_error():
    bad = 'digraph g { n [fontname="NoSuchFontAnywhere" label="中文"]; }\n'
    with pytest.raises(BuildError):
        # an unknown font alone may resolve to a fallback; a broken graph must fail either way
        ChartRenderer(None).render([ChartJob("x", bad + "digraph { -> }\n", "t", "d")])


def test_stderr_warning_fails_the_build(monkeypatch):
    from generator.charts import batch

    class Done:
        returncode, stdout = 0, b""
        stderr = b"Warning: no value for width of non-ASCII character 228. Falling back to width of space character\n"

    monkeypatch.setattr(batch.subprocess, "run", lambda *a, **k: Done())
    with pytest.raises(BuildError, match="中文字体"):
        batch.run_dot(["digraph {}"], SVG_ONLY, ["x"])


def test_svg_carries_the_shared_legend_and_the_whole_graph_dot_has_it_inside():
    from generator.charts.dot import chart_body_dot, with_legend
    from generator.charts.legend import LINES, SHAPES

    entry = make_entry("licensing")
    body = chart_body_dot(entry)
    assert "图例" not in body and chart_dot(entry) == with_legend(body) and "cluster_legend" in with_legend(body)
    svg = ChartRenderer(None).render(jobs_for([entry], body=True))[0]["svg"].decode()
    text = "".join("".join(ET.fromstring(svg).itertext()).split())  # labels wrap over several <text> lines
    for _, label in SHAPES + LINES:
        assert "".join(label.split()) in text
    assert "图例" in text and svg.count("<svg") == 1


def test_every_node_and_edge_note_is_set_in_the_svg():
    from tests.charts.labels import label_text

    entry = make_entry("penalty-general")
    svg = ChartRenderer(None).render(jobs_for([entry]))[0]["svg"].decode()
    shown = "".join("".join(ET.fromstring(svg).itertext()).split())
    parts = [part for part in label_text(chart_body_dot(entry)).split("\n") if part]
    assert len(parts) > 10
    missing = [part for part in parts if part not in shown]  # each node's lines, in order, as one run of text
    assert not missing
    assert "终结" in parts and "不服决定" in parts


def test_forked_workers_build_render_and_cache_the_same_charts(tmp_path, monkeypatch):
    """The worker path (DOT built, looked up and rendered per range in forked workers) gives what one process gives."""
    from generator.charts import render

    entries = [make_entry(t) for t in sorted(TEMPLATES)]
    alone = ChartRenderer(None, workers=1).render(jobs_for(entries))
    monkeypatch.setattr(render, "PARALLEL_FROM", 1)
    cold = ChartRenderer(tmp_path, workers=2, batch_size=3)
    made = []
    outputs = cold.render_from(len(entries), lambda a, b: made.append((a, b)) or jobs_for(entries[a:b]))
    assert outputs == alone and made == []  # built in the workers, not here
    assert cold.stats.rendered == len(entries) and cold.stats.dot_runs == -(-len(entries) // 3)
    warm = ChartRenderer(tmp_path, workers=2, batch_size=3)
    assert warm.render_from(len(entries), lambda a, b: jobs_for(entries[a:b])) == alone
    assert warm.stats.cached == len(entries) and warm.stats.rendered == 0 and warm.stats.dot_runs == 0
