"""Growth versus power: identities, hand arithmetic, and agreement with Epoch AI."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from numpy.testing import assert_allclose

from model import grid, projection, uncertainty
from model.scenario import SOURCE_IDS, Scenario

ONLY_SOLAR = {f"mix_{sid}": 0.0 for sid in SOURCE_IDS} | {"mix_solar_pv_utility": 100.0}


def test_columns_are_those_design_md_names():
    frame = projection.project(Scenario())
    for column in (
        "year",
        "compute_demand_flop",
        "efficiency_flop_per_j",
        "run_days",
        "frontier_run_power_gw",
        "power_demand_gw",
        "power_supply_gw",
        "power_achieved_gw",
        "compute_achieved_flop",
        "energy_limited",
    ):
        assert column in frame.columns
    assert frame["year"].iloc[0] == 2025
    assert frame["year"].iloc[-1] == 2040


def test_base_year_run_power_by_hand():
    frame = projection.project(Scenario())
    # E0 = 989.4e12 FLOP/s x 0.40 / (700 W x 1.5 x 1.2) = 3.1409e11 FLOP/J
    assert_allclose(frame["efficiency_flop_per_j"].iloc[0], 989.4e12 * 0.4 / 1260)
    # P = 4.64e26 FLOP / (3.1409e11 FLOP/J x 100 d x 86,400 s) = 1.710e8 W = 0.171 GW
    assert_allclose(
        frame["frontier_run_power_gw"].iloc[0], 4.64e26 / (3.1409e11 * 8.64e6) / 1e9, rtol=1e-4
    )


def test_run_power_is_compute_over_efficiency_times_length():
    frame = projection.project(Scenario())
    seconds = frame["run_days"] * 86_400
    expected = frame["compute_demand_flop"] / (frame["efficiency_flop_per_j"] * seconds) / 1e9
    assert_allclose(frame["frontier_run_power_gw"], expected)


def test_demand_is_other_ai_plus_frontier_runs():
    s = Scenario()
    frame = projection.project(s)
    other = s.other_ai_power_base_gw * s.other_ai_growth ** (frame["year"] - 2025)
    assert_allclose(
        frame["power_demand_gw"], other + s.frontier_runs * frame["frontier_run_power_gw"]
    )


def test_achieved_is_min_of_demand_and_supply_and_compute_never_exceeds_wanted():
    frame = projection.project(Scenario())
    assert_allclose(
        frame["power_achieved_gw"], np.minimum(frame["power_demand_gw"], frame["power_supply_gw"])
    )
    assert np.all(frame["compute_achieved_flop"] <= frame["compute_demand_flop"])
    limited = frame["energy_limited"]
    assert np.all(
        frame.loc[~limited, "compute_achieved_flop"] == frame.loc[~limited, "compute_demand_flop"]
    )


def test_supply_of_a_solar_only_build_by_hand():
    s = dataclasses.replace(Scenario(), **ONLY_SOLAR)
    frame = projection.project(s).set_index("year")
    # Solar PV: capacity factor 0.244 (EIA 2021), mid lead time 3.4 y (Clapin & Longden 2024).
    # 2030 (dt = 5): 15 GW base + 30 GW pipeline (all arrived after 3 y)
    #   + 40 GW/yr x 0.244 x (5 - 3.4) y = 45 + 15.616 = 60.616 GW
    assert_allclose(frame.loc[2030, "power_supply_gw"], 60.616)
    # 2027 (dt = 2): 15 + 30 x 2/3 and no solar yet = 35 GW
    assert_allclose(frame.loc[2027, "power_supply_gw"], 35.0)


def test_wall_is_the_first_limited_year():
    frame = projection.project(Scenario())
    wall = projection.wall_year(frame)
    assert wall is not None
    assert not frame.loc[frame["year"] < wall, "energy_limited"].any()
    assert frame.loc[frame["year"] == wall, "energy_limited"].item()


def test_no_wall_when_supply_always_exceeds_demand():
    s = dataclasses.replace(
        Scenario(), compute_growth=1.0, other_ai_growth=1.0, supply_base_gw=200.0
    )
    frame = projection.project(s)
    assert projection.wall_year(frame) is None
    assert projection.growth_after_wall(frame) is None


def test_wall_in_the_base_year_when_supply_starts_below_demand():
    s = dataclasses.replace(Scenario(), supply_base_gw=1.0, other_ai_power_base_gw=10.0)
    assert projection.wall_year(projection.project(s)) == 2025


def test_more_building_never_brings_the_wall_earlier():
    slow = projection.wall_year(projection.project(Scenario()))
    fast = projection.wall_year(
        projection.project(dataclasses.replace(Scenario(), build_rate_gw_per_yr=400.0))
    )
    assert fast is None or fast >= slow


def test_decomposition_identity():
    d = projection.growth_decomposition(Scenario())
    # 4.0 / (2^(1/1.5) x 1.15) = 4.0 / (1.5874 x 1.15) = 2.191
    assert_allclose(d["power_growth"], 2.191, rtol=1e-3)
    frame = projection.project(Scenario())
    ratio = frame["frontier_run_power_gw"].iloc[1] / frame["frontier_run_power_gw"].iloc[0]
    assert_allclose(ratio, d["power_growth"])


def test_run_length_stops_at_its_cap():
    s = dataclasses.replace(
        Scenario(), run_days_base=300.0, run_length_growth=1.5, run_days_cap=365.0
    )
    assert projection.project(s)["run_days"].max() == 365.0
    # first year: min(300 x 1.5, 365) / 300 = 1.2167
    assert_allclose(projection.growth_decomposition(s)["run_length_growth"], 365 / 300)


def test_model_size_basis_gives_six_n_twenty_n():
    s = dataclasses.replace(Scenario(), frontier_basis="params", frontier_params=2e12)
    # 6 x 2e12 x (20 x 2e12) = 4.8e26 FLOP
    assert_allclose(projection.project(s)["compute_demand_flop"].iloc[0], 4.8e26)


# Agreement with the literature the defaults cite.
def test_default_run_power_grows_about_two_x_per_year_like_epoch():
    # Epoch AI: frontier training power grew 2.1x/yr (CI 1.9-2.2, 2024) and 2.2x/yr (2025).
    power = projection.project(Scenario())["frontier_run_power_gw"].to_numpy()
    yearly = power[1:4] / power[:3]
    assert np.all((yearly >= 1.9) & (yearly <= 2.25))


def test_default_2030_frontier_run_is_in_epoch_epri_gigawatt_range():
    # Epoch AI/EPRI 2025: the largest single run in 2030 likely draws 4-16 GW.
    frame = projection.project(Scenario()).set_index("year")
    assert 4.0 <= frame.loc[2030, "frontier_run_power_gw"] <= 16.0


def test_default_base_year_run_is_near_epochs_grok_3_estimate():
    # Epoch AI estimates Grok-3's training power at 137.4 MW; our overheads give 171 MW.
    power_mw = projection.project(Scenario())["frontier_run_power_gw"].iloc[0] * 1000
    assert 100 <= power_mw <= 250


# Monte Carlo.
def test_monte_carlo_is_reproducible_for_a_seed_and_bands_are_ordered():
    a = uncertainty.run_monte_carlo(Scenario(), n=2000, seed=7)
    b = uncertainty.run_monte_carlo(Scenario(), n=2000, seed=7)
    assert a.bands.equals(b.bands)
    assert np.array_equal(a.wall_years, b.wall_years, equal_nan=True)
    for name in ("power_demand_gw", "power_supply_gw", "compute_achieved_flop"):
        assert np.all(a.bands[f"{name}_p10"] <= a.bands[f"{name}_p50"])
        assert np.all(a.bands[f"{name}_p50"] <= a.bands[f"{name}_p90"])
    p10, p50, p90 = a.wall_percentiles()
    assert p10 <= p50 <= p90


def test_a_different_seed_gives_different_samples():
    a = uncertainty.sample_inputs(Scenario(), 100, seed=1)
    b = uncertainty.sample_inputs(Scenario(), 100, seed=2)
    assert not np.allclose(a["compute_growth"], b["compute_growth"])


def test_sample_medians_sit_on_the_scenario_and_lead_times_in_their_ranges():
    draws = uncertainty.sample_inputs(Scenario(), 20_000, seed=3)
    assert_allclose(np.median(draws["compute_growth"]), 4.0, rtol=0.02)
    assert_allclose(np.median(draws["build_rate_gw_per_yr"]), 40.0, rtol=0.03)
    # lognormal: P90 / median = 1.2 for compute growth (stated spread)
    assert_allclose(np.percentile(draws["compute_growth"], 90) / 4.0, 1.2, rtol=0.03)
    lead = draws["lead_time_years"]
    assert lead.shape == (20_000, len(SOURCE_IDS))
    assert lead.min() >= 0.9  # shortest low lead time in the data is 1 year (gas peaker)


def test_monte_carlo_median_wall_matches_the_deterministic_projection():
    mc = uncertainty.run_monte_carlo(Scenario(), n=4000, seed=0)
    assert mc.wall_percentiles()[1] == projection.wall_year(projection.project(Scenario()))


def test_monte_carlo_rejects_zero_samples():
    with pytest.raises(ValueError, match="at least 1"):
        uncertainty.run_monte_carlo(Scenario(), n=0)


def test_mix_shares_mean_shares_of_energy_in_supply_and_grid_alike():
    # Two sources, half the energy each: solar (CF 0.244) and nuclear (CF 0.928).
    # Nameplate per GW of load = 0.5/0.244 + 0.5/0.928 = 2.0492 + 0.5388 = 2.5880 GW,
    # so each GW of nameplate delivers 1 / 2.5880 = 0.3864 GW on average.
    half = {f"mix_{sid}": 0.0 for sid in SOURCE_IDS}
    half |= {"mix_solar_pv_utility": 50.0, "mix_nuclear_large": 50.0}
    s = dataclasses.replace(Scenario(), **half)
    weights = s.mix_weights()
    assert_allclose(grid.nameplate_gw(1.0, weights).sum(), 2.5880, rtol=1e-4)
    assert_allclose(grid.mix_capacity_factor(weights), 1 / 2.5880, rtol=1e-4)
    # Once every lead time has passed (nuclear's longest is 10.4 y), each year of building
    # adds build rate x 0.3864 GW: 2039 -> 2040 adds 40 x 0.3864 = 15.46 GW.
    supply = projection.project(s).set_index("year")["power_supply_gw"]
    assert_allclose(supply[2040] - supply[2039], 40 / 2.5880, rtol=1e-4)
