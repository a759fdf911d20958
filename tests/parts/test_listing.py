"""The site part's light catalogue (generator/parts/listing.py): what it keeps, what it refuses, and that the whole
catalogue's downloads made from its department batches are the bytes a whole build makes."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.check import check_catalogue, load_view
from generator.exports.whole import opening
from generator.models import FeeBasis, Power, ServiceItem
from generator.parts.listing import LISTED, DroppedField, light_entry, light_record
from generator.parts.plan import department_files
from generator.revisions.compliance import missing

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE, FLOWCHARTS = ROOT / "catalogue", ROOT / "flowcharts"


@pytest.fixture(scope="module")
def full():  # noqa: ANN201
    return check_catalogue(CATALOGUE, FLOWCHARTS).catalogue


@pytest.fixture(scope="module")
def files() -> dict[str, list[str]]:
    return department_files(CATALOGUE)


@pytest.fixture(scope="module")
def light(files):  # noqa: ANN001, ANN201
    return load_view(CATALOGUE, FLOWCHARTS, frozenset(f for d in files.values() for f in d), keep=light_entry).catalogue


def _one_of(catalogue, model: type):  # noqa: ANN001, ANN202
    return next(e for e in catalogue.entries.values() if type(e.record) is model)


@pytest.mark.parametrize("model", [Power, ServiceItem, FeeBasis])
def test_a_light_record_keeps_its_listed_fields_and_refuses_the_others(full, model: type) -> None:  # noqa: ANN001
    record = _one_of(full, model).record
    light = light_record(record)
    assert isinstance(light, model)
    assert {name: getattr(light, name) for name in LISTED[model]} == {name: getattr(record, name) for name in LISTED[model]}
    dropped = sorted(set(model.model_fields) - set(LISTED[model]))
    assert dropped
    for name in dropped:  # never a default in its place, not even through getattr's own default
        with pytest.raises(DroppedField):
            getattr(light, name, None)


def test_a_light_power_still_says_whether_it_is_exercised_ex_officio(full) -> None:  # noqa: ANN001
    for entry in full.of_kind("powers"):
        assert light_record(entry.record).ex_officio == entry.record.ex_officio


def test_a_light_entry_refuses_its_steps_and_keeps_what_compliance_counts(full) -> None:  # noqa: ANN001
    entry = next(e for e in full.public() if e.steps)
    light = light_entry(entry)
    with pytest.raises(DroppedField):
        bool(light.steps)
    with pytest.raises(DroppedField):
        light.template.steps  # noqa: B018
    assert light.known_missing == tuple(missing(entry)) and missing(light) == missing(entry)
    assert (light.contact, light.supervision, light.complaints) == (entry.contact, entry.supervision, entry.complaints)


def test_the_light_catalogue_holds_every_record_in_the_same_order(full, light) -> None:  # noqa: ANN001
    assert list(light.entries) == list(full.entries)
    assert light.departments == full.departments
    assert {k: [e.id for e in v] for k, v in light.fee_users.items()} == {k: [e.id for e in v] for k, v in full.fee_users.items()}
    secret = [e for e in full.entries.values() if e.is_secret]
    assert secret and all(light.entries[e.id] == e for e in secret)  # a secret power holds only its listing: kept whole


def test_the_site_parts_opening_of_the_downloads_is_the_whole_builds(full, light) -> None:  # noqa: ANN001
    # The site part makes the opening of the whole downloads (departments, non-disclosure list, workbook date) from
    # its light records: it must not need a dropped field, and must give the same bytes.
    assert opening(light) == opening(full)
