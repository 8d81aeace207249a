"""Monte Carlo and tornado: reproducible, consistent with the projection, and sourced."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from numpy.testing import assert_allclose

from model import projection, uncertainty
from model.catalog import default_catalog
from model.scenario import INPUTS_BY_NAME, Scenario


@pytest.fixture(scope="module")
def mc():
    return uncertainty.run_monte_carlo(Scenario(), n=3000, seed=7)


def test_monte_carlo_is_reproducible_for_a_seed_and_bands_are_ordered(mc):
    again = uncertainty.run_monte_carlo(Scenario(), n=3000, seed=7)
    assert mc.bands.equals(again.bands)
    assert np.array_equal(mc.wall_years, again.wall_years, equal_nan=True)
    assert mc.binding_shares.equals(again.binding_shares)
    for name in uncertainty.BANDED:
        assert np.all(mc.bands[f"{name}_p10"] <= mc.bands[f"{name}_p50"])
        assert np.all(mc.bands[f"{name}_p50"] <= mc.bands[f"{name}_p90"])
    p10, p50, p90 = mc.wall_percentiles()
    assert p10 <= p50 <= p90


def test_binding_shares_sum_to_one_each_year_and_name_every_step(mc):
    shares = mc.binding_shares
    assert list(shares.columns) == list(projection.CONSTRAINTS)
    assert list(shares.index) == list(projection.years())
    assert_allclose(shares.sum(axis=1), 1.0)
    assert ((shares >= 0) & (shares <= 1)).all().all()


def test_in_the_base_year_the_trend_sets_every_sample(mc):
    # 2025 is what happened: the largest run was what it was, in every sample.
    assert mc.binding_shares.loc[2025, "trend"] == 1.0
    # and no sample starts short of power (base supply moves with base demand).
    assert np.nanmin(mc.wall_years) > 2025


def test_power_binds_in_most_samples_by_2030_as_epoch_ai_finds(mc):
    # Epoch AI 2024: power is the first constraint to bind by 2030.
    row = mc.binding_shares.loc[2030]
    assert row.idxmax() == "power"
    assert row["power"] > 0.5


def test_a_different_seed_gives_different_samples():
    a = uncertainty.sample_inputs(Scenario(), 100, seed=1, catalog=default_catalog())
    b = uncertainty.sample_inputs(Scenario(), 100, seed=2, catalog=default_catalog())
    assert not np.allclose(a["compute_growth"], b["compute_growth"])


def test_sample_medians_sit_on_the_scenario_and_spreads_are_as_stated():
    draws = uncertainty.sample_inputs(Scenario(), 20_000, seed=3, catalog=default_catalog())
    assert_allclose(np.median(draws["compute_growth"]), 4.0, rtol=0.02)
    assert_allclose(np.median(draws["build_rate_gw_per_yr_us"]), 20.0, rtol=0.03)
    # lognormal: P90 / median = 1.2 for compute growth, 1.15 for chip production (stated)
    assert_allclose(np.percentile(draws["compute_growth"], 90) / 4.0, 1.2, rtol=0.03)
    assert_allclose(np.percentile(draws["chip_production_growth"], 90) / 1.4, 1.15, rtol=0.03)
    # The spread's source: P10-P90 1.22-1.61x/yr, i.e. 1.4 / 1.15 and 1.4 x 1.15.
    p10, p90 = np.percentile(draws["chip_production_growth"], [10, 90])
    assert_allclose([p10, p90], [1.4 / 1.15, 1.4 * 1.15], rtol=0.03)
    lead = draws["lead_time_years"]
    assert lead.shape[0] == 20_000
    assert lead.min() >= 1.0  # shortest low lead time in the data is 1 year (gas peaker)


def test_base_year_levels_move_together():
    draws = uncertainty.sample_inputs(Scenario(), 1000, seed=4, catalog=default_catalog())
    # One draw scales the 2025 stock (15M H100e), the chips made (10M), the serving power
    # (13.5 and 4.5 GW) and the supply (14.5 and 5 GW): in 2025 AI drew what its chips need.
    ratio = draws["chip_stock_base_h100e"] / 1.5e7
    for name, default in (
        ("chip_production_base_h100e", 1e7),
        ("serving_power_base_gw_us", 13.5),
        ("supply_base_gw_us", 14.5),
        ("supply_base_gw_row", 5.0),
    ):
        inside = (ratio * 1.5e7 > 1e6) & (ratio * 1.5e7 < 1e8) & (ratio * default > 1.0)
        assert_allclose(draws[name][inside] / default, ratio[inside], err_msg=name)


def test_draws_stay_inside_each_inputs_range():
    draws = uncertainty.sample_inputs(Scenario(), 5000, seed=5, catalog=default_catalog())
    for name, values in draws.items():
        spec = INPUTS_BY_NAME.get(name)
        if spec is None or spec.min is None:
            continue
        assert values.min() >= spec.min, name
        assert values.max() <= spec.max, name


def test_every_spread_has_a_source_and_names_an_input():
    for spread in uncertainty.SPREADS:
        assert spread.name in INPUTS_BY_NAME
        assert spread.p90_factor > 1
        assert len(spread.source) > 20


def test_the_deterministic_wall_lies_inside_the_monte_carlo_p10_p90(mc):
    wall = projection.wall_year(projection.project(Scenario()))
    p10, _, p90 = mc.wall_percentiles()
    assert p10 <= wall <= p90


def test_monte_carlo_rejects_zero_samples():
    with pytest.raises(ValueError, match="at least 1"):
        uncertainty.run_monte_carlo(Scenario(), n=0)


def test_one_sample_at_the_scenario_reproduces_the_projection():
    # With every spread collapsed to the scenario's value the Monte Carlo is the projection.
    scenario = Scenario()
    values = projection.scenario_values(scenario)
    fixed = projection.fixed_inputs(scenario, __import__("model").catalog.default_catalog())
    out = projection.simulate(values, fixed, fixed.sources.lead_time_years[None, :])
    frame = projection.project(scenario)
    assert_allclose(out["power_supply_gw"][0], frame["power_supply_gw"])
    assert_allclose(out["compute_achieved_flop"][0], frame["compute_achieved_flop"])


@pytest.fixture(scope="module")
def tornado():
    return uncertainty.tornado(Scenario(), default_catalog())


def test_tornado_lists_every_input_group_sorted_by_how_far_it_moves_the_wall(tornado):
    rows = set(tornado["input"])
    assert {s.name for s in uncertainty.SPREADS} <= rows
    assert {name for name, *_ in uncertainty.EXTRA_SWINGS} <= rows
    assert {"lead_times", "mix"} <= rows
    # Every sidebar group that moves the projection has a row (Serving and Training run
    # move only their own pages); Chips & facility's is PUE, which moves the default
    # scenario's wall from 2028 (PUE 1.09) to 2025 (1.56).
    groups = {INPUTS_BY_NAME[name].group for name in rows if name in INPUTS_BY_NAME}
    assert {"hardware", "growth", "chips", "limits", "supply"} <= groups
    pue = tornado.set_index("input").loc["pue"]
    assert (pue["wall_low"], pue["wall_high"]) == (2028, 2025)
    # Projected on their own (PUE sets the facility, which a batch shares), as project does.
    for end, wall in ((1.09, pue["wall_low"]), (1.56, pue["wall_high"])):
        assert projection.wall_year(projection.project(Scenario(pue=end))) == wall
    swings = tornado["wall_swing_years"].to_numpy()
    assert np.all(swings[:-1] >= swings[1:])


def test_tornado_ends_are_the_projection_at_each_end(tornado):
    row = tornado.set_index("input").loc["build_rate_gw_per_yr_us"]
    # 20 GW/yr / 1.5 and x 1.5 (the stated spread) = 13.3 and 30 GW/yr.
    assert_allclose([row["low_value"], row["high_value"]], [20 / 1.5, 30.0])
    low = projection.project(dataclasses.replace(Scenario(), build_rate_gw_per_yr_us=20 / 1.5))
    assert row["wall_low"] == (projection.wall_year(low) or 2041)
    # More building: the wall comes no earlier.
    assert row["wall_high"] >= row["wall_low"]


def test_every_tornado_row_equals_the_projection_run_at_its_ends(tornado):
    # The tornado runs its variants as one batch; each must be what project() gives for
    # the scenario with that one row's inputs changed.
    swings = {s.input: s for s in uncertainty.tornado_swings(Scenario(), default_catalog())}
    for row in tornado.itertuples():
        swing = swings[row.input]
        for variant, wall, power in (
            (swing.low, row.wall_low, row.power_binds_low),
            (swing.high, row.wall_high, row.power_binds_high),
        ):
            frame = projection.project(variant)
            assert wall == (projection.wall_year(frame) or 2041), row.input
            assert power == (projection.first_binding_year(frame, "power") or 2041), row.input
    # The mix row really is the two presets' mixes, and the lead-time row data's ends.
    assert swings["mix"].high.mix_nuclear_large == 70.0
    assert swings["lead_times"].low.lead_nuclear_large == 6.3
    assert swings["lead_times"].high.lead_nuclear_large == 10.4


def test_the_fleet_binding_shares_sum_to_one_and_the_wall_shares_count_samples(mc):
    shares = mc.fleet_binding_shares
    assert list(shares.columns) == list(projection.FLEET_STEPS)
    assert_allclose(shares.sum(axis=1), 1.0)
    # 2025's fleet is what was bought before: demand (nothing new) in every sample.
    assert shares.loc[2025, "demand"] == 1.0
    walls = np.nan_to_num(mc.wall_years, nan=9999)
    assert mc.share_with_wall(2030) == pytest.approx(np.mean(walls <= 2030))
    assert mc.share_with_wall() == pytest.approx(np.mean(walls <= 2040))
    assert mc.share_with_wall(2030) <= mc.share_with_wall()
