"""The committed sample history (revisions/): at least 3 revisions with added, changed and abolished records."""

from __future__ import annotations

import pytest

from generator.revisions.manifest import dumps, load_revisions
from tests.conftest import ROOT

REVISIONS = ROOT / "revisions"


@pytest.mark.skipif(not REVISIONS.is_dir(), reason="sample history not generated yet (python -m generator.revisions.sample)")
def test_sample_history_has_every_kind_of_change() -> None:
    revisions = load_revisions(REVISIONS)
    assert len(revisions) >= 3
    actions = {c["action"] for r in revisions for c in r.changes}
    assert {"added", "changed", "abolished"} <= actions
    assert all("示例历史" in r.note for r in revisions)
    for revision in revisions:  # committed bytes are exactly what `revise` writes: deterministic JSON
        assert (REVISIONS / f"{revision.id}.json").read_bytes() == dumps(revision.data)
