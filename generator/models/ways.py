"""How a citizen comes to an item on the home page (个人办事 / 法人办事, life events, themes): fields a power or a
service item may carry. Each enum value is also the label the site shows."""

from __future__ import annotations

import enum

from generator.models.base import field


class Audience(str, enum.Enum):
    """Who applies: the two doors of a 政务服务网 portal."""

    PERSON = "个人"
    ORGANISATION = "法人"


class LifeEvent(str, enum.Enum):
    """The life events the home page offers, in the order of a life."""

    BIRTH = "出生"
    SCHOOL = "上学"
    WORK = "就业"
    MARRIAGE = "结婚"
    SHOP = "开店"
    HOME = "买房"
    OLD_AGE = "养老"
    DEATH = "身后事"


# The same three fields on powers and service items (a function each: every model needs its own FieldInfo).
def audiences_field():  # noqa: ANN201 — a pydantic FieldInfo
    return field("办事对象", "在首页“个人办事”“法人办事”中列出：个人、法人（企业和其他组织），两者都面向的两个都写。依职权的处罚、检查等不用填。",
                 default_factory=list)


def life_events_field():  # noqa: ANN201
    return field("人生事件", "群众在哪件事上会用到本事项：出生、上学、就业、结婚、开店、买房、养老、身后事，可写多个；首页按人生事件列出。",
                 default_factory=list)


def themes_field():  # noqa: ANN201
    return field("主题", "事项所属的主题，例如“户籍证件”“社会保障”“住房”“市场准入”，可写多个；“个人办事”“法人办事”页按主题分组。",
                 default_factory=list)
