"""End to end on the built sample (conftest `sample_site`): a record's own limits reach its page, its chart, its
JSON, the CSV and XLSX tables and its JSON-LD as the same figures, and 复议前置 is said where the law requires it."""

from __future__ import annotations

import csv
import html
import io
import json
import re

import pytest
from openpyxl import load_workbook

# (record, step, the statutory limit as every output words it, the article it comes from)
OWN_LAW = [
    ("food-business-licence", "决定", "自受理之日起 10 个工作日", "《食品经营许可和备案管理办法》第二十四条"),
    ("food-business-licence", "送达与颁证", "自作出决定之日起 5 个工作日", "《食品经营许可和备案管理办法》第二十五条"),
    ("construction-permit", "决定", "自收到申请之日起 7 个自然日", "《中华人民共和国建筑法》第八条第二款"),
    ("construction-permit", "送达与颁证", "自收到申请之日起 7 个自然日", "《中华人民共和国建筑法》第八条第二款"),
    ("enterprise-establishment-registration", "决定", "自收到申请之日起 3 个工作日", "《中华人民共和国市场主体登记管理条例》第十九条第一款"),
    ("motor-vehicle-registration", "决定", "自受理之日起 2 个工作日", "《机动车登记规定》第十二条第三款"),
    ("medical-institution-licence", "决定", "自受理之日起 45 个自然日", "《医疗机构管理条例》第十八条"),  # 2022 renumbering
]
TEMPLATE_FIGURES = ["自受理之日起 20 个工作日", "自作出决定之日起 10 个工作日"]  # 行政许可法 第四十二、四十四条


def _text(markup: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", markup)))


def _page(site, record: str) -> str:
    page = (site.out / "powers" / record / "index.html").read_text(encoding="utf-8")
    return _text(page[page.index("<article"):page.index("</article>")])


def _chart(site, record: str) -> str:
    return "".join(html.unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", (site.out / "charts" / f"{record}.svg").read_text(encoding="utf-8")))


def _step(site, record: str, name: str) -> dict:
    data = json.loads((site.out / "data" / "powers" / f"{record}.json").read_text(encoding="utf-8"))
    return next(s for s in data["steps"] if s["name"] == name)


@pytest.mark.parametrize(("record", "step", "figure", "article"), OWN_LAW, ids=[f"{r}-{s}" for r, s, *_ in OWN_LAW])
def test_page_chart_and_json_show_the_records_own_law(sample_site, record: str, step: str, figure: str, article: str) -> None:
    page = _page(sample_site, record)
    line = re.search(rf"{step} — 承办岗位：[^；]*；[^\n]*?法定时限：([^；]*)", page)
    assert line and line.group(1).startswith(figure), (record, step, line and line.group(0))
    assert f"依据{article}" in page
    assert figure.replace(" ", "") in _chart(sample_site, record).replace(" ", "")  # charts wrap lines, spaces may move
    data = _step(sample_site, record, step)
    limit = data["statutory_limit"]
    assert f"自{limit['starts']}之日起 {limit['days']} 个{limit['unit']}" == figure
    assert f"《{limit['basis']['title']}》{limit['basis']['article']}" == article
    assert data["statutory_overridden"] is True


@pytest.mark.parametrize("record", ["food-business-licence", "construction-permit", "enterprise-establishment-registration"])
def test_template_figures_no_longer_stand_for_the_records_law(sample_site, record: str) -> None:
    page, chart = _page(sample_site, record), _chart(sample_site, record).replace(" ", "")
    for figure in TEMPLATE_FIGURES:
        assert figure not in page and figure.replace(" ", "") not in chart, (record, figure)


def _rows(site, name: str) -> dict[str, dict[str, str]]:
    text = (site.out / "data" / "csv" / f"{name}.csv").read_text(encoding="utf-8-sig")
    return {row["编号"]: row for row in csv.DictReader(io.StringIO(text))}


def test_tables_carry_the_same_step_limits(sample_site) -> None:
    rows = _rows(sample_site, "powers")
    book = load_workbook(sample_site.out / "data" / "catalogue.xlsx", read_only=True)
    sheet = book["行政职权目录"]
    values = list(sheet.iter_rows(values_only=True))
    header = list(values[0])
    by_id = {r[header.index("编号")]: dict(zip(header, r)) for r in values[1:]}
    for record, step, figure, article in OWN_LAW:
        cell = rows[record]["环节时限"]
        assert f"{step}：法定 {figure}" in cell and article in cell, (record, cell)
        assert by_id[record]["环节时限"] == cell
    assert rows["food-business-licence"]["法定时限"] == "自受理之日起 10 个工作日"
    assert rows["construction-permit"]["法定时限"] == "自收到申请之日起 7 个自然日"


def test_json_ld_says_the_records_promise(sample_site) -> None:
    page = (sample_site.out / "powers" / "construction-permit" / "index.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page).group(1))
    assert data["availableChannel"]["description"] == "办理时限：自收到申请之日起 3 个自然日"
    assert data["availableChannel"]["processingTime"] == "P3D"


@pytest.mark.parametrize(("kind", "record"), [("powers", "traffic-violation-simple-penalty"), ("services", "government-information-request")])
def test_review_first_is_said_on_page_and_chart(sample_site, kind: str, record: str) -> None:
    page = (sample_site.out / kind / record / "index.html").read_text(encoding="utf-8")
    text = _text(page[page.index("<article"):page.index("</article>")])
    assert "复议前置：" in text and "须先申请行政复议，对行政复议决定不服的，才能向人民法院提起行政诉讼" in text
    assert "《中华人民共和国行政复议法》第二十三条" in text and "第四十五条" in text
    chart = _chart(sample_site, record).replace(" ", "")
    assert "复议前置：" in chart and "须先申请行政复议" in chart


def test_review_is_not_first_where_the_law_lets_the_reader_choose(sample_site) -> None:
    text = _page(sample_site, "food-business-licence")
    assert "复议前置" not in text and "6 个月内" in text


def test_a_limit_that_is_not_days_is_shown_as_written(sample_site) -> None:
    wording = "核定次月起按月发放至本人社会保障卡"
    page = (sample_site.out / "services" / "unemployment-insurance-benefit-claim" / "index.html").read_text(encoding="utf-8")
    assert f"承诺时限：{wording}" in _text(page)
    assert wording in _chart(sample_site, "unemployment-insurance-benefit-claim").replace(" ", "")
    row = _rows(sample_site, "services")["unemployment-insurance-benefit-claim"]
    assert f"按月发放：承诺 {wording}，不计入办理时限" in row["环节时限"]
    data = json.loads((sample_site.out / "data" / "services" / "unemployment-insurance-benefit-claim.json").read_text(encoding="utf-8"))
    pay = next(s for s in data["steps"] if s["key"] == "pay")
    assert pay["promised_limit"]["wording"] == wording and pay["promised_limit"]["days"] is None
