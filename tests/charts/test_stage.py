"""Which records get a chart, and the page block that shows it."""

from __future__ import annotations

from generator.charts.stage import chart_markup, charted_entries
from generator.check import check_catalogue
from tests.charts.entries import ROOT, make_entry


def test_every_disclosed_power_and_no_secret_power_is_charted():
    catalogue = check_catalogue(ROOT / "catalogue").catalogue
    charted = {e.id for e in charted_entries(catalogue)}
    assert {e.id for e in catalogue.of_kind("powers")} <= charted
    assert not charted & {e.id for e in catalogue.secret_powers()}
    assert all(e.steps for e in catalogue.of_kind("services") if e.id in charted)


def test_chart_block_is_out_of_the_search_index_and_offers_downloads():
    html = str(chart_markup(make_entry("licensing", "<x>")))
    assert 'data-pagefind-ignore="all"' in html
    assert "(../charts/fixture-licensing.svg){ download }" in html
    assert 'data-gk-png="fixture-licensing.png" hidden' in html
    assert "<x>" not in html
