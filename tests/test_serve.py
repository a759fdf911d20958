"""`gongkai serve --department`: the preview catalogue holds one department and only the fee bases it names."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.check import check_catalogue
from generator.errors import ConfigError
from generator.serve import department_view


def _files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*.yaml")}


def test_department_view_keeps_named_fee_bases_only(good_catalogue: Path, tmp_path: Path) -> None:
    catalogue = good_catalogue / "catalogue"
    other = catalogue / "demo-market" / "fees" / "unused-fee.yaml"
    other.write_text((catalogue / "demo-market" / "fees" / "licence-fee.yaml").read_text(encoding="utf-8")
                     .replace("id: licence-fee", "id: unused-fee"), encoding="utf-8")
    service = catalogue / "demo-civil" / "services" / "residence-certificate.yaml"
    service.write_text(service.read_text(encoding="utf-8") + "charged: true\nfee_bases: [licence-fee]\n", encoding="utf-8")
    view = department_view(catalogue, "demo-civil", tmp_path / "view")
    assert _files(view) == {"demo-civil/department.yaml", "demo-civil/services/residence-certificate.yaml",
                            "demo-market/department.yaml", "demo-market/fees/licence-fee.yaml"}
    checked = check_catalogue(view, good_catalogue / "flowcharts")
    assert checked.errors == [], [d.message for d in checked.errors]


def test_unknown_department_is_a_clear_error(good_catalogue: Path, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="部门“nowhere”不存在。可选部门：demo-civil、demo-market"):
        department_view(good_catalogue / "catalogue", "nowhere", tmp_path / "view")
