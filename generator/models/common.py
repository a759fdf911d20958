"""Value types used by several record kinds."""

from __future__ import annotations

import enum

from pydantic import ConfigDict, StrictInt, model_validator
from pydantic_core import PydanticCustomError

from generator.models.base import Email, Model, Text, WebUrl, field


class DayUnit(str, enum.Enum):
    WORKING = "工作日"
    CALENDAR = "自然日"


class LimitStart(str, enum.Enum):
    """The event a time limit counts from; the day of the event itself is not counted."""

    RECEIVED = "收到申请"
    ACCEPTED = "受理"
    FILED = "立案"
    DECIDED = "作出决定"
    DELIVERED = "送达"


class Citation(Model):
    """The article that sets one time limit, quoted."""

    title: Text = field("文件名称", "规定该时限的法律、法规、规章或规范性文件的全称，例如“中华人民共和国建筑法”。")
    article: Text = field("条款", "具体条款，例如“第八条第二款”。")
    text: Text = field("条款原文", "条款中规定该时限的原文，照录一句或整款，不要概括。")


class TimeLimit(Model):
    # Either a number of days with its unit, or a wording: the JSON Schema says what the validator below enforces.
    model_config = ConfigDict(json_schema_extra={"oneOf": [
        {"required": ["days", "unit"], "properties": {"days": {"type": "integer"}, "unit": {"type": "string"}}},
        {"required": ["wording"], "properties": {"wording": {"type": "string"}}},
    ]})

    days: StrictInt | None = field("天数", "时限的天数，填写整数；当场办结填 0。不是天数的时限不填，写在“时限表述”中。",
                                   default=None, ge=0, le=3650)
    unit: DayUnit | None = field("单位", "时限的计算单位：工作日 或 自然日。法律未写明“工作日”的，按自然日计算。", default=None)
    wording: Text | None = field("时限表述", "不是天数的时限，照法律或承诺原文写，例如“办理次月发放”“每月 10 日前发放”“及时制发”；"
                                 "填写后不填天数和单位，时限核算跳过这一项。", default=None)
    starts: LimitStart | None = field("起算点", "时限从哪个事件起算：收到申请、受理、立案、作出决定 或 送达（当日不计入）。"
                                      "环节不填表示从上一环节办结时起算；办理时限不填表示从收到申请或启动时起算。", default=None)
    basis: Citation | None = field("时限依据", "规定这一时限的文件、条款和原文。记录改写流程模板中某环节的法定时限时必填。", default=None)
    note: Text | None = field("说明", "对时限的补充说明，例如“听证、检验、检测、鉴定时间不计算在内”。", default=None)

    @model_validator(mode="after")
    def _one_form(self) -> TimeLimit:
        counted = self.days is not None or self.unit is not None
        if self.wording is not None and counted:
            raise PydanticCustomError("gongkai_limit", "时限只能写一种：要么写天数和单位（days、unit），要么写时限表述（wording），不能同时写。")
        if self.wording is None and (self.days is None or self.unit is None):
            days = self.days if self.days is not None else 10
            units = [self.unit.value] if self.unit is not None else ["工作日", "自然日"]
            example = " 或 ".join(f"{{days: {days}, unit: {u}}}" for u in units)
            missing = "单位" if self.days is not None else "天数" if self.unit is not None else "天数和单位"
            raise PydanticCustomError("gongkai_limit", "时限缺少{missing}。请写成 {example}；不是天数的时限（例如“办理次月发放”）写在 wording 中。",
                                      {"missing": missing, "example": example})
        return self

    @property
    def counted(self) -> bool:
        """A number of days (as opposed to a wording such as 办理次月发放) that arithmetic can use."""
        return self.days is not None and self.unit is not None

    def amount(self) -> str:
        """The limit alone, without its starting point: 当场办结, 20 个工作日, or the wording as written."""
        if self.wording is not None:
            return self.wording
        return "当场办结" if self.days == 0 else f"{self.days} 个{self.unit.value}"  # type: ignore[union-attr]

    def text(self) -> str:
        """The one way every page, chart and export words a limit (自受理之日起 20 个工作日)."""
        if self.starts is None or self.wording is not None or self.days == 0:
            return self.amount()
        return f"自{self.starts.value}之日起 {self.amount()}"

    def basis_text(self) -> str:
        return f"《{self.basis.title}》{self.basis.article}" if self.basis else ""

    def describe(self, basis: bool = False) -> str:
        """The limit with its note and, when asked, the article it comes from."""
        parts = [self.text()]
        if self.note:  # the note often cites an article in brackets itself: joined, not bracketed
            parts.append(f"；{self.note}")
        if basis and self.basis:
            parts.append(f"（依据{self.basis_text()}）")
        return "".join(parts)


class LawLevel(str, enum.Enum):
    LAW = "法律"
    ADMIN_REGULATION = "行政法规"
    STATE_COUNCIL_DECISION = "国务院决定"
    LOCAL_REGULATION = "地方性法规"
    AUTONOMOUS_REGULATION = "自治条例和单行条例"
    DEPARTMENT_RULE = "部门规章"
    LOCAL_RULE = "地方政府规章"
    NORMATIVE_DOCUMENT = "规范性文件"


class LegalBasis(Model):
    title: Text = field("文件名称", "法律、法规、规章或规范性文件的全称，例如“中华人民共和国行政许可法”。")
    level: LawLevel = field("效力层级", "依据的效力层级，例如 法律、行政法规、地方性法规、部门规章。")
    article: Text = field("条款", "具体条款，例如“第三十二条第一款”。")
    text: Text = field("条款原文", "所引条款的原文，照录，不要概括。")
    document_number: Text | None = field("文号", "规范性文件或价格文件的文号，例如“发改价格〔2019〕914号”。", default=None)


class Contact(Model):
    phone: Text | None = field("电话", "咨询电话，写明区号，例如“0571-12345678”。", default=None)
    address: Text | None = field("地址", "办公或受理地点的详细地址。", default=None)
    hours: Text | None = field("办公时间", "对外办公时间，例如“工作日 9:00-12:00，13:30-17:00”。", default=None)
    email: Email | None = field("电子邮箱", "受理咨询的电子邮箱，只填地址本身，例如 xxgk@example.gov.cn。", default=None)
    website: WebUrl | None = field("网址", "网上办理或咨询的网址，以 https:// 或 http:// 开头；其他写法（如 javascript:）不接受。", default=None)


class Channel(Model):
    name: Text = field("渠道名称", "渠道的名称，例如“12345 政务服务便民热线”或“县纪委监委派驻纪检监察组”。")
    phone: Text | None = field("电话", "该渠道的电话。", default=None)
    address: Text | None = field("地址", "该渠道的地址或来信地址。", default=None)
    website: WebUrl | None = field("网址", "该渠道的网址，以 https:// 或 http:// 开头；其他写法（如 javascript:）不接受。", default=None)
    email: Email | None = field("电子邮箱", "该渠道的电子邮箱，只填地址本身，例如 jubao@example.gov.cn。", default=None)

    def has_contact(self) -> bool:
        return any((self.phone, self.address, self.website, self.email))


class Supervision(Model):
    internal: list[Channel] = field(
        "内部监督", "本单位内部的监督机构及联系方式，例如机关纪委、法制科。", default_factory=list
    )
    external: list[Channel] = field(
        "外部监督", "外部监督渠道，例如县纪委监委、县司法局行政执法监督科、上级主管部门。", default_factory=list
    )


class Post(Model):
    name: Text = field("岗位名称", "承办岗位的名称，例如“窗口受理岗”“审核岗”“批准岗”。")
    duties: Text | None = field("岗位职责", "该岗位在本职权中的职责。", default=None)
    accountability: list[Text] = field(
        "追责情形", "该岗位被追究责任的情形，用于责任清单。", default_factory=list
    )


class Disclosure(Model):
    content: Text = field("公开内容", "本事项公开哪些信息。")
    form: Text = field("公开形式", "公开的方式，例如“政府门户网站、政务服务大厅公示栏”。")
    scope: Text = field("公开范围", "向谁公开，例如“面向社会公开”。")
    time: Text = field("公开时限", "何时公开，例如“信息形成或变更之日起 20 个工作日内”。")


DATE_DOC = "日期，格式 YYYY-MM-DD，例如 2024-03-01。"
