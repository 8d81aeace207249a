"""The home page's verdicts (model.claims.quick_verdicts, one batched projection) and the
flip search's (QUICK_VERDICTS) against the claims judged in full (model.claims.CLAIMS,
one projection per variant), for the defaults, every preset and scenarios at the edges.

The verdicts are what the reader sees: a shortcut that changed one would be a wrong
answer, not a rounding difference.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest

from model import claims, projection
from model.catalog import default_catalog
from model.presets import all_presets, mix_changes
from model.scenario import SOURCE_IDS, Scenario
from tests.edge_scenarios import NO_WALL
from ui import data

CAT = default_catalog()
DEFAULT = Scenario()
NUCLEAR_ONLY = {f"mix_{sid}": 0.0 for sid in SOURCE_IDS} | {"mix_nuclear_large": 100.0}
SOLAR_ONLY = {f"mix_{sid}": 0.0 for sid in SOURCE_IDS} | {"mix_solar_pv_utility": 100.0}
EDGES = {
    # So much power, so soon, and so slow a trend that power never costs AI compute.
    "no_wall": NO_WALL,
    # Money flat at $400B a year, chips cheap ($10,000 an installed H100e) and power at
    # twice the mix's cost: energy is about 60% of compute's cost, money limits the fleet,
    # and doubling the price shrinks AI's compute by a quarter or more (claim 5 supported).
    "dear_power": dataclasses.replace(
        DEFAULT, ai_capex_growth=1.0, h100e_price_usd=10_000.0, price_scale=2.0
    ),
    # Price already at the top of its range: doubling it goes beyond the slider (x8), with
    # no clamp.
    "price_at_top": dataclasses.replace(DEFAULT, price_scale=4.0),
    "price_at_bottom": dataclasses.replace(DEFAULT, price_scale=0.25),
    # Fast to build: solar in a year, behind the meter, no queue (claim 2 reads the US).
    "fast_build": dataclasses.replace(
        DEFAULT,
        **SOLAR_ONLY,
        lead_solar_pv_utility=1.0,
        queue_years_us=0.0,
        behind_meter_share_us=100.0,
    ),
    "nuclear_only": dataclasses.replace(DEFAULT, **NUCLEAR_ONLY, lead_nuclear_large=16.0),
    "every_source": dataclasses.replace(DEFAULT, **{f"mix_{sid}": 1.0 for sid in SOURCE_IDS}),
    # A small first run (claim 1) and a flat trend (claim 3).
    "small_run_flat_trend": dataclasses.replace(
        DEFAULT, frontier_flop_base=1e24, compute_growth=1.0
    ),
    # The first run set by model size rather than FLOP.
    "by_params": dataclasses.replace(DEFAULT, frontier_basis="params", frontier_params=1e14),
    # A steep trend with nothing new built and chips that stop improving.
    "steep_trend_starved": dataclasses.replace(
        DEFAULT,
        compute_growth=10.0,
        build_rate_gw_per_yr_us=0.0,
        build_rate_gw_per_yr_row=0.0,
        hardware_efficiency_growth=1.0,
    ),
    # Power plentiful from 2025 (200 GW in each region): the mix cannot change AI's
    # compute, so claim 4 finds nuclear level (supported).
    "plentiful_power": dataclasses.replace(
        DEFAULT, supply_base_gw_us=200.0, supply_base_gw_row=200.0
    ),
}
#: How near a row of a batch must be to its scenario's own projection. A row is not
#: always the same to the last bit: numpy's power with one exponent per sample takes a
#: vectorised loop for a row of several samples and a scalar one for a single sample, and
#: the two round differently (1 ulp in serving demand's price response, then carried
#: through the years). A wrong row or variant would miss by far more than 1e-12. ATOL is
#: for the compute lost to power, 1 - achieved / unlimited: an ulp in either is 2e-16.
RTOL = 1e-12
ATOL = 1e-12

SCENARIOS = {
    "defaults": DEFAULT,
    **{preset.name: preset.scenario() for preset in all_presets(CAT)},
    **EDGES,
}


def _in_full(scenario: Scenario) -> tuple[str, ...]:
    return tuple(claims.CLAIMS[rule.claim_id](scenario, CAT).verdict for rule in claims.RULES)


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_the_batched_verdicts_are_the_claims_judged_in_full(name):
    scenario = SCENARIOS[name]
    full = _in_full(scenario)
    assert claims.quick_verdicts(scenario, CAT) == full
    assert tuple(claims.QUICK_VERDICTS[r.claim_id](scenario, CAT) for r in claims.RULES) == full


def test_the_edges_reach_the_verdicts_of_claims_2_to_5():
    # The cases above are worth comparing only if they reach the verdicts' branches.
    seen = {i: {_in_full(s)[i - 1] for s in SCENARIOS.values()} for i in (2, 3, 4, 5)}
    assert {claims.SUPPORTED, claims.NOT_SUPPORTED} <= seen[2]
    assert {claims.SUPPORTED, claims.NOT_SUPPORTED} <= seen[3]
    # Claim 4 compares compute, which is never 0 (the base year's chips run on its power):
    # it cannot be "Cannot judge" from a scenario.
    assert {claims.SUPPORTED, claims.NOT_SUPPORTED} <= seen[4]
    assert {claims.SUPPORTED, claims.NOT_SUPPORTED} <= seen[5]


@pytest.mark.parametrize("name", ["defaults", "every_source", "fast_build", "no_wall"])
def test_one_batched_projection_gives_each_variant_its_own_projection(name):
    # The variants claims 4 and 5 compare, as the rows of one batch: each row must be
    # the projection of its own scenario (to RTOL), and its wall the same years.
    scenario = SCENARIOS[name]
    variants = [
        scenario,
        dataclasses.replace(scenario, price_scale=2 * scenario.price_scale),
        *(
            dataclasses.replace(scenario, **dict(mix_changes(preset, CAT["mix_presets"])))
            for preset, _ in claims.CLAIM_4_MIXES
        ),
    ]
    batch = projection.project_batch(variants, CAT)
    for row, variant in enumerate(variants):
        frame = projection.project(variant, CAT)
        for column in ("compute_achieved_flop", "power_demand_gw", "power_supply_gw"):
            np.testing.assert_allclose(
                batch[column][row], frame[column], rtol=RTOL, atol=ATOL, err_msg=column
            )
        walls = batch["energy_limited"][row] > 0
        np.testing.assert_array_equal(walls, frame["energy_limited"])


def test_claim_4s_mixes_are_the_presets_mixes():
    # mix_variant reads data/mix_presets.csv with numpy; model.presets.mix_changes with
    # pandas: the same scenario, from the defaults and from a preset with its own mix.
    for scenario in (DEFAULT, SCENARIOS["every_source"]):
        for preset, _ in claims.CLAIM_4_MIXES:
            expected = dataclasses.replace(
                scenario, **dict(mix_changes(preset, CAT["mix_presets"]))
            )
            assert claims.mix_variant(scenario, preset, CAT) == expected


def test_a_batch_of_scenarios_on_different_chips_is_refused():
    other_chip = dataclasses.replace(DEFAULT, pue=1.5)
    with pytest.raises(ValueError, match="chip, facility or run length"):
        projection.project_batch([DEFAULT, other_chip], CAT)


@pytest.mark.parametrize("claim_id", [2, 3, 4, 5])
def test_the_flip_search_finds_the_same_flips_with_the_quick_verdicts(claim_id):
    # The flip search probes ~17 values of each input: each probe's verdict, and so the
    # flip found, must be the same from the quick verdict as from the claim in full.
    rule = claims.RULES_BY_ID[claim_id]
    for name in rule.flip_inputs:
        quick = claims.find_flip(DEFAULT, name, lambda s: claims.QUICK_VERDICTS[claim_id](s, CAT))
        full = claims.find_flip(DEFAULT, name, lambda s: claims.CLAIMS[claim_id](s, CAT).verdict)
        assert quick == full, name


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_the_verdicts_batch_starts_with_the_scenarios_own_projection(name):
    # The home page reads its projection from the verdicts' batch (ui.data.home_results):
    # row 0 must be project's frame, every column (to RTOL; labels exactly).
    scenario = SCENARIOS[name]
    out = projection.project_batch(claims.verdict_scenarios(scenario, CAT), CAT)
    pd.testing.assert_frame_equal(
        projection.frame_of(out, 0), projection.project(scenario, CAT), rtol=RTOL, atol=ATOL
    )


def test_the_home_pages_results_are_the_projection_and_the_quick_verdicts():
    for scenario in (DEFAULT, SCENARIOS["no_wall"], SCENARIOS["by_params"]):
        frame, verdicts = data.home_results(scenario)
        expected = projection.project(scenario, CAT)
        pd.testing.assert_frame_equal(frame, expected, rtol=RTOL, atol=ATOL)
        assert verdicts == claims.quick_verdicts(scenario, CAT)


def _assert_same_chart(batched: pd.DataFrame, alone: pd.DataFrame) -> None:
    assert list(batched.columns) == list(alone.columns)
    for column in alone.columns:
        left, right = batched[column].to_numpy(), alone[column].to_numpy()
        if np.issubdtype(right.dtype, np.number) and right.dtype != bool:
            np.testing.assert_allclose(left, right, rtol=RTOL, atol=ATOL, err_msg=column)
        elif right.dtype == object and all(isinstance(v, np.ndarray) for v in right):
            for a, b in zip(left, right, strict=True):  # claim 4's yearly power per mix
                np.testing.assert_allclose(a, b, rtol=RTOL, atol=ATOL, err_msg=column)
        else:
            assert left.tolist() == right.tolist(), column


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_the_claims_page_judges_from_one_batch_what_each_claim_judges_alone(name):
    # judge_all (the page's path: one batched projection shared by claims 1, 3, 4 and 5)
    # against each claim projecting its own scenarios: the same verdicts, numbers (to the
    # batch's last-bit rounding, RTOL) and charts. A wrong row (say claim 5's x2 price
    # read as x0.5) would move AI's compute by far more than that.
    scenario = SCENARIOS[name]
    for batched, rule in zip(claims.judge_all(scenario, CAT), claims.RULES, strict=True):
        alone = claims.CLAIMS[rule.claim_id](scenario, CAT)
        assert batched.verdict == alone.verdict, rule.claim_id
        for got, want in zip(batched.numbers, alone.numbers, strict=True):
            assert (got.label, got.kind, got.text) == (want.label, want.kind, want.text)
            if want.value is None:
                assert got.value is None
            else:
                assert got.value == pytest.approx(want.value, rel=RTOL, abs=ATOL), got.label
        _assert_same_chart(batched.chart, alone.chart)
        assert batched.extra.keys() == alone.extra.keys()
