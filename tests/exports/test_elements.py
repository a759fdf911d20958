"""Issue 21 in the exports: the table files, JSON and JSON-LD carry the new elements of the real-records corpus,
and a value the record does not state is an empty cell or an absent property, never a default."""

from __future__ import annotations

import csv
import io

import pytest

from generator.catalogue import Catalogue
from generator.check import check_catalogue
from generator.exports.columns import FEES, MATERIALS, POWERS, SERVICES, Table, rows, headers
from generator.exports.jsonld import structured_data
from generator.exports.records import entry_document
from generator.exports.tabular import to_csv
from tests.conftest import FIXTURES, ROOT


@pytest.fixture(scope="module")
def corpus() -> Catalogue:
    return check_catalogue(FIXTURES / "real" / "catalogue", ROOT / "flowcharts").catalogue


def _row(table: Table, catalogue: Catalogue, record_id: str, index: int = 0) -> dict[str, str]:
    found = [dict(zip(headers(table), r)) for r in rows(table, catalogue) if r[0] == record_id]
    return found[index]


def test_power_row_has_who_does_it_and_the_list_columns(corpus) -> None:
    row = _row(POWERS, corpus, "eia-report-form-approval")
    assert row["受理机关"].startswith("市生态环境局清溪分局") and row["决定机关"] == "清溪市生态环境局"
    assert row["实施层级"] == "市级" and row["到办事现场次数"] == "0"
    assert row["中介服务"].startswith("建设项目环境影响报告表编制（非必须，提供机构：")
    assert row["特别程序"].startswith("技术评估（专家评审）（依据：")
    assert row["容缺受理"] == "信息公开情况说明：建设单位书面承诺在受理后 3 个工作日内补交，逾期未补交的终止审查"
    forest = _row(POWERS, corpus, "forest-harvest-permit")
    assert forest["委托实施"].startswith("清溪县自然资源和规划局（委托文件：《清溪县自然资源和规划局林木采伐许可委托书》")
    penalty = _row(POWERS, corpus, "unlicensed-food-business-penalty")
    assert penalty["是否收费"] == "" and penalty["处罚幅度"].startswith("货值金额不足一万元的")
    assert penalty["裁量基准"].startswith("《清溪县市场监督管理局行政处罚裁量基准》") and penalty["所属主项"]
    licence = _row(POWERS, corpus, "food-business-licence")
    assert licence["追责依据"] == "《中华人民共和国行政许可法》第七十二条至第七十四条；《行政机关公务员处分条例》"
    assert licence["责任事项"] == "；".join(corpus.entries["food-business-licence"].record.responsibilities)


def test_service_row_has_conditional_charging_and_basis(corpus) -> None:
    row = _row(SERVICES, corpus, "information-disclosure-request")
    assert row["是否收费"] == "一般不收费，特定情形收费"
    assert row["特定情形收费"] == "申请人申请公开政府信息的数量、频次明显超过合理范围的（收费依据：政府信息公开信息处理费）"
    assert row["办理依据"] == "《中华人民共和国政府信息公开条例》第四十二条第一款"
    assert row["承诺时限"] == ""  # the guide states only the statutory limit


def test_fee_rows_have_tiers_collector_and_refund(corpus) -> None:
    tiered = _row(FEES, corpus, "information-processing-fee")
    assert tiered["收费标准"] == "分档收费" and tiered["分档方式"] == "超额累进"
    assert tiered["分档标准"].startswith("同一申请人一个自然月内累计申请 10 件以下（含 10 件）的：不收费；")
    assert tiered["减免政策"] == "未公布"
    assert _row(FEES, corpus, "real-estate-registration-fee-residential")["收缴机构"].startswith("中国农业银行")
    deposit = _row(FEES, corpus, "migrant-worker-wage-deposit")
    assert deposit["收费类别"] == "保证金" and deposit["退还条件"].startswith("工程完工")


def test_materials_sheet_states_only_what_is_given(corpus) -> None:
    first = _row(MATERIALS, corpus, "food-business-licence", 0)
    assert (first["原件或复印件"], first["纸质或电子"], first["份数"], first["是否必需"]) == ("原件", "纸质或电子", "1", "是")
    assert first["空白表格"].endswith(".docx") and first["示例样表"].endswith(".pdf")
    licence = _row(MATERIALS, corpus, "food-business-licence", 1)
    assert licence["或者提交"] == "其他主体资格证明文件" and licence["免提交（共享获取）"] == "全国市场主体登记信息共享平台"
    assert (licence["原件或复印件"], licence["份数"], licence["是否必需"]) == ("", "", "")
    text = to_csv(MATERIALS, corpus).decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(text)))[0][:6] == ["事项编号", "事项名称", "事项类别", "部门编号", "序号", "材料名称"]


def test_json_keeps_unknown_as_null(corpus) -> None:
    record = entry_document(corpus.entries["homestead-approval"])["record"]
    assert record["materials"][0]["form"] is None and record["materials"][0]["copies"] is None
    assert record["joint_bodies"][1]["department"] == "natural-resources"


def test_jsonld_channels_offers_and_faq(corpus) -> None:
    data = structured_data(corpus, corpus.entries["information-disclosure-request"])
    assert [c["name"] for c in data["availableChannel"]] == ["窗口办理", "网上办理", "邮寄办理"]
    assert "serviceUrl" in data["availableChannel"][1] and "serviceUrl" not in data["availableChannel"][0]
    descriptions = [o["description"] for o in data["offers"]]
    assert descriptions[0] == "一般不收费，特定情形收费"
    assert all(d.startswith("申请人申请公开政府信息的数量、频次明显超过合理范围的：") for d in descriptions[1:])
    assert any(s["@type"] == "Legislation" for s in data["subjectOf"])
    licence = structured_data(corpus, corpus.entries["food-business-licence"])
    faq = next(s for s in licence["subjectOf"] if s["@type"] == "FAQPage")
    assert faq["mainEntity"][0]["acceptedAnswer"]["text"].startswith("不需要取得许可")
    assert "offers" not in structured_data(corpus, corpus.entries["unlicensed-food-business-penalty"])


def test_responsibility_and_department_pages_carry_the_list_columns() -> None:
    from generator.compile import compile_catalogue
    from generator.render.pages import SiteOptions

    pages = compile_catalogue(FIXTURES / "real" / "catalogue", SiteOptions(), ROOT / "flowcharts").bundle.pages
    listing = pages["responsibility/market-regulation.md"].content
    for text in ("### 责任事项和追责", "立案责任：对监督检查中发现", "**追责依据**", "第七十六条至第八十三条"):
        assert text in listing, text
    assert "乡镇人民政府 · 乡镇（街道）级" in pages["departments/chengguan-town.md"].content
    assert "街道办事处 · 乡镇（街道）级" in pages["departments/chengnan-subdistrict.md"].content
