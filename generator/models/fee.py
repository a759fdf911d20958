"""A fee basis (收费依据): what is charged, how much, and which approved document allows it."""

from __future__ import annotations

import enum
from datetime import date

from generator.models.base import Model, Text, field
from generator.models.record import Record


class FeeType(str, enum.Enum):
    ADMINISTRATIVE = "行政事业性收费"
    GOVERNMENT_FUND = "政府性基金"
    SERVICE = "经营服务性收费"
    DEPOSIT = "保证金"


class TierMode(str, enum.Enum):
    PROGRESSIVE = "超额累进"  # each tier's rate applies to the part within it (e.g. 信息处理费, 诉讼费)
    WHOLE = "按档计收"  # the tier the whole quantity falls in sets the price for all of it


class FeeTier(Model):
    bracket: Text = field("档次", "适用的数量或金额区间，照原文写，例如“11—30 件（含 30 件）的部分”。")
    amount: Text = field("标准", "该档的收费标准，例如“100 元/件”“不收费”。")
    note: Text | None = field("说明", "其他说明。", default=None)


class FeeStandard(Model):
    item: Text = field("收费子项", "收费的具体项目，例如“不动产登记费（住宅）”。")
    amount: Text | None = field("收费标准", "金额，例如“80 元”“按面积每平方米 0.5 元”。分档收费的可只填“分档”。收费标准和分档至少填写一项。", default=None)
    tier_mode: TierMode | None = field("分档方式", "分档收费时怎样计算：超额累进（每档的标准只适用于该档内的部分）或 按档计收。", default=None)
    tiers: list[FeeTier] = field("分档标准", "分档收费的各档区间和标准，按从低到高的顺序列出。", default_factory=list)

    def amount_text(self) -> str:
        """The standard in one phrase: the amount, or that it is tiered, or 未公布 when the record gives neither."""
        return self.amount or ("分档收费" if self.tiers else "未公布")

    def tiers_text(self) -> str:
        return "；".join(f"{t.bracket}：{t.amount}" for t in self.tiers)
    unit: Text | None = field("计费单位", "例如“每件”“每证”“每平方米”。", default=None)
    note: Text | None = field("说明", "计费方法或适用情形。", default=None)


class ApprovalDocument(Model):
    title: Text = field("文件名称", "批准收费的文件全称。")
    number: Text = field("文号", "文件的文号，例如“发改价规〔2016〕2559号”。")
    issuer: Text = field("发文机关", "例如“国家发展改革委、财政部”。")
    issued_on: date | None = field("发文日期", "日期，格式 YYYY-MM-DD。", default=None)
    article: Text | None = field("条款", "具体条款。", default=None)
    text: Text | None = field("条款原文", "所引条款的原文。", default=None)


class FeeBasis(Record):
    name: Text = field("收费项目名称", "收费项目的规范名称。")
    fee_type: FeeType = field("收费类别", "行政事业性收费、政府性基金 或 经营服务性收费。")
    standards: list[FeeStandard] = field("收费标准", "各收费子项的金额和计费单位。", min_length=1)
    approving_documents: list[ApprovalDocument] = field(
        "批准文件", "批准收费项目和标准的文件，写明文号和发文机关。", min_length=1
    )
    payer: Text = field("缴费对象", "谁需要缴费。")
    exemptions: list[Text] | None = field(
        "减免政策", "免收、减收的情形和依据。没有减免政策的写 exemptions: []；不填表示未公布。", default=None
    )
    payment: Text | None = field("缴费方式", "例如“窗口刷卡、扫码缴费”。", default=None)
    collected_by: Text | None = field("收缴机构", "实际收取或代收费用的机构，例如“中国农业银行清河县支行代收”“存入工资保证金专用账户”。", default=None)
    refund: Text | None = field("退还条件", "保证金、押金等可以退还的，写明何时、怎样退还。", default=None)
    valid_from: date | None = field("执行日期", "开始执行的日期，格式 YYYY-MM-DD。", default=None)
    valid_until: date | None = field("截止日期", "停止执行的日期，格式 YYYY-MM-DD；长期有效不填。", default=None)
