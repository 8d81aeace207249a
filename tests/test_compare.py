"""Headline numbers for the compare table, by hand arithmetic and against the projection."""

from __future__ import annotations

import dataclasses
import io
import zipfile

import pandas as pd
import pytest
from numpy.testing import assert_allclose

from charts.compare import (
    HEADLINE_LABELS,
    compare_figure,
    headline_cells,
    headline_columns,
    legend_text,
    marker_sizes,
)
from model.catalog import default_catalog
from model.claims import claims_table, evaluate_all
from model.compare import (
    CURRENT_NAME,
    DEFAULT_NAME,
    annual_emissions_tco2e,
    coinciding,
    headline_numbers,
    power_short_gw,
    scenarios_to_show,
)
from model.presets import preset_by_name
from model.projection import project, wall_year
from model.scenario import END_YEAR, Scenario
from model.scenario_io import ZIP_CLAIMS, ZIP_TIMESERIES, export_zip, read_scenario_file
from model.uncertainty import DEFAULT_SAMPLES, run_monte_carlo
from ui import cache_pages
from ui.export_note import methods_note
from ui.version import app_version


def test_a_gigawatt_for_a_year_at_1000_g_per_kwh_is_8_76_mt():
    # 1 GW x 8760 h = 8.76e6 MWh; x 1000 kg/MWh = 8.76e9 kg = 8.76e6 t
    assert_allclose(annual_emissions_tco2e(1.0, 1000.0), 8.76e6)


def test_default_headline_numbers_by_hand():
    numbers = headline_numbers(Scenario(), default_catalog())
    frame = project(Scenario()).set_index("year")
    assert numbers["wall_year"] == wall_year(project(Scenario()))
    assert numbers["wall_year"] is not None
    assert_allclose(numbers["frontier_run_power_gw"], frame.loc[2030, "frontier_run_power_gw"])
    assert_allclose(numbers["ai_demand_gw"], frame.loc[2030, "power_demand_gw"])
    # Default mix weights (Ember 2024) x lifecycle g/kWh (generation_sources.csv), / 94.3:
    # (34x820 + 22x490 + 9x12 + 14.3x24 + 8.1x11 + 6.9x48) / 94.3 = 39,531.5 / 94.3 = 419.21
    intensity = 39_531.5 / 94.3
    achieved = frame.loc[2030, "power_achieved_gw"]
    wanted = frame.loc[2030, "power_demand_gw"]
    assert_allclose(numbers["ai_achieved_gw"], achieved)
    assert_allclose(numbers["emissions_achieved_tco2e_per_yr"], achieved * 8760 * intensity)
    assert_allclose(numbers["emissions_wanted_tco2e_per_yr"], wanted * 8760 * intensity)


def test_nuclear_bet_cost_range_by_hand():
    numbers = headline_numbers(
        preset_by_name("Nuclear bet", default_catalog()).scenario(), default_catalog()
    )
    # 0.7 x 141 + 0.3 x 119 = 134.4 low; 0.7 x 220 + 0.3 x 220 = 220 high (Lazard, csv)
    assert_allclose(numbers["cost_low_usd_per_mwh"], 134.4)
    assert_allclose(numbers["cost_high_usd_per_mwh"], 220.0)


def test_no_wall_is_none():
    generous = dataclasses.replace(Scenario(), compute_growth=1.0, serving_compute_growth=1.0)
    assert headline_numbers(generous, default_catalog())["wall_year"] is None


def test_the_table_has_a_column_per_scenario_in_order_and_a_row_per_number():
    numbers = {
        "Default": headline_numbers(Scenario(), default_catalog()),
        "Nuclear": headline_numbers(
            preset_by_name("Nuclear bet", default_catalog()).scenario(), default_catalog()
        ),
    }
    table = headline_columns(numbers, END_YEAR)
    assert list(table.columns) == ["Default", "Nuclear"]
    assert list(table.index) == list(HEADLINE_LABELS)
    # The Nuclear bet's cost, worked out above: $134-220/MWh (134.4 to 3 figures).
    assert table.loc["Mix cost", "Nuclear"] == "$134-220/MWh"


def test_display_table_is_readable():
    row = headline_cells(headline_numbers(Scenario(), default_catalog()), END_YEAR)
    assert row["Wall year"] == str(wall_year(project(Scenario())))
    assert row["Largest run, wanted"].endswith("GW")
    assert row["Emissions, achieved"].endswith("MtCO2e/yr")
    assert row["Emissions, wanted"].endswith("MtCO2e/yr")
    # Lazard LCOE x default weights / 94.3 (generation_sources.csv):
    # low (34x71 + 22x48 + 9x141 + 14.3x60 + 8.1x37 + 6.9x38) / 94.3 = 6,158.9 / 94.3 = 65.3
    # high (34x173 + 22x107 + 9x220 + 14.3x160 + 8.1x86 + 6.9x78) / 94.3 = 13,738.8 / 94.3 = 146
    assert row["Mix cost"] == "$65.3-146/MWh"
    generous = dataclasses.replace(Scenario(), compute_growth=1.0, serving_compute_growth=1.0)
    no_wall = headline_cells(headline_numbers(generous, default_catalog()), END_YEAR)
    assert no_wall["Wall year"] == f"none by {END_YEAR}"


def test_the_chart_escapes_names_and_titles_its_axes():
    evil = "<b onmouseover=x>bold</b>"
    fig = compare_figure(project(Scenario()), {evil: project(Scenario())})
    names = [t.name for t in fig.data if t.name]
    assert all("<b" not in n for n in names)
    assert legend_text(evil) in names
    assert fig.layout.xaxis.title.text == "Year"
    assert "power" in fig.layout.yaxis.title.text.lower()


@pytest.mark.parametrize("count", [0, 1, 4])
def test_the_chart_has_two_lines_per_scenario_plus_the_baseline(count):
    frames = {f"S{i}": project(Scenario()) for i in range(count)}
    fig = compare_figure(project(Scenario()), frames)
    # Lines with data (the legend's key entries for solid, dashed and the cross have none).
    lines = [t for t in fig.data if t.mode.startswith("lines") and t.x[0] is not None]
    assert len(lines) == 2 * (count + 1)


def test_the_download_zip_holds_the_scenario_and_its_projection():
    scenario = preset_by_name("Nuclear bet", default_catalog()).scenario()
    headline = {"Wall year": "2029"}
    data = cache_pages.scenario_zip(scenario, default_catalog(), "?v=1", headline)
    assert read_scenario_file(data).scenario == scenario
    # The same bytes as export_zip builds from the projection, the pages' Monte Carlo
    # bands (10,000 samples, seed 0) and the claims' verdicts.
    verdicts = claims_table(evaluate_all(scenario, default_catalog()), app_version())
    bands = run_monte_carlo(scenario, DEFAULT_SAMPLES, 0).bands
    expected = export_zip(
        scenario,
        app_version(),
        project(scenario),
        bands,
        methods_md=methods_note(scenario, app_version(), link="?v=1", headline=headline),
        claims=verdicts,
    )
    assert data == expected


def test_the_claims_csv_in_the_export_round_trips():
    scenario = preset_by_name("Nuclear bet", default_catalog()).scenario()
    data = cache_pages.scenario_zip(scenario, default_catalog(), "?v=1", {})
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        back = pd.read_csv(io.BytesIO(archive.read(ZIP_CLAIMS)))
    expected = claims_table(evaluate_all(scenario, default_catalog()), app_version())
    pd.testing.assert_frame_equal(back, expected)
    assert list(back.columns) == [
        "claim_id",
        "claim",
        "verdict",
        "rule",
        "numbers",
        "scenario_version",
    ]


def test_the_downloaded_timeseries_has_emissions_cost_and_bands():
    scenario = preset_by_name("Nuclear bet", default_catalog()).scenario()
    data = cache_pages.scenario_zip(scenario, default_catalog(), "?v=1", {})
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        back = pd.read_csv(io.BytesIO(archive.read(ZIP_TIMESERIES)))
    for column in (
        "emissions_wanted_tco2e_per_yr",
        "emissions_achieved_tco2e_per_yr",
        "electricity_cost_achieved_usd_per_yr",
        "power_demand_gw_p10",
        "power_achieved_gw_p50",
        "emissions_achieved_tco2e_per_yr_p10",
        "emissions_achieved_tco2e_per_yr_p50",
        "emissions_achieved_tco2e_per_yr_p90",
    ):
        assert column in back.columns, column
    row = back.set_index("year").loc[2030]
    # The export's 2030 emissions are the compare table's (same power, same intensity).
    numbers = headline_numbers(scenario, default_catalog())
    assert_allclose(
        row["emissions_achieved_tco2e_per_yr"],
        numbers["emissions_achieved_tco2e_per_yr"],
        rtol=1e-5,
    )
    assert row["emissions_achieved_tco2e_per_yr_p10"] <= row["emissions_achieved_tco2e_per_yr_p90"]


def test_scenarios_to_show_leaves_out_a_current_row_that_repeats_another():
    nuclear = preset_by_name("Nuclear bet", default_catalog()).scenario()
    gas = preset_by_name("Gas bridge", default_catalog()).scenario()
    saved = {"Nuclear": nuclear, "Gas": gas}
    rows, same = scenarios_to_show(gas, saved)
    assert list(rows) == ["Nuclear", "Gas"]
    assert same == "Gas"
    rows, same = scenarios_to_show(Scenario(), saved)
    assert list(rows) == ["Nuclear", "Gas"]
    assert same == DEFAULT_NAME
    other = dataclasses.replace(Scenario(), pue=1.5)
    rows, same = scenarios_to_show(other, saved)
    assert list(rows) == [CURRENT_NAME, "Nuclear", "Gas"]
    assert same is None


def test_coinciding_groups_names_scenarios_with_the_same_power_lines():
    base = project(Scenario())
    higher = base.assign(power_supply_gw=base["power_supply_gw"] * 1.01)
    frames = {"A": base, "B": higher, "C": base.copy(), "D": higher.copy(), "E": base.copy()}
    assert coinciding(frames) == [("A", "C", "E"), ("B", "D")]
    assert coinciding({"A": base, "B": higher}) == []


def test_markers_are_staggered_so_identical_lines_show_every_scenario():
    sizes = [marker_sizes(16, i, 4) for i in range(4)]
    # A marker every 4 years, starting at year i: no two scenarios mark the same year.
    for year in range(16):
        assert sum(1 for s in sizes if s[year] > 0) == 1
    assert sum(s > 0 for s in marker_sizes(16, 0, 1)) == 6  # every 3rd year at least


def test_each_compared_scenario_has_its_own_marker_symbol_and_colour():
    frames = {f"S{i}": project(Scenario()) for i in range(4)}
    fig = compare_figure(project(Scenario()), frames)
    looks = {
        (t.marker.symbol, t.line.color)
        for t in fig.data
        if t.mode == "lines+markers" and t.showlegend
    }
    assert len(looks) == 4


def test_power_short_and_compute_lost_in_2030_at_the_defaults_by_hand():
    numbers = headline_numbers(Scenario(), default_catalog())
    frame = project(Scenario()).set_index("year")
    wanted, available = frame.loc[2030, "power_demand_gw"], frame.loc[2030, "power_supply_gw"]
    # The defaults are short of power in 2030 (about 68.6 GW wanted, 61.2 GW available):
    # short = wanted - available; what AI gets is then the available power, so the gap is
    # also wanted - achieved.
    assert wanted > available
    assert_allclose(numbers["power_short_gw"], wanted - available)
    assert_allclose(numbers["power_short_gw"], wanted - frame.loc[2030, "power_achieved_gw"])
    # Compute lost = 1 - AI's compute / its compute with power never a limit.
    fleet = frame.loc[2030, "fleet_flop_per_s"] / frame.loc[2030, "fleet_flop_per_s_unlimited"]
    assert_allclose(numbers["compute_lost_to_power_share"], 1.0 - fleet, rtol=1e-9)
    assert numbers["year"] == 2030


def test_the_headline_numbers_follow_the_chosen_year():
    frame = project(Scenario()).set_index("year")
    numbers = headline_numbers(Scenario(), default_catalog(), year=2038)
    assert numbers["year"] == 2038
    assert_allclose(numbers["ai_demand_gw"], frame.loc[2038, "power_demand_gw"])
    assert_allclose(numbers["frontier_run_power_gw"], frame.loc[2038, "frontier_run_power_gw"])
    # By 2038 the defaults have built more than AI wants (about 196 GW available, 170 GW
    # wanted): nothing is short.
    assert frame.loc[2038, "power_supply_gw"] > frame.loc[2038, "power_demand_gw"]
    assert numbers["power_short_gw"] == 0.0
    assert headline_cells(numbers, END_YEAR)["Power short"] == "none"


def test_power_short_is_wanted_minus_available_or_zero():
    # 70 GW wanted, 61.5 GW available: 8.5 GW short; 50 wanted, 60 available: none.
    assert_allclose(power_short_gw(70.0, 61.5), 8.5)
    assert power_short_gw(50.0, 60.0) == 0.0


def test_the_short_and_lost_rows_read_in_gw_and_percent():
    numbers = {**headline_numbers(Scenario(), default_catalog())}
    numbers |= {"power_short_gw": 7.36, "compute_lost_to_power_share": 0.3164}
    row = headline_cells(numbers, END_YEAR)
    assert row["Power short"] == "7.36 GW"
    assert row["Compute lost to power"] == "31.6%"  # 0.3164 x 100, 3 figures
