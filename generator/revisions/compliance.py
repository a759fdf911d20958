"""The 合规情况 evaluation: per department, timeliness and completeness → 优秀 / 良好 / 一般 / 较差.

seeds/000 grades departments 优秀、良好、一般、较差 after checking the form, content and timeliness (时效) of what they
disclose, without fixing numbers. Gongkai computes the two measurable parts from facts and states its thresholds
on the page: timeliness = share of substantive changes published within 20 working days (from the manifests);
completeness = share of the required disclosure elements (seeds/000 §三(一)2–5, seeds/001) present per record.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from generator.catalogue import Catalogue, Entry
from generator.models.procedure import ExerciseMode
from generator.revisions.history import History

Check = tuple[str, Callable[[Entry], bool]]
GRADES = ((90, "优秀"), (80, "良好"), (60, "一般"), (0, "较差"))

_COMMON: list[Check] = [
    ("联系方式", lambda e: e.contact is not None),
    ("监督方式", lambda e: e.supervision is not None),
    ("投诉举报途径", lambda e: bool(e.complaints)),
]
_POWER: list[Check] = [
    ("实施依据", lambda e: bool(e.record.legal_basis)),
    ("承办机构", lambda e: bool(e.record.office)),
    ("承办岗位", lambda e: bool(e.record.posts)),
    ("办理流程", lambda e: bool(e.steps)),
    ("办理时限", lambda e: e.record.statutory_limit is not None or e.record.promised_limit is not None),
    ("公开方式", lambda e: e.record.disclosure is not None),
]
_ON_APPLICATION: list[Check] = [
    ("受理条件", lambda e: bool(e.record.conditions)),
    ("申请材料", lambda e: bool(e.record.materials)),
]
_SERVICE: list[Check] = [
    ("办理条件", lambda e: bool(e.record.conditions)),
    ("申请材料", lambda e: bool(e.record.materials)),
    ("办理地点或网址", lambda e: bool(e.record.location or e.record.online_url)),
    ("办理流程", lambda e: bool(e.steps)),
]
_FEE: list[Check] = [
    ("批准文件", lambda e: bool(e.record.approving_documents)),
]


_SHOWN = ("id", "name", "action", "changed_on", "deadline", "on_time", "late_workdays", "provisional", "deadline_was")


def checks_for(entry: Entry) -> list[Check]:
    if entry.kind == "powers":
        extra = _ON_APPLICATION if entry.record.exercise_mode is ExerciseMode.ON_APPLICATION else []
        return _POWER + extra + _COMMON
    return (_SERVICE if entry.kind == "services" else _FEE) + _COMMON


def missing(entry: Entry) -> list[str]:
    if entry.known_missing is not None:
        return list(entry.known_missing)
    return [name for name, ok in checks_for(entry) if not ok(entry)]


@dataclass
class DepartmentScore:
    id: str
    name: str
    records: int = 0
    elements: int = 0
    present: int = 0
    changes: int = 0
    on_time: int = 0
    late: list[dict] = field(default_factory=list)  # {"revision", "id", "name", "deadline", "late_workdays", …}
    provisional: list[dict] = field(default_factory=list)  # changes whose deadline is still 暂定, same keys
    incomplete: list[tuple[Entry, list[str]]] = field(default_factory=list)

    @property
    def completeness(self) -> float | None:
        return self.present / self.elements if self.elements else None

    @property
    def timeliness(self) -> float | None:
        return self.on_time / self.changes if self.changes else None

    @property
    def score(self) -> int | None:
        parts = [p for p in (self.completeness, self.timeliness) if p is not None]
        return round(100 * sum(parts) / len(parts)) if parts else None

    @property
    def grade(self) -> str:
        score = self.score
        return "—" if score is None else next(g for floor, g in GRADES if score >= floor)


def evaluate(catalogue: Catalogue, history: History) -> list[DepartmentScore]:
    scores = {d: DepartmentScore(d, dep.record.name) for d, dep in sorted(catalogue.departments.items())}
    for entry in sorted(catalogue.public(), key=lambda e: e.id):
        score = scores.get(entry.department.id)
        if score is None:
            continue
        checks, absent = checks_for(entry), missing(entry)
        score.records += 1
        score.elements += len(checks)
        score.present += len(checks) - len(absent)
        if absent:
            score.incomplete.append((entry, absent))
    for revision in history.revisions:
        for change in revision.public_changes:
            score = scores.get(change["department"])
            if score is None or "on_time" not in change:
                continue
            score.changes += 1
            score.on_time += bool(change["on_time"])
            row = {"revision": revision.id, **{k: change[k] for k in _SHOWN if k in change}}
            if not change["on_time"]:
                score.late.append(row)
            if "provisional" in change:
                score.provisional.append(row)
    return list(scores.values())
