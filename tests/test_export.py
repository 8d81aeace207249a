"""The export's yearly series (emissions, cost, Monte Carlo percentiles) and its methods
note's escaping, by hand arithmetic and by CommonMark's rules."""

from __future__ import annotations

import io
import re

import pandas as pd
import pytest
from numpy.testing import assert_allclose

from model.catalog import default_catalog
from model.grid import mix_intensity_g_per_kwh
from model.presets import preset_by_name
from model.projection import project
from model.scenario import INPUTS, Scenario
from model.scenario_io import (
    PERCENTILES,
    mix_intensity,
    timeseries_csv,
    timeseries_frame,
)
from model.uncertainty import run_monte_carlo
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
