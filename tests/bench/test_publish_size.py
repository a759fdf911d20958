"""The publish-size measurement runs end to end on a tiny catalogue: every kept revision offered, the earlier ones
stored as what differs from the current site."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.publish_size import main

pytestmark = pytest.mark.e2e


def test_publish_size_tiny(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    work = tmp_path / "work"
    assert main(["--records", "40", "--revisions", "3", "--changes", "5", "--work", str(work)]) == 0
    found = json.loads((work / "publish-size.json").read_text(encoding="utf-8"))
    assert found["offered"] == ["2026-07-29", "2026-07-15", "2026-07-01"]
    assert found["files_over_100mb"] == [] and found["total_bytes"] == found["root_bytes"] + sum(found["revision_bytes"].values())
    for revision in ("2026-07-15", "2026-07-01"):  # most pages unchanged: far smaller than the current site
        assert found["revision_bytes"][revision] < found["root_bytes"] / 2
    assert "| /powers |" in capsys.readouterr().out
