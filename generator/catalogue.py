"""The resolved catalogue: what every later stage (pages, charts, exports) reads. Nothing here refers back to YAML."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from generator.models import Department, FeeBasis, Power, ProcedureTemplate, SecretPower, ServiceItem
from generator.models.charging import fee_ids
from generator.models.common import Channel, Contact, LimitStart, Supervision, TimeLimit
from generator.models.procedure import Branch, Interface, Right, StepTiming

Record = Power | FeeBasis | ServiceItem | SecretPower


@dataclass(frozen=True)
class ResolvedStep:
    key: str
    name: str
    post: str | None
    statutory_limit: TimeLimit | None
    promised_limit: TimeLimit | None
    description: str | None
    article: str | None
    branches: tuple[Branch, ...]
    interfaces: tuple[Interface, ...]
    disclosure: str | None
    rights: tuple[Right, ...]
    from_template: bool
    quote: str | None = None  # the template article's text
    timing: StepTiming = StepTiming.SEQUENTIAL
    completes: LimitStart | None = None  # the event this step's end marks (受理, 作出决定 …)
    statutory_overridden: bool = False  # the record replaced the template's statutory limit with its own law's

    def timing_note(self) -> str:
        """How this step's time counts, when not simply added after the previous step."""
        return {StepTiming.PARALLEL: "与上一环节同时进行", StepTiming.EXCLUDED: "不计入办理时限"}.get(self.timing, "")

    def statutory_text(self) -> str:
        """The statutory limit as shown everywhere; the record's own law is named when it replaced the template's."""
        limit = self.statutory_limit
        return limit.describe(basis=self.statutory_overridden or not self.from_template) if limit else ""


@dataclass(frozen=True)
class Entry:
    """A record with everything inherited and referenced filled in."""

    kind: str  # "powers", "fees" or "services"
    record: Record
    source: str  # path relative to the project root, for "edit this record"
    department: Department
    contact: Contact | None
    supervision: Supervision | None
    complaints: tuple[Channel, ...]
    steps: tuple[ResolvedStep, ...] = ()
    template: ProcedureTemplate | None = None
    # The compliance page's missing disclosure elements, counted before the record was made light (the site part of a
    # split build keeps only what its pages show: generator/parts/listing.py); None: count them from the record.
    known_missing: tuple[str, ...] | None = None

    @property
    def id(self) -> str:
        return self.record.id

    @property
    def name(self) -> str:
        return self.record.name

    @property
    def is_secret(self) -> bool:
        return isinstance(self.record, SecretPower)

    @property
    def url(self) -> str:
        """Site-relative page path (engine-neutral, without the .md suffix)."""
        return f"{self.kind}/{self.id}"


@dataclass(frozen=True)
class DepartmentEntry:
    record: Department
    source: str

    @property
    def id(self) -> str:
        return self.record.id

    @property
    def url(self) -> str:
        return f"departments/{self.id}"


@dataclass
class Catalogue:
    departments: dict[str, DepartmentEntry]
    entries: dict[str, Entry]  # by record id; ids are unique across kinds
    templates: dict[str, ProcedureTemplate]
    fee_users: dict[str, list[Entry]] = field(default_factory=dict)

    # Entries by kind (and department), grouped once: pages ask for every department's powers, fees and services,
    # and a scan of every entry per question made a province's department pages O(departments × records).
    _groups: dict[tuple[str, bool], dict[str | None, list[Entry]]] = field(default_factory=dict, init=False, repr=False, compare=False)

    def _grouped(self, kind: str, public: bool) -> dict[str | None, list[Entry]]:
        key = (kind, public)
        if key not in self._groups:
            groups: dict[str | None, list[Entry]] = {None: []}  # None: every department's, in catalogue order
            for e in self.entries.values():
                if e.kind == kind and not (public and e.is_secret):
                    groups[None].append(e)
                    groups.setdefault(e.department.id, []).append(e)
            self._groups[key] = groups
        return self._groups[key]

    def of_kind(self, kind: str, *, public: bool = True) -> list[Entry]:
        return list(self._grouped(kind, public)[None])

    def public(self) -> Iterator[Entry]:
        return (e for e in self.entries.values() if not e.is_secret)

    def secret_powers(self) -> list[Entry]:
        return [e for e in self.entries.values() if e.is_secret]

    def of_department(self, department_id: str, kind: str) -> list[Entry]:
        return list(self._grouped(kind, True).get(department_id, ()))

    def fees_of(self, entry: Entry, ids: list[str] | None = None) -> list[Entry]:
        """The fee bases an entry names (all of them, or those of `ids`), as resolved entries."""
        return [self.entries[i] for i in (fee_ids(entry.record) if ids is None else ids) if i in self.entries]
