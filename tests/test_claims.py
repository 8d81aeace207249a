"""The five claims: each verdict rule on hand-built cases, the flip search, edge cases."""

from __future__ import annotations

import dataclasses
import io
import math

import numpy as np
import pandas as pd
import pytest
from numpy.testing import assert_allclose

from model import claims, projection
from model.catalog import default_catalog
from model.presets import mix_changes
from model.scenario import INPUTS, SOURCE_IDS, Scenario

CAT = default_catalog()
HOME_MWH = 10.791  # EIA: 10,791 kWh per US home per year (data/equivalents.csv)


# Claim 1: a town is 10,000 homes x 10.791 MWh = 107.91 GWh.
@pytest.mark.parametrize(
    ("gwh", "verdict"),
    [
        (410.0, claims.SUPPORTED),  # the 2025 default run
        (107.91, claims.SUPPORTED),  # exactly a town
        (107.0, claims.PARTLY),  # just under
        (10.791, claims.PARTLY),  # exactly a village (1,000 homes)
        (10.0, claims.NOT_SUPPORTED),
        (1.287, claims.NOT_SUPPORTED),  # GPT-3 (Patterson et al. 2021)
    ],
)
def test_claim_1_verdict_by_homes(gwh, verdict):
    assert claims.verdict_1(gwh, HOME_MWH) == verdict


def test_claim_1_default_run_energy_by_hand():
    result = claims.evaluate(Scenario(), 1, CAT, with_flips=False)
    # 4.64e26 FLOP / 3.1409e11 FLOP/J = 1.4773e15 J; / 3.6e12 J/GWh = 410.3 GWh
    energy = result.numbers[0].value
    assert_allclose(energy, 4.64e26 / (989.4e12 * 0.4 / 1260) / 3.6e12)
    # 410.3 GWh = 38,000 US homes for a year; 410.3 / 30,856,000 GWh = 0.0013% of the world
    assert_allclose(result.numbers[1].value, energy * 1000 / HOME_MWH)
    assert_allclose(result.numbers[2].value, energy / 30_856_000)
    assert result.verdict == claims.SUPPORTED


def test_claim_1_flip_is_the_run_that_uses_a_towns_electricity():
    # A town (107.91 GWh) at E0 = 3.1409e11 FLOP/J: 107.91 x 3.6e12 x 3.1409e11 = 1.2202e26 FLOP.
    result = claims.evaluate(Scenario(), 1, CAT)
    flip = {f.name: f for f in result.flips}["frontier_flop_base"]
    expected = 107.91 * 3.6e12 * (989.4e12 * 0.4 / 1260)
    assert flip.value == pytest.approx(expected, rel=0.01)
    assert flip.verdict == claims.PARTLY
    # and moving the input there does flip it on the page's model
    below = dataclasses.replace(Scenario(), frontier_flop_base=flip.value * 0.99)
    assert claims.evaluate(below, 1, CAT, with_flips=False).verdict == claims.PARTLY
    # utilization only reaches 0.8 (energy halves to 205 GWh): no value in range flips it.
    assert {f.name: f for f in result.flips}["utilization"].value is None


# Claim 2: thresholds 2 and 5 years.
@pytest.mark.parametrize(
    ("years", "verdict"),
    [
        (12.0, claims.SUPPORTED),
        (5.0, claims.SUPPORTED),
        (4.9, claims.PARTLY),
        (2.0, claims.PARTLY),
        (1.5, claims.NOT_SUPPORTED),
    ],
)
def test_claim_2_verdict_by_weighted_lead_time(years, verdict):
    assert claims.verdict_2(years) == verdict


def test_claim_2_lead_table_by_hand_for_solar_only():
    only_solar = {f"mix_{sid}": 0.0 for sid in SOURCE_IDS} | {"mix_solar_pv_utility": 100.0}
    s = dataclasses.replace(Scenario(), **only_solar, queue_years=5.0, behind_meter_share=25.0)
    table = claims.lead_table(s, CAT)
    # Solar: 3.4 y mid (Clapin & Longden 2024); grid-connected waits max(3.4, 5) = 5 y, i.e.
    # 1.6 y more, for the 75% on the grid: 3.4 + 0.75 x 1.6 = 4.6 years.
    assert_allclose(table["queue_extra_years"].iloc[0], 1.6)
    assert_allclose(claims.weighted_lead_years(table), 4.6)
    assert claims.evaluate(s, 2, CAT, with_flips=False).verdict == claims.PARTLY
    fast = dataclasses.replace(s, behind_meter_share=100.0)
    # all behind the meter: 3.4 years, still Partly; a gas-peaker mix (2.5 y) likewise
    assert_allclose(claims.weighted_lead_years(claims.lead_table(fast, CAT)), 3.4)


def test_claim_2_nuclear_mix_takes_longest():
    only_nuclear = {f"mix_{sid}": 0.0 for sid in SOURCE_IDS} | {"mix_nuclear_large": 100.0}
    s = dataclasses.replace(Scenario(), **only_nuclear)
    # 8 y mid (5 y queue runs alongside): Supported
    assert_allclose(claims.weighted_lead_years(claims.lead_table(s, CAT)), 8.0)
    assert claims.evaluate(s, 2, CAT, with_flips=False).verdict == claims.SUPPORTED


# Claim 3.
@pytest.mark.parametrize(
    ("end", "step", "growing", "verdict"),
    [
        (None, None, True, claims.NOT_SUPPORTED),  # stays exponential
        (2028, "power", True, claims.SUPPORTED),
        (2028, "chips", True, claims.SUPPORTED),
        (2033, "data", True, claims.PARTLY),  # slows, but not for a physical reason
        (2028, "power", False, claims.PARTLY),  # stops growing at all
    ],
)
def test_claim_3_verdict(end, step, growing, verdict):
    assert claims.verdict_3(end, step, growing) == verdict


def test_claim_3_end_year_is_the_first_year_below_eighty_percent_of_the_trend():
    # 2025-2040: x4 in 2026, x3.1 in 2027, then x2 a year. 4^0.8 = 3.03: 3.1 is still
    # exponential, 2.0 is not, so it ends in 2028, where power binds, still growing.
    growth = np.array([4.0, 3.1] + [2.0] * 13)
    achieved = np.concatenate([[1.0], np.cumprod(growth)])
    steps = ["trend", "trend", "trend"] + ["power"] * 13
    assert claims.exponential_end(achieved, steps, 4.0) == claims.ExponentialEnd(
        2028, "power", True
    )
    # At the trend's pace throughout it never ends.
    steady = np.concatenate([[1.0], np.cumprod(np.full(15, 4.0))])
    assert claims.exponential_end(steady, ["trend"] * 16, 4.0).year is None


def test_claim_3_default_agrees_with_the_projection():
    frame = projection.project(Scenario()).set_index("year")
    achieved = frame["compute_achieved_flop"]
    growth = achieved / achieved.shift(1)
    first_slow = int(growth[growth < 4.0**0.8].index[0])
    result = claims.evaluate(Scenario(), 3, CAT, with_flips=False)
    assert result.numbers[0].value == first_slow
    assert result.numbers[1].text == frame.loc[first_slow, "binding_constraint"]


def test_claim_3_not_supported_when_nothing_holds_a_slower_trend_back():
    # A 2x/yr trend with fast efficiency, plenty of power, data and chips stays on trend.
    s = dataclasses.replace(
        Scenario(),
        compute_growth=2.0,
        efficiency_doubling_years=0.8,
        build_rate_gw_per_yr=500.0,
        data_stock_tokens=1e17,
    )
    result = claims.evaluate(s, 3, CAT, with_flips=False)
    assert result.verdict == claims.NOT_SUPPORTED
    assert result.numbers[0].value is None
    assert result.numbers[0].text == "not by 2040"


# Claim 4.
@pytest.mark.parametrize(
    ("nuclear", "others", "verdict"),
    [
        (2035, (2031, 2033), claims.SUPPORTED),
        (None, (2031, 2038), claims.SUPPORTED),  # no wall at all with nuclear
        (2033, (2031, 2038), claims.PARTLY),
        (2033, (2033, 2033), claims.PARTLY),  # level: nuclear neither helps nor hurts
        (2031, (2033, 2038), claims.NOT_SUPPORTED),
        (None, (None, None), claims.CANNOT_JUDGE),
    ],
)
def test_claim_4_verdict(nuclear, others, verdict):
    assert claims.verdict_4(nuclear, others) == verdict


def test_claim_4_default_compares_three_mixes_with_the_model():
    result = claims.evaluate(Scenario(), 4, CAT, with_flips=False)
    table = result.chart
    assert list(table["mix"]) == [label for _, label in claims.CLAIM_4_MIXES]
    for preset_id, wall in zip(table["preset_id"], table["wall_year"], strict=True):
        changes = dict(mix_changes(preset_id, CAT["mix_presets"]))
        frame = projection.project(dataclasses.replace(Scenario(), **changes))
        assert wall == projection.wall_year(frame)
    # Reactors: the world's ~8.2 GW a year, half for AI, against 40 GW/yr x 70% wanted.
    assert result.numbers[2].value < 0.5


def test_claim_4_cannot_be_judged_without_any_wall():
    s = dataclasses.replace(
        Scenario(), flexible_headroom_gw=150.0, compute_growth=1.0, other_ai_compute_growth=1.0
    )
    result = claims.evaluate(s, 4, CAT, with_flips=False)
    assert result.verdict == claims.CANNOT_JUDGE
    assert "No mix runs out of power" in result.note


# Claim 5: thresholds 25% and 5%.
@pytest.mark.parametrize(
    ("change", "verdict"),
    [
        (-0.5, claims.SUPPORTED),
        (-0.25, claims.SUPPORTED),
        (-0.1, claims.PARTLY),
        (-0.05, claims.PARTLY),
        (-0.01, claims.NOT_SUPPORTED),
        (0.0, claims.NOT_SUPPORTED),
    ],
)
def test_claim_5_verdict(change, verdict):
    assert claims.verdict_5(change) == verdict


def test_claim_5_when_money_binds_price_matters():
    # With budgets growing only 1.5x/yr capital sets the 2030 run; doubling the price raises
    # the cost per FLOP by the energy share (~8%), so the run shrinks by a few percent.
    s = dataclasses.replace(Scenario(), run_budget_growth=1.5)
    result = claims.evaluate(s, 5, CAT, with_flips=False)
    table = result.chart.set_index("price_factor")
    assert table.loc[1.0, "binding_constraint"] == "capital"
    change = result.numbers[0].value
    share = table.loc[1.0, "energy_share_of_run_cost"]
    # budget / (h + 2e) vs budget / (h + e): ratio - 1 = -e / (h + 2e) = -s / (1 + s)
    assert_allclose(change, -share / (1 + share), rtol=0.05)
    default = claims.evaluate(Scenario(), 5, CAT, with_flips=False)
    assert default.verdict == claims.NOT_SUPPORTED
    assert default.numbers[0].value == 0.0  # power, not money, sets the 2030 run


# The flip search on constructed cases.
def test_find_flip_finds_a_known_threshold():
    def verdict_of(s):
        return "low" if s.pue < 1.37 else "high"

    flip = claims.find_flip(Scenario(), "pue", verdict_of)  # default PUE 1.2
    assert flip.value == pytest.approx(1.37, abs=0.01)
    assert flip.verdict == "high"


def test_find_flip_says_none_when_no_value_in_range_flips():
    flip = claims.find_flip(Scenario(), "pue", lambda s: "same")
    assert flip.value is None
    assert flip.verdict is None


def test_find_flip_picks_the_threshold_nearest_today():
    # Verdict changes both below 1.1 and above 1.8; today 1.2 is nearer 1.1.
    flip = claims.find_flip(Scenario(), "pue", lambda s: "mid" if 1.1 <= s.pue <= 1.8 else "edge")
    assert flip.value == pytest.approx(1.1, abs=0.01)


def test_find_flip_on_a_log_input_and_an_integer_input():
    flip = claims.find_flip(Scenario(), "params", lambda s: "a" if s.params < 1e12 else "b")
    assert flip.value == pytest.approx(1e12, rel=0.02)
    flip = claims.find_flip(
        Scenario(), "frontier_runs", lambda s: "a" if s.frontier_runs < 8 else "b"
    )
    assert flip.value in (8.0, 9.0)  # whole runs only


# Edge cases: every input at its min and max.
def _corner_scenarios():
    for spec in INPUTS:
        if spec.kind not in ("float", "int"):
            continue
        for end in (spec.min, spec.max):
            value = int(end) if spec.kind == "int" else float(end)
            scenario = dataclasses.replace(Scenario(), **{spec.name: value})
            if sum(scenario.mix_weights().values()) > 0:
                yield scenario


def test_no_claim_shows_nan_inf_or_an_exception_at_any_inputs_min_or_max():
    for scenario in _corner_scenarios():
        for rule in claims.RULES:
            result = claims.evaluate(scenario, rule.claim_id, CAT, with_flips=False)
            assert result.verdict in claims.VERDICTS
            for number in result.numbers:
                assert number.value is None or math.isfinite(number.value), (rule, number)
                assert number.value is not None or number.text, (rule, number)


def test_the_claims_table_round_trips_through_csv():
    results = claims.evaluate_all(Scenario(), CAT)
    table = claims.claims_table(results, "0.2.0")
    back = pd.read_csv(io.StringIO(table.to_csv(index=False)))
    assert list(back["claim_id"]) == [1, 2, 3, 4, 5]
    assert list(back["verdict"]) == [r.verdict for r in results]
    assert (back["scenario_version"] == "0.2.0").all()
    assert "Largest run of 2025" in back.loc[0, "numbers"]


def test_every_rule_states_its_thresholds_and_sources():
    for rule in claims.RULES:
        assert rule.claim.endswith(".")
        assert len(rule.rule) > 60
        assert rule.sources
        for name, value in rule.thresholds:
            assert np.isfinite(value), name
