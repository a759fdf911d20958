"""Plain-Chinese wording of each contradiction, with the figures that prove it and what to change."""

from __future__ import annotations

from datetime import date

from generator.limits.clock import Point
from generator.limits.timeline import Finding, Plan, Segment
from generator.models.common import DayUnit, TimeLimit

FIX_STEPS = "请缩短环节的承诺时限；与上一环节同时进行或依法不计入办理时限的环节，请写明计时方式（timing：并行 或 不计入）。"
FIX_PROMISE = "承诺时限不得超过法定时限，请缩短承诺时限。"


class Wording:
    """Words for one record's timeline: its unit (one-unit timelines) and what its start is called."""

    def __init__(self, plan: Plan, start_word: str) -> None:
        units = plan.units()
        self.unit: DayUnit | None = next(iter(units)) if len(units) == 1 else None
        self.start_word = start_word
        self.plan = plan

    def at(self, point: Point) -> str:
        """A point: a date, or the n-th unit after the start."""
        if isinstance(point, date):
            return f"{point.year}年{point.month}月{point.day}日"
        return f"第 {point} 个{self.unit.value if self.unit else '日'}" if point else f"{self.start_word}当日"

    def since(self, finding: Finding) -> str:
        return f"{self.at(finding.start)}{self.start_word}的，" if isinstance(finding.start, date) else f"从{self.start_word}算起，"

    def segment(self, position: int | None) -> Segment | None:
        return next((s for s in self.plan.segments if s.position == position), None)

    def breakdown(self) -> str:
        parts = [f"{s.name} {s.promised.text()}" for s in self.plan.segments
                 if s.promised is not None and s.promised.counted and s.timing.value != "不计入"]
        return "、".join(parts)


def _same_start(a: TimeLimit, b: TimeLimit) -> bool:
    return a.starts == b.starts


def step_message(w: Wording, f: Finding) -> str:
    seg = w.segment(f.position)
    assert seg is not None and seg.promised is not None and seg.statutory is not None
    if _same_start(seg.promised, seg.statutory) and seg.promised.unit == seg.statutory.unit:
        return f"承诺时限（{seg.promised.text()}）长于法定时限（{seg.statutory.text()}）。{FIX_PROMISE}"
    return (f"承诺时限（{seg.promised.text()}）会超过法定时限（{seg.statutory.text()}）：{w.since(f)}按各环节的承诺时限推算，"
            f"本环节最晚{w.at(f.end)}办结，法定时限到{w.at(f.deadline)}。{FIX_PROMISE}")


def record_message(w: Wording, f: Finding) -> str:
    promised, statutory = w.plan.promised_total, w.plan.statutory_total
    assert promised is not None and statutory is not None
    if _same_start(promised, statutory) and promised.unit == statutory.unit:
        return f"承诺时限（{promised.text()}）长于法定时限（{statutory.text()}）。{FIX_PROMISE}"
    return (f"承诺时限（{promised.text()}）会超过法定时限（{statutory.text()}）：{w.since(f)}承诺时限到{w.at(f.end)}，"
            f"法定时限到{w.at(f.deadline)}。{FIX_PROMISE}")


def total_message(w: Wording, f: Finding) -> str:
    promised = w.plan.promised_total
    assert promised is not None
    return (f"各环节的承诺时限（{w.breakdown()}）超出了本事项的承诺时限（{promised.text()}）：{w.since(f)}"
            f"按环节推算最晚{w.at(f.end)}办结，而承诺时限到{w.at(f.deadline)}。{FIX_STEPS}")


def order_message(w: Wording, f: Finding) -> str:
    seg = w.segment(f.position)
    assert seg is not None and seg.promised is not None
    return (f"本环节承诺{seg.promised.text()}，但{w.since(f)}此前各环节的承诺时限推算到{w.at(f.end)}，"
            f"已晚于本环节的截止时间{w.at(f.deadline)}。请缩短此前环节的承诺时限，或改正本环节的起算点（starts）。")


def anchor_message(f: Finding) -> str:
    event = f.limit.starts.value if f.limit and f.limit.starts else ""
    return (f"时限的起算点“{event}”在本环节之前没有对应的环节，无法计算。请在办结这一事件的环节写明办结事件"
            f"（completes: {event}），或改正起算点（starts）。")


MESSAGES = {"step": step_message, "record": record_message, "total": total_message, "order": order_message}


def message(w: Wording, f: Finding) -> str:
    return anchor_message(f) if f.kind == "anchor" else MESSAGES[f.kind](w, f)
