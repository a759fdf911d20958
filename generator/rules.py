"""Stage 3, rules: checks on one typed record that its schema cannot express."""

from __future__ import annotations

import re
from typing import Iterator

from pydantic import BaseModel

from generator.diagnostics import Diagnostic, Severity
from generator.fieldinfo import lookup
from generator.models import FeeBasis, Power, ServiceItem
from generator.validate import Validated

# Vague material names the 2017 national inspection singled out (兜底条款).
VAGUE_MATERIAL = re.compile(r"^(其他|其它|相关|有关)(材料|资料|文件|证明)|(其他|其它|相关|有关|等)(材料|资料|证明材料)$|^其他$")


def problem(item: Validated, loc: tuple, message: str, severity: Severity = Severity.ERROR, at: tuple | None = None) -> Diagnostic:
    """A diagnostic about the field at `loc`; `at` is where to point when that field is absent from the file."""
    field = lookup(type(item.record), loc)
    return Diagnostic(item.raw.shown, severity=severity, label=field.label, key=field.key, message=message, loc=at or loc)


def present(item: Validated, key: str) -> bool:
    return isinstance(item.raw.data, dict) and key in item.raw.data


def _power_rules(item: Validated, power: Power) -> Iterator[Diagnostic]:
    if not power.legal_basis:
        yield problem(item, ("legal_basis",), "公开的职权必须有实施依据：没有法律依据的职权不得行使，也不得列入清单。请填写依据的文件、条款和原文。")
    if power.statutory_limit is None and power.promised_limit is None and power.exercise_mode and power.exercise_mode.value == "依申请":
        yield problem(item, ("promised_limit",), "依申请的职权应写明承诺时限（含单位）。", Severity.WARNING)


def _charge_rules(item: Validated, record: Power | ServiceItem) -> Iterator[Diagnostic]:
    if record.charged and not record.fee_bases:
        yield problem(item, ("fee_bases",), "收费的事项必须填写收费依据（收费依据记录的编号）。不收费请把 charged 改为 false。",
                      at=None if present(item, "fee_bases") else ("charged",))
    if not record.charged and record.fee_bases:
        yield problem(item, ("charged",), "填写了收费依据，但“是否收费”为 false。请把 charged 改为 true，或删除收费依据。")


def _material_rules(item: Validated, record: Power | ServiceItem) -> Iterator[Diagnostic]:
    for i, material in enumerate(record.materials):
        if VAGUE_MATERIAL.search(material.name):
            yield problem(item, ("materials", i, "name"), f"材料名称“{material.name}”过于笼统。请逐项写明具体材料，不要使用“其他材料”“相关材料”等兜底表述。", Severity.WARNING)


def _step_rules(item: Validated, record: Power | ServiceItem) -> Iterator[Diagnostic]:
    steps = record.procedure.steps if record.procedure else []
    for i, step in enumerate(steps):
        if step.name and not step.ref and not (step.post or step.promised_limit or step.statutory_limit or step.description):
            yield problem(item, ("procedure", "steps", i), f"环节“{step.name}”只有名称。请写明承办岗位、时限和办理标准。", Severity.WARNING)
        if not step.ref and not step.name:
            yield problem(item, ("procedure", "steps", i, "name"), "自增的环节必须填写环节名称，或用 ref 引用模板环节。")


def _fee_rules(item: Validated, fee: FeeBasis) -> Iterator[Diagnostic]:
    if fee.valid_from and fee.valid_until and fee.valid_until < fee.valid_from:
        yield problem(item, ("valid_until",), "截止日期早于执行日期，请核对。")


def record_rules(item: Validated) -> list[Diagnostic]:
    record: BaseModel = item.record
    found: list[Diagnostic] = []
    if isinstance(record, Power):
        found += _power_rules(item, record)
    if isinstance(record, (Power, ServiceItem)):
        for rule in (_charge_rules, _material_rules, _step_rules):
            found += rule(item, record)
    if isinstance(record, FeeBasis):
        found += _fee_rules(item, record)
    return found


def apply_rules(items: list[Validated]) -> list[Diagnostic]:
    return [d for item in items for d in record_rules(item)]
