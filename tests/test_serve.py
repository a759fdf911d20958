"""`gongkai serve --department`: the preview catalogue holds one department and only the fee bases it names."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.check import check_catalogue
from generator.errors import ConfigError
from generator.charts.render import DEFAULT_CACHE
from generator.charts.stage import CACHE_ENV, chart_cache_dir
from generator.serve import department_view, share_chart_cache


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


def test_department_view_shares_the_projects_chart_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(CACHE_ENV, raising=False)  # a configured cache folder is shared by every build anyway
    project, view = tmp_path / "project", tmp_path / "view"
    (project / DEFAULT_CACHE).mkdir(parents=True)
    (project / DEFAULT_CACHE / "drawn.svg").write_text("<svg/>", encoding="utf-8")
    share_chart_cache(project, view)
    assert chart_cache_dir(view).resolve() == chart_cache_dir(project).resolve()
    assert (chart_cache_dir(view) / "drawn.svg").is_file()  # a chart the full build drew is found by the view
    share_chart_cache(project, view)  # a second preview keeps the link
    assert (view / DEFAULT_CACHE).is_symlink()


def test_a_view_with_its_own_chart_cache_keeps_it(tmp_path: Path) -> None:
    project, view = tmp_path / "project", tmp_path / "view"
    (view / DEFAULT_CACHE).mkdir(parents=True)
    share_chart_cache(project, view)
    assert not (view / DEFAULT_CACHE).is_symlink()


def test_a_configured_chart_cache_needs_no_link(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "everyone"))
    share_chart_cache(tmp_path / "project", tmp_path / "view")
    assert not (tmp_path / "view" / DEFAULT_CACHE).exists()
