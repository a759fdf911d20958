"""What a record says about charging, as one value every output shows the same way.

A record that does not say whether it charges is 未公布, never 不收费; a power exercised ex officio (a penalty, an
inspection) has no fee to the party at all, so nothing is said about charging.
"""

from __future__ import annotations

import enum

from pydantic import BaseModel


class ChargeStatus(str, enum.Enum):
    CHARGED = "收费"
    FREE = "不收费"
    FREE_EXCEPT = "一般不收费，特定情形收费"
    SOMETIMES = "特定情形收费"
    UNKNOWN = "收费情况未公布"
    NOT_APPLICABLE = "不适用"

    @property
    def stated(self) -> bool:
        return self not in (ChargeStatus.UNKNOWN, ChargeStatus.NOT_APPLICABLE)


def charge_status(record: BaseModel) -> ChargeStatus:
    if getattr(record, "ex_officio", False):
        return ChargeStatus.NOT_APPLICABLE
    charged = getattr(record, "charged", None)
    conditional = bool(getattr(record, "fee_conditions", ()))
    if charged is True:
        return ChargeStatus.CHARGED
    if conditional:
        return ChargeStatus.FREE_EXCEPT if charged is False else ChargeStatus.SOMETIMES
    return ChargeStatus.FREE if charged is False else ChargeStatus.UNKNOWN


def fee_ids(record: BaseModel) -> list[str]:
    """Every fee basis a record names: those it always charges and those of its 特定情形收费, each once, in order."""
    ids = list(getattr(record, "fee_bases", ()))
    for condition in getattr(record, "fee_conditions", ()):
        ids += [i for i in condition.fee_bases if i not in ids]
    return ids
