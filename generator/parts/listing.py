"""The site part's catalogue: every record as light as its pages allow.

The site part (part 0) renders the home, catalogue, category, department-index, ways-in, compliance and revision pages,
the sitemap and the feed: pages that list records but show a few fields of each. At 100,000 records the full resolved
records (resolved steps above all) take ~4 GB, so the site part keeps of each record only the fields in LISTED, its
resolved contact, supervision and complaint channels, and what the compliance page counts (Entry.known_missing); the
steps and the procedure template are dropped. Reading a dropped field raises DroppedField (a LookupError, so neither
`getattr(record, name, default)` nor a template's `is defined` hides it): a page that starts to show one fails the
build instead of showing a default.

The whole catalogue's downloads need every field of every record: the department parts make their departments'
shares of them, and `gongkai assemble` joins the shares (generator/exports/whole.py); the site part makes only
their opening (the departments, the non-disclosure list, the workbook's frame).
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import Any

from generator.catalogue import Entry
from generator.models import FeeBasis, Power, SecretPower, ServiceItem
from generator.revisions.compliance import missing

_COMMON = ("id", "name", "department", "contact", "supervision", "complaint_channels", "changed_on")
_CHARGING = ("charged", "fee_bases", "fee_conditions", "handling_type", "promised_limit", "audiences", "life_events", "themes")
LISTED: dict[type, tuple[str, ...]] = {  # what the site part's pages show of a record (a secret power is kept whole)
    Power: _COMMON + _CHARGING + ("category", "exercise_mode"),
    ServiceItem: _COMMON + _CHARGING,
    FeeBasis: _COMMON + ("fee_type", "standards", "approving_documents"),
}


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


__all__ = ["DROPPED", "LISTED", "DroppedField", "light_entry", "light_record"]
