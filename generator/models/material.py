"""Application materials (申请材料) as applicants meet them: alternatives, who must bring what, forms to download,
paper or electronic, and materials the office fetches itself (免提交).

Nothing here has a default that would read as a fact: a material whose form or count the source does not state
shows 未公布, never 原件 or 1 份.
"""

from __future__ import annotations

import enum

from pydantic import StrictBool, StrictInt

from generator.models.base import Model, Text, WebUrl, field


class MaterialForm(str, enum.Enum):
    ORIGINAL = "原件"
    COPY = "复印件"
    ORIGINAL_AND_COPY = "原件和复印件"
    ELECTRONIC = "电子材料"


class MaterialMedium(str, enum.Enum):
    """GB/T 39046's 材料形式: the carrier, as opposed to original or copy."""

    PAPER = "纸质"
    ELECTRONIC = "电子"
    PAPER_OR_ELECTRONIC = "纸质或电子"
    PAPER_AND_ELECTRONIC = "纸质和电子"


class Material(Model):
    name: Text = field("材料名称", "材料的规范名称，写具体，不要写“其他材料”“相关材料”。")
    alternatives: list[Text] = field(
        "或者提交", "可以代替本材料的其他材料，每项一条；页面显示为“A；或者 B”。例如“房屋产权证明”的替代材料“房屋租赁合同”。",
        default_factory=list,
    )
    applies_to: Text | None = field(
        "适用情形", "本材料只适用于哪类申请人或哪种情形，照原文写，例如“申请人为法人的”“委托他人代办的”。不填表示所有申请人都适用。",
        default=None,
    )
    issuer: Text | None = field("出具单位", "材料由谁出具，例如“申请人自备”“公安机关”。", default=None)
    form: MaterialForm | None = field(
        "原件或复印件", "原件、复印件、原件和复印件 或 电子材料。原文没有写明的不要填，页面显示“未公布”。", default=None
    )
    medium: MaterialMedium | None = field(
        "纸质或电子", "材料的载体（GB/T 39046 的“材料形式”）：纸质、电子、纸质或电子、纸质和电子。原文没有写明的不要填。", default=None
    )
    copies: StrictInt | None = field("份数", "需要提交的份数。原文没有写明的不要填，页面显示“未公布”。", default=None, ge=0, le=100)
    required: StrictBool | None = field(
        "是否必需", "true 表示必须提交，false 表示视情况提交（在“适用情形”或“说明”中写明情形）。原文没有写明的不要填。", default=None
    )
    shared_from: Text | None = field(
        "免提交（共享获取）", "本材料由办理机关通过数据共享或部门核验获取、申请人免于提交时，写明从哪里获取，例如“省公共数据平台（居民身份证信息）”。",
        default=None,
    )
    blank_form: WebUrl | None = field("空白表格", "空白表格的下载地址，以 https:// 或 http:// 开头。", default=None)
    sample_form: WebUrl | None = field("示例样表", "填写示例（样表）的下载地址，以 https:// 或 http:// 开头。", default=None)
    basis: Text | None = field("设定依据", "要求提交本材料的依据，例如“《居住证暂行条例》第九条”。", default=None)
    note: Text | None = field("说明", "填写要求、规格或其他说明。", default=None)

    def names(self) -> tuple[str, ...]:
        """The material and its alternatives, as other fields (容缺受理, 告知承诺制) refer to them."""
        return (self.name, *self.alternatives)
