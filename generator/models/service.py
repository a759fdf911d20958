"""A service item (服务事项 / 便民服务事项)."""

from __future__ import annotations

from pydantic import StrictBool

from generator.models.base import RecordId, Text, field
from generator.models.bodies import ImplementingBodies
from generator.models.common import LegalBasis, TimeLimit
from generator.models.elements import ServiceElements
from generator.models.material import Material
from generator.models.power import HandlingType
from generator.models.procedure import Procedure
from generator.models.record import Record
from generator.models.ways import Audience, LifeEvent, audiences_field, life_events_field, themes_field


class ServiceItem(Record, ImplementingBodies, ServiceElements):
    name: Text = field("服务事项名称", "服务事项的规范名称。")
    description: Text | None = field("服务内容", "为群众办什么事，一两句话。", default=None)
    service_object: Text | None = field("服务对象", "例如“本县户籍居民”“辖区企业”。", default=None)
    legal_basis: list[LegalBasis] = field("办理依据", "办理本事项所依据的法律、法规、规章或规范性文件，每条写明文件、层级、条款和原文。", default_factory=list)
    conditions: list[Text] = field("办理条件", "申请人需要满足的条件。", default_factory=list)
    materials: list[Material] | None = field(
        "申请材料", "需要提交的材料（一次性告知）。不需要任何材料的写 materials: []；不填表示未公布。", default=None
    )
    requirements: list[Text] = field("其他要求", "材料以外的要求，例如“本人到场”。", default_factory=list)
    handling_type: HandlingType | None = field("办件类型", "即办件、承诺件 或 一审一核。", default=None)
    statutory_limit: TimeLimit | None = field("法定时限", "法律规定的办理时限（有规定时填写）。", default=None)
    promised_limit: TimeLimit | None = field("承诺时限", "承诺的办理时限，写明单位；当场办结填 0。法定时限和承诺时限至少填写一项。", default=None)
    charged: StrictBool | None = field(
        "是否收费", "true 表示收费（须填写收费依据），false 表示不收费。原文没有写明的不要填，页面显示“未公布”。", default=None
    )
    fee_bases: list[RecordId] = field("收费依据", "收费依据记录的编号。", default_factory=list)
    result: Text | None = field("办理结果", "办理结果，例如“居住证”。", default=None)
    procedure: Procedure | None = field("办理流程", "办理的流程和各环节。", default=None)
    audiences: list[Audience] = audiences_field()
    life_events: list[LifeEvent] = life_events_field()
    themes: list[Text] = themes_field()
