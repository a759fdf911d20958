"""A tiny project (catalogue + flowcharts) in a temp folder, for commands that write files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.paths import PROJECT_ROOT

DEPARTMENT = """\
id: {id}
name: 示例县{name}
owner_team: "{team}"
contact:
  phone: 0000-1234567
supervision:
  internal:
    - name: 机关纪委
      phone: 0000-1234568
complaint_channels:
  - name: 12345 政务服务便民热线
    phone: "12345"
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    catalogue = tmp_path / "catalogue"
    for dept, name, team in (("alpha", "甲局", "@demo/alpha"), ("beta", "乙局", "@demo/beta")):
        (catalogue / dept).mkdir(parents=True)
        (catalogue / dept / "department.yaml").write_text(DEPARTMENT.format(id=dept, name=name, team=team), encoding="utf-8")
    shutil.copytree(PROJECT_ROOT / "flowcharts", tmp_path / "flowcharts")
    return tmp_path
