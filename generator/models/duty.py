"""The 权责清单 columns a power carries beyond its basis: 责任事项, 追责情形 and 追责依据, and a penalty's
处罚种类和幅度 with its 裁量基准."""

from __future__ import annotations

from generator.models.base import Model, Text, field
from generator.models.common import LawLevel


class AccountabilityBasis(Model):
    """A 追责依据: the list gives the article, often a range, and not always its text."""

    title: Text = field("文件名称", "法律、法规、规章或规范性文件的全称，例如“中华人民共和国行政许可法”。")
    article: Text | None = field("条款", "具体条款，可以是一个范围，例如“第七十二条至第七十四条”。", default=None)
    level: LawLevel | None = field("效力层级", "依据的效力层级，例如 法律、行政法规、部门规章。", default=None)
    document_number: Text | None = field("文号", "规章或规范性文件的文号。", default=None)
    text: Text | None = field("条款原文", "所引条款的原文，照录，不要概括；原清单只列条款号的可不填。", default=None)


class DiscretionLevel(Model):
    level: Text = field("裁量等级", "例如“不予处罚”“从轻”“一般”“从重”，或“轻微”“较重”“严重”，照裁量基准原文。")
    circumstances: Text = field("适用情形", "该等级适用的违法情节，例如“首次违法，货值金额不足 2000 元，及时改正的”。")
    penalty: Text = field("处罚标准", "该等级的处罚，例如“罚款 5 万元以上 6 万元以下”。")


class Penalty(Model):
    kinds: list[Text] = field(
        "处罚种类", "《行政处罚法》第九条所列的处罚种类，照原文写，例如 警告、罚款、没收违法所得、吊销许可证件。", default_factory=list
    )
    range: Text | None = field(
        "处罚幅度", "罚则规定的幅度，照原文写，例如“货值金额不足一万元的，并处五万元以上十万元以下罚款”。", default=None
    )
    discretion: list[DiscretionLevel] = field("裁量基准", "本部门公布的行政处罚裁量基准，每个裁量等级一项。", default_factory=list)
    discretion_document: Text | None = field(
        "裁量基准文件", "裁量基准所在文件的名称和文号，例如“《清河县市场监督管理局行政处罚裁量基准》（清市监规〔2023〕1号）”。",
        default=None,
    )
