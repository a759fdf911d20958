"""Filing a record on the home page's ways in (audiences, life events, themes) is navigation, not disclosed content:
it is kept out of revision snapshots, so tagging records starts no 20-working-day clock."""

from __future__ import annotations

from generator.check import check_catalogue
from generator.revisions.snapshot import NAVIGATION_FIELDS, record_fields
from tests.conftest import ROOT


def test_tagged_sample_records_snapshot_without_their_tags() -> None:
    catalogue = check_catalogue(ROOT / "catalogue", ROOT / "flowcharts").catalogue
    tagged = [e for e in catalogue.public() if getattr(e.record, "life_events", None)]
    assert tagged, "the sample should tag some records with life events"
    for entry in tagged:
        fields = record_fields(entry)
        assert not set(NAVIGATION_FIELDS) & set(fields), entry.id
        assert fields["name"] == entry.name  # the disclosed content is still all there
