"""The caches of Power it, Serve it and Compare & share (ui/cache_pages.py) give what the
model gives without them, and their keys tell scenarios apart."""

from __future__ import annotations

import dataclasses
from typing import Any

import pandas as pd
import pytest

from model import fleet, inference, projection
from model.catalog import default_catalog
from model.compare import DEFAULT_NAME
from model.presets import preset_by_name
from model.scenario import BASE_YEAR, END_YEAR, INPUTS, InputSpec, Scenario
from model.scenario_io import choice_options
from ui import cache_pages
from ui.data import BY_REPR

CAT = default_catalog()
CHOICES = choice_options(CAT)
PUE_1_5 = dataclasses.replace(Scenario(), pue=1.5)
NUCLEAR_BET = preset_by_name("Nuclear bet", CAT).scenario()


def far_values(spec: InputSpec) -> list[Any]:
    """The ends of an input's range, or its other options or state."""
    if spec.kind == "bool":
        return [not spec.default]
    if spec.kind == "choice":
        return [o for o in spec.options or CHOICES[spec.name] if o != spec.default]
    assert spec.min is not None
    assert spec.max is not None
    ends = [spec.min, spec.max]
    return [int(v) for v in ends] if spec.kind == "int" else ends


@pytest.mark.parametrize("spec", INPUTS, ids=lambda s: s.name)
def test_the_caches_key_for_a_scenario_changes_with_every_input(spec):
    key = BY_REPR[Scenario]
    assert key(Scenario()) == key(Scenario())
    for value in far_values(spec):
        if value != spec.default:
            assert key(dataclasses.replace(Scenario(), **{spec.name: value})) != key(Scenario())


def test_the_serving_inputs_are_the_ones_left_out_of_the_projections_key():
    names = set(cache_pages.NOT_PROJECTED)
    assert {"inference_utilization", "queries_per_day", "active_params"} <= names
    assert not names & {"pue", "utilization", "mix_nuclear_large", "compute_growth"}


@pytest.mark.parametrize(
    "spec", [s for s in INPUTS if s.name in cache_pages.NOT_PROJECTED], ids=lambda s: s.name
)
def test_an_input_left_out_of_the_projections_key_leaves_the_projection_alone(spec):
    # The claim the cache of ai_demand_twh rests on, checked at both ends of each range.
    for base in (Scenario(), NUCLEAR_BET):
        expected = projection.project(base, CAT)
        for value in far_values(spec):
            moved = dataclasses.replace(base, **{spec.name: value})
            pd.testing.assert_frame_equal(projection.project(moved, CAT), expected)


def test_the_cached_ai_demand_follows_the_projection_not_the_serving_inputs():
    busy = dataclasses.replace(PUE_1_5, inference_utilization=0.7, queries_per_day=1e11)
    expected = inference.ai_demand_twh(projection.project(busy, CAT))
    pd.testing.assert_frame_equal(cache_pages.ai_demand_twh(busy), expected)
    # PUE 1.5 against 1.2 raises what all AI wants in 2025 (the first row): the key keeps it.
    default = cache_pages.ai_demand_twh(Scenario())
    assert cache_pages.ai_demand_twh(busy)["twh"].iloc[0] > default["twh"].iloc[0]


def test_the_cached_lead_time_table_follows_the_lead_times_alone():
    # The default and the Nuclear bet (another mix, the default lead times) share one
    # table; a longer nuclear lead time (12 years, default 8) gets its own.
    slow = dataclasses.replace(Scenario(), lead_nuclear_large=12.0)
    for scenario in (Scenario(), NUCLEAR_BET, slow):
        expected = fleet.lead_time_table(scenario, CAT)
        pd.testing.assert_frame_equal(cache_pages.lead_time_table(scenario), expected)
    table = cache_pages.lead_time_table(slow).set_index("source_id")
    assert table.at["nuclear_large", "lead_time_mid_years"] == 12.0


def test_the_cached_build_table_tells_years_and_build_rates_apart():
    # Firm power delivered accumulates: by 2040 at least what was there by 2030, and more
    # for some source. A key without the year would give the 2030 table for 2040.
    early = cache_pages.build_by_source(NUCLEAR_BET, 2030)["firm_by_year_gw"]
    late = cache_pages.build_by_source(NUCLEAR_BET, END_YEAR)["firm_by_year_gw"]
    assert (late.fillna(0) >= early.fillna(0)).all()
    assert (late.fillna(0) > early.fillna(0)).any()
    # New nameplate wanted in the base year is the two regions' build rates, 20 + 20 GW/yr
    # in the Nuclear bet; half the US rate wants 10 + 20 = 30 GW/yr. The key sees it.
    slower = dataclasses.replace(NUCLEAR_BET, build_rate_gw_per_yr_us=10.0)
    wanted = cache_pages.build_by_source(NUCLEAR_BET, BASE_YEAR)["wanted_gw_per_yr"]
    assert wanted.sum() == pytest.approx(40.0)
    assert cache_pages.build_by_source(slower, BASE_YEAR)["wanted_gw_per_yr"].sum() == (
        pytest.approx(30.0)
    )


def _gw(cell: str) -> float:
    """A power cell ("12.3 GW", "850 MW") in GW."""
    number, unit = cell.split()
    return float(number.replace(",", "")) * {"TW": 1e3, "GW": 1.0, "MW": 1e-3}[unit]


def _mt(cell: str) -> float:
    """An emissions cell ("1,230 MtCO2e/yr") in MtCO2e/yr."""
    number, unit = cell.split()
    return float(number.replace(",", "")) * {"GtCO2e/yr": 1e3, "MtCO2e/yr": 1.0}[unit]


def test_the_compare_view_puts_the_default_first_and_keeps_scenarios_apart():
    shown = {"Current scenario": PUE_1_5, "Saved": Scenario(), "Bet": NUCLEAR_BET}
    view = cache_pages.compare_view(cache_pages.named_items(shown))
    table = view.table
    assert list(table.columns) == [DEFAULT_NAME, "Current scenario", "Saved", "Bet"]
    # "Saved" is the default scenario under another name: same cells, coinciding lines.
    assert table["Saved"].equals(table[DEFAULT_NAME])
    assert view.coinciding == [(DEFAULT_NAME, "Saved")]
    assert len(view.figure.data) > len(shown)  # a line per scenario at least
    # PUE 1.5 against 1.2 draws more power from the same mix; nuclear emits less per kWh
    # than the world mix (about 12 against 480 gCO2e/kWh), so the Bet emits less.
    power = table.loc["All-AI power, wanted"]
    assert _gw(power["Current scenario"]) > _gw(power[DEFAULT_NAME])
    assert table.loc["Mix cost", "Current scenario"] == table.loc["Mix cost", DEFAULT_NAME]
    emissions = table.loc["Emissions, wanted"]
    assert _mt(emissions["Bet"]) < _mt(emissions[DEFAULT_NAME])


def test_the_downloads_headline_is_the_scenarios_column_of_the_table():
    cells = cache_pages.headline_cells(NUCLEAR_BET)
    view = cache_pages.compare_view(cache_pages.named_items({"Bet": NUCLEAR_BET}))
    assert cells == view.table["Bet"].to_dict()
