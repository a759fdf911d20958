"""Who does it: the implementing level, the accepting and deciding organs, entrustment and joint handling."""

from __future__ import annotations

import enum

from generator.models.base import Model, RecordId, Text, field


class AdminLevel(str, enum.Enum):
    NATIONAL = "国家级"
    PROVINCE = "省级"
    CITY = "市级"
    COUNTY = "县级"
    TOWNSHIP = "乡镇（街道）级"
    VILLAGE = "村（社区）级"


class BodyKind(str, enum.Enum):
    DEPARTMENT = "政府工作部门"
    TOWNSHIP = "乡镇人民政府"
    SUBDISTRICT = "街道办事处"
    AUTHORISED = "法律法规授权的组织"
    ENTRUSTED = "受委托的组织"
    OTHER = "其他"


class Entrustment(Model):
    entrusting_body: Text = field("委托机关", "把本事项委托给实施主体的行政机关，例如“清河县自然资源和规划局”。")
    document: Text = field("委托文件", "委托书或委托文件的名称和文号，例如“《清河县林业行政许可委托书》（清自然资规〔2024〕3号）”。")
    scope: Text | None = field("委托事项和权限", "委托的具体事项和权限。", default=None)
    term: Text | None = field("委托期限", "委托的期限，例如“2024年1月1日至2026年12月31日”。", default=None)


class JointBody(Model):
    name: Text = field("联办机构", "共同办理本事项的机构名称，例如“县农业农村局”。")
    department: RecordId | None = field("部门编号", "联办机构在本目录中有部门文件夹时，填写其部门编号，页面会链接到该部门。", default=None)
    role: Text | None = field("承担的工作", "该机构在联办中做什么，例如“审查宅基地申请是否符合村庄规划”。", default=None)


class ImplementingBodies(Model):
    """Mixin: fields a power and a service item share about who carries the item out."""

    levels: list[AdminLevel] = field("实施层级", "本事项由哪些层级实施（GB/T 39046 的“行使层级”），例如 [县级] 或 [省级, 市级, 县级]。", default_factory=list)
    accepting_body: Text | None = field("受理机关", "接收申请的机关或窗口，与实施主体不同时填写，例如“县政务服务中心综合受理窗口”。", default=None)
    deciding_body: Text | None = field("决定机关", "作出决定的机关，与实施主体不同时填写，例如“市生态环境局”。", default=None)
    entrustment: Entrustment | None = field("委托实施", "实施主体受其他机关委托实施本事项时，写明委托机关和委托文件；受委托者以委托机关的名义实施。", default=None)
    joint_bodies: list[JointBody] = field("联办机构", "共同办理本事项的其他机构及其承担的工作。", default_factory=list)
