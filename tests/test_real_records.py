"""Issue 21 "must show": a corpus of real-shaped records (tests/fixtures/real/, written from public 办事指南, 权责清单 and
收费目录 with their messiness) passes `check --strict`, and each built record page shows every field its source gave
and nothing it did not."""

from __future__ import annotations

import html as html_module
import os
from datetime import date
from pathlib import Path
from typing import Any, Iterator

import pytest
from generator.check import check_catalogue
from generator.models.common import TimeLimit
from tests.conftest import FIXTURES, ROOT
from tests.pagetext import article_text, unsupported
from tests.test_sample_facts import sources, stated
from tests.test_sample_site import _yaml

pytestmark = pytest.mark.e2e

CORPUS = FIXTURES / "real" / "catalogue"
FLOWCHARTS = ROOT / "flowcharts"

# Keys whose value the page shows in another form, or that are the record's bookkeeping rather than its content.
SHOWN_OTHERWISE = {
    "id", "department", "changed_on", "change_kind", "change_note",  # the page address, the department's name, the revision history
    "fee_bases",  # fee basis ids: shown as the fee bases' names and standards
    "template", "ref",  # shown as the template's name and its steps' names
}
# An element's heading or label on the page, and the field that must be present for it to appear (and vice versa).
LABELS = {
    "所属主项": "main_item", "实施层级：": "levels", "受理机关：": "accepting_body", "决定机关：": "deciding_body",
    "委托实施：": "entrustment", "联办机构：": "joint_bodies", "办理方式：": "handling_methods", "网上办理深度：": "online_depth",
    "网办深度等级：": "online_grade", "到办事现场次数：": "onsite_visits", "数量限制：": "quantity_limit", "中介服务": "intermediaries",
    "特别程序（": "special_procedures", "结果样本": "result_sample", "送达方式": "delivery", "容缺受理": "deficiency_acceptance",
    "告知承诺制": "commitment", "常见问题": "faq", "责任事项": "responsibilities", "追责情形": "accountability", "追责依据": "accountability_basis",
    "裁量基准": "penalty", "办理依据": "legal_basis", "下列情形收费": "fee_conditions", "收缴机构：": "collected_by", "退还条件：": "refund",
}
PAGE_KINDS = ("powers", "services", "fees")


def _leaves(node: Any, loc: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    if isinstance(node, dict):
        if set(node) >= {"days", "unit"}:  # a time limit reads as one phrase
            yield loc, TimeLimit.model_validate({k: v for k, v in node.items() if k != "note"}).text()
            if "note" in node:
                yield loc + ("note",), node["note"]
            return
        for key, value in node.items():
            yield from _leaves(value, loc + (key,))
    elif isinstance(node, list):
        for value in node:
            yield from _leaves(value, loc)
    else:
        yield loc, node


def _shown_as(loc: tuple, value: Any) -> list[str]:
    """What the page prints for a non-text value."""
    key = loc[-1] if loc else ""
    if isinstance(value, bool):
        if "intermediaries" in loc:
            return ["必须委托中介机构" if value else "不强制委托中介机构"]
        return {("required", True): ["必需"], ("required", False): ["视情况"], ("charged", True): ["收费"], ("charged", False): ["不收费"]}[(key, value)]
    if isinstance(value, int):
        return [f"{value} 份"] if key == "copies" else [f"{value} 次"]
    return [str(value)]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory):
    from generator.build import BuildRequest, build

    out = tmp_path_factory.mktemp("real") / "site"
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        build(BuildRequest(CORPUS, out, ROOT / "mkdocs.yml", FLOWCHARTS, strict=True))
    finally:
        os.chdir(cwd)
    return out, check_catalogue(CORPUS, FLOWCHARTS).catalogue


def _records() -> list[Path]:
    return sorted(p for kind in PAGE_KINDS for p in CORPUS.glob(f"*/{kind}/*.yaml"))


def test_the_corpus_is_large_enough_and_covers_every_kind() -> None:
    records = _records()
    assert len(records) >= 10
    assert {p.parent.name for p in records} == set(PAGE_KINDS)
    kinds = {_yaml(p).get("body_kind") for p in CORPUS.glob("*/department.yaml")}
    assert {"乡镇人民政府", "街道办事处"} <= kinds
    present = {key for p in records for loc, _ in _leaves(_yaml(p)) for key in loc if isinstance(key, str)}
    assert set(LABELS.values()) <= present  # every element the pages can show is exercised somewhere


def test_the_corpus_passes_check_strict() -> None:
    result = check_catalogue(CORPUS, FLOWCHARTS, strict=True, today=date(2025, 7, 1))
    assert [f"{d.path}:{d.line}: {d.message}" for d in result.diagnostics] == []


@pytest.mark.parametrize("path", _records(), ids=lambda p: p.stem)
def test_every_given_field_is_on_the_page(corpus, path: Path) -> None:
    out, _ = corpus
    data = _yaml(path)
    html = html_module.unescape((out / path.parent.name / path.stem / "index.html").read_text(encoding="utf-8"))
    text = article_text(html)
    missing = []
    for loc, value in _leaves(data):
        if not loc or SHOWN_OTHERWISE & set(map(str, loc)):
            continue
        shown = [str(value)] if isinstance(value, str) else _shown_as(loc, value)
        if not any(" ".join(s.split()) in text or s in html for s in shown):
            missing.append(f"{'.'.join(map(str, loc))} = {value!r}")
    assert missing == []


@pytest.mark.parametrize("path", _records(), ids=lambda p: p.stem)
def test_the_page_shows_nothing_the_source_did_not(corpus, path: Path) -> None:
    out, catalogue = corpus
    data = _yaml(path)
    entry = catalogue.entries[data["id"]]
    text = article_text((out / entry.url / "index.html").read_text(encoding="utf-8"))
    compact = text.replace(" ", "")  # tags between a bold label and its bracket become spaces in the text
    assert unsupported(text, sources(CORPUS.parent, entry, catalogue, FLOWCHARTS), stated(entry)) == []
    for label, key in LABELS.items():
        if key == "legal_basis" and path.parent.name == "powers":
            continue  # a power's basis is 实施依据; 办理依据 is a service item's
        given = bool(data.get(key)) or any(key in loc for loc, _ in _leaves(data))
        assert (label in compact) == given, (label, key)
