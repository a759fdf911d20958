"""The site part's catalogue: every record as light as its pages allow, and the full records a few departments at a time.

The site part (part 0) renders the home, catalogue, category, department-index, ways-in, compliance and revision pages,
the sitemap and the feed: pages that list records but show a few fields of each. At 100,000 records the full resolved
records (resolved steps above all) take ~4 GB, so the site part keeps of each record only the fields in LISTED, its
resolved contact, supervision and complaint channels, and what the compliance page counts (Entry.known_missing); the
steps and the procedure template are dropped. Reading a dropped field raises DroppedField (a LookupError, so neither
`getattr(record, name, default)` nor a template's `is defined` hides it): a page that starts to show one fails the
build instead of showing a default.

The whole-catalogue downloads need every field of every record: `department_batches` loads the full records again,
a group of whole departments at a time, each group dropped before the next (generator/exports/whole.py).
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import cache
from typing import Any

from generator.catalogue import Catalogue, Entry
from generator.heap import batches_apart, let_go
from generator.load import DEPARTMENT_FILE
from generator.models import FeeBasis, Power, SecretPower, ServiceItem
from generator.models.charging import fee_ids
from generator.revisions.compliance import missing

_COMMON = ("id", "name", "department", "contact", "supervision", "complaint_channels", "changed_on")
_CHARGING = ("charged", "fee_bases", "fee_conditions", "handling_type", "promised_limit", "audiences", "life_events", "themes")
LISTED: dict[type, tuple[str, ...]] = {  # what the site part's pages show of a record (a secret power is kept whole)
    Power: _COMMON + _CHARGING + ("category", "exercise_mode"),
    ServiceItem: _COMMON + _CHARGING,
    FeeBasis: _COMMON + ("fee_type", "standards", "approving_documents"),
}
BATCH_FILES = 4000  # record files per group of departments loaded whole for the downloads


class DroppedField(LookupError):
    """A field the site part's light catalogue does not hold (see LISTED)."""


class _Dropped:
    """An entry's steps and procedure template in the light catalogue: any use of them raises."""

    def _refuse(self, *_: object) -> Any:
        raise DroppedField("步骤和流程模板不在全站页面分部的轻量目录中（generator/parts/listing.py）")

    __iter__ = __len__ = __bool__ = __getitem__ = __getattr__ = _refuse  # type: ignore[assignment]


DROPPED: Any = _Dropped()


@cache
def _light_class(model: type) -> type:
    """`model` with an attribute lookup that refuses the fields LISTED leaves out (isinstance still holds)."""
    kept = set(LISTED[model])

    def __getattr__(self: Any, name: str) -> Any:  # only reached when the instance does not hold `name`
        if name in model.model_fields and name not in kept:
            raise DroppedField(f"{model.__name__}.{name} 不在全站页面分部的轻量目录中（generator/parts/listing.py 的 LISTED）")
        return super(light, self).__getattr__(name)  # type: ignore[misc]

    light = type(f"Listed{model.__name__}", (model,), {"__getattr__": __getattr__, "__module__": __name__})
    return light


def light_record(record: Any) -> Any:
    """A copy of `record` holding only its LISTED fields (the values themselves are shared, not copied)."""
    if isinstance(record, SecretPower) or type(record) not in LISTED:
        return record  # a secret power holds only what its listing shows
    values = {name: getattr(record, name) for name in LISTED[type(record)]}
    # As model_construct builds an instance (without its defaults for the fields left out: a default is no fact).
    copy = object.__new__(_light_class(type(record)))
    object.__setattr__(copy, "__dict__", values)
    object.__setattr__(copy, "__pydantic_fields_set__", set(values) & record.model_fields_set)
    object.__setattr__(copy, "__pydantic_extra__", None)
    object.__setattr__(copy, "__pydantic_private__", None)
    return copy


def light_entry(entry: Entry) -> Entry:
    """The entry as the site part keeps it; the compliance page's missing elements are counted first."""
    if entry.is_secret:
        return entry
    return replace(entry, record=light_record(entry.record), steps=DROPPED, template=DROPPED, known_missing=tuple(missing(entry)))


class DepartmentBatch(Catalogue):
    """Some departments' full records; fee bases they name from other departments are looked up in the light
    catalogue (the downloads show only their names)."""

    def __init__(self, full: Catalogue, light: Catalogue) -> None:
        super().__init__(full.departments, full.entries, full.templates, full.fee_users)
        self.light = light

    def fees_of(self, entry: Entry, ids: list[str] | None = None) -> list[Entry]:
        wanted = fee_ids(entry.record) if ids is None else ids
        return [self.entries.get(i) or self.light.entries[i] for i in wanted if i in self.entries or i in self.light.entries]


def department_groups(files: dict[str, list[str]], per_group: int = BATCH_FILES) -> list[list[str]]:
    """Departments in id order, cut into consecutive groups of about `per_group` files (a large one alone)."""
    groups: list[list[str]] = [[]]
    count = 0
    for department in sorted(files):
        if groups[-1] and count + len(files[department]) > per_group:
            groups.append([])
            count = 0
        groups[-1].append(department)
        count += len(files[department])
    return [g for g in groups if g]


def department_batches(load: Callable[[frozenset[str]], Catalogue], files: dict[str, list[str]], light: Catalogue,
                       per_group: int = BATCH_FILES) -> Callable[[], Iterator[Catalogue]]:
    """The full records, a group of whole departments at a time, in department order; `load` reads the named files
    (catalogue-relative) into a resolved catalogue."""

    def batches() -> Iterator[Catalogue]:
        with batches_apart():
            let_go()  # the light catalogue, whole by now, is set aside: the collections below walk only the batches
            for group in department_groups(files, per_group):
                chosen = {f"{d}/{DEPARTMENT_FILE}" for d in group} | {f for d in group for f in files[d]}
                yield DepartmentBatch(load(frozenset(chosen)), light)
                gc.collect()  # loading leaves cyclic garbage: collect it before the next group comes (a batch still
                # in the caller's hands is not frozen, so the next collection frees it)

    return batches


__all__ = ["DROPPED", "LISTED", "DepartmentBatch", "DroppedField", "department_batches", "light_entry", "light_record"]
