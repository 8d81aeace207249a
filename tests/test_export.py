"""The export's yearly series (emissions, cost, Monte Carlo percentiles) and its methods
note's escaping, by hand arithmetic and by CommonMark's rules."""

from __future__ import annotations

import dataclasses
import io
import re
import zipfile

import pandas as pd
import pytest
from numpy.testing import assert_allclose

from model.catalog import default_catalog
from model.grid import mix_intensity_g_per_kwh
from model.link import MAX_SAVED
from model.presets import preset_by_name
from model.projection import project
from model.scenario import INPUTS, INPUTS_BY_NAME, Scenario
from model.scenario_io import (
    MAX_FILE_BYTES,
    PERCENTILES,
    ZIP_CLAIMS,
    ZIP_METHODS,
    ZIP_SAVED_INPUTS,
    ZIP_SAVED_TIMESERIES,
    ZIP_SCENARIO,
    ZIP_TIMESERIES,
    mix_intensity,
    read_scenario_file,
    saved_inputs_frame,
    spreadsheet_text,
    timeseries_csv,
    timeseries_frame,
)
from model.uncertainty import run_monte_carlo
from ui import cache_pages
from ui.export_note import COLUMN_NOTES, methods_note

VERSION = "9.9.9"


def test_emissions_and_cost_columns_by_hand():
    frame = project(Scenario())
    out = timeseries_frame(frame, carbon_intensity_g_per_kwh=400.0).set_index("year")
    row = frame.set_index("year").loc[2030]
    # GW x 8760 h x 1000 MWh/GWh x 400 kg/MWh / 1000 = t; 1 GW -> 3.504e6 t
    assert_allclose(
        out.loc[2030, "emissions_achieved_tco2e_per_yr"], row["power_achieved_gw"] * 3.504e6
    )
    assert_allclose(
        out.loc[2030, "emissions_wanted_tco2e_per_yr"], row["power_demand_gw"] * 3.504e6
    )
    # GW x 8.76e6 MWh/GW x USD/MWh
    assert_allclose(
        out.loc[2030, "electricity_cost_achieved_usd_per_yr"],
        row["power_achieved_gw"] * 8.76e6 * row["electricity_price_usd_per_mwh"],
    )


def test_emissions_percentiles_follow_the_power_percentiles():
    scenario = preset_by_name("Gas bridge", default_catalog()).scenario()
    bands = run_monte_carlo(scenario, 400, 0).bands
    intensity = mix_intensity(scenario, default_catalog())
    out = timeseries_frame(project(scenario), bands, intensity)
    for level in PERCENTILES:
        assert_allclose(
            out[f"emissions_achieved_tco2e_per_yr_{level}"],
            out[f"power_achieved_gw_{level}"] * 8760 * intensity,
        )
    assert (
        out["emissions_achieved_tco2e_per_yr_p10"] <= out["emissions_achieved_tco2e_per_yr_p90"]
    ).all()


def test_the_mix_intensity_is_the_grid_models():
    scenario = preset_by_name("Nuclear bet", default_catalog()).scenario()
    sources = default_catalog()["generation_sources"]
    assert mix_intensity(scenario, default_catalog()) == pytest.approx(
        mix_intensity_g_per_kwh(scenario.mix_weights(), sources)
    )


def test_every_exported_column_is_explained():
    scenario = Scenario()
    bands = run_monte_carlo(scenario, 200, 0).bands
    text = timeseries_csv(project(scenario), bands, mix_intensity(scenario, default_catalog()))
    columns = pd.read_csv(io.StringIO(text)).columns
    for column in columns:
        base = re.sub(r"_p(10|50|90)$", "", column)
        assert base in COLUMN_NOTES, column


def _unescaped(text: str, pattern: str) -> list[str]:
    """Matches of `pattern` not preceded by an odd number of backslashes: what CommonMark
    would read as markup (a backslash before ASCII punctuation makes it literal)."""
    found = []
    for match in re.finditer(pattern, text):
        slashes = len(text[: match.start()]) - len(text[: match.start()].rstrip("\\"))
        if slashes % 2 == 0:
            found.append(match.group())
    return found


def test_the_methods_note_has_no_html_entities_for_ordinary_text():
    note = methods_note(Scenario(), VERSION, "R&D -> 2030 > 100 GW")
    for entity in ("&gt;", "&lt;", "&amp;", "&quot;"):
        assert entity not in note
    assert "-> 8.5 / 8 / 0.7" in note  # server_overhead's source, as written
    assert "Scenario name: R&D -> 2030 > 100 GW" in note


@pytest.mark.parametrize(
    "name",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "\\<script>",  # a typed backslash cannot cancel the escape
        "<!-- hidden -->",
        "<javascript:alert(1)>",
        "[click](javascript:alert(1))",
        "&lt;script&gt;",
        "a|b",
    ],
)
def test_a_typed_name_cannot_become_html_a_link_or_a_table_cell(name):
    note = methods_note(Scenario(), VERSION, name)
    line = next(line for line in note.splitlines() if line.startswith("- Scenario name:"))
    assert _unescaped(line, r"<[A-Za-z/!?]") == []  # no tag, comment or autolink
    assert _unescaped(line, r"&#?[A-Za-z0-9]+;") == []  # no entity
    assert _unescaped(line, r"\[") == []  # no link
    assert _unescaped(line, r"\|") == []  # no cell boundary


def test_table_rows_keep_their_six_cells():
    note = methods_note(Scenario(), VERSION)
    rows = [line for line in note.splitlines() if line.startswith("| `")]
    assert len(rows) == len(INPUTS)
    for row in rows:
        assert len(_unescaped(row, r"\|")) == 7, row


# --- Saved scenarios side by side --------------------------------------------------------


def _zip_members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


NUCLEAR = preset_by_name("Nuclear bet", default_catalog()).scenario()
SLOW_GRID = dataclasses.replace(Scenario(), pue=1.5, build_rate_gw_per_yr_us=5.0)


@pytest.fixture(scope="module")
def two_saved_zip() -> bytes:
    saved = (("Nuclear", NUCLEAR), ("Slow grid", SLOW_GRID))
    return cache_pages.scenario_zip(Scenario(), default_catalog(), "?v=1", {}, saved)


def test_the_export_holds_each_saved_scenarios_series_in_its_own_block(two_saved_zip):
    members = _zip_members(two_saved_zip)
    series = pd.read_csv(io.BytesIO(members[ZIP_SAVED_TIMESERIES]), header=[0, 1])
    assert list(dict.fromkeys(series.columns.get_level_values(0))) == [
        "scenario",
        "Nuclear",
        "Slow grid",
    ]
    assert series[("scenario", "year")].tolist() == list(range(2025, 2041))
    for name, scenario in (("Nuclear", NUCLEAR), ("Slow grid", SLOW_GRID)):
        frame = project(scenario)
        for column in ("power_demand_gw", "power_achieved_gw", "compute_lost_to_power_share"):
            # Written with 6 significant figures.
            assert_allclose(series[(name, column)], frame[column], rtol=1e-5, err_msg=name)
        # Emissions of what AI gets: GW x 8760 h x the scenario's own mix intensity
        # (1 GW for 8760 h at 1 g/kWh = 8,760 t).
        intensity = mix_intensity_g_per_kwh(scenario.mix_weights())
        expected = frame["power_achieved_gw"] * 8760.0 * intensity
        assert_allclose(series[(name, "emissions_achieved_tco2e_per_yr")], expected, rtol=1e-5)
    # The two blocks differ: the Nuclear bet's mix emits less per kWh than the default's.
    nuclear = series[("Nuclear", "emissions_achieved_tco2e_per_yr")]
    slow = series[("Slow grid", "emissions_achieved_tco2e_per_yr")]
    assert (nuclear < slow).all()


def test_the_export_sets_the_saved_scenarios_inputs_side_by_side_with_sources(two_saved_zip):
    members = _zip_members(two_saved_zip)
    inputs = pd.read_csv(io.BytesIO(members[ZIP_SAVED_INPUTS])).set_index("input")
    assert list(inputs.columns) == [
        "label",
        "unit",
        "Nuclear",
        "Slow grid",
        "default",
        "source_of_default",
    ]
    assert float(inputs.loc["pue", "Slow grid"]) == 1.5
    assert float(inputs.loc["build_rate_gw_per_yr_us", "Slow grid"]) == 5.0
    assert float(inputs.loc["pue", "Nuclear"]) == NUCLEAR.pue
    assert float(inputs.loc["mix_nuclear_large", "Nuclear"]) == NUCLEAR.mix_nuclear_large
    assert inputs.loc["pue", "source_of_default"] == INPUTS_BY_NAME["pue"].source
    note = members[ZIP_METHODS].decode()
    assert "Saved scenarios side by side (2: Nuclear; Slow grid)" in note


def test_an_export_without_saved_scenarios_has_no_saved_files():
    data = cache_pages.scenario_zip(Scenario(), default_catalog(), "?v=1", {})
    assert set(_zip_members(data)) == {ZIP_SCENARIO, ZIP_TIMESERIES, ZIP_METHODS, ZIP_CLAIMS}


def test_four_saved_scenarios_keep_the_export_small_enough_to_restore():
    # The restore reads files of at most MAX_FILE_BYTES (64,000 bytes), zip included.
    saved = tuple(
        (f"Saved {i}", dataclasses.replace(NUCLEAR, pue=1.1 + 0.1 * i)) for i in range(MAX_SAVED)
    )
    data = cache_pages.scenario_zip(SLOW_GRID, default_catalog(), "?v=1", {}, saved)
    assert len(data) <= MAX_FILE_BYTES
    assert read_scenario_file(data).scenario == SLOW_GRID
    series = pd.read_csv(io.BytesIO(_zip_members(data)[ZIP_SAVED_TIMESERIES]), header=[0, 1])
    assert len(set(series.columns.get_level_values(0))) == 1 + MAX_SAVED


@pytest.mark.parametrize("name", ["=1+1", "+cmd", "-2", "@SUM(A1)"])
def test_a_name_a_spreadsheet_would_run_as_a_formula_is_written_as_text(name):
    assert spreadsheet_text(name) == f"'{name}"
    table = saved_inputs_frame({name: Scenario()})
    assert f"'{name}" in table.columns
    assert spreadsheet_text("Nuclear = cheap") == "Nuclear = cheap"
