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
    s = dataclasses.replace(
        Scenario(), **only_solar, queue_years_us=5.0, behind_meter_share_us=25.0
    )
    table = claims.lead_table(s, CAT)
    # Solar: 3.4 y mid (Clapin & Longden 2024); grid-connected waits max(3.4, 5) = 5 y, i.e.
    # 1.6 y more, for the 75% on the grid: 3.4 + 0.75 x 1.6 = 4.6 years. Claim 2 reads the
    # US queue and behind-the-meter share (LBNL's queue is a US figure).
    assert_allclose(table["queue_extra_years"].iloc[0], 1.6)
    assert_allclose(claims.weighted_lead_years(table), 4.6)
    assert claims.evaluate(s, 2, CAT, with_flips=False).verdict == claims.PARTLY
    fast = dataclasses.replace(s, behind_meter_share_us=100.0)
    # all behind the meter: 3.4 years, still Partly; a gas-peaker mix (2.5 y) likewise
    assert_allclose(claims.weighted_lead_years(claims.lead_table(fast, CAT)), 3.4)


def test_claim_2_nuclear_mix_takes_longest():
    only_nuclear = {f"mix_{sid}": 0.0 for sid in SOURCE_IDS} | {"mix_nuclear_large": 100.0}
    s = dataclasses.replace(Scenario(), **only_nuclear)
    # 8 y mid (5 y queue runs alongside): Supported
    assert_allclose(claims.weighted_lead_years(claims.lead_table(s, CAT)), 8.0)
    assert claims.evaluate(s, 2, CAT, with_flips=False).verdict == claims.SUPPORTED


# The default mix by weight (Ember 2024 world shares): coal 34, gas CCGT 22, nuclear 9,
# hydro 14.3, wind 8.1, solar 6.9, 94.3 in all; the US queue 5 y, 25% behind the meter.
# Years to first power, mid + 0.75 x max(0, 5 - mid): coal 5, CCGT 4.25 + 0.75 x 0.75 =
# 4.8125, nuclear 8, hydro 5.5, wind 4.4 + 0.75 x 0.6 = 4.85, solar 3.4 + 0.75 x 1.6 = 4.6.
# Weighted: (170 + 105.875 + 72 + 78.65 + 39.285 + 31.74) / 94.3 = 497.55 / 94.3 = 5.2762.
def test_claim_2_default_by_hand():
    result = claims.evaluate(Scenario(), 2, CAT, with_flips=False)
    assert_allclose(result.numbers[0].value, 497.55 / 94.3)
    assert result.verdict == claims.SUPPORTED  # 5.28 >= 5 years
    # Nuclear's high end, 10.4 y, is the longest in the mix.
    assert result.numbers[1].value == 10.4
    # The first new builds are started in 2025; solar behind the meter arrives 3.4 y later,
    # so the first year with any of it is 2025 + 4 = 2029.
    assert result.numbers[3].value == 2029


def test_claim_2_flips_where_the_weighted_wait_falls_to_five_years():
    result = claims.evaluate(Scenario(), 2, CAT)
    flips = {f.name: f for f in result.flips}
    # Coal at L < 5 y takes L + 0.75 (5 - L) = 3.75 + 0.25 L. Five years in all needs
    # 34 (3.75 + 0.25 L) = 5 x 94.3 - (497.55 - 170) = 143.95, so L = 1.9353 years. The
    # search bisects 8 times between 5 y and the grid point 1.5 y: within 3.5 / 256 = 0.014.
    assert flips["lead_coal"].value == pytest.approx(1.9353, abs=0.014)
    assert flips["lead_coal"].verdict == claims.PARTLY
    # Solar weight w: (497.55 - 31.74 + 4.6 w) / (87.4 + w) = 5 gives 0.4 w = 28.81,
    # w = 72.03; bisected between 6.9 and the grid point 75: within 68.1 / 256 = 0.27.
    assert flips["mix_solar_pv_utility"].value == pytest.approx(72.03, abs=0.27)
    assert flips["mix_solar_pv_utility"].verdict == claims.PARTLY


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
    # A 2x/yr trend with plenty of power (500 GW/yr started in each region), data (1e17
    # tokens) and chips (production doubling yearly) stays on trend to 2040.
    s = dataclasses.replace(
        Scenario(),
        compute_growth=2.0,
        build_rate_gw_per_yr_us=500.0,
        build_rate_gw_per_yr_row=500.0,
        data_stock_tokens=1e17,
        chip_production_growth=2.0,
    )
    result = claims.evaluate(s, 3, CAT, with_flips=False)
    assert result.verdict == claims.NOT_SUPPORTED
    assert result.numbers[0].value is None
    assert result.numbers[0].text == "not by 2040"
    # On the trend: 4.64e26 x 2^15 = 1.5204e31 FLOP in 2040, 2x a year on average.
    achieved = projection.project(s)["compute_achieved_flop"]
    assert_allclose(achieved.iloc[-1], 4.64e26 * 2**15, rtol=1e-9)
    assert_allclose(result.numbers[2].value, 2.0, rtol=1e-9)


# Claim 4: AI's compute over 2025-2040 under the nuclear-heavy mix against the better of
# the others; Supported from 99% of it, Partly from 90%.
@pytest.mark.parametrize(
    ("nuclear", "others", "verdict"),
    [
        (1.2, (1.0, 0.8), claims.SUPPORTED),  # more than either
        (0.99, (1.0, 0.5), claims.SUPPORTED),  # exactly 99% of the best: level
        (0.98, (1.0, 0.5), claims.PARTLY),
        (0.9, (0.2, 1.0), claims.PARTLY),  # exactly 90% of the best (the second)
        (0.89, (1.0, 1.0), claims.NOT_SUPPORTED),
        (0.5, (0.0, 0.0), claims.CANNOT_JUDGE),  # no compute to compare with
    ],
)
def test_claim_4_verdict(nuclear, others, verdict):
    assert claims.verdict_4(nuclear, others) == verdict


#: Seconds in a year, to add up FLOP/s over the horizon: 8,760 h x 3,600 s.
SECONDS_PER_YEAR = 8760 * 3600


def _horizon_compute(scenario):
    """AI's compute over 2025-2040 from the projection: sum of FLOP/s x a year. [FLOP]"""
    return projection.project(scenario, CAT)["fleet_flop_per_s"].sum() * SECONDS_PER_YEAR


def test_claim_4_default_compares_three_mixes_with_the_model():
    result = claims.evaluate(Scenario(), 4, CAT, with_flips=False)
    table = result.chart
    assert list(table["mix"]) == [label for _, label in claims.CLAIM_4_MIXES]
    compute = []
    for preset_id, flop in zip(table["preset_id"], table["compute_flop"], strict=True):
        changes = dict(mix_changes(preset_id, CAT["mix_presets"]))
        compute.append(_horizon_compute(dataclasses.replace(Scenario(), **changes)))
        assert_allclose(flop, compute[-1], rtol=1e-12)
    # The nuclear mix gives about half the compute of the best other (-50%): large reactors
    # take 8 years and SMRs 5 (capped at 25% of the world's 0.3 GW a year), so until 2033
    # the new chips run on little more than the pipeline.
    ratio = compute[0] / max(compute[1:])
    assert_allclose(result.numbers[0].value, ratio - 1, rtol=1e-12)
    assert ratio < 0.9
    assert result.verdict == claims.NOT_SUPPORTED
    # Reactors started vs wanted in 2030: 20 GW/yr wanted in each region, 70% large and 30%
    # SMR (same firm factor, so split 70/30), capped at 25% of the world's additions (8.2 GW
    # large, 0.3 GW SMR a year) growing 1.1x/yr: (8.2 + 0.3) x 0.25 x 1.1^5 = 3.4223 GW of
    # 20 wanted in each region, 3.4223 / 20 = 17.1%.
    assert_allclose(result.numbers[3].value, 8.5 * 0.25 * 1.1**5 / 20)


def test_claim_4_is_level_when_power_never_limits_ai():
    # 200 GW for AI in each region from 2025 (the defaults: 14.5 and 5 GW), twice what the
    # fleet draws even in 2040: power never limits the fleet, and the mix changes only the
    # price. Money is not short either (chip production limits almost every year's new
    # chips), so the mixes differ only where the price moves serving demand: nuclear's
    # dearer power (177 vs about 100 USD/MWh) wants a little less, within 0.01% of the
    # others over the horizon. Level within 1%: Supported.
    s = dataclasses.replace(Scenario(), supply_base_gw_us=200.0, supply_base_gw_row=200.0)
    result = claims.evaluate(s, 4, CAT, with_flips=False)
    compute = result.chart["compute_flop"].to_numpy()
    assert_allclose(compute, compute.max(), rtol=1e-4)
    assert compute[0] <= compute[1:].min()
    assert result.verdict == claims.SUPPORTED
    for preset_id, _ in claims.CLAIM_4_MIXES:
        frame = projection.project(claims.mix_variant(s, preset_id, CAT), CAT)
        # Never power or money: chips, or demand where dear power cut serving's wants.
        assert set(frame["fleet_binding"].iloc[1:]) <= {"chips", "demand"}, preset_id
        assert (frame["power_supply_gw"] >= 2 * frame["power_achieved_gw"]).all()


def test_claim_4_dearer_nuclear_power_costs_compute_when_money_binds():
    # With power plentiful as above and AI's spending flat at $400B a year, money limits
    # the fleet every year and the bill comes out of it: the dearer the mix, the less
    # compute. Mid costs (Lazard 2025 ranges in data/generation_sources.csv): nuclear bet
    # 0.7 x (141 + 220) / 2 + 0.3 x (119 + 220) / 2 = 126.35 + 50.85 = 177.2 USD/MWh, about
    # twice the gas-heavy and solar + storage + gas mixes.
    s = dataclasses.replace(
        Scenario(), supply_base_gw_us=200.0, supply_base_gw_row=200.0, ai_capex_growth=1.0
    )
    result = claims.evaluate(s, 4, CAT, with_flips=False)
    table = result.chart.set_index("preset_id")
    assert_allclose(table.loc["nuclear_bet", "cost_mid_usd_per_mwh"], 177.2)
    for preset_id, _ in claims.CLAIM_4_MIXES:
        frame = projection.project(claims.mix_variant(s, preset_id, CAT), CAT)
        assert set(frame["fleet_binding"].iloc[1:]) == {"capital"}, preset_id
    cheaper = table.drop(index="nuclear_bet")
    assert (table.loc["nuclear_bet", "compute_flop"] < cheaper["compute_flop"]).all()
    assert result.verdict in (claims.PARTLY, claims.NOT_SUPPORTED)


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


#: The default scenario with AI's capital spending flat at its 2025 $400B a year: money
#: limits the year's new accelerators in every year from 2026, at x1 and x2 the price.
FLAT_MONEY = dataclasses.replace(Scenario(), ai_capex_growth=1.0)


def test_claim_5_first_years_bill_comes_out_of_the_chips_money():
    # 2026 by hand. Survivors of the 15M H100e base stock: 15M x (1 - 1/5) = 12M, 75% in
    # the US; at 700 W x 1.5 x 1.2 = 1,260 W each: US 9M -> 11.34 GW, rest 3M -> 3.78 GW.
    # The price: the mix's mid cost (Lazard 2025 mids, Ember 2024 weights)
    # (34 x 122 + 22 x 77.5 + 9 x 180.5 + 14.3 x 110 + 8.1 x 61.5 + 6.9 x 58) / 94.3
    # = 9,948.85 / 94.3 = 105.502 USD/MWh, plus the scarcity adder 12.5 x (2025 draw /
    # supply)^4: US (14.175 / 14.5)^4 = 0.91332 -> 116.918; rest (4.725 / 5)^4 = 0.79749
    # -> 115.471 USD/MWh. Bill: (116.918 x 11.34 + 115.471 x 3.78) GW x 8.76e6 MWh/GW-yr
    # = 1.5438e10 USD. An H100e costs 45,000 / 1.3 = 34,615 USD in 2026, so $400B buys
    # (4e11 - 1.5438e10) / 34,615 = 1.1110e7 H100e. At twice the price (mix cost and adder
    # both doubled) the bill is 3.0876e10 and buys (4e11 - 3.0876e10) / 34,615 = 1.0664e7.
    bill = (116.918 * 11.34 + 115.471 * 3.78) * 8.76e6
    chips = [(4e11 - k * bill) / (45_000 / 1.3) for k in (1, 2)]
    for factor, expected in zip((1.0, 2.0), chips, strict=True):
        frame = projection.project(claims.price_variant(FLAT_MONEY, factor), CAT)
        assert_allclose(frame["electricity_bill_usd"].iloc[1], bill * factor, rtol=1e-5)
        assert_allclose(frame["chips_installed_h100e"].iloc[1], expected, rtol=1e-5)
        assert frame["fleet_binding"].iloc[1] == "capital"
    # All AI's compute in 2026: the 12M survivors at 989.4 TFLOP/s x 0.4 = 3.9576e14 FLOP/s
    # each, plus the new at 1.23x that (one year of number-format gain): 4.8678e14.
    old = 12e6 * 989.4e12 * 0.4
    flops = [old + n * 989.4e12 * 0.4 * 1.23 for n in chips]
    first = [
        projection.project(claims.price_variant(FLAT_MONEY, f), CAT)["fleet_flop_per_s"].iloc[1]
        for f in (1.0, 2.0)
    ]
    assert_allclose(first, flops, rtol=1e-5)


def test_claim_5_when_money_binds_doubling_the_price_shrinks_ai():
    result = claims.evaluate(FLAT_MONEY, 5, CAT, with_flips=False)
    before = _horizon_compute(FLAT_MONEY)
    after = _horizon_compute(claims.price_variant(FLAT_MONEY, 2.0))
    assert_allclose(result.numbers[0].value, after / before - 1, rtol=1e-12)
    # Steady state: a fleet F of lifetime L costs F (h / L + w p) a year, h the H100e's
    # price and w p its energy bill; with the money fixed, doubling p scales F by
    # 1 / (1 + s), s = w p / (h / L + w p) the energy share of compute cost (13-14% here:
    # 0.128 in 2028, 0.141 in 2040), so the fleet shrinks by s / (1 + s) = 11-12%. The
    # model's fleet is not in that steady state (chips get cheaper every year, the base
    # stock retires): a quarter either side of the estimate is allowed.
    shares = projection.project(FLAT_MONEY, CAT)["energy_share_of_run_cost"]
    assert shares.between(0.12, 0.15).all()
    assert -0.12 * 1.25 < result.numbers[0].value < -0.11 * 0.75
    assert result.verdict == claims.PARTLY  # a shrink of 5-25%
    # Every year after the base year has less compute at the doubled price.
    x1 = projection.project(FLAT_MONEY, CAT)["fleet_flop_per_s"].to_numpy()
    x2 = projection.project(claims.price_variant(FLAT_MONEY, 2.0), CAT)["fleet_flop_per_s"]
    assert np.all(x2.to_numpy()[1:] < x1[1:])


def test_claim_5_default_is_not_supported_because_money_never_binds():
    # At the defaults power limits the new accelerators to 2030 and chips after: money is
    # never short, so a dearer bill takes nothing from chips. Serving wants less, but
    # demand limits the fleet only in 2026 at the doubled price (the chips not bought
    # then are bought a year later, more efficient). Compute over the horizon moves by
    # under 5% (+0.002% at the defaults).
    result = claims.evaluate(Scenario(), 5, CAT, with_flips=False)
    for factor in claims.PRICE_FACTORS:
        frame = projection.project(claims.price_variant(Scenario(), factor), CAT)
        assert "capital" not in set(frame["fleet_binding"]), factor
    assert abs(result.numbers[0].value) < 0.05
    assert result.verdict == claims.NOT_SUPPORTED
    assert result.numbers[1].value < 0  # serving wanted in 2030 falls at x2
    # No clamp: the doubled variant of a price at the slider's top (4x) is 8x.
    assert (
        claims.price_variant(dataclasses.replace(Scenario(), price_scale=4.0), 2.0).price_scale
        == 8.0
    )


def test_every_claims_flip_inputs_flip_it_at_the_defaults():
    # Each named input, moved to the value the search reports, changes the verdict of the
    # claim judged in full; 2% of the way back towards today's value it does not. Only
    # claim 1's utilization cannot: across 0.05-0.8 the 2025 run uses 205-3,283 GWh, a
    # town's 107.91 GWh or more throughout.
    for rule in claims.RULES:
        result = claims.evaluate(Scenario(), rule.claim_id, CAT)
        for flip in result.flips:
            if (rule.claim_id, flip.name) == (1, "utilization"):
                assert flip.value is None
                continue
            assert flip.value is not None, (rule.claim_id, flip.name)
            at = dataclasses.replace(Scenario(), **{flip.name: flip.value})
            back = flip.value + 0.02 * (flip.current - flip.value)
            near = dataclasses.replace(Scenario(), **{flip.name: back})
            full = claims.CLAIMS[rule.claim_id]
            assert full(at, CAT).verdict == flip.verdict != result.verdict, flip
            assert full(near, CAT).verdict == result.verdict, flip


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
    # Sites per run: 1-20, probed at 1, 3, 6, 8, 10, 13, 15, 18, 20 (whole numbers only).
    flip = claims.find_flip(
        Scenario(), "training_sites", lambda s: "a" if s.training_sites < 8 else "b"
    )
    assert flip.value == 8.0


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


def test_each_rule_in_one_plain_sentence_names_its_own_threshold():
    # One sentence each (one full stop, at the end), and the threshold the verdict turns on
    # written as the rule's own number, so the sentence cannot drift from the rule.
    for rule in claims.RULES:
        assert rule.plain.count(". ") == 0
        assert rule.plain.endswith(".")
    by_id = claims.RULES_BY_ID
    assert f"{by_id[1].threshold('town_homes'):,.0f} US homes" in by_id[1].plain  # 10,000
    assert f"{by_id[2].threshold('slow_years'):g} years or more" in by_id[2].plain  # 5
    assert f"{by_id[3].threshold('exponential_share'):.0%} as fast" in by_id[3].plain  # 80%
    assert f"within {1 - by_id[4].threshold('level_share'):.0%}" in by_id[4].plain  # 1%
    assert f"({by_id[5].threshold('retract_share'):.0%})" in by_id[5].plain  # 25%
