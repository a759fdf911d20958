"""The GB/T 39046 service elements a 办事指南 gives beyond materials and time limits: how and where to apply,
how far online handling goes, visits, intermediaries, special procedures, result delivery, acceptance with
missing materials, the notification-and-commitment system, and common questions."""

from __future__ import annotations

import enum

from pydantic import StrictBool, StrictInt

from generator.models.base import Model, RecordId, Text, WebUrl, field
from generator.models.common import TimeLimit


class HandlingMethod(str, enum.Enum):
    WINDOW = "窗口办理"
    ONLINE = "网上办理"
    SELF_SERVICE = "自助办理"
    POST = "邮寄办理"


class OnlineStage(str, enum.Enum):
    """网上办理深度 as the national platform lists it: each stage that can be done on the internet."""

    CONSULT = "互联网咨询"
    SUBMIT = "互联网收件"
    PRECHECK = "互联网预审"
    ACCEPT = "互联网受理"
    HANDLE = "互联网办理"
    RESULT = "互联网办理结果信息反馈"
    LICENCE = "互联网电子证照反馈"


class FeeCondition(Model):
    situation: Text = field("收费情形", "在什么情形下收费，照原文写，例如“同一申请人一个自然月内累计申请超过 10 件的”。")
    fee_bases: list[RecordId] = field("收费依据", "该情形适用的收费依据记录的编号。", default_factory=list)
    note: Text | None = field("说明", "其他说明，例如收费标准的适用方式。", default=None)


class Intermediary(Model):
    name: Text = field("中介服务名称", "例如“建设项目环境影响报告表编制”。")
    required: StrictBool | None = field("是否必须", "true 表示申请人必须委托中介机构，false 表示可以自行完成。原文没有写明的不要填。", default=None)
    provider: Text | None = field("提供机构", "提供服务的机构或其资质要求，例如“具有相应能力的技术单位（申请人自主选择）”。", default=None)
    fee: Text | None = field("收费标准", "中介服务的收费，例如“市场调节价”。", default=None)
    basis: Text | None = field("设定依据", "要求该中介服务的依据。", default=None)
    note: Text | None = field("说明", "其他说明。", default=None)


class SpecialProcedure(Model):
    name: Text = field("特别程序", "例如“听证”“检验、检测”“专家评审”“现场勘验”。其所需时间不计算在办理时限内。")
    limit: TimeLimit | None = field("时限", "该程序自己的时限，写明单位。", default=None)
    basis: Text | None = field("依据", "规定该程序的条款，例如“《中华人民共和国行政许可法》第四十五条”。", default=None)
    note: Text | None = field("说明", "何时启动、是否收费等。", default=None)


class Deficiency(Model):
    materials: list[Text] = field("容缺材料", "可以先缺后补的材料名称，与“申请材料”中的名称一致。", min_length=1)
    promise: Text = field("补正承诺", "申请人作出什么承诺、在什么期限内补齐，例如“书面承诺在 5 个工作日内补齐，逾期未补的终止办理”。")
    note: Text | None = field("说明", "适用条件等。", default=None)


class Commitment(Model):
    materials: list[Text] = field("以承诺代替的材料", "申请人作出承诺后免于提交的材料或证明，与“申请材料”中的名称一致。", default_factory=list)
    promise: Text = field("承诺内容", "申请人承诺什么，例如“已经符合告知的条件、标准和要求，愿意承担不实承诺的法律责任”。")
    verification: Text | None = field("核查方式", "办理机关事后怎样核查，例如“发证后 30 日内现场核查”。", default=None)
    breach: Text | None = field("违诺后果", "承诺不实的后果，例如“撤销许可，记入信用记录”。", default=None)
    basis: Text | None = field("依据", "实行告知承诺制的文件。", default=None)


class Question(Model):
    question: Text = field("问题", "办事人常问的问题。")
    answer: Text = field("解答", "对问题的解答。")


class ServiceElements(Model):
    """Mixin: the 办事指南 elements a power on application and a service item share."""

    fee_conditions: list[FeeCondition] = field(
        "特定情形收费", "一般不收费、只在特定情形收费的，逐项写明情形和收费依据（此时“是否收费”写 false 表示一般不收费）。", default_factory=list
    )
    handling_methods: list[HandlingMethod] = field("办理方式", "可以怎样申请：窗口办理、网上办理、自助办理、邮寄办理。", default_factory=list)
    location: Text | None = field("办理地点", "办理窗口的地址，例如“县政务服务中心一楼 5 号窗口”。", default=None)
    online_url: WebUrl | None = field("网上办理地址", "网上办理的网址，以 https:// 或 http:// 开头；其他写法（如 javascript:）不接受。", default=None)
    online_depth: list[OnlineStage] = field(
        "网上办理深度", "哪些环节可以在网上完成：互联网咨询、互联网收件、互联网预审、互联网受理、互联网办理、互联网办理结果信息反馈、互联网电子证照反馈。",
        default_factory=list,
    )
    online_grade: Text | None = field("网办深度等级", "省级平台公布的网办深度等级，照原文写，例如“全程网办（Ⅳ级）”。", default=None)
    onsite_visits: StrictInt | None = field("到办事现场次数", "申请人最多需要到办事现场几次；全程网办或邮寄办理填 0。", default=None, ge=0, le=20)
    onsite_reason: Text | None = field("必须到现场的原因", "需要到现场的，写明原因，例如“现场核验身份并采集指纹”。", default=None)
    quantity_limit: Text | None = field("数量限制", "办理数量的限制，照原文写，例如“一户只能拥有一处宅基地”“无数量限制”。", default=None)
    intermediaries: list[Intermediary] = field("中介服务", "办理本事项涉及的中介服务：名称、是否必须、提供机构和收费。", default_factory=list)
    special_procedures: list[SpecialProcedure] = field(
        "特别程序", "听证、检验、检测、鉴定、专家评审等特别程序及其时限；所需时间不计算在办理时限内。", default_factory=list
    )
    result_sample: WebUrl | None = field("结果样本", "办理结果（证照、批文）样本的下载地址。", default=None)
    delivery: list[Text] = field("送达方式", "办理结果怎样送到申请人手中，例如“窗口领取”“免费邮寄”“电子证照”。", default_factory=list)
    deficiency_acceptance: Deficiency | None = field("容缺受理", "次要材料欠缺时先受理后补正：哪些材料可以容缺，申请人作出什么补正承诺。", default=None)
    commitment: Commitment | None = field("告知承诺制", "实行告知承诺制的：哪些材料以承诺代替，承诺什么，怎样核查，违诺后果。", default=None)
    faq: list[Question] = field("常见问题", "办事人常问的问题和解答。", default_factory=list)
