"""model.answer picks the right numbers: hand-built frames and the model's own identities."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from numpy.testing import assert_allclose

from model import answer
from model.projection import CONSTRAINTS, LIMIT_COLUMNS, limit_ratio, project, wall_year
from model.scenario import END_YEAR, Scenario

LIMITS = LIMIT_COLUMNS


def small_frame() -> pd.DataFrame:
    """Three years: the trend sets the run in 2029, power in 2030 and 2031; the wall in 2031.

    trend 1e27, 4e27, 16e27; site 9e27 flat; power 2e27 flat; capital 5e27, 6e27, 7e27;
    chips 8e27 flat; achieved = the smallest = 1e27, 2e27, 2e27. All of AI's new chips are
    held by demand in 2029, then by power; power costs it 0%, 3% and 12% of its compute.
    """
    frame = pd.DataFrame(
        {
            "year": [2029, 2030, 2031],
            "compute_demand_flop": [1e27, 4e27, 16e27],
            "compute_limit_site_flop": [9e27, 9e27, 9e27],
            "compute_limit_power_flop": [2e27, 2e27, 2e27],
            "compute_limit_chips_flop": [8e27, 8e27, 8e27],
            "compute_limit_capital_flop": [5e27, 6e27, 7e27],
            "compute_limit_data_flop": [1e30, 1e30, 1e30],
            "compute_limit_latency_flop": [3e31, 3e31, 3e31],
            "energy_limited": [False, False, True],
            "fleet_binding": ["demand", "power", "power"],
            "compute_lost_to_power_share": [0.0, 0.03, 0.12],
        }
    )
    stacked = frame[list(LIMITS.values())].to_numpy()
    frame["compute_achieved_flop"] = stacked.min(axis=1)
    frame["binding_constraint"] = [CONSTRAINTS[i] for i in stacked.argmin(axis=1)]
    return frame


def test_year_spread_reads_infinity_and_none_as_not_by_the_end_year():
    assert answer.year_spread((2027.0, 2029.0, 2035.0)) == answer.YearSpread(2027, 2035)
    assert answer.year_spread((2026.0, 2030.0, float("inf"))) == answer.YearSpread(2026, None)
    # model.uncertainty returns None when even P10 never reaches the event
    assert answer.year_spread(None) == answer.YearSpread(None, None)


def test_binding_summary_of_a_hand_built_frame():
    spread = answer.YearSpread(2029, 2031)
    s = answer.binding_summary(small_frame(), power_spread=spread, year=2030)
    assert (s.first_step, s.first_year) == ("power", 2030)
    assert s.power_year == 2030
    assert s.power_spread == spread
    assert s.step_in_year == "power"
    # the next limit in 2030 is capital: 6e27 / 2e27 = 3
    assert s.runner_up == "capital"
    assert_allclose(s.runner_up_ratio, 3.0)
    # the trend wants 4e27 / 2e27 = 2x in 2030 and 16e27 / 2e27 = 8x in the last year
    assert_allclose(s.trend_ratio, 2.0)
    assert_allclose(s.trend_ratio_end, 8.0)
    assert s.wall == 2031
    assert s.wall_spread is None
    assert s.years_binding == {"trend": 1, "power": 2}
    assert s.spans == (("trend", 2029, 2029), ("power", 2030, 2031))
    assert s.fleet_spans == (("demand", 2029, 2029), ("power", 2030, 2031))
    assert s.fleet_step_in_year == "power"
    # The largest share lost, 12%, in 2031; no Monte Carlo, so no shares of samples.
    assert (s.lost_share_peak, s.lost_peak_year) == (0.12, 2031)
    assert (s.wall_share_by_headline, s.wall_share_by_end) == (None, None)
    with_mc = answer.binding_summary(small_frame(), year=2030, wall_shares=(0.4, 0.7))
    assert (with_mc.wall_share_by_headline, with_mc.wall_share_by_end) == (0.4, 0.7)


def test_spans_group_consecutive_years():
    years = [2025, 2026, 2027, 2028, 2029]
    steps = ["trend", "site", "site", "trend", "chips"]
    assert answer.spans(years, steps) == (
        ("trend", 2025, 2025),
        ("site", 2026, 2027),
        ("trend", 2028, 2028),
        ("chips", 2029, 2029),
    )
    assert answer.spans([], []) == ()


def test_runner_up_when_the_trend_still_sets_the_run():
    # 2029: the trend (1e27) binds; the nearest limit is power, 2e27 / 1e27 = 2x above it
    step, ratio = answer.runner_up(small_frame(), 2029)
    assert step == "power"
    assert_allclose(ratio, 2.0)


def test_no_limit_and_no_wall_when_the_trend_always_binds():
    frame = small_frame()
    frame["compute_demand_flop"] = [1e26, 1e26, 1e26]
    frame["compute_achieved_flop"] = frame["compute_demand_flop"]
    frame["binding_constraint"] = "trend"
    frame["energy_limited"] = False
    frame["compute_lost_to_power_share"] = 0.0
    s = answer.binding_summary(frame, year=2030)
    assert (s.first_step, s.first_year, s.power_year, s.wall) == (None, None, None, None)
    assert s.lost_peak_year is None
    # power allows 2e27 / 1e26 = 20x the run
    assert (s.runner_up, s.step_in_year) == ("power", "trend")
    assert_allclose(s.runner_up_ratio, 20.0)


def test_shares_in_year_ranks_the_steps_and_drops_those_that_never_bind():
    shares = pd.DataFrame(
        {"trend": [0.1], "power": [0.6], "chips": [0.0], "data": [0.3]},
        index=pd.Index([2030], name="year"),
    )
    assert answer.shares_in_year(shares, 2030) == [("power", 0.6), ("data", 0.3), ("trend", 0.1)]


def test_power_split_of_a_row_for_the_world_and_a_region():
    frame = pd.DataFrame(
        {
            "year": [2030],
            "power_demand_gw": [50.0],
            "power_supply_gw": [45.0],
            "power_achieved_gw": [45.0],
            "power_demand_gw_us": [40.0],
            "power_supply_gw_us": [33.0],
            "power_achieved_gw_us": [33.0],
            "inference_power_achieved_gw": [36.0],
            "training_power_achieved_gw": [9.0],
            "frontier_run_power_gw": [8.0],
            "frontier_run_power_achieved_gw": [3.0],
            "largest_site_gw": [3.0],
            "binding_constraint": ["site"],
        }
    )
    split = answer.power_split(frame, 2030)
    # 50 GW wanted - 45 GW achieved = 5 GW short; serving + training = 36 + 9 = 45 GW
    assert_allclose(split.shortfall_gw, 5.0)
    assert_allclose(split.serving_gw + split.training_gw, split.achieved_gw)
    assert (split.run_step, split.region) == ("site", "world")
    us = answer.power_split(frame, 2030, "us")
    # The US: 40 GW wanted - 33 GW achieved = 7 GW short.
    assert_allclose(us.shortfall_gw, 7.0)
    assert us.region == "us"
    with pytest.raises(ValueError, match="unknown region"):
        answer.power_split(frame, 2030, "mars")


def test_tornado_lead_turns_the_year_after_the_horizon_into_none():
    table = pd.DataFrame(
        {
            "label": ["Build rate", "Budget growth"],
            "unit": ["GW", "x per year"],
            "low_value": [20.0, 2.0],
            "high_value": [60.0, 3.0],
            "wall_low": [2031, 2033],
            "wall_high": [END_YEAR + 1, 2033],
            "wall_swing_years": [END_YEAR + 1 - 2031, 0],
        }
    )
    lead = answer.tornado_lead(table)
    assert lead is not None
    assert (lead.label, lead.wall_low, lead.wall_high) == ("Build rate", 2031, None)
    assert lead.swing_years == END_YEAR + 1 - 2031
    assert answer.tornado_lead(table.iloc[1:]) is None


@pytest.mark.parametrize(
    "scenario",
    [
        Scenario(),
        Scenario(compute_growth=1.0),
        Scenario(build_rate_gw_per_yr_us=500.0, build_rate_gw_per_yr_row=500.0),
    ],
    ids=["default", "flat-trend", "lavish-build"],
)
def test_summary_agrees_with_the_projection(scenario):
    frame = project(scenario)
    s = answer.binding_summary(frame)
    assert s.wall == wall_year(frame)
    limited = frame[frame["binding_constraint"] != "trend"]
    assert s.first_year == (None if limited.empty else int(limited["year"].iloc[0]))
    # the achieved run is the smallest limit, so no other step allows less than it
    assert s.runner_up_ratio >= 1.0
    assert_allclose(s.runner_up_ratio, limit_ratio(frame, s.year, s.runner_up))
    assert sum(s.years_binding.values()) == len(frame)
    assert np.isclose(s.trend_ratio, limit_ratio(frame, s.year, "trend"))
