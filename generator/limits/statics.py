"""Contradictions visible in one limit, without any arithmetic between steps."""

from __future__ import annotations

import re
from typing import Iterator

from generator.catalogue import Entry
from generator.diagnostics import Diagnostic
from generator.models.common import TimeLimit
from generator.models.power import HandlingType
from generator.rules import problem
from generator.validate import Validated

# A note promising completion on the spot or the same day: true only of a limit of 0 days.
SAME_DAY = re.compile(r"当日办结|当天办结|当场办结|即时办结|立即办结|即来即办|即办")


def _limits(record) -> Iterator[tuple[tuple, TimeLimit]]:  # noqa: ANN001 — a Power or ServiceItem
    for key in ("statutory_limit", "promised_limit"):
        limit = getattr(record, key, None)
        if limit is not None:
            yield (key,), limit
    procedure = getattr(record, "procedure", None)
    for i, step in enumerate(procedure.steps if procedure else []):
        for key in ("statutory_limit", "promised_limit"):
            limit = getattr(step, key)
            if limit is not None:
                yield ("procedure", "steps", i, key), limit


def _note_problems(item: Validated) -> Iterator[Diagnostic]:
    for loc, limit in _limits(item.record):
        said = SAME_DAY.search(limit.note or "")
        if said and limit.counted and limit.days:
            yield problem(item, loc, f"说明写着“{said.group(0)}”，时限却是 {limit.amount()}，自相矛盾。全部当场（当日）办结的，"
                                     "请把天数改为 0；只有部分情形当日办结的，请把这些情形写在备注（remarks）中，时限写其余情形的天数。")


def _immediate_problem(item: Validated) -> Iterator[Diagnostic]:
    record = item.record
    promised = getattr(record, "promised_limit", None)
    if getattr(record, "handling_type", None) is HandlingType.IMMEDIATE and promised is not None and promised.counted and promised.days:
        yield problem(item, ("handling_type",), f"办件类型为即办件，承诺时限却是 {promised.text()}。即办件材料齐全的当场办结"
                                                "（承诺时限填 days: 0）；需要几天办结的，办件类型应为承诺件。")


def _override_problems(item: Validated, entry: Entry) -> Iterator[Diagnostic]:
    procedure = getattr(item.record, "procedure", None)
    template = {s.id: s for s in entry.template.steps} if entry.template else {}
    for i, step in enumerate(procedure.steps if procedure else []):
        ts = template.get(step.ref) if step.ref else None
        if ts is None or step.statutory_limit is None or step.statutory_limit.basis is not None:
            continue
        was = ts.statutory_limit.text() if ts.statutory_limit else "未规定"
        yield problem(item, ("procedure", "steps", i, "statutory_limit"),
                      f"改写了模板环节“{ts.name}”的法定时限（模板：{was}），但没有写明依据。请在 statutory_limit 中加上 basis"
                      "（title 文件名称、article 条款、text 条款原文），写明本事项的法律怎样规定这一时限。")


def static_problems(item: Validated, entry: Entry) -> Iterator[Diagnostic]:
    yield from _override_problems(item, entry)
    yield from _note_problems(item)
    yield from _immediate_problem(item)
