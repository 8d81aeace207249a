"""The vectorised projection (all samples at once) against a plain per-sample reference
(tests/reference_projection.py: scalars, loops, every vintage summed one by one), on the
Monte Carlo's own draws for the defaults, every preset and some extreme scenarios.

This is what lets projection.simulate, model.fleet and the Monte Carlo be made faster:
whatever shortcut they take, each sample must still be the equations of
docs/methods/equations.md.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from numpy.testing import assert_allclose

from model import projection, uncertainty
from model.catalog import default_catalog
from model.presets import all_presets
from model.scenario import SOURCE_IDS, Scenario
from tests.reference_projection import simulate_reference

CATALOG = default_catalog()
SCENARIOS = {
    "defaults": Scenario(),
    **{preset.name: preset.scenario() for preset in all_presets(CATALOG)},
    # Building far beyond every cap, from the first year.
    "build_beyond_caps": dataclasses.replace(
        Scenario(),
        build_rate_gw_per_yr_us=400.0,
        build_cap_share_us=100.0,
        build_rate_gw_per_yr_row=400.0,
        build_cap_share_row=100.0,
    ),
    # Almost nothing built, a long queue and a steep trend: power binds early.
    "starved": dataclasses.replace(
        Scenario(),
        build_rate_gw_per_yr_us=1.0,
        build_rate_gw_per_yr_row=1.0,
        compute_growth=10.0,
        queue_years_us=10.0,
    ),
    # Less power in 2025 than the chips already bought need: base-year chips sit idle.
    "idle_base_stock": dataclasses.replace(
        Scenario(), supply_base_gw_us=5.0, supply_base_gw_row=1.0
    ),
    # Nothing grows: no trend to fall short of, and demand binds the fleet.
    "flat": dataclasses.replace(Scenario(), compute_growth=1.0, serving_compute_growth=1.0),
    # Money binds: spending flat, chips cheap to make, a GDP cap that bites.
    "money_binds": dataclasses.replace(
        Scenario(), ai_capex_growth=1.0, chip_production_growth=2.5, capex_gdp_cap_share=0.3
    ),
    # The bill passes the spending: $50B flat at four times the price runs only the
    # part of the fleet it pays for, and buys no chips while the bill takes it all.
    "bill_passes_spending": dataclasses.replace(
        Scenario(), ai_capex_base_usd=5e10, ai_capex_growth=1.0, price_scale=4.0
    ),
    # Every source in the mix (more sources than the defaults use).
    "every_source": dataclasses.replace(Scenario(), **{f"mix_{sid}": 1.0 for sid in SOURCE_IDS}),
    # Caps that never grow, all on the grid with no queue; caps that grow fast, all
    # behind the meter, at four times the price, all chips in the US.
    "flat_caps_on_grid": dataclasses.replace(
        Scenario(),
        build_cap_growth=1.0,
        behind_meter_share_us=0.0,
        queue_years_us=0.0,
        build_rate_gw_per_yr_us=120.0,
    ),
    "growing_caps_behind_meter": dataclasses.replace(
        Scenario(),
        build_cap_growth=1.5,
        behind_meter_share_us=100.0,
        build_cap_share_us=1.0,
        price_scale=4.0,
        us_chip_share=100.0,
    ),
    # Efficiency at the ceiling early, chips living two years.
    "ceiling_and_short_life": dataclasses.replace(
        Scenario(),
        hardware_efficiency_growth=2.0,
        efficiency_ceiling_flop_per_j=2e13,
        chip_lifetime_years=2.0,
    ),
}
#: Discrete columns: compared exactly, except where two limits tie to rounding.
DISCRETE = ("binding_index", "fleet_binding_index", "energy_limited")
#: Two numbers this close are the same number computed two ways (sums in another order).
RTOL = 1e-9
#: Absolute slack for numbers that are zero one way and rounding noise the other. The
#: labels are compared exactly: ties within 1e-9 go by the fixed order in both.


def _mc_inputs(scenario: Scenario, n: int, seed: int):
    """The Monte Carlo's values and lead times for `n` draws, as run_monte_carlo sets them."""
    draws = uncertainty.sample_inputs(scenario, n, seed, CATALOG)
    values = projection.scenario_values(scenario)
    for name, drawn in draws.items():
        if name != "lead_time_years":
            values[name] = drawn[:, None]
    return values, projection.fixed_inputs(scenario, CATALOG), draws["lead_time_years"]


def _assert_matches_reference(out, ref) -> None:
    assert set(out) == set(ref)
    for name in out:
        if name not in DISCRETE:
            assert_allclose(out[name], ref[name], rtol=RTOL, atol=1e-6, err_msg=name)
        else:
            assert_allclose(out[name], ref[name], err_msg=name)


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_every_monte_carlo_sample_is_the_reference_projection_of_its_draws(name):
    values, fixed, lead = _mc_inputs(SCENARIOS[name], 60, seed=5)
    out = projection.simulate(values, fixed, lead)
    _assert_matches_reference(out, simulate_reference(values, fixed, lead))


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_the_projection_is_the_reference_at_the_scenarios_values(name):
    scenario = SCENARIOS[name]
    values = projection.scenario_values(scenario)
    fixed = projection.fixed_inputs(scenario, CATALOG)
    lead = fixed.sources.lead_time_years[None, :]
    out = projection.simulate(values, fixed, lead)
    _assert_matches_reference(out, simulate_reference(values, fixed, lead))
    frame = projection.project(scenario, CATALOG)
    assert_allclose(frame["power_supply_gw"], out["power_supply_gw"][0], rtol=0)


def test_the_monte_carlo_bands_are_the_percentiles_of_the_reference_samples():
    # 200 samples: the inverted-CDF P10, P50 and P90 are sorted samples 20, 100 and 180
    # (ceil(q x 200), counted from 1).
    scenario = Scenario()
    mc = uncertainty.run_monte_carlo(scenario, 200, 9, CATALOG)
    values, fixed, lead = _mc_inputs(scenario, 200, seed=9)
    ref = simulate_reference(values, fixed, lead)
    for name in uncertainty.BANDED:
        ordered = np.sort(ref[name], axis=0)
        for suffix, row in (("p10", 19), ("p50", 99), ("p90", 179)):
            assert_allclose(mc.bands[f"{name}_{suffix}"], ordered[row], rtol=RTOL, err_msg=name)
