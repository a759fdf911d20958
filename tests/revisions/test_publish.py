"""`gongkai publish`: a later publish never alters an earlier revision's files (checked by hashing)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.revisions.conftest import FEE, SHOP, Project

pytestmark = pytest.mark.e2e


def hashes(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def publish(project: Project, out: Path, *extra: str):  # noqa: ANN201 — CliResult
    return project.cli("publish", "--config", str(ROOT / "mkdocs.yml"), "--out", str(out), *extra)


def test_publish_keeps_earlier_revisions_byte_identical(baselined: Project, tmp_path: Path) -> None:
    out = tmp_path / "public"
    first = publish(baselined, out)
    assert first.code == 0, first.err
    assert (out / "index.html").is_file() and (out / "2025-03-03" / "index.html").is_file()
    assert (out / "2025-03-03" / "revision.json").read_bytes() == (baselined.revisions / "2025-03-03.json").read_bytes()
    before = hashes(out / "2025-03-03")

    baselined.edit(SHOP, "office: 行政审批科", "office: 政务服务科")
    baselined.set_change(SHOP, "2025-04-01", "机构改革")
    refused = publish(baselined, out)
    assert refused.code == 1 and "gongkai revise" in refused.err  # unrevised changes are never published
    assert baselined.cli("revise", "--date", "2025-04-02").code == 0
    assert publish(baselined, out).code == 0
    assert hashes(out / "2025-03-03") == before
    versions = json.loads((out / "versions.json").read_text(encoding="utf-8"))
    assert [v["version"] for v in versions] == ["2025-04-02", "2025-03-03"] and versions[0]["aliases"] == ["latest"]
    assert "政务服务科" in (out / "powers" / "shop-licence" / "index.html").read_text(encoding="utf-8")  # root = current
    assert "行政审批科" in (out / "2025-03-03" / "powers" / "shop-licence" / "index.html").read_text(encoding="utf-8")

    second = hashes(out / "2025-04-02")
    baselined.set_change(FEE, "2025-05-06", "收费标准调整")
    assert baselined.cli("revise", "--date", "2025-05-07").code == 0
    assert publish(baselined, out, "--keep", "2").code == 0
    assert sorted(p.name for p in (out / "2025-03-03").iterdir()) == ["changelog.md", "revision.json"]  # beyond K: snapshot + changelog
    assert {k: v for k, v in hashes(out / "2025-03-03").items()} == {k: before[k] for k in ("changelog.md", "revision.json")}
    assert hashes(out / "2025-04-02") == second
    assert [v["version"] for v in json.loads((out / "versions.json").read_text(encoding="utf-8"))] == ["2025-05-07", "2025-04-02"]


def test_publish_without_revisions_is_refused(project: Project, tmp_path: Path) -> None:
    result = publish(project, tmp_path / "public")
    assert result.code == 1 and "gongkai revise" in result.err
