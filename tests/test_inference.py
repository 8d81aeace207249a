"""Serving: FLOP and energy per query, fleet energy, shares of electricity, anchors."""

from __future__ import annotations

import dataclasses
import math

import pytest

from model import inference
from model.catalog import default_catalog
from model.scenario import Scenario
from model.training import wall_efficiency_flop_per_j

CAT = default_catalog()

# Worked example (docs/methods/equations.md, "Serving"), H100 from data/chips.csv:
#   FLOP/query = 2 x 100e9 x (500 + 500) = 2e14 FLOP
#   FLOP per joule at the wall = 989.4e12 x 0.2 / (700 W x 1.5 x 1.2)
#                              = 1.9788e14 / 1260 = 1.5705e11 FLOP/J
#   energy = 2e14 / 1.5705e11 = 1273.5 J = 1273.5 / 3600 = 0.35375 Wh
WORKED_FLOP = 2e14
WORKED_FLOP_PER_J = 989.4e12 * 0.2 / (700 * 1.5 * 1.2)
WORKED_WH = WORKED_FLOP / WORKED_FLOP_PER_J / 3600


def test_flop_per_query_is_two_per_active_parameter_per_token():
    assert inference.flop_per_query(100e9, 500, 500) == pytest.approx(WORKED_FLOP)


def test_energy_per_query_matches_the_worked_example():
    wh = inference.energy_per_query_wh(WORKED_FLOP, 989.4e12, 0.2, 700.0, 1.5, 1.2)
    efficiency = wall_efficiency_flop_per_j(989.4e12, 0.2, 700.0, 1.2, 1.5)
    assert efficiency == pytest.approx(1.5705e11, rel=1e-4)
    assert wh == pytest.approx(0.35375, rel=1e-4)


def test_default_scenario_is_the_worked_example():
    # Defaults: 100B active, 500 + 500 tokens, H100, utilization 0.2, overhead 1.5, PUE 1.2.
    result = inference.estimate_serving(Scenario(), CAT)
    assert result.flop_per_query == pytest.approx(WORKED_FLOP)
    assert result.wh_per_query == pytest.approx(WORKED_WH)


def test_fleet_arithmetic_for_chatgpt_scale_traffic():
    # 0.35375 Wh x 2.5e9 queries/day = 8.8438e8 Wh = 884.4 MWh/day
    per_day = inference.fleet_energy_mwh_per_day(WORKED_WH, 2.5e9)
    assert per_day == pytest.approx(884.38, rel=1e-4)
    # x 365 = 322,800 MWh = 0.3228 TWh/yr
    assert inference.fleet_twh_per_year(per_day) == pytest.approx(0.32280, rel=1e-4)
    # / 24 h = 36.85 MW = 0.03685 GW
    assert inference.fleet_average_gw(per_day) == pytest.approx(0.036849, rel=1e-4)


def test_openai_figures_give_850_mwh_a_day():
    # data/inference.csv: 0.34 Wh x 2.5 billion queries/day = 850 MWh/day (derived there).
    assert inference.fleet_energy_mwh_per_day(0.34, 2.5e9) == pytest.approx(850.0)


def test_share_of_electricity_uses_the_sourced_totals():
    # US 2024: 4,304 TWh (EIA); world 2024: 30,856 TWh (Ember).
    assert inference.electricity_total_twh("us", CAT) == (4304.0, 2024)
    assert inference.share_of_electricity(43.04, "us", CAT) == pytest.approx(0.01)
    assert inference.share_of_electricity(308.56, "world", CAT) == pytest.approx(0.01)


def test_an_unknown_region_raises_naming_it():
    with pytest.raises(ValueError, match="atlantis"):
        inference.share_of_electricity(1.0, "atlantis", CAT)


def test_a_year_of_one_gigawatt_is_8_76_terawatt_hours():
    assert inference.average_gw_to_twh_per_year(1.0) == pytest.approx(8.76)


def test_energy_per_token_for_an_8b_model():
    # 2 x 8e9 = 1.6e10 FLOP per token / 1.5705e11 FLOP/J = 0.1019 J per token
    assert inference.energy_per_token_j(8e9, WORKED_FLOP_PER_J) == pytest.approx(0.10188, rel=1e-3)


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"inference_utilization": 0.0}, "inference_utilization"),
        ({"inference_utilization": 1.5}, "inference_utilization"),
        ({"pue": 0.9}, "pue"),
        ({"server_overhead": 0.5}, "server_overhead"),
        ({"flop_per_query": -1.0}, "flop_per_query"),
        ({"peak_flop_per_s": math.nan}, "peak_flop_per_s"),
    ],
)
def test_bad_physical_inputs_raise_naming_the_input(kwargs, name):
    args = {
        "flop_per_query": WORKED_FLOP,
        "peak_flop_per_s": 989.4e12,
        "inference_utilization": 0.2,
        "accelerator_power_w": 700.0,
        "server_overhead": 1.5,
        "pue": 1.2,
    }
    with pytest.raises(ValueError, match=name):
        inference.energy_per_query_wh(**{**args, **kwargs})


def test_negative_tokens_and_queries_raise():
    with pytest.raises(ValueError, match="output_tokens"):
        inference.flop_per_query(1e9, 10, -1)
    with pytest.raises(ValueError, match="queries_per_day"):
        inference.fleet_energy_mwh_per_day(0.3, -5)


def test_more_tokens_or_a_bigger_model_cost_proportionally_more():
    base = inference.estimate_serving(Scenario(), CAT).wh_per_query
    longer = dataclasses.replace(Scenario(), output_tokens=1500.0)  # 2000 tokens vs 1000
    bigger = dataclasses.replace(Scenario(), active_params=4e11)  # 4x the parameters
    assert inference.estimate_serving(longer, CAT).wh_per_query == pytest.approx(2 * base)
    assert inference.estimate_serving(bigger, CAT).wh_per_query == pytest.approx(4 * base)


def test_published_anchors_carry_their_cited_values():
    table = inference.published_per_query(CAT).set_index("item")
    # Google 2025 (arXiv:2508.15734): 0.24 Wh median Gemini prompt; Epoch AI 2025: 0.3 Wh;
    # EPRI 2024 after de Vries 2023: 2.9 Wh.
    assert table.loc["gemini_median_prompt", "wh_per_query"] == 0.24
    assert table.loc["epoch_chatgpt_query", "wh_per_query"] == 0.3
    assert table.loc["epri_chatgpt_request", "wh_per_query"] == 2.9
    # A range with no central value is plotted at its geometric mean: sqrt(0.68 x 7.05).
    assert table.loc["open_model_8k_prompt_b200", "wh_per_query"] == pytest.approx(
        math.sqrt(0.68 * 7.05)
    )
    assert table["source"].str.len().gt(10).all()


def test_the_default_estimate_sits_within_the_published_chat_figures():
    # Published chat figures span 0.24 (Google) to 2.9 Wh (EPRI); our 0.354 Wh is inside.
    assert 0.24 < inference.estimate_serving(Scenario(), CAT).wh_per_query < 2.9


def test_mlenergy_measurement_is_read_in_joules_per_token():
    # ML.ENERGY (Dec 2025): Llama 3.1 8B on H100, 0.12 J/token.
    assert inference.measured_j_per_token("mlenergy_llama31_8b_h100", CAT) == 0.12
    with pytest.raises(ValueError, match="gemini_median_prompt"):
        inference.measured_j_per_token("gemini_median_prompt", CAT)


def test_datacenter_context_converts_each_series_to_twh():
    ctx = inference.datacenter_context_twh(CAT["datacenter"], CAT["electricity_totals"])
    rows = ctx.set_index(["item", "region", "year"])
    # IEA (Apr 2025): 415 TWh world in 2024, ~945 TWh in 2030.
    assert rows.loc[("dc_electricity_iea", "world", 2024), "twh"] == 415
    assert rows.loc[("dc_electricity_iea", "world", 2030), "twh"] == 945
    # LBNL 2024 report: 325-580 TWh in 2028.
    lbnl = rows.loc[("dc_electricity_lbnl", "us", 2028)]
    assert (lbnl["low_twh"], lbnl["high_twh"]) == (325, 580)
    # EPRI 2024: 4.6-9.1% of US electricity x 4,304 TWh = 198.0-391.7 TWh.
    epri = rows.loc[("dc_share_epri_2024", "us", 2030)]
    assert epri["low_twh"] == pytest.approx(198.0, abs=0.1)
    assert epri["high_twh"] == pytest.approx(391.7, abs=0.1)
    # EPRI/Epoch AI: 5 GW of US AI power x 8.76 = 43.8 TWh/yr.
    assert rows.loc[("ai_power_epri_epoch", "us", 2025), "twh"] == pytest.approx(43.8)
    # PUE and DGX rows are not electricity use and are left out.
    assert not ctx["item"].str.startswith(("pue", "dgx")).any()


def test_serving_cost_and_emissions_use_the_training_grid_and_price():
    # Defaults: grid "us" = 367 gCO2e/kWh (EIA 2023, data/grids.csv), price 80 $/MWh.
    result = inference.estimate_serving(Scenario(), CAT)
    assert result.carbon_intensity_g_per_kwh == 367.0
    # Per query: 0.35375 Wh x 367 g/kWh / 1000 = 0.12983 g
    assert result.g_co2e_per_query == pytest.approx(0.35375 * 0.367, rel=1e-4)
    # 0.35375e-6 MWh x 80 $/MWh = 2.83e-5 $ = 0.00283 cents
    assert result.cents_per_query == pytest.approx(0.00283, rel=1e-4)
    # Per year: 0.3228 TWh = 322,800 MWh; x 0.367 t/MWh = 118,468 t; x 80 $ = $25.82 million
    assert result.tco2e_per_year == pytest.approx(118_468, rel=1e-4)
    assert result.usd_per_year == pytest.approx(25.824e6, rel=1e-4)
    # Units for display: 0.35375 Wh = 3.5375e-7 MWh; 0.3228 TWh = 322,800 MWh; 0.0075%
    assert result.mwh_per_query == pytest.approx(3.5375e-7, rel=1e-4)
    assert result.mwh_per_year == pytest.approx(322_800, rel=1e-4)
    # 0.3228 / 4304 TWh (EIA 2024) = 7.5e-5 = 0.0075%
    assert result.share_us_percent == pytest.approx(0.0075, rel=1e-3)


def test_serving_on_my_mix_and_a_dearer_price():
    nuclear = {f"mix_{sid}": 0.0 for sid in Scenario().mix_weights()}
    nuclear["mix_nuclear_large"] = 100.0
    scenario = dataclasses.replace(Scenario(), grid="my_mix", price_usd_per_mwh=160.0, **nuclear)
    result = inference.estimate_serving(scenario, CAT)
    # Nuclear 12 g/kWh (IPCC AR5): 0.35375 Wh x 0.012 g/Wh = 0.004245 g per query
    assert result.g_co2e_per_query == pytest.approx(0.004245, rel=1e-4)
    # Twice the price doubles the bill: 322,800 MWh x 160 $ = $51.65 million a year
    assert result.usd_per_year == pytest.approx(51.648e6, rel=1e-4)


def test_googles_published_emissions_imply_an_intensity():
    table = inference.published_emissions_per_query(CAT).set_index("label")
    row = table.iloc[0]
    # Google (arXiv:2508.15734): 0.03 gCO2e and 0.24 Wh per median prompt:
    # 0.03 / 0.24 x 1000 = 125 gCO2e/kWh
    assert row["g_co2e_per_query"] == 0.03
    assert row["implied_g_per_kwh"] == pytest.approx(125.0)


def test_the_per_token_check_uses_mlenergys_8b_measurement():
    check = inference.per_token_check(WORKED_FLOP_PER_J, CAT)
    # ML.ENERGY: 0.12 J/token; estimate 2 x 8e9 / 1.5705e11 = 0.10188 J/token
    assert check["measured_j_per_token"] == 0.12
    assert check["estimate_j_per_token"] == pytest.approx(0.10188, rel=1e-3)


def test_datacenter_facts_are_read_from_data():
    facts = inference.datacenter_facts(CAT)
    # IEA: 415 TWh (2024) and 945 TWh (2030); 415 / 30,856 TWh (Ember 2024) = 1.345%
    assert (facts["world_2024_twh"], facts["world_2030_twh"]) == (415.0, 945.0)
    assert facts["world_2024_share"] == pytest.approx(0.013449, rel=1e-3)
    # LBNL: 176 TWh (2023), 325-580 TWh (2028)
    assert facts["us_2023_twh"] == 176.0
    assert (facts["us_2028_low_twh"], facts["us_2028_high_twh"]) == (325.0, 580.0)


def test_ai_demand_in_twh_is_gw_times_8760_hours():
    import pandas as pd

    frame = pd.DataFrame({"year": [2025, 2026], "power_demand_gw": [1.0, 10.0]})
    # 1 GW x 8760 h = 8.76 TWh; 10 GW = 87.6 TWh
    out = inference.ai_demand_twh(frame)
    assert out["twh"].tolist() == pytest.approx([8.76, 87.6])
    assert out["year"].tolist() == [2025, 2026]
