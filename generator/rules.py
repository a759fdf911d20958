"""Stage 3, rules: checks on one typed record that its schema cannot express."""

from __future__ import annotations

import re
from typing import Iterator

from pydantic import BaseModel

from generator.diagnostics import Diagnostic, Severity
from generator.fieldinfo import lookup
from generator.models import Category, FeeBasis, Power, ServiceItem
from generator.models.procedure import ExerciseMode
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


def _on_application(record: Power | ServiceItem) -> bool:
    """Known to start on application: every service item, and a power that says 依申请."""
    return isinstance(record, ServiceItem) or record.exercise_mode is ExerciseMode.ON_APPLICATION


def _disclosure_rules(item: Validated, record: Power | ServiceItem) -> Iterator[Diagnostic]:
    """What the law requires an item on application to publish; silence shows as 未公布, so it is only a warning."""
    if isinstance(record, Power) and record.ex_officio:
        if record.materials:
            yield problem(item, ("materials",), f"“{record.category.value}”依职权实施，没有申请人，页面不显示申请材料。请删除 materials，或把行使方式改为 依申请。", Severity.WARNING)
        return
    if not _on_application(record):
        return
    if record.charged is None and not getattr(record, "fee_conditions", None):
        yield problem(item, ("charged",), "没有写明是否收费，页面将显示“收费情况未公布”。原文写明不收费的填 charged: false，收费的填 true 并填写收费依据。",
                      Severity.WARNING, at=("name",))
    # A fee-collection power has no application of its own: the payer applies for the service the fee is for.
    if record.materials is None and not (isinstance(record, Power) and record.category is Category.FEE):
        yield problem(item, ("materials",), "没有列出申请材料，页面将显示“申请材料未公布”。请按一次性告知的要求列出材料；确实不需要任何材料的写 materials: []。",
                      Severity.WARNING, at=("name",))
    if isinstance(record, ServiceItem) and record.statutory_limit is None and record.promised_limit is None:
        yield problem(item, ("promised_limit",), "服务事项应写明办理时限（承诺时限或法定时限，含单位），页面将显示“未公布”。", Severity.WARNING, at=("name",))


def _penalty_rules(item: Validated, power: Power) -> Iterator[Diagnostic]:
    if power.category is Category.PENALTY and not (power.penalty and (power.penalty.kinds or power.penalty.range)):
        yield problem(item, ("penalty",), "行政处罚应写明处罚种类和幅度（penalty.kinds、penalty.range），页面将显示“未公布”。"
                      "有裁量基准的，一并填写 penalty.discretion（《行政处罚法》第三十四条：裁量基准应当向社会公布）。", Severity.WARNING, at=("category",))


def _charge_rules(item: Validated, record: Power | ServiceItem) -> Iterator[Diagnostic]:
    if record.charged and not record.fee_bases:
        yield problem(item, ("fee_bases",), "收费的事项必须填写收费依据（收费依据记录的编号）。不收费请把 charged 改为 false。",
                      at=None if present(item, "fee_bases") else ("charged",))
    if record.charged is False and record.fee_bases:
        yield problem(item, ("charged",), "填写了收费依据，但“是否收费”为 false。请把 charged 改为 true，或删除收费依据。")


def _element_rules(item: Validated, record: Power | ServiceItem) -> Iterator[Diagnostic]:
    """The 办事指南 elements hang together: conditional fees name their basis, waived materials are listed ones."""
    for i, condition in enumerate(record.fee_conditions):
        if not condition.fee_bases:
            yield problem(item, ("fee_conditions", i, "fee_bases"), f"收费情形“{condition.situation}”没有写明收费依据。请填写该情形适用的收费依据编号。",
                          Severity.WARNING, at=("fee_conditions", i))
    listed = {name for m in record.materials or () for name in m.names()}
    for key in ("deficiency_acceptance", "commitment"):
        terms = getattr(record, key)
        for i, name in enumerate(terms.materials if terms and listed else ()):
            if name not in listed:
                yield problem(item, (key, "materials", i), f"“{name}”不在本事项的申请材料中。请使用“申请材料”里的材料名称，让申请人知道指的是哪一项。", Severity.WARNING)
    methods = {m.value for m in record.handling_methods}
    if record.onsite_visits == 0 and methods and not methods & {"网上办理", "邮寄办理"}:
        yield problem(item, ("onsite_visits",), "到办事现场次数为 0，但办理方式只有窗口或自助办理。请核对：零跑动的事项应支持网上办理或邮寄办理。", Severity.WARNING)


def _material_rules(item: Validated, record: Power | ServiceItem) -> Iterator[Diagnostic]:
    for i, material in enumerate(record.materials or ()):
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
    for i, standard in enumerate(fee.standards):
        if not standard.amount and not standard.tiers:
            yield problem(item, ("standards", i, "amount"), f"收费子项“{standard.item}”没有收费标准。请填写 amount，分档收费的填写 tiers（各档区间和标准）。",
                          at=("standards", i))
        if standard.tier_mode and not standard.tiers:
            yield problem(item, ("standards", i, "tiers"), f"收费子项“{standard.item}”写了分档方式，但没有列出分档标准（tiers）。", Severity.WARNING,
                          at=("standards", i, "tier_mode"))


def record_rules(item: Validated) -> list[Diagnostic]:
    record: BaseModel = item.record
    found: list[Diagnostic] = []
    if isinstance(record, Power):
        found += _power_rules(item, record)
        found += _penalty_rules(item, record)
    if isinstance(record, (Power, ServiceItem)):
        for rule in (_disclosure_rules, _charge_rules, _element_rules, _material_rules, _step_rules):
            found += rule(item, record)
    if isinstance(record, FeeBasis):
        found += _fee_rules(item, record)
    return found


def apply_rules(items: list[Validated]) -> list[Diagnostic]:
    return [d for item in items for d in record_rules(item)]
