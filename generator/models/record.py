"""Fields shared by every published record kind (power, fee basis, service item)."""

from __future__ import annotations

import enum
from datetime import date

from generator.models.base import Model, RecordId, Text, field
from generator.models.common import Channel, Contact, Supervision


class ChangeKind(str, enum.Enum):
    """As on GOV.UK: only a substantive change is a revision the public must be told about."""

    MAJOR = "实质变更"
    MINOR = "文字修改"


REVIEW_NOTES_DOC = ("本记录中尚未与官方文本核对一致的法律内容，逐条写明哪一处、为什么不确定、应当找哪份原文核对，"
                    "例如“第二十四条的条号和原文未能与总局令第78号原文核对”。页面以“待核实”提示公众以原文为准；核实后删除该条。")


class Record(Model):
    id: RecordId = field("编号", "记录编号，只用小写字母、数字和连字符，与文件名相同，全目录唯一。")
    name: Text = field("名称", "事项的规范名称。")
    department: RecordId = field("实施主体", "负责本事项的部门编号，必须与记录所在的部门文件夹一致。")
    contact: Contact | None = field("联系方式", "咨询电话、地址和办公时间；不填则继承部门的联系方式。", default=None)
    supervision: Supervision | None = field("监督方式", "内部监督机构和外部监督渠道；不填则继承部门设置。", default=None)
    complaint_channels: list[Channel] | None = field(
        "投诉举报途径", "投诉和举报的渠道；不填则继承部门设置。", default=None
    )
    remarks: Text | None = field("备注", "其他需要说明的事项。", default=None)
    review_notes: list[Text] = field(
        "待核实事项", REVIEW_NOTES_DOC, default_factory=list
    )
    changed_on: date = field("变更日期", "本记录内容最近一次变更（或首次制定）的日期，格式 YYYY-MM-DD。20 个工作日的公开期限从这一天起算。")
    change_note: Text = field("变更说明", "变更的原因或依据的文件，例如“依据《某某条例》修订调整受理条件”。")
    change_kind: ChangeKind = field("变更类型", "实质变更（内容、依据、时限、收费等变化，须在 20 个工作日内公开）或 文字修改（错别字、格式，不构成修订）。", default=ChangeKind.MAJOR)


IDENTITY = ("id", "name", "department")


def _mixins(model: type) -> list[type[Model]]:
    """Shared field groups a record kind takes in besides Record (implementing bodies, service elements)."""
    return [base for base in model.__mro__[1:] if isinstance(base, type) and issubclass(base, Model)
            and base not in (Record, Model) and not issubclass(Record, base)]


def field_order(model: type[Model]) -> list[str]:
    """Model field order, except that a record reads: identity, its own fields, its shared field groups, and
    the common fields (contact … change_kind) last.

    Editors read a record top-down: what it is first, the inherited contact details and the change note at the end.
    """
    names = list(model.model_fields)
    if not issubclass(model, Record):
        return names
    common = [n for n in Record.model_fields if n not in IDENTITY]
    shared = [n for mixin in _mixins(model) for n in mixin.model_fields if n not in IDENTITY]
    own = [n for n in names if n not in IDENTITY and n not in common and n not in shared]
    return list(IDENTITY) + own + shared + common
