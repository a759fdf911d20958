"""Value types used by several record kinds."""

from __future__ import annotations

import enum

from pydantic import StrictBool, StrictInt

from generator.models.base import Email, Model, Text, WebUrl, field


class DayUnit(str, enum.Enum):
    WORKING = "工作日"
    CALENDAR = "自然日"


class TimeLimit(Model):
    days: StrictInt = field("天数", "时限的天数，填写整数；当场办结填 0。", ge=0, le=3650)
    unit: DayUnit = field("单位", "时限的计算单位：工作日 或 自然日。法律未写明“工作日”的，按自然日计算。")
    note: Text | None = field("说明", "对时限的补充说明，例如“听证、检验、检测、鉴定时间不计算在内”。", default=None)

    def text(self) -> str:
        return "当场办结" if self.days == 0 else f"{self.days} 个{self.unit.value}"


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


class MaterialForm(str, enum.Enum):
    ORIGINAL = "原件"
    COPY = "复印件"
    ORIGINAL_AND_COPY = "原件和复印件"
    ELECTRONIC = "电子材料"


class Material(Model):
    name: Text = field("材料名称", "材料的规范名称，写具体，不要写“其他材料”“相关材料”。")
    issuer: Text | None = field("出具单位", "材料由谁出具，例如“申请人自备”“公安机关”。", default=None)
    form: MaterialForm = field("材料形式", "原件、复印件、原件和复印件 或 电子材料。", default=MaterialForm.ORIGINAL)
    copies: StrictInt = field("份数", "需要提交的份数。", default=1, ge=0, le=100)
    required: StrictBool = field("是否必需", "true 表示必须提交，false 表示视情况提交（在“说明”中写明情形）。", default=True)
    note: Text | None = field("说明", "填写要求、样表或视情况提交的情形。", default=None)


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
