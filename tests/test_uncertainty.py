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
    assert_allclose(np.median(draws["build_rate_gw_per_yr"]), 40.0, rtol=0.03)
    # lognormal: P90 / median = 1.2 for compute growth, 1.18 for chip growth (stated)
    assert_allclose(np.percentile(draws["compute_growth"], 90) / 4.0, 1.2, rtol=0.03)
    assert_allclose(np.percentile(draws["chip_stock_growth"], 90) / 3.3, 1.18, rtol=0.03)
    # Epoch's 90% CI for chip growth is 2.7-4.1x: our P5-P95 lands close to it.
    p5, p95 = np.percentile(draws["chip_stock_growth"], [5, 95])
    assert 2.5 <= p5 <= 2.9
    assert 3.8 <= p95 <= 4.3
    lead = draws["lead_time_years"]
    assert lead.shape[0] == 20_000
    assert lead.min() >= 1.0  # shortest low lead time in the data is 1 year (gas peaker)


def test_base_supply_moves_with_base_demand():
    draws = uncertainty.sample_inputs(Scenario(), 1000, seed=4, catalog=default_catalog())
    # 15 GW of supply for 10 GW of serving in the default: the ratio holds in every sample
    # (unless a draw is clipped at an input's edge).
    ratio = draws["supply_base_gw"] / draws["other_ai_power_base_gw"]
    inside = (draws["other_ai_power_base_gw"] * 1.5 < 200) & (draws["supply_base_gw"] > 1)
    assert_allclose(ratio[inside], 1.5)


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


def test_tornado_lists_every_spread_sorted_by_how_far_it_moves_the_wall(tornado):
    assert set(tornado["input"]) == {s.name for s in uncertainty.SPREADS}
    swings = tornado["wall_swing_years"].to_numpy()
    assert np.all(swings[:-1] >= swings[1:])
    assert (tornado["low_value"] < tornado["high_value"]).all()


def test_tornado_ends_are_the_projection_at_each_end(tornado):
    row = tornado.set_index("input").loc["build_rate_gw_per_yr"]
    # 40 GW/yr / 1.5 and x 1.5 (the stated spread) = 26.7 and 60 GW/yr.
    assert_allclose([row["low_value"], row["high_value"]], [40 / 1.5, 60.0])
    low = projection.project(dataclasses.replace(Scenario(), build_rate_gw_per_yr=40 / 1.5))
    assert row["wall_low"] == (projection.wall_year(low) or 2041)
    # More building: the wall comes later (or not at all).
    assert row["wall_high"] >= row["wall_low"]


def test_every_tornado_row_equals_the_projection_run_at_its_ends(tornado):
    # The tornado runs its variants as the samples of one projection; each must be what
    # project() gives for the scenario with that one input changed.
    for row in tornado.itertuples():
        for value, wall, power in (
            (row.low_value, row.wall_low, row.power_binds_low),
            (row.high_value, row.wall_high, row.power_binds_high),
        ):
            spec = INPUTS_BY_NAME[row.input]
            typed = round(value) if spec.kind == "int" else value
            frame = projection.project(dataclasses.replace(Scenario(), **{row.input: typed}))
            assert wall == (projection.wall_year(frame) or 2041), row.input
            assert power == (projection.first_binding_year(frame, "power") or 2041), row.input
