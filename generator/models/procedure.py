"""Procedures: statutory templates in flowcharts/ and the steps a record fills in or adds."""

from __future__ import annotations

import enum
import re

from pydantic import ConfigDict, StrictBool, model_validator
from pydantic_core import PydanticCustomError

from generator.models.base import Model, RecordId, Text, field
from generator.models.common import Citation, LimitStart, TimeLimit
from generator.models.record import REVIEW_NOTES_DOC


class ExerciseMode(str, enum.Enum):
    ON_APPLICATION = "依申请"
    EX_OFFICIO = "依职权"


class InterfaceKind(str, enum.Enum):
    PARALLEL = "并联审批"
    CONSULT = "征求意见"
    LEGAL_REVIEW = "法制审核"
    COLLECTIVE = "集体讨论"
    TRANSFER = "移送"
    COORDINATE = "协同办理"


class Interface(Model):
    kind: InterfaceKind = field("衔接方式", "与其他岗位或部门的衔接方式：并联审批、征求意见、法制审核、集体讨论、移送 或 协同办理。")
    party: Text = field("衔接对象", "衔接的岗位或部门，例如“县自然资源局”“局法制科”。")
    note: Text | None = field("说明", "衔接的内容或时限。", default=None)


class Branch(Model):
    condition: Text = field("情形", "出现分支的情形，例如“材料不齐全或不符合法定形式”。")
    outcome: Text = field("处理", "该情形下的处理，例如“一次性告知需要补正的全部内容”。")
    article: Text | None = field("条款", "规定该分支的法律条款。", default=None)
    ends: StrictBool = field("是否终结", "true 表示该分支结束程序（如不予受理、不予许可）。", default=False)


class Remedy(Model):
    name: Text = field("救济途径", "例如“申请行政复议”“提起行政诉讼”。")
    deadline: Text = field("期限", "提出的期限，例如“自知道或者应当知道该行政行为之日起 60 日内”。")
    article: Text | None = field("依据", "规定期限的法律条款。", default=None)
    applies_when: Text | None = field("适用情形", "只对部分决定适用时写明，例如“对不予公开的答复不服的”；不填表示对本程序的决定都适用。", default=None)
    first: StrictBool = field("复议前置", "true 表示法律规定必须先走这一途径（例如《中华人民共和国行政复议法》第二十三条规定的行政复议前置），"
                              "对其结果不服才能提起行政诉讼；页面和流程图会写明“须先申请行政复议”。", default=False)


class StepTiming(str, enum.Enum):
    """How a step's time adds up to the whole procedure's time limit."""

    SEQUENTIAL = "顺序"
    PARALLEL = "并行"
    EXCLUDED = "不计入"


TIMING_DOC = ("本环节的时间怎样计入办理时限：顺序（接在上一环节之后，时间相加，不填即为顺序）、并行（与上一环节同时进行，"
              "不另加时间）或 不计入（依法不计算在办理时限内，例如听证、检验、检测、鉴定、专家评审，"
              "《中华人民共和国行政许可法》第四十五条；或者办理时限截止之后的送达、执行）。")
COMPLETES_DOC = "本环节办结即为哪个事件：受理、立案、作出决定 或 送达；其他环节的时限写了这个起算点时，从这里起算。"


class StepKind(str, enum.Enum):
    """How a step is drawn in the flowchart."""

    START = "启动"
    ACTION = "办理"
    NOTICE = "告知"
    DECISION = "决定"
    DELIVERY = "送达"
    EXECUTION = "执行"


class TemplateStep(Model):
    id: RecordId = field("环节编号", "环节编号，供职权记录引用，例如 accept。")
    name: Text = field("环节名称", "环节的名称，例如“受理”。")
    article: Text = field("法律条款", "规定本环节的法律条款，例如“《中华人民共和国行政许可法》第三十二条”。")
    quote: Text = field("条款原文", "“法律条款”所引条文中规定本环节的原文，照录；只引一部分时照录原句，省略处写“……”。")
    statutory_limit: TimeLimit | None = field("法定时限", "法律规定的本环节时限，写明单位、起算点和时限依据（条款和原文）。", default=None)
    timing: StepTiming | None = field("计时方式", TIMING_DOC, default=None)
    completes: LimitStart | None = field("办结事件", COMPLETES_DOC, default=None)
    actor: Text | None = field("默认岗位", "职权记录未指定岗位时显示的承办岗位。", default=None)
    description: Text | None = field("环节说明", "本环节依法要做什么。", default=None)
    branches: list[Branch] = field("分支", "本环节的分支，例如补正、不予受理。", default_factory=list)
    disclosure: Text | None = field("公开信息", "本环节依法公开的内容。", default=None)
    kind: StepKind | None = field("环节类型", "流程图中的画法：启动、办理、告知、决定、送达 或 执行；不填按“办理”。", default=None)
    interfaces: list[Interface] = field("法定衔接", "法律规定的与其他岗位或部门的衔接，例如法制审核。", default_factory=list)
    rights: list[Right] = field("法定权利", "相对人在本环节依法享有的权利及行使期限，例如陈述、申辩、申请听证。", default_factory=list)


class ProcedureTemplate(Model):
    id: RecordId = field("模板编号", "模板编号，与文件名相同，例如 licensing。")
    name: Text = field("模板名称", "例如“行政许可（一般程序）”。")
    law: Text = field("法律依据", "规定该程序的法律全称。")
    applies_to: list[Text] = field("适用类别", "适用的职权类别，例如 行政许可。", default_factory=list)
    mode: ExerciseMode = field("行使方式", "依申请 或 依职权。")
    general: bool = field("通用程序", "是否为“适用类别”中所有职权的通用法定程序（默认是）。只规定某一类事项的模板"
                          "（例如只适用于不动产登记的行政确认程序）填 false：该类别的职权可以使用，不使用也不提醒。", default=True)
    steps: list[TemplateStep] = field("法定环节", "按顺序列出的法定环节。", min_length=1)
    remedies: list[Remedy] = field("救济途径", "不服决定时的救济途径和期限，按先后顺序列出。", default_factory=list)
    review_notes: list[Text] = field("待核实事项", REVIEW_NOTES_DOC, default_factory=list)


class Step(Model):
    ref: RecordId | None = field("模板环节", "引用的模板环节编号；填写后名称和法定时限取自模板。", default=None)
    id: RecordId | None = field("环节编号", "自增环节的编号，供“相对人权利”引用。", default=None)
    name: Text | None = field("环节名称", "环节的名称；引用模板环节时可不填。", default=None)
    after: RecordId | None = field("插入位置", "自增环节插在哪个环节之后（填环节编号）；不填则排在最后。", default=None)
    post: Text | None = field("承办岗位", "负责本环节的岗位，例如“窗口受理岗”。", default=None)
    statutory_limit: TimeLimit | None = field("法定时限", "法律规定的时限。自增环节填写；模板环节不填即取自模板，"
                                              "本事项的法律另有规定时填写，并写明时限依据（basis）和起算点（starts）。", default=None)
    promised_limit: TimeLimit | None = field("承诺时限", "本单位承诺的时限，不得长于法定时限。", default=None)
    timing: StepTiming | None = field("计时方式", TIMING_DOC + "模板环节不填即取自模板。", default=None)
    completes: LimitStart | None = field("办结事件", COMPLETES_DOC + "模板环节不填即取自模板。", default=None)
    description: Text | None = field("办理标准", "本环节做什么、按什么标准做。", default=None)
    interfaces: list[Interface] = field("衔接", "与其他岗位、部门的衔接。", default_factory=list)
    disclosure: Text | None = field("公开信息", "本环节公开的内容、形式和时限。", default=None)

    @property
    def key(self) -> str | None:
        return self.ref or self.id


class Procedure(Model):
    template: RecordId | None = field("流程模板", "适用的法定程序模板编号（flowcharts/ 中的文件名），例如 licensing。", default=None)
    steps: list[Step] = field("办理环节", "填写模板环节的岗位和承诺时限，或增加本单位的环节。", default_factory=list)
    no_template_reason: Text | None = field("不用模板的理由", "所属类别有通用法定程序模板、但它不适用于本职权时，写明理由"
                                            "（例如适用的特别程序及其依据）；写明后检查不再提醒。", default=None)
    remedies: list[Remedy] = field("救济途径", "本事项的法律对救济途径或者期限另有规定时填写（例如《中华人民共和国土地管理法》"
                                   "第十四条的三十日起诉期限），按先后顺序列出，整体替换流程模板或者通用的救济途径；"
                                   "不填即取自模板或通用规定。", default_factory=list)


# A deadline that counts something (5 个工作日, 七日, 30 日, 两个月): such a figure must say where it comes from.
COUNTED_DEADLINE = re.compile(r"[0-9０-９一二三四五六七八九十百两]+\s*个?\s*(?:工作日|自然日|日|天|周|个月|月|年)")


class Right(Model):
    # The JSON Schema says what the validator below enforces, so that editors flag a figure without its basis too.
    model_config = ConfigDict(json_schema_extra={
        "if": {"required": ["deadline"], "properties": {"deadline": {"pattern": COUNTED_DEADLINE.pattern}}},
        "then": {"required": ["basis"]},
    })

    name: Text = field("权利名称", "例如“陈述、申辩”“申请听证”“要求说明理由”。")
    step: RecordId | None = field("所在环节", "在哪个环节行使（填环节编号）。", default=None)
    deadline: Text | None = field("行使期限", "提出的期限，照规定它的条款写，例如“行政机关告知后 5 个工作日内提出”"
                                  "（《中华人民共和国行政处罚法》第六十四条第（一）项、第八十五条）。写了天数的，必须填写“期限依据”；"
                                  "法律没有规定期限的（例如《中华人民共和国行政处罚法》第四十五条的陈述、申辩），不要自拟天数，"
                                  "写“在告知书载明的期限内提出；法律未规定具体期限”。", default=None)
    basis: Citation | None = field("期限依据", "规定“行使期限”的文件、条款和原文，页面在期限旁写明“依据《…》第…条”。"
                                   "期限写有天数的必填；本单位自行规定的期限，填写规定它的本单位文件和条款。"
                                   "法律没有规定期限的不填，页面不显示依据。", default=None)
    description: Text | None = field("说明", "怎样行使这项权利。", default=None)

    @model_validator(mode="after")
    def _counted_deadline_has_basis(self) -> Right:
        if self.deadline and self.basis is None and COUNTED_DEADLINE.search(self.deadline):
            raise PydanticCustomError(
                "gongkai_right_basis",
                "权利“{name}”的行使期限“{deadline}”写了天数，但没有写明期限依据。请填写 basis（文件名称 title、条款 article、"
                "条款原文 text）；法律没有规定期限的，不要自拟天数，改写为“在告知书载明的期限内提出；法律未规定具体期限”。",
                {"name": self.name, "deadline": self.deadline})
        return self

    def basis_text(self) -> str:
        """依据《…》第…条, or nothing: an absent basis is never filled in with a default."""
        return f"依据《{self.basis.title}》{self.basis.article}" if self.basis else ""


# TemplateStep names Right, which is defined below it; resolve the forward reference once here.
TemplateStep.model_rebuild()
ProcedureTemplate.model_rebuild()
