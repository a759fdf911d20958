"""A department (实施主体): owns one folder of catalogue/ and the defaults its records inherit."""

from __future__ import annotations

from generator.models.base import Model, RecordId, Text, field
from generator.models.bodies import AdminLevel, BodyKind
from generator.models.common import Channel, Contact, Supervision


class Department(Model):
    id: RecordId = field("编号", "部门编号，只用小写字母、数字和连字符，且与所在文件夹同名，例如 market-regulation。")
    name: Text = field("部门名称", "部门的规范全称，例如“某某县市场监督管理局”。")
    short_name: Text | None = field("简称", "部门简称，用于表格和导航。", default=None)
    body_kind: BodyKind | None = field("机构类型", "政府工作部门、乡镇人民政府、街道办事处、法律法规授权的组织、受委托的组织 或 其他。", default=None)
    level: AdminLevel | None = field("层级", "本机构所在的行政层级，例如 县级、乡镇（街道）级。", default=None)
    unified_code: Text | None = field("统一社会信用代码", "部门的统一社会信用代码。", default=None)
    description: Text | None = field("部门简介", "部门的主要职责，一两句话。", default=None)
    owner_team: Text | None = field(
        "负责团队", "在代码仓库中审核本部门记录的团队，例如 @county-gov/market-regulation。", default=None
    )
    contact: Contact | None = field("联系方式", "部门的默认联系方式，本部门记录未填写时继承。", default=None)
    supervision: Supervision | None = field("监督方式", "部门的默认监督机构和外部监督渠道，本部门记录未填写时继承。", default=None)
    complaint_channels: list[Channel] = field(
        "投诉举报途径", "部门的默认投诉举报渠道，例如 12345 热线，本部门记录未填写时继承。", default_factory=list
    )
