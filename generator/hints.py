"""“Did you mean”: for an unknown key, a field of the same record part that is close in spelling or meaning,
or else the list of that part's fields. Never a key of another kind: a wrong guess is worse than none."""

from __future__ import annotations

import difflib
from typing import Iterable

from pydantic import BaseModel

from generator.fieldinfo import submodel_at
from generator.models import RECORD_KINDS, Department
from generator.models.record import field_order

# Words editors reach for, mapped to the fields they mean, in order of preference. A candidate is offered only
# where the record part has that field (`legal_basis` on a fee basis means its approving documents).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "basis": ("legal_basis", "approving_documents", "basis"),
    "law": ("legal_basis", "approving_documents", "law"),
    "laws": ("legal_basis", "approving_documents", "law"),
    "legal": ("legal_basis",),
    "legal_basis": ("legal_basis", "approving_documents"),
    "legal_bases": ("legal_basis", "approving_documents"),
    "approval": ("approving_documents",),
    "fee": ("fee_bases", "fee"),
    "fees": ("fee_bases", "fee"),
    "fee_basis": ("fee_bases",),
    "charge": ("charged",),
    "charges": ("charged",),
    "is_charged": ("charged",),
    "free": ("charged",),
    "price": ("standards", "fee"),
    "amount": ("standards", "amount"),
    "material": ("materials",),
    "copy": ("copies",),
    "count": ("copies",),
    "quantity": ("copies", "quantity_limit"),
    "original": ("form",),
    "documents": ("materials", "approving_documents"),
    "docs": ("materials",),
    "files": ("materials",),
    "time_limit": ("promised_limit", "limit"),
    "deadline": ("promised_limit", "deadline", "limit"),
    "limit": ("promised_limit", "limit"),
    "legal_limit": ("statutory_limit",),
    "law_limit": ("statutory_limit",),
    "dept": ("department",),
    "department_id": ("department",),
    "title": ("name", "title"),
    "code": ("basic_code", "implementation_code"),
    "phone": ("contact", "phone"),
    "tel": ("contact", "phone"),
    "telephone": ("contact", "phone"),
    "address": ("location", "contact", "address"),
    "url": ("online_url", "website"),
    "website": ("online_url", "website"),
    "link": ("online_url", "website"),
    "type": ("category", "fee_type", "kind"),
    "kind": ("category", "fee_type", "kind"),
    "condition": ("conditions",),
    "requirement": ("requirements", "conditions"),
    "note": ("remarks", "note"),
    "notes": ("remarks", "note"),
    "comment": ("remarks", "note"),
    "memo": ("remarks", "note"),
    "date": ("changed_on",),
    "updated": ("changed_on",),
    "updated_on": ("changed_on",),
    "change_date": ("changed_on",),
    "reason": ("change_note", "reason"),
    "steps": ("procedure", "steps"),
    "process": ("procedure",),
    "flow": ("procedure",),
    "workflow": ("procedure",),
    "result_name": ("result",),
    "output": ("result",),
    "faqs": ("faq",),
    "questions": ("faq",),
    "visits": ("onsite_visits",),
    "depth": ("online_depth",),
    "channels": ("handling_methods", "complaint_channels"),
    "agency": ("intermediaries",),
    "agencies": ("intermediaries",),
    "fine": ("penalty",),
    "penalties": ("penalty",),
    "discretion": ("penalty", "discretion"),
    "duties": ("responsibilities", "duties"),
    "responsibility": ("responsibilities",),
    "liability": ("accountability",),
    "exemption": ("exemptions",),
    "waiver": ("exemptions",),
}
SPELLING_CUTOFF = 0.8  # difflib ratio: a typo (promise_limit), not a different word (fee_bases for legal_basis)
_ROOTS: dict[str, type[BaseModel]] = {"department": Department, **RECORD_KINDS}
_ROOT_LABELS = {"powers": "行政职权", "fees": "收费依据", "services": "服务事项", "department": "部门信息", "template": "流程模板"}


def _listing(holder: type[BaseModel], present: Iterable[str]) -> str:
    taken = set(present)
    fields = [f"{name}（{holder.model_fields[name].title}）" for name in field_order(holder) if name not in taken]
    return "、".join(fields) if fields else "（这里的字段都已填写）"


def _by_meaning(holder: type[BaseModel], key: str) -> list[str]:
    found = [name for name, info in holder.model_fields.items() if info.title == key]
    if found:
        return found
    for candidate in SYNONYMS.get(key.lower(), ()):
        if candidate in holder.model_fields:
            return [candidate]
    if any(ord(ch) > 127 for ch in key):  # a Chinese word: fields whose label contains it, or the other way round
        titles = {name: holder.model_fields[name].title or "" for name in field_order(holder)}
        return [name for name, title in titles.items() if title and (key in title or title in key)][:3]
    return []


def _by_spelling(holder: type[BaseModel], key: str) -> list[str]:
    return difflib.get_close_matches(key.lower(), list(holder.model_fields), 1, SPELLING_CUTOFF)


def _elsewhere(kind: str, key: str) -> str:
    """The other record kinds that have this key at their top level, for a key placed in the wrong kind."""
    owners = [_ROOT_LABELS[k] for k, model in _ROOTS.items() if k != kind and key in model.model_fields]
    return f"“{key}”是{'、'.join(owners)}的字段，{_ROOT_LABELS.get(kind, '这种记录')}没有这个字段。" if owners else ""


def suggest(model: type[BaseModel], kind: str, parent_loc: tuple[str | int, ...], key: str, present: Iterable[str] = ()) -> str:
    holder = submodel_at(model, parent_loc)
    if holder is None:
        return "请删除或改正这个字段。"
    matches = _by_meaning(holder, key) or _by_spelling(holder, key)
    if matches:
        options = "或".join(f"“{m}”（{holder.model_fields[m].title}）" for m in matches)
        return f"您是不是想写{options}？"
    where = _elsewhere(kind, key) if not parent_loc else ""
    return f"{where}请删除或改正这个字段。这里可以用的字段：{_listing(holder, present)}。"


__all__ = ["SPELLING_CUTOFF", "SYNONYMS", "suggest"]
