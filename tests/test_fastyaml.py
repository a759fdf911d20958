"""The fast C loader must give exactly what the reference (ruamel) loader gives, or step aside."""

from __future__ import annotations

import math
import random
import re
from pathlib import Path
from typing import Any

import pytest

from generator import fastyaml
from generator.load import _fast_yaml, _parse, _reference_load
from generator.paths import PROJECT_ROOT

CORPUS_FOLDERS = ("catalogue", "flowcharts", "calendar", "tests")


def _corpus() -> list[Path]:
    """Every YAML file of the project: the sample catalogue, templates, calendars, fixtures, bad-record cases."""
    return sorted(p for folder in CORPUS_FOLDERS for p in (PROJECT_ROOT / folder).rglob("*.yaml") if p.is_file())


def _same(a: Any, b: Any) -> bool:
    """Equality that also checks types (1 vs True vs 1.0) and treats NaN as equal to NaN."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return a == b


def _reference(text: str) -> tuple[list[Any], Any]:
    return _reference_load(_fast_yaml(), "t.yaml", text)


def _agrees(text: str) -> bool:
    """The fast loader either steps aside or returns the reference loader's documents, and never when it fails."""
    try:
        fast = fastyaml.load_all(text)
    except fastyaml.Unsure:
        return True
    docs, problem = _reference(text)
    return problem is None and _same(fast, docs)


def test_corpus_is_not_trivial() -> None:
    files = _corpus()
    assert len(files) > 100
    assert any("fixtures/bad" in p.as_posix() for p in files)


def test_every_project_file_loads_identically() -> None:
    stepped_aside = []
    for path in _corpus():
        text = path.read_bytes().decode("utf-8", errors="replace")
        assert _agrees(text), path
        try:
            fastyaml.load_all(text)
        except fastyaml.Unsure:
            stepped_aside.append(path)
    assert len(stepped_aside) < len(_corpus()) // 10, stepped_aside  # the fast path really is the usual path


def test_parse_results_equal_the_reference_loader_for_every_project_file() -> None:
    """Whole `_parse` outcome (data and diagnostic) equals a run that forces the reference loader."""
    for path in _corpus():
        raw = path.read_bytes()
        fast = _parse("t.yaml", raw)
        original = fastyaml.load
        fastyaml.load = _always_unsure  # type: ignore[assignment]  # what _parse calls
        try:
            slow = _parse("t.yaml", raw)
        finally:
            fastyaml.load = original  # type: ignore[assignment]
        assert fast[1] == slow[1] and _same(fast[0], slow[0]), path


def _always_unsure(text: str) -> Any:
    raise fastyaml.Unsure


SCALARS = [
    # YAML 1.1 forms that YAML 1.2 (today's loader) keeps as text, and their 1.2 cousins
    "yes", "no", "on", "off", "y", "n", "Yes", "NO", "On", "OFF", "true", "True", "TRUE", "false", "FALSE", "tRUE",
    "0777", "0o777", "0o", "0x1F", "0x_1f", "0b101", "0b_", "0x", "1_000", "1__0", "_1", "1_", "-1_000", "+12", "-0",
    "+0", "0", "00", "-", "+", "-_", "+_", "_", "12:30", "1:20:30", "190:20:30.15", "1e3", "1E3", "1.0e+3", "1.e3",
    "-1.5", ".5", "-.5", "._", "._1", ".", "1.", "1.2.3", "6.8523015e+5", "685.230_15e+03", ".inf", "-.inf", "+.INF",
    ".Inf", ".nan", ".NaN", "-.nan", "nan", "inf", "null", "Null", "NULL", "nULL", "~", "none", "None",
    "2025-01-01", "2025-1-1", "2025-02-30", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5",
    "20250101", "2025-01-01x", "<<", "=", "==", "<", "1" * 40, "1" * 5000, "0x" + "f" * 30, "一二三", "１２３",
    "١٢٣", "12 345", "3 个工作日", "15日", "-5%", "+86 10 12345678", "010-12345678", "0.0", "-0.0", "1e400",
]


@pytest.mark.parametrize("scalar", SCALARS)
def test_plain_scalar_resolves_like_the_reference_loader(scalar: str) -> None:
    for text in (f"v: {scalar}\n", f"- {scalar}\n", f"v: [{scalar}]\n", f"{scalar}: v\n"):
        assert _agrees(text), text
        assert _agrees(text.replace(scalar, f'"{scalar}"')), text


def test_numbers_the_reference_loader_cannot_read_are_a_diagnostic_not_a_crash() -> None:
    for scalar in ("0b_", "-_", "._", "1" * 5000):
        data, problem = _parse("t.yaml", f"id: a\nv: {scalar}\n".encode())
        assert data is None and problem is not None and "数值写法无法识别" in problem.message, scalar


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n", "a: !!str 1\n", "a: !custom x\n", "%YAML 1.1\n---\na: yes\n", "%YAML 1.2\n---\na: 1\n",
        "%TAG !e! tag:example.com,2000:\n---\na: 1\n", "a: 1\na: 2\n", "1: a\n", "? [a]\n: b\n", "<<: {a: 1}\nb: 2\n",
        "a: =\n", "a: " + "[" * 100 + "]" * 100 + "\n", "a: b: c\n", "a:\n\tb: c\n", "a: 'x\n",
    ],
)
def test_the_fast_loader_steps_aside_for_unusual_files(text: str) -> None:
    with pytest.raises(fastyaml.Unsure):
        fastyaml.load_all(text)


@pytest.mark.parametrize(
    "text",
    [
        "", "# c\n", "---\n", "--- \n...\n", "a: b\n---\nc: d\n", "- a\n- b\n", "42\n", "a:\n", "a: ~\n", "'1': 2\n",
        "a: |\n  line 1\n  line 2\n\n", "a: >-\n  folded\n  text\n\n  para\n", "a: |+\n  keep\n\n\n", 'a: "\\u4e2d\\t\\x41\\/"\n',
        "a: 'it''s'\n", "a: multi\n  line plain\n", "\ufeffa: bom\n", "a: [1, 'b', c: d]\n", "a: {b: [c, {d: e}]}\n",
        "a: b # comment\n", "a: b#not comment\n", "? a\n: b\n", "a: \"\"\n", "a: ''\n", "- - - x\n", "a:\n- b\n- c\n",
        "a: x\u2028y\n", "a: x\u0085y\n", "a: \"x\u2029y\"\n", "a: 中文：冒号\n", "a: 20%\n", "a: 'α' \n",
    ],
)
def test_ordinary_and_edge_documents_agree(text: str) -> None:
    assert _agrees(text)


def test_random_mutations_of_sample_records_agree() -> None:
    """Deterministic fuzzing: characters that matter to YAML, dropped into real records."""
    rng = random.Random(9)
    sources = [p.read_text(encoding="utf-8")[:1500] for p in sorted((PROJECT_ROOT / "catalogue").rglob("*.yaml"))[:20]]
    alphabet = [":", "-", " ", "\n", "'", '"', "[", "]", "{", "}", "#", "|", ">", "?", ",", "!", "&", "*", "%", "@",
                "`", "\t", "0", "1", ".", "_", "y", "~", "\\", "\u2028", "\ufeff", "  ", ": ", "- ", "\n  "]
    for _ in range(400):
        text = rng.choice(sources)
        for _ in range(rng.randint(1, 3)):
            at = rng.randrange(len(text) + 1)
            text = text[:at] + rng.choice(alphabet) + text[at + rng.choice((0, 0, 1)):]
        assert _agrees(text), repr(text)


def test_the_rust_path_is_the_usual_path_and_agrees_with_libyaml() -> None:
    """yaml-rs reads most record files; where it does, the libyaml path gives the same documents and depth."""
    taken = 0
    records = [p for p in _corpus() if p.parent.name in ("powers", "fees", "services")]
    for path in records:
        text = path.read_text(encoding="utf-8")
        found = fastyaml._rust_load(text) if fastyaml._worth_trying(text) else None
        if found is None:
            continue
        taken += 1
        saved, fastyaml.yaml_rs = fastyaml.yaml_rs, None
        try:
            assert _same(list(fastyaml.load(text)), list(found)), path
        finally:
            fastyaml.yaml_rs = saved
    assert taken > len(records) // 2, f"{taken} of {len(records)}"


@pytest.mark.parametrize("text", ["a: [x:y]\n", "a: {b: c:d}\n", "a: [x,\n  y]\n", "a: {b: 1}\nc: [d?]\n", "a: 1_000\n", "a: =\n",
                                  "a: 12:30\n", "a: b\x01c\n", "<<: {a: 1}\n"])
def test_the_rust_path_steps_aside_where_the_loaders_part_ways(text: str) -> None:
    assert fastyaml._rust_load(text) is None
    assert _agrees(text)


# The prefilters as first written: a class or an alternation tried at every position. The patterns in fastyaml
# start with their one literal character instead (several times faster); they must find exactly the same texts.
_PLAIN_UNDERSCORE_NUMBER = re.compile(r"[0-9+\-.]_|_[0-9]|0[bBxXoO]_")
_PLAIN_CLOCK = re.compile(r"\d:\d")
PREFILTER_TEXTS = ["1_0", "_1", "a_b", "0b_", "0X_", "+_", "._", "-_", "x_", "_", "__1", "１_", "_１", "a: 1:2", "a:1", "1:a",
                   "١:١", "１:２", ":", "1:", ":1", "a_1:b", "legal_basis: 12:30", "id: x_y\nn: 0o_7\n"]


def test_the_literal_first_prefilters_find_what_the_plain_patterns_find() -> None:
    texts = PREFILTER_TEXTS + [p.read_text(encoding="utf-8", errors="replace") for p in _corpus()]
    for text in texts:
        assert bool(fastyaml._UNDERSCORE_NUMBER.search(text)) == bool(_PLAIN_UNDERSCORE_NUMBER.search(text)), text
        assert bool(fastyaml._CLOCK.search(text)) == bool(_PLAIN_CLOCK.search(text)), text
    assert sum(bool(_PLAIN_UNDERSCORE_NUMBER.search(t)) for t in PREFILTER_TEXTS) >= 10
    assert sum(bool(_PLAIN_CLOCK.search(t)) for t in PREFILTER_TEXTS) >= 4
