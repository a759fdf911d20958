"""A power (行政职权): one record per power."""

from __future__ import annotations

import enum
from datetime import date
from typing import Literal

from pydantic import Field, StrictBool

from generator.models.base import Model, RecordId, Text, field
from generator.models.common import Disclosure, LegalBasis, Post, TimeLimit
from generator.models.bodies import ImplementingBodies
from generator.models.duty import AccountabilityBasis, Penalty
from generator.models.elements import ServiceElements
from generator.models.material import Material
from generator.models.procedure import ExerciseMode, Procedure, Right
from generator.models.record import Record
from generator.models.ways import Audience, LifeEvent, audiences_field, life_events_field, themes_field


class PowerClass(str, enum.Enum):
    """The 五权."""

    ENFORCEMENT = "行政执法权"
    FEE = "行政事业性收费权"
    MAJOR_DECISION = "重大事项决策权"
    INTERNAL = "内部管理权"
    OTHER = "其他权力"


class Category(str, enum.Enum):
    LICENSING = "行政许可"
    PENALTY = "行政处罚"
    COERCION = "行政强制"
    LEVY = "行政征收"
    ADJUDICATION = "行政裁决"
    CONFIRMATION = "行政确认"
    BENEFIT = "行政给付"
    INSPECTION = "行政检查"
    NON_LICENSING_APPROVAL = "非行政许可审批"
    REWARD = "行政奖励"
    OTHER_ENFORCEMENT = "其他行政执法权"
    FEE = "行政事业性收费"
    MAJOR_DECISION = "重大事项决策"
    INTERNAL = "内部管理"
    OTHER = "其他"

    @property
    def power_class(self) -> PowerClass:
        return _NON_ENFORCEMENT.get(self, PowerClass.ENFORCEMENT)


_NON_ENFORCEMENT = {
    Category.FEE: PowerClass.FEE,
    Category.MAJOR_DECISION: PowerClass.MAJOR_DECISION,
    Category.INTERNAL: PowerClass.INTERNAL,
    Category.OTHER: PowerClass.OTHER,
}


class HandlingType(str, enum.Enum):
    IMMEDIATE = "即办件"
    PROMISED = "承诺件"
    ONE_REVIEW = "一审一核"


class Secrecy(Model):
    reason: Text = field("不公开理由", "不公开的理由，例如“涉及国家秘密”。")
    basis: Text = field("不公开依据", "不公开的法律依据，例如“《中华人民共和国保守国家秘密法》第九条”。")
    reference: Text | None = field(
        "内部编号", "本单位涉密事项登记中的编号，用来对照保存在涉密系统中的完整记录。只写编号本身，不写事项的任何内容。", default=None
    )


# Powers a department exercises on its own initiative: no application, no materials, no fee to the party.
EX_OFFICIO_CATEGORIES = frozenset({Category.PENALTY, Category.COERCION, Category.INSPECTION})


class Power(Record, ImplementingBodies, ServiceElements):
    name: Text = field("职权名称", "职权的规范名称，与权力清单一致。")
    main_item: Text | None = field("所属主项", "权力清单按“主项、子项”列出时，本职权（子项）所属主项的名称，例如“对违反《中华人民共和国食品安全法》行为的处罚”。", default=None)
    basic_code: Text | None = field("基本编码", "GB/T 39046-2020 的事项基本编码，原样照录。", default=None)
    implementation_code: Text | None = field("实施编码", "GB/T 39046-2020 的事项实施编码，原样照录。", default=None)
    category: Category = field("职权类别", "职权类别，例如 行政许可、行政处罚、行政强制、行政检查、重大事项决策。")
    secret: StrictBool = field(
        "涉密不公开", "true 表示本职权涉密不公开，只在不公开事项目录列出名称、理由和依据；此时文件中只能填写《字段说明》“涉密职权”一节的字段。", default=False
    )
    legal_basis: list[LegalBasis] = field("实施依据", "法律、法规、规章依据，每条写明文件、层级、条款和原文。", default_factory=list)
    office: Text | None = field("承办机构", "具体承办的内设机构，例如“行政审批科”。", default=None)
    posts: list[Post] = field("承办岗位", "承办本职权的岗位及其职责和追责情形。", default_factory=list)
    responsibilities: list[Text] = field(
        "责任事项", "权责清单中本职权的责任事项，每个环节一项，照原文写，例如“受理责任：公示应当提交的材料，一次性告知补正材料，依法受理或不予受理”。",
        default_factory=list,
    )
    accountability: list[Text] = field("追责情形", "权责清单中应当追究责任的情形，每种情形一项，照原文写。", default_factory=list)
    accountability_basis: list[AccountabilityBasis] = field("追责依据", "追究责任所依据的法律法规条款。", default_factory=list)
    exercise_mode: ExerciseMode | None = field("行使方式", "依申请 或 依职权。", default=None)
    trigger: Text | None = field("启动情形", "依职权行使时，什么情况下启动，例如“日常检查、投诉举报、上级交办”。", default=None)
    service_object: Text | None = field("行使对象", "职权针对的对象，例如“自然人、法人、其他组织”。", default=None)
    conditions: list[Text] = field("受理条件", "申请人需要满足的条件，或行使职权的条件。", default_factory=list)
    materials: list[Material] | None = field(
        "申请材料", "需要提交的材料（一次性告知）。不需要任何材料的写 materials: []；不填表示未公布。", default=None
    )
    handling_type: HandlingType | None = field("办件类型", "即办件、承诺件 或 一审一核。", default=None)
    statutory_limit: TimeLimit | None = field("法定时限", "法律规定的办理时限，写明单位。", default=None)
    promised_limit: TimeLimit | None = field("承诺时限", "本单位承诺的办理时限，不得长于法定时限。", default=None)
    charged: StrictBool | None = field(
        "是否收费", "true 表示收费（须填写收费依据），false 表示不收费。原文没有写明的不要填，页面显示“未公布”。", default=None
    )
    fee_bases: list[RecordId] = field("收费依据", "收费依据记录的编号。", default_factory=list)
    result: Text | None = field("办理结果", "办理结果的名称，例如“营业执照”“行政处罚决定书”。", default=None)
    penalty: Penalty | None = field("处罚种类和幅度", "行政处罚的种类、罚则规定的幅度和本部门的裁量基准。", default=None)
    procedure: Procedure | None = field("办理流程", "权力运行流程：适用的法定程序模板和各环节。", default=None)
    rights: list[Right] = field("相对人权利", "相对人在各环节享有的权利及行使期限。", default_factory=list)
    disclosure: Disclosure | None = field("公开方式", "公开的内容、形式、范围和时限。", default=None)
    audiences: list[Audience] = audiences_field()
    life_events: list[LifeEvent] = life_events_field()
    themes: list[Text] = themes_field()

    @property
    def ex_officio(self) -> bool:
        """依职权: stated, or, when the record does not say, implied by a category that never starts on application."""
        if self.exercise_mode is not None:
            return self.exercise_mode is ExerciseMode.EX_OFFICIO
        return self.category in EX_OFFICIO_CATEGORIES


def _same(model: type[Model], name: str) -> object:
    """The label and description of `model`'s field `name`, so both kinds of power say the same thing."""
    info = model.model_fields[name]
    return Field(title=info.title, description=info.description)


class SecretPower(Model):
    """A power withheld from disclosure (涉密不公开), selected when a power file says `secret: true`.

    It holds only what the 不公开事项目录 publishes (name, reason, basis), the department it belongs to and an
    opaque internal reference. Every other key is an error (extra="forbid"), so a field added to Power later is
    rejected here without being listed anywhere.
    """

    id: RecordId = _same(Record, "id")
    name: Text = _same(Power, "name")
    department: RecordId = _same(Record, "department")
    secret: Literal[True] = field("涉密不公开", "必须为 true：本职权涉密不公开。")
    secrecy: Secrecy = field("不公开说明", "不公开的理由和依据（都会公开在不公开事项目录中），以及可选的内部编号。")
    changed_on: date = field("变更日期", "列入不公开事项目录或修改其理由、依据的日期，格式 YYYY-MM-DD。目录的变化须在 20 个工作日内公开。")

    def listing(self) -> dict[str, str]:
        """Its entry in the 不公开事项目录: everything about it that is ever published."""
        return {"name": self.name, "reason": self.secrecy.reason, "basis": self.secrecy.basis}


SECRET_FIELDS = tuple(SecretPower.model_fields)  # the only keys a secret power's file may hold
