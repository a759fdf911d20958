"""The remedies a reader is told about, worded once for pages and charts.

A record whose own law sets other remedies or periods lists them in its procedure; otherwise a procedure template
lists its remedies in order, and an enforcement power without a template gets the general ones. A remedy marked
`first` is 复议前置 (《中华人民共和国行政复议法》第二十三条): the reader must apply for 行政复议 before any suit,
and the suit limit is then the 15 days after the 复议 decision.
"""

from __future__ import annotations

from generator.catalogue import Entry
from generator.models import Power
from generator.models.power import PowerClass
from generator.models.procedure import Remedy

REVIEW_FIRST_ARTICLE = "《中华人民共和国行政复议法》第二十三条"

# Every administrative act of an enforcement power can be challenged, with or without a statutory template.
DEFAULT_REMEDIES = (
    Remedy(name="申请行政复议", deadline="自知道或者应当知道该行政行为之日起 60 日内", article="《中华人民共和国行政复议法》第二十条第一款"),
    Remedy(name="提起行政诉讼", deadline="自知道或者应当知道作出行政行为之日起 6 个月内", article="《中华人民共和国行政诉讼法》第四十六条第一款"),
    Remedy(name="提起行政诉讼", applies_when="已申请行政复议，对行政复议决定不服的",
           deadline="自收到行政复议决定书之日起 15 日内；行政复议机关逾期不作决定的，自复议期满之日起 15 日内",
           article="《中华人民共和国行政诉讼法》第四十五条"),
)


def remedies_of(entry: Entry) -> tuple[Remedy, ...]:
    """The record's own remedies where its law differs, else its template's, else the general ones."""
    record = entry.record
    procedure = getattr(record, "procedure", None)
    if procedure and procedure.remedies:
        return tuple(procedure.remedies)
    if entry.template and entry.template.remedies:
        return tuple(entry.template.remedies)
    if isinstance(record, Power) and record.category.power_class is PowerClass.ENFORCEMENT:
        return DEFAULT_REMEDIES
    return ()


def review_first(remedies: tuple[Remedy, ...]) -> str:
    """The 复议前置 sentence, or "" when the reader may choose between 复议 and a suit."""
    first = next((r for r in remedies if r.first), None)
    if first is None:
        return ""
    when = f"{first.applies_when}，" if first.applies_when else ""
    return f"{when}须先申请行政复议，对行政复议决定不服的，才能向人民法院提起行政诉讼（{REVIEW_FIRST_ARTICLE}）。"


def remedy_line(remedy: Remedy) -> str:
    """One remedy in one line: 适用情形：途径：期限（依据）."""
    when = f"{remedy.applies_when}：" if remedy.applies_when else ""
    name = remedy.name + ("（须先申请）" if remedy.first else "")
    article = f"（{remedy.article}）" if remedy.article else ""
    return f"{when}{name}，{remedy.deadline}{article}"
