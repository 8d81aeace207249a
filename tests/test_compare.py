"""Headline numbers for the compare table, by hand arithmetic and against the projection."""

from __future__ import annotations

import dataclasses
import io
import zipfile

import pandas as pd
import pytest
from numpy.testing import assert_allclose

from charts.compare import compare_figure, headline_display, legend_text
from model.catalog import default_catalog
from model.claims import claims_table, evaluate_all
from model.compare import HEADLINE_COLUMNS, annual_emissions_tco2e, headline_numbers, headline_table
from model.presets import all_presets, preset_by_name
from model.projection import project, wall_year
from model.scenario import END_YEAR, Scenario
from model.scenario_io import ZIP_CLAIMS, export_zip, read_scenario_file
from ui import cache_pages
from ui.url import APP_VERSION


def test_a_gigawatt_for_a_year_at_1000_g_per_kwh_is_8_76_mt():
    # 1 GW x 8760 h = 8.76e6 MWh; x 1000 kg/MWh = 8.76e9 kg = 8.76e6 t
    assert_allclose(annual_emissions_tco2e(1.0, 1000.0), 8.76e6)


def test_default_headline_numbers_by_hand():
    numbers = headline_numbers(Scenario())
    frame = project(Scenario()).set_index("year")
    assert numbers["wall_year"] == wall_year(project(Scenario()))
    assert numbers["wall_year"] is not None
    assert_allclose(numbers["frontier_run_power_2030_gw"], frame.loc[2030, "frontier_run_power_gw"])
    assert_allclose(numbers["ai_demand_2030_gw"], frame.loc[2030, "power_demand_gw"])
    # Default mix weights (Ember 2024) x lifecycle g/kWh (generation_sources.csv), / 94.3:
    # (34x820 + 22x490 + 9x12 + 14.3x24 + 8.1x11 + 6.9x48) / 94.3 = 39,531.5 / 94.3 = 419.21
    intensity = 39_531.5 / 94.3
    achieved = frame.loc[2030, "power_achieved_gw"]
    assert_allclose(numbers["emissions_2030_tco2e_per_yr"], achieved * 8760 * intensity)


def test_nuclear_bet_cost_range_by_hand():
    numbers = headline_numbers(preset_by_name("Nuclear bet").scenario())
    # 0.7 x 141 + 0.3 x 119 = 134.4 low; 0.7 x 220 + 0.3 x 220 = 220 high (Lazard, csv)
    assert_allclose(numbers["cost_low_usd_per_mwh"], 134.4)
    assert_allclose(numbers["cost_high_usd_per_mwh"], 220.0)


def test_no_wall_is_none():
    generous = dataclasses.replace(Scenario(), compute_growth=1.0, other_ai_compute_growth=1.0)
    assert headline_numbers(generous)["wall_year"] is None


def test_compare_table_rows_equal_the_single_scenario_numbers():
    scenarios = {"Default": Scenario(), **{p.name: p.scenario() for p in all_presets()}}
    table = headline_table(scenarios)
    assert list(table.index) == list(scenarios)
    assert list(table.columns) == list(HEADLINE_COLUMNS)
    for name, scenario in scenarios.items():
        single = headline_numbers(scenario)
        for column, value in single.items():
            if value is None:
                assert pd.isna(table.loc[name, column])
            else:
                assert table.loc[name, column] == value


def test_display_table_is_readable():
    table = headline_table({"Default": Scenario()})
    shown = headline_display(table, END_YEAR)
    row = shown.loc["Default"]
    assert row["Wall year"] == str(wall_year(project(Scenario())))
    assert row["Largest run, 2030"].endswith("GW")
    assert row["Emissions, 2030"].endswith("MtCO2e/yr")
    # Lazard LCOE x default weights / 94.3 (generation_sources.csv):
    # low (34x71 + 22x48 + 9x141 + 14.3x60 + 8.1x37 + 6.9x38) / 94.3 = 6,158.9 / 94.3 = 65.3
    # high (34x173 + 22x107 + 9x220 + 14.3x160 + 8.1x86 + 6.9x78) / 94.3 = 13,738.8 / 94.3 = 146
    assert row["Mix cost"] == "$65.3-146/MWh"


def test_the_chart_escapes_names_and_titles_its_axes():
    evil = "<b onmouseover=x>bold</b>"
    fig = compare_figure(project(Scenario()), {evil: project(Scenario())})
    names = [t.name for t in fig.data if t.name]
    assert all("<b" not in n for n in names)
    assert f"{legend_text(evil)}: wanted" in names
    assert fig.layout.xaxis.title.text == "Year"
    assert "power" in fig.layout.yaxis.title.text.lower()


@pytest.mark.parametrize("count", [0, 1, 4])
def test_the_chart_has_two_lines_per_scenario_plus_the_baseline(count):
    frames = {f"S{i}": project(Scenario()) for i in range(count)}
    fig = compare_figure(project(Scenario()), frames)
    lines = [t for t in fig.data if t.mode == "lines"]
    assert len(lines) == 2 * (count + 1)


def test_the_cached_table_equals_the_model_table():
    named = {"Default": Scenario(), **{p.name: p.scenario() for p in all_presets()}}
    shown = cache_pages.headlines(cache_pages.named_items(named))
    pd.testing.assert_frame_equal(shown, headline_table(named))


def test_the_download_zip_holds_the_scenario_and_its_projection():
    scenario = preset_by_name("Nuclear bet").scenario()
    headline = {"Wall year": "2029"}
    data = cache_pages.scenario_zip(scenario, default_catalog(), "?v=1", headline)
    assert read_scenario_file(data).scenario == scenario
    # The same bytes as export_zip builds from the projection and the claims' verdicts.
    verdicts = claims_table(evaluate_all(scenario), APP_VERSION)
    expected = export_zip(
        scenario, APP_VERSION, project(scenario), link="?v=1", headline=headline, claims=verdicts
    )
    assert data == expected


def test_the_claims_csv_in_the_export_round_trips():
    scenario = preset_by_name("Nuclear bet").scenario()
    data = cache_pages.scenario_zip(scenario, default_catalog(), "?v=1", {})
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        back = pd.read_csv(io.BytesIO(archive.read(ZIP_CLAIMS)))
    expected = claims_table(evaluate_all(scenario), APP_VERSION)
    pd.testing.assert_frame_equal(back, expected)
    assert list(back.columns) == [
        "claim_id",
        "claim",
        "verdict",
        "rule",
        "numbers",
        "scenario_version",
    ]
