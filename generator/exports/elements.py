"""One cell of text for each 办事指南 and 权责清单 element (issue 21), shared by the table exports.

A cell says what the record says: an element the record leaves out is an empty cell, never a default.
"""

from __future__ import annotations

from typing import Callable, Iterable

from generator.catalogue import Catalogue, Entry
from generator.models.bodies import Entrustment, JointBody
from generator.models.duty import AccountabilityBasis, Penalty
from generator.models.elements import Commitment, Deficiency, FeeCondition, Intermediary, Question, SpecialProcedure
from generator.models.material import Material

SEP = "；"  # joins list values inside one cell


def joined(values: Iterable[object]) -> str:
    return SEP.join(str(getattr(v, "value", v)) for v in values)


def _with(head: str, *parts: tuple[str, object]) -> str:
    """`head（label：value，…）` with only the parts the record gives."""
    given = "，".join(f"{label}{value}" for label, value in parts if value not in (None, ""))
    return f"{head}（{given}）" if given else head


def entrustment(e: Entrustment | None) -> str:
    return "" if e is None else _with(e.entrusting_body, ("委托文件：", e.document), ("委托事项和权限：", e.scope), ("委托期限：", e.term))


def joint_bodies(bodies: list[JointBody]) -> str:
    return SEP.join(_with(b.name, ("", b.role)) for b in bodies)


def _necessity(required: bool | None, yes: str, no: str) -> str:
    return "" if required is None else yes if required else no


def intermediaries(items: list[Intermediary]) -> str:
    return SEP.join(_with(i.name, ("", _necessity(i.required, "必须", "非必须")), ("提供机构：", i.provider), ("收费：", i.fee),
                          ("依据：", i.basis)) for i in items)


def special_procedures(items: list[SpecialProcedure]) -> str:
    return SEP.join(_with(p.name, ("时限：", p.limit.text() if p.limit else None), ("依据：", p.basis)) for p in items)


def waiver(terms: Deficiency | Commitment | None) -> str:
    if terms is None:
        return ""
    materials = "、".join(terms.materials)
    return f"{materials}：{terms.promise}" if materials else terms.promise


def fee_conditions(catalogue: Catalogue, entry: Entry, conditions: list[FeeCondition]) -> str:
    return SEP.join(_with(c.situation, ("收费依据：", "、".join(f.name for f in catalogue.fees_of(entry, c.fee_bases)))) for c in conditions)


def faq(questions: list[Question]) -> str:
    return SEP.join(f"问：{q.question} 答：{q.answer}" for q in questions)


def citations(items: list[AccountabilityBasis]) -> str:
    return SEP.join(f"《{c.title}》{c.article or ''}" for c in items)


def penalty(p: Penalty | None, part: Callable[[Penalty], object]) -> str:
    return "" if p is None else str(part(p) or "")


def discretion(p: Penalty) -> str:
    levels = SEP.join(f"{d.level}：{d.circumstances}，{d.penalty}" for d in p.discretion)
    return _with(p.discretion_document or "", ("", levels)) if p.discretion_document else levels


def material_terms(m: Material) -> dict[str, str]:
    """A material's cells by column header; a value the record does not state stays empty (未公布 in the docs)."""
    return {
        "或者提交": joined(m.alternatives), "适用情形": m.applies_to or "", "出具单位": m.issuer or "",
        "原件或复印件": m.form.value if m.form else "", "纸质或电子": m.medium.value if m.medium else "",
        "份数": "" if m.copies is None else str(m.copies), "是否必需": _necessity(m.required, "是", "否"),
        "免提交（共享获取）": m.shared_from or "", "空白表格": m.blank_form or "", "示例样表": m.sample_form or "",
        "设定依据": m.basis or "", "说明": m.note or "",
    }
