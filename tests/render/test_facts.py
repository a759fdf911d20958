"""Issue 21 items 1-2 on single pages: a page states what its record says and nothing else (未公布 where it is
silent), and an ex-officio power reads as one."""

from __future__ import annotations

import dataclasses

import pytest

from generator.catalogue import Catalogue, Entry
from generator.check import check_catalogue
from generator.render.pages import PageRenderer, SiteOptions
from generator.validate import validate_document
from tests.conftest import GOOD
from tests.helpers import power, raw, service

OPTIONS = SiteOptions(site_name="示例县政务公开")


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return check_catalogue(GOOD / "catalogue", GOOD / "flowcharts").catalogue


def _page(catalogue: Catalogue, data: dict, kind: str = "powers") -> str:
    record, problems = validate_document(raw(data, kind))
    assert record is not None, problems
    base = next(iter(catalogue.of_kind(kind)))
    entry = dataclasses.replace(base, record=record, steps=(), template=None)
    return PageRenderer(catalogue, OPTIONS).record_page(entry).content


def _body(page: str) -> str:
    return page.split("</div>", 1)[1]  # past the hidden search facets


def test_a_material_says_only_what_is_stated(catalogue: Catalogue) -> None:
    page = _page(catalogue, service(materials=[{"name": "居民身份证"}, {"name": "户口簿", "form": "原件", "copies": 2, "required": True}]), "services")
    assert "| 1 | 居民身份证 | 未公布 | — |" in page
    assert "| 2 | 户口簿 | 原件，2 份，必需 | — |" in page
    assert "1 份" not in page


def test_materials_absent_or_empty(catalogue: Catalogue) -> None:
    data = service()
    del data["materials"]
    assert "申请材料未公布。" in _page(catalogue, data, "services")
    assert "无需提交材料。" in _page(catalogue, service(materials=[]), "services")
    assert "无需提交材料" not in _page(catalogue, data, "services")


def test_charging_absent_is_not_free(catalogue: Catalogue) -> None:
    data = service()
    del data["charged"]
    page = _page(catalogue, data, "services")
    assert "收费情况未公布" in page and "不收费" not in page
    assert "本事项**不收费**" in _page(catalogue, service(charged=False), "services")


def test_material_details_are_all_shown(catalogue: Catalogue) -> None:
    material = {"name": "房屋产权证明", "alternatives": ["房屋租赁合同", "住宿证明"], "applies_to": "居住在自有住房的",
                "medium": "纸质或电子", "shared_from": "县不动产登记信息平台", "blank_form": "https://example.gov.cn/blank.docx",
                "sample_form": "https://example.gov.cn/sample.pdf", "basis": "《居住证暂行条例》第九条"}
    page = _page(catalogue, service(materials=[material]), "services")
    for text in ("房屋产权证明；或者 房屋租赁合同；或者 住宿证明", "适用：居住在自有住房的", "纸质或电子", "免提交",
                 "由办理机关通过县不动产登记信息平台获取，申请人免于提交", "下载空白表格", "下载示例样表", "设定依据："):
        assert text in page, text


def test_ex_officio_power_has_no_application_or_fee(catalogue: Catalogue) -> None:
    page = _page(catalogue, power(category="行政检查", exercise_mode="依职权", charged=False, conditions=["发现违法线索"]))
    assert "需要准备什么" not in page and "申请材料" not in page and "一次性告知" not in page
    assert "要花多少钱" not in page and "不收费" not in _body(page)
    assert "## 实施条件" in page and "发现违法线索" in page


def test_category_alone_makes_a_power_ex_officio(catalogue: Catalogue) -> None:
    page = _page(catalogue, power(category="行政强制"))
    assert "申请材料" not in page and "收费" not in _body(page)


def test_penalty_shows_kinds_range_and_discretion(catalogue: Catalogue) -> None:
    penalty = {"kinds": ["罚款"], "range": "并处五万元以上十万元以下罚款",
               "discretion": [{"level": "从轻", "circumstances": "首次违法", "penalty": "罚款 5 万元以上 6 万元以下"}],
               "discretion_document": "某县裁量基准"}
    page = _page(catalogue, power(category="行政处罚", penalty=penalty))
    assert "- **处罚种类：** 罚款" in page and "- **处罚幅度：** 并处五万元以上十万元以下罚款" in page
    assert "**裁量基准**：某县裁量基准" in page and "| 从轻 | 首次违法 | 罚款 5 万元以上 6 万元以下 |" in page


def test_penalty_without_range_says_unknown(catalogue: Catalogue) -> None:
    page = _page(catalogue, power(category="行政处罚"))
    assert "处罚种类和幅度未公布" in page


def test_fee_exemptions_absent_or_none(catalogue: Catalogue) -> None:
    entry: Entry = next(iter(catalogue.of_kind("fees")))
    renderer = PageRenderer(catalogue, OPTIONS)
    unknown = dataclasses.replace(entry, record=entry.record.model_copy(update={"exemptions": None}))
    none = dataclasses.replace(entry, record=entry.record.model_copy(update={"exemptions": []}))
    assert "减免政策未公布。" in renderer.record_page(unknown).content
    assert "无减免政策。" in renderer.record_page(none).content
