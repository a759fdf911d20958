"""`gongkai serve`: the --department preview catalogue (one department and the fee bases it names), and addresses."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.check import check_catalogue
from generator.errors import CatalogueError, ConfigError
from generator.charts.render import DEFAULT_CACHE
from generator.charts.stage import CACHE_ENV, chart_cache_dir
from generator.serve import department_view, open_server, parse_addr, share_chart_cache


def _files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*.yaml")}


def test_department_view_keeps_named_fee_bases_only(good_catalogue: Path, tmp_path: Path) -> None:
    catalogue = good_catalogue / "catalogue"
    other = catalogue / "demo-market" / "fees" / "unused-fee.yaml"
    other.write_text((catalogue / "demo-market" / "fees" / "licence-fee.yaml").read_text(encoding="utf-8")
                     .replace("id: licence-fee", "id: unused-fee"), encoding="utf-8")
    service = catalogue / "demo-civil" / "services" / "residence-certificate.yaml"
    service.write_text(service.read_text(encoding="utf-8").replace("charged: false\n", "") + "charged: true\nfee_bases: [licence-fee]\n",
                       encoding="utf-8")
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


def test_a_link_anywhere_in_the_catalogue_stops_the_department_preview(good_catalogue: Path, tmp_path: Path) -> None:
    catalogue = good_catalogue / "catalogue"
    (catalogue / "demo-civil" / "services" / "zero.yaml").symlink_to("/dev/zero")  # copytree would read it for ever
    with pytest.raises(CatalogueError) as refused:
        department_view(catalogue, "demo-civil", tmp_path / "view")
    assert [d.message[:6] for d in refused.value.diagnostics] == ["这是符号链接"]
    assert not (tmp_path / "view").exists()


@pytest.mark.parametrize(("addr", "says"), [
    ("127.0.0.1:99999", "端口 0–65535"), ("127.0.0.1:http", "无效"), ("localhost:８０", "无效"),
    ("no-such-host.invalid:8000", "无法识别监听地址中的主机"), ("\udcff:80", "无法识别监听地址中的主机"),
])
def test_a_bad_address_is_a_chinese_error(addr: str, says: str, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=says):
        open_server(*parse_addr(addr), tmp_path)


def test_a_busy_port_says_so_and_suggests_another(tmp_path: Path) -> None:
    with open_server("127.0.0.1", 0, tmp_path) as taken:
        port = taken.server_address[1]
        with pytest.raises(ConfigError, match=f"端口 {port} 已被占用.*--addr 127.0.0.1:{port + 1}"):
            open_server("127.0.0.1", port, tmp_path)


def test_ipv6_addresses_are_understood() -> None:
    assert parse_addr("[::1]:8000") == ("::1", 8000) and parse_addr(":9000") == ("127.0.0.1", 9000)
