"""The validation tables: published runs and trends against the model, computed not typed."""

from __future__ import annotations

import dataclasses
import math

import pandas as pd
import pytest
from numpy.testing import assert_allclose

from model import projection, training
from model.catalog import Catalog, default_catalog
from model.runs import published_runs
from model.scenario import BASE_YEAR, Scenario
from model.validation import (
    error_pct,
    implied_grid_factors_kg_per_kwh,
    methods_figures,
    published_text,
    range_verdict,
    run_power_validation,
    run_validation,
    subset_verdict,
    trend_validation,
)


@pytest.fixture(scope="module")
def runs_table() -> pd.DataFrame:
    return run_validation(default_catalog())


@pytest.fixture(scope="module")
def trends_table() -> pd.DataFrame:
    return trend_validation(Scenario(), default_catalog())


def _cell(table: pd.DataFrame, item: str, quantity: str) -> pd.Series:
    rows = table[(table["item"] == item) & (table["quantity"] == quantity)]
    assert len(rows) == 1, f"{item} / {quantity}: {len(rows)} rows"
    return rows.iloc[0]


# Energy = chip-hours x W per chip x PUE (Patterson et al. 2021), from each run's published
# inputs in data/training_runs.csv; emissions = that energy x the grid factor.
ENERGY_CASES = [
    # 3,552,000 h x 330 W x 1.10 = 1,289.376 MWh (Patterson: 1,287 MWh)
    ("GPT-3 175B", 1289.376, 1287.0),
    # 76,186 h x 288 W x 1.09 = 23.916 MWh (Patterson: 24.1 MWh)
    ("GShard-600B", 23.9163, 24.1),
    # 663,552 h x 245 W x 1.10 = 178.827 MWh (Patterson: 179 MWh)
    ("Switch Transformer 1.5T", 178.827, 179.0),
    # 1,082,990 GPU-h x 400 W, no PUE = 433.196 MWh (Luccioni et al.: 433,196 kWh)
    ("BLOOM 176B", 433.196, 433.196),
    # 1,720,320 GPU-h x 400 W (Meta's W already includes PUE) = 688.128 MWh
    ("Llama 2 70B", 688.128, 688.128),
    # 1.3M GPU-h x 700 W = 910 MWh
    ("Llama 3 8B", 910.0, 910.0),
]


@pytest.mark.parametrize(("model", "hand_mwh", "published_mwh"), ENERGY_CASES)
def test_energy_from_published_inputs_is_within_two_percent(
    runs_table, model, hand_mwh, published_mwh
):
    row = _cell(runs_table, model, "Training energy")
    assert_allclose(row["model"], hand_mwh, rtol=1e-4)
    assert row["published"] == published_mwh
    assert abs(row["error_pct"]) < 2.0


EMISSIONS_CASES = [
    # 1,289.376 MWh x 0.429 kg/kWh = 553.14 t (Patterson: 552.1 t)
    ("GPT-3 175B", 553.142, 552.1),
    # 23.9163 MWh x 0.177 = 4.2332 t (Patterson: 4.3 t net)
    ("GShard-600B", 4.23318, 4.3),
    # 178.827 MWh x 0.330 = 59.013 t (Patterson: 59.1 t net)
    ("Switch Transformer 1.5T", 59.0130, 59.1),
    # 433.196 MWh x 0.057 = 24.692 t (Luccioni et al.: 24.7 t dynamic)
    ("BLOOM 176B", 24.6922, 24.7),
    # Meta publishes no grid factor. Llama 2 7B on the same card implies one:
    # 31.22 t / (184,320 GPU-h x 400 W = 73.728 MWh) = 0.423448 kg/kWh.
    # Llama 2 70B: 688.128 MWh x 0.423448 = 291.387 t (card: 291.42 t)
    ("Llama 2 70B", 291.387, 291.42),
]


@pytest.mark.parametrize(("model", "hand_t", "published_t"), EMISSIONS_CASES)
def test_emissions_from_published_inputs_are_within_two_percent(
    runs_table, model, hand_t, published_t
):
    row = _cell(runs_table, model, "Training emissions")
    assert_allclose(row["model"], hand_t, rtol=1e-4)
    assert row["published"] == published_t
    assert abs(row["error_pct"]) < 2.0


def test_llama_3_8b_gets_no_emissions_check(runs_table):
    # Energy only: the Llama 3 card has one run, so no sibling implies a grid factor, and
    # borrowing Llama 2's factor would apply another year's grid to it.
    rows = runs_table[runs_table["item"] == "Llama 3 8B"]
    assert set(rows["quantity"]) == {"Training energy"}


def test_a_grid_factor_is_never_implied_by_the_run_itself():
    runs = published_runs(default_catalog())
    factors = implied_grid_factors_kg_per_kwh(runs).set_axis(runs["model"])
    # 31.22 t / 73.728 MWh = 0.423448 kg/kWh, for 13B and 70B but not for 7B itself
    assert_allclose(factors[["Llama 2 13B", "Llama 2 70B"]], 0.423448, rtol=1e-5)
    assert math.isnan(factors["Llama 2 7B"])
    assert math.isnan(factors["Llama 3 8B"])


FLOP_CASES = [
    # 6 x 175e9 x 300e9 = 3.15e23 (published 3.14e23)
    ("GPT-3 175B", 3.15e23, 3.14e23),
    # 6 x 70e9 x 2e12 = 8.4e23 (Epoch AI 8.1e23)
    ("Llama 2 70B", 8.4e23, 8.1e23),
    # 6 x 176e9 x 366e9 = 3.86496e23 (published 3.65664e23)
    ("BLOOM 176B", 3.86496e23, 3.65664e23),
    # 6 x 70e9 x 1.4e12 = 5.88e23 (Epoch AI 5.76e23)
    ("Chinchilla 70B", 5.88e23, 5.76e23),
]


@pytest.mark.parametrize(("model", "hand_flop", "published_flop"), FLOP_CASES)
def test_six_n_d_is_within_ten_percent_of_published_flop(
    runs_table, model, hand_flop, published_flop
):
    row = _cell(runs_table, model, "Training compute")
    assert_allclose(row["model"], hand_flop)
    assert row["published"] == published_flop
    assert abs(row["error_pct"]) < 10.0


def test_every_model_number_in_the_runs_table_is_the_model_on_the_row_inputs(runs_table):
    runs = published_runs(default_catalog()).set_index("model")
    for row in runs_table.itertuples():
        run = runs.loc[row.item]
        if row.quantity == "Training energy":
            hours = run["chip_hours"]
            pue = 1.0 if math.isnan(run["pue"]) else run["pue"]
            expected = training.energy_mwh(hours, run["w_per_chip"], pue)
        elif row.quantity == "Training compute":
            expected = training.training_flop(
                run["params_active_b"] * 1e9, run["train_tokens_b"] * 1e9
            )
        else:
            continue
        assert_allclose(row.model, expected, err_msg=f"{row.item} {row.quantity}")
        assert_allclose(row.error_pct, (row.model - row.published) / row.published * 100)


def test_the_runs_table_follows_the_data_not_typed_numbers():
    cat = default_catalog()
    runs = cat["training_runs"].copy()
    runs.loc[runs["model"] == "GPT-3 175B", "w_per_chip"] = 660.0
    changed = Catalog({**cat.tables, "training_runs": runs})
    row = _cell(run_validation(changed), "GPT-3 175B", "Training energy")
    # Doubling the watts doubles the energy: 2 x 1,289.376 = 2,578.752 MWh
    assert_allclose(row["model"], 2578.752, rtol=1e-6)


def test_run_power_uses_chips_tdp_overhead_and_pue():
    table = run_power_validation(Scenario(), default_catalog()).set_index("item")
    # Grok-3: 100,000 H100 x 700 W x 1.5 x 1.2 = 126 MW (Epoch AI estimate 137.4 MW)
    assert_allclose(table.loc["Grok-3", "model"], 126.0)
    assert_allclose(table.loc["Grok-3", "error_pct"], (126.0 - 137.4) / 137.4 * 100)


def test_trend_growth_is_the_projection_not_a_typed_number(trends_table):
    frame = projection.project(Scenario()).set_index("year")
    growth = (
        frame.loc[2030, "frontier_run_power_gw"] / frame.loc[2025, "frontier_run_power_gw"]
    ) ** (1 / 5)
    row = trends_table.iloc[0]
    assert_allclose(row["model"], growth)
    # Run length stays under its 365-day cap and number formats under FP4 to 2030, so the
    # growth is the identity 4 / (1.28 x 1.23 x 1.15) = 4 / 1.8106 = 2.2093 x/yr; Epoch
    # AI: 2.1 (1.9-2.2): just above its range.
    assert_allclose(row["model"], 4 / (1.28 * 1.23 * 1.15), rtol=1e-9)
    assert row["published"] == 2.1
    assert "above range" in row["verdict"]


def test_largest_run_power_in_2025_and_2030(trends_table):
    table = trends_table.set_index("item")
    # E0 = 989.4e12 x 0.40 / (700 x 1.5 x 1.2) = 3.1410e11 FLOP/J;
    # P = 4.64e26 / (3.1410e11 x 100 d x 86,400 s) = 1.7098e8 W = 171 MW
    assert_allclose(table.loc["Largest run's power, 2025 (Grok-3)", "model"], 170.98, rtol=1e-4)
    run_2030 = table.loc["Largest run's power, 2030 (Epoch AI & EPRI 2025)"]
    # The row is in GW. Five years on the trend: compute x4^5 = 1,024; chip efficiency
    # x1.28^5 = 3.4360 and number formats x1.23^5 = 2.8153 (below their 4x cap, and the
    # efficiency 3.14e11 x 9.67 = 3.04e12 FLOP/J far below the ceiling, 4.7e15 x 0.4 / 1.8
    # = 1.04e15); the run x1.15^5 = 2.0114 longer (201 days, under the 365-day cap).
    # Power x1,024 / (3.4360 x 2.8153 x 2.0114) = x52.630: 0.17098 GW x 52.630 = 8.9987 GW,
    # inside Epoch AI & EPRI's 4-16 GW.
    assert run_2030["unit"] == "GW"
    assert_allclose(run_2030["model"], 8.9987, rtol=1e-4)
    assert run_2030["verdict"] == "inside range"
    assert math.isnan(run_2030["error_pct"])


def test_ai_electricity_is_compared_as_a_share_of_all_data_centres(trends_table):
    rows = trends_table[trends_table["item"] == "AI electricity vs all data centres, world"]
    for row in rows.itertuples():
        assert math.isnan(row.error_pct)
        assert "consistent (AI is a subset)" in row.verdict
        assert "all data centres" in row.compared


def test_trends_move_with_the_scenario():
    slow = dataclasses.replace(Scenario(), hardware_efficiency_growth=1.0)
    table = trend_validation(slow, default_catalog())
    # 4 / (1.0 x 1.23 x 1.15) = 4 / 1.4145 = 2.8278 x/yr: above Epoch AI's 1.9-2.2
    assert_allclose(table.iloc[0]["model"], 4 / (1.23 * 1.15), rtol=1e-9)
    assert "above range" in table.iloc[0]["verdict"]


def test_error_and_verdict_helpers():
    # (110 - 100) / 100 = +10%
    assert error_pct(110.0, 100.0) == pytest.approx(10.0)
    assert math.isnan(error_pct(1.0, 0.0))
    assert range_verdict(5.0, 4.0, 16.0) == "inside range"
    assert range_verdict(17.0, 4.0, 16.0) == "above range"
    assert range_verdict(3.0, 4.0, 16.0) == "below range"
    assert range_verdict(22.0, 50.0, math.nan) == "below the lower bound"
    # 92 / 415 = 22%
    assert subset_verdict(92.0, 415.0, 415.0).startswith("22% of the published total")
    assert "inconsistent" in subset_verdict(500.0, 415.0, 415.0)
    assert published_text(2.1, 1.9, 2.2) == "2.1 (1.9-2.2)"
    assert published_text(math.nan, 50.0, math.nan) == "more than 50"
    assert published_text(math.nan, 4.0, 16.0) == "4-16"


def test_methods_figures_are_arithmetic_on_the_scenario_and_data():
    figures = methods_figures(Scenario(), default_catalog())
    # 700 W x 1.5 x 1.2 = 1,260 W per H100, all in
    assert figures["all_in_w"] == pytest.approx(1260.0)
    # Epoch AI's Grok-3 estimate: 137.4 MW / 100,000 H100 = 1,374 W
    assert figures["epoch_w_per_gpu"] == pytest.approx(1374.0)
    # 100 million H100-equivalents x 1,260 W = 126 GW
    assert figures["chips_gw"] == pytest.approx(126.0)
    # 2.5e9 queries x 0.26 mL = 6.5e8 mL = 650 m3 a day
    assert figures["water_m3_per_day"] == pytest.approx(650.0)
    # 0.24 Wh x 2.5e9 x 365 = 2.19e8 kWh = 0.219 TWh a year
    assert figures["fleet_twh_low"] == pytest.approx(0.219)
    assert figures["run_2030_gw"] == pytest.approx(
        projection.project(Scenario()).set_index("year").loc[BASE_YEAR + 5, "frontier_run_power_gw"]
    )
