"""ONE build per session of a small catalogue whose department, power, fee basis and service item carry an XSS
payload in every text field (see hostile.py), served on 127.0.0.1 for the browser test."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from generator.build import BuildRequest, build
from generator.compile import Compiled
from generator.models import Department, FeeBasis, Power, ServiceItem
from tests.security.hostile import Markers, fill

ROOT = Path(__file__).resolve().parents[2]
GOOD = ROOT / "tests" / "fixtures" / "good"
DEPARTMENT = "demo-market"


@dataclass(frozen=True)
class HostileSite:
    out: Path
    catalogue: Path
    markers: Markers
    compiled: Compiled


def write_hostile_catalogue(target: Path) -> Markers:
    """A copy of the good fixture plus hostile records; returns which marker went into which field."""
    shutil.copytree(GOOD / "catalogue", target)
    markers = Markers()
    folder = target / DEPARTMENT
    ids = {"id": None, "department": DEPARTMENT}
    documents = {
        "department.yaml": fill(Department, "department:", markers, {"id": DEPARTMENT, "owner_team": None}),
        "powers/hostile-power.yaml": fill(Power, "powers:", markers, ids | {
            "id": "hostile-power", "fee_bases": ["hostile-fee"], "charged": True, "secret": False,
            "procedure.template": "licensing",
        }),
        "fees/hostile-fee.yaml": fill(FeeBasis, "fees:", markers, ids | {"id": "hostile-fee"}),
        "services/hostile-service.yaml": fill(ServiceItem, "services:", markers, ids | {
            "id": "hostile-service", "fee_bases": ["hostile-fee"], "charged": True,
        }),
    }
    for relative, data in documents.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return markers


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> HostileSite:
    work = tmp_path_factory.mktemp("hostile")
    catalogue = work / "catalogue"
    markers = write_hostile_catalogue(catalogue)
    out = work / "site"
    cwd = os.getcwd()
    os.chdir(ROOT)  # mkdocs.yml refers to content/ relative to the project
    try:
        compiled = build(BuildRequest(catalogue, out, ROOT / "mkdocs.yml", GOOD / "flowcharts"))
    finally:
        os.chdir(cwd)
    assert not compiled.checked.errors
    return HostileSite(out, catalogue, markers, compiled)
