"""The projection: hand arithmetic for the supply, the base year and the first years of
the fleet, and the identities every scenario keeps. (The economy's mechanisms, levers and
anchors are in tests/test_economy.py.)"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from numpy.testing import assert_allclose

from model import fleet, limits, projection
from model.catalog import default_catalog
from model.presets import all_presets
from model.scenario import SOURCE_IDS, Scenario

LIMIT_COLUMNS = tuple(projection.LIMIT_COLUMNS.values())
ONLY_SOLAR = {f"mix_{sid}": 0.0 for sid in SOURCE_IDS} | {"mix_solar_pv_utility": 100.0}
ONLY_NUCLEAR = {f"mix_{sid}": 0.0 for sid in SOURCE_IDS} | {"mix_nuclear_large": 100.0}
#: Wall-plug power of one H100 in the default facility: 700 W x 1.5 server x 1.2 PUE. [W]
H100_WALL_W = 700 * 1.5 * 1.2
#: Useful FLOP/s of one H100 at the default 40% utilization. [FLOP/s]
H100_USEFUL = 989.4e12 * 0.4
#: The world mix's mid LCOE (Ember 2024 shares of data/generation_sources.csv's mids),
#: sum of share x mid = 9,948.85 over weights summing to 94.3. [USD/MWh]
WORLD_MIX_COST = 9948.85 / 94.3


def frame_of(**changes):
    return projection.project(dataclasses.replace(Scenario(), **changes)).set_index("year")


def test_columns_are_those_design_md_names():
    frame = projection.project(Scenario())
    named = (
        "year",
        *LIMIT_COLUMNS,
        "compute_achieved_flop",
        "binding_constraint",
        "fleet_binding",
        "chip_stock_h100e",
        "chip_production_h100e",
        "ai_capex_usd",
        "gdp_usd",
        "efficiency_flop_per_j",
        "run_days",
        "frontier_run_power_gw",
        "frontier_run_power_achieved_gw",
        "power_demand_gw",
        "power_supply_gw",
        "power_achieved_gw",
        "inference_power_demand_gw",
        "inference_power_achieved_gw",
        "training_power_achieved_gw",
        "fleet_flop_per_s",
        "compute_lost_to_power_share",
        "energy_limited",
        "electricity_price_usd_per_mwh",
    )
    regional = ("power_supply_gw", "power_demand_gw", "power_achieved_gw")
    regional += ("electricity_price_usd_per_mwh",)
    for column in (*named, *(f"{c}_{r}" for c in regional for r in ("us", "row"))):
        assert column in frame.columns, column
    assert frame["year"].iloc[0] == 2025
    assert frame["year"].iloc[-1] == 2040
    assert set(frame["binding_constraint"]) <= set(projection.CONSTRAINTS)
    assert set(frame["fleet_binding"]) <= set(projection.FLEET_STEPS)


# Hand arithmetic for the base year (2025) and the first years of the default scenario.
def test_the_base_year_fleet_is_the_chip_stock_at_its_wall_plug_power():
    row = frame_of().loc[2025]
    # E0 = 989.4e12 x 0.40 / 1,260 W = 3.1409e11 FLOP/J
    assert_allclose(row["efficiency_flop_per_j"], H100_USEFUL / H100_WALL_W)
    # 15M H100e x 1,260 W = 18.9 GW; 75% of the chips in the US: 14.175 GW
    assert_allclose(row["power_achieved_gw"], 18.9)
    assert_allclose(row["power_achieved_gw_us"], 14.175)
    # 15M x 3.9576e14 FLOP/s = 5.9364e21 FLOP/s
    assert_allclose(row["fleet_flop_per_s"], 1.5e7 * H100_USEFUL)
    # The largest run is the trend's (Grok-3, 4.64e26 FLOP) at 4.64e26 / (E0 x 100 d):
    # 0.171 GW (Epoch AI's Grok-3 estimate: 137 MW).
    assert_allclose(row["compute_achieved_flop"], 4.64e26)
    assert_allclose(
        row["frontier_run_power_achieved_gw"], 4.64e26 / (H100_USEFUL / H100_WALL_W) / 8.64e6 / 1e9
    )
    assert row["binding_constraint"] == "trend"
    # The largest site: 0.3 GW x E0 x 100 days = 8.14e26 FLOP
    assert_allclose(row["compute_limit_site_flop"], 0.3e9 * H100_USEFUL / H100_WALL_W * 8.64e6)


def test_the_trend_run_of_2025_needs_as_many_h100s_as_epoch_ai_reports():
    # 4.64e26 / (989.4e12 x 0.40 x 8.64e6 s) = 135,700 H100s; Epoch AI: ~100-200k.
    row = frame_of().loc[2025]
    assert_allclose(row["run_chips_h100e"], 4.64e26 / (H100_USEFUL * 8.64e6))
    assert 100_000 <= row["run_chips_h100e"] <= 200_000


def test_each_vintage_keeps_the_efficiency_of_its_year():
    frame = frame_of()
    e0 = H100_USEFUL / H100_WALL_W
    # 2026: chips 1.28x as frugal, formats 1.23x as productive: E0 x 1.28 x 1.23.
    assert_allclose(frame.loc[2026, "efficiency_flop_per_j"], e0 * 1.28 * 1.23)
    # Formats stop at 4x (FP4 from BF16): 1.23^7 = 4.26 > 4, so from 2032 only the chips
    # improve: E0 x 1.28^t x 4.
    for year in (2032, 2040):
        assert_allclose(frame.loc[year, "efficiency_flop_per_j"], e0 * 1.28 ** (year - 2025) * 4)
    # The fleet's power in 2026 is every vintage at its own watts: the base stock less a
    # fifth retired (12M x 1,260 W) plus the 2026 chips at 1,260 / 1.28 = 984.4 W each.
    row = frame.loc[2026]
    installed = row["chips_installed_h100e"]
    assert_allclose(row["power_achieved_gw"], (12e6 * 1260 + installed * 1260 / 1.28) / 1e9)
    assert_allclose(row["chip_stock_h100e"], 12e6 + installed)
    assert_allclose(row["fleet_flop_per_s"], 12e6 * H100_USEFUL + installed * H100_USEFUL * 1.23)


def test_chips_money_and_gdp_paths_by_hand():
    frame = frame_of()
    # Chips made: 10M x 1.4^5 = 5.378e7 H100e in 2030.
    assert_allclose(frame.loc[2030, "chip_production_h100e"], 1e7 * 1.4**5)
    # Spending: $400B x 1.3^5 = $1.485T in 2030, under 2% of GDP ($1.17e14 x 1.031^5 x
    # 0.02 = $2.73T); by 2036 the trend ($7.2T) passes the cap ($3.26T).
    assert_allclose(frame.loc[2030, "ai_capex_usd"], 4e11 * 1.3**5)
    assert_allclose(frame.loc[2036, "ai_capex_usd"], 0.02 * 1.17e14 * 1.031**11)
    assert_allclose(frame.loc[2036, "gdp_usd"], 1.17e14 * 1.031**11)


def test_the_price_is_the_mix_cost_plus_a_smooth_scarcity_adder():
    frame = frame_of(scarcity_adder_usd_per_mwh_us=50.0, price_scale=2.0)
    # 2025: the US wants 14.175 GW of its 14.5 GW: 2 x 105.5 + 2 x 50 x (14.175/14.5)^4.
    assert_allclose(
        frame.loc[2025, "electricity_price_usd_per_mwh_us"],
        2 * WORLD_MIX_COST + 2 * 50.0 * (14.175 / 14.5) ** 4,
        rtol=1e-6,
    )
    # With power unlimited no scarcity is paid: no adder at all makes every price the
    # mix's cost.
    flat = frame_of(scarcity_adder_usd_per_mwh_us=0.0, scarcity_adder_usd_per_mwh_row=0.0)
    assert_allclose(flat["electricity_price_usd_per_mwh"], WORLD_MIX_COST, rtol=1e-6)


def test_supply_of_a_behind_the_meter_solar_build_by_hand():
    frame = frame_of(**ONLY_SOLAR, behind_meter_share_us=100.0, queue_years_us=0.0)
    # US pipeline (30 GW) in the world mix arrives over each source's mid lead time
    # (coal 5, gas 4.25, hydro 5.5, nuclear 8, wind 4.4, solar 3.4 years). By 2030 (dt = 5):
    # hydro 5/5.5 = 0.9091 and nuclear 5/8 = 0.625 of theirs, the rest all:
    # (34 + 22 + 14.3 x 0.9091 + 9 x 0.625 + 8.1 + 6.9) / 94.3 = 89.625 / 94.3.
    pipeline = 30 * 89.625 / 94.3
    # New US solar: 20 GW/yr of nameplate, firm factor 0.122 (0.244 x 0.5,
    # data/build_limits), arriving 3.4 y after each start: 20 x 0.122 x (5 - 3.4) = 3.904 GW.
    assert_allclose(frame.loc[2030, "power_supply_gw_us"], 14.5 + pipeline + 3.904, rtol=1e-6)
    arrived = sum(
        share * min(1.0, 2 / lead)
        for share, lead in ((34, 5), (22, 4.25), (14.3, 5.5), (9, 8), (8.1, 4.4), (6.9, 3.4))
    )
    assert_allclose(frame.loc[2027, "power_supply_gw_us"], 14.5 + 30 * arrived / 94.3, rtol=1e-6)


def test_grid_connected_builds_wait_in_the_queue():
    btm = frame_of(**ONLY_SOLAR, behind_meter_share_us=100.0, queue_years_us=5.0)
    queued = frame_of(**ONLY_SOLAR, behind_meter_share_us=0.0, queue_years_us=5.0)
    # Grid-connected solar arrives after max(3.4, 5) = 5 y: nothing new in 2030, and one
    # year of starts (20 x 0.122 = 2.44 GW) by 2031.
    pipeline_only = frame_of(**ONLY_SOLAR, build_rate_gw_per_yr_us=0.0)
    assert_allclose(
        queued.loc[2030, "power_supply_gw_us"], pipeline_only.loc[2030, "power_supply_gw_us"]
    )
    assert_allclose(
        queued.loc[2031, "power_supply_gw_us"] - pipeline_only.loc[2031, "power_supply_gw_us"],
        2.44,
    )
    assert (btm["power_supply_gw_us"] >= queued["power_supply_gw_us"] - 1e-9).all()


def test_the_build_cap_limits_a_nuclear_build_to_the_worlds_reactor_output():
    frame = frame_of(**ONLY_NUCLEAR, build_cap_growth=1.0)
    # The world connected ~8.2 GW of reactors in 2024 (data/build_limits.csv); each region's
    # AI may take 25%: 2.05 GW/yr started in each, against the 20 GW/yr each wants.
    assert_allclose(frame["nameplate_wanted_gw"], 40.0)
    assert_allclose(frame["nameplate_started_gw"], 2 * 0.25 * 8.2)
    grown = frame_of(**ONLY_NUCLEAR, build_cap_growth=1.1)
    assert_allclose(grown.loc[2030, "nameplate_started_gw"], 2 * 0.25 * 8.2 * 1.1**5)


def test_flexible_headroom_adds_its_gigawatts_from_2026_in_its_region_only():
    base = frame_of()
    flexible = frame_of(flexible_headroom_gw_us=98.0)
    added = flexible["power_supply_gw_us"] - base["power_supply_gw_us"]
    assert added.loc[2025] == 0.0
    assert_allclose(added.loc[2026:], 98.0)
    assert_allclose(flexible["power_supply_gw_row"], base["power_supply_gw_row"])


def test_efficiency_stops_at_the_ceiling():
    # Ceiling at the wall: 1e13 FLOP/J x 0.40 / (1.5 x 1.2) = 2.222e12 FLOP/J.
    frame = frame_of(efficiency_ceiling_flop_per_j=1e13, hardware_efficiency_growth=2.0)
    assert_allclose(frame["efficiency_flop_per_j"].max(), 1e13 * 0.4 / 1.8)
    assert frame["efficiency_flop_per_j"].is_monotonic_increasing


def test_model_size_basis_gives_six_n_twenty_n():
    s = dataclasses.replace(Scenario(), frontier_basis="params", frontier_params=2e12)
    # 6 x 2e12 x (20 x 2e12) = 4.8e26 FLOP
    assert_allclose(projection.project(s)["compute_demand_flop"].iloc[0], 4.8e26)


def test_run_length_stops_at_its_cap():
    s = dataclasses.replace(
        Scenario(), run_days_base=300.0, run_length_growth=1.5, run_days_cap=365.0
    )
    assert projection.project(s)["run_days"].max() == 365.0
    # first year: min(300 x 1.5, 365) / 300 = 1.2167
    assert_allclose(projection.growth_decomposition(s)["run_length_growth"], 365 / 300)


def test_decomposition_identity():
    d = projection.growth_decomposition(Scenario())
    # 4.0 / (1.28 x 1.23 x 1.15) = 4.0 / 1.8106 = 2.209
    assert_allclose(d["power_growth"], 4.0 / (1.28 * 1.23 * 1.15))
    frame = projection.project(Scenario())
    ratio = frame["frontier_run_power_gw"].iloc[1] / frame["frontier_run_power_gw"].iloc[0]
    assert_allclose(ratio, d["power_growth"])


# Identities, on the defaults, every preset and the edges.
CATALOG = default_catalog()
SCENARIOS = {
    "defaults": Scenario(),
    **{preset.name: preset.scenario() for preset in all_presets(CATALOG)},
    "idle_base_stock": dataclasses.replace(
        Scenario(), supply_base_gw_us=1.0, supply_base_gw_row=1.0
    ),
    "money_binds": dataclasses.replace(
        Scenario(), ai_capex_growth=1.0, chip_production_growth=2.5, capex_gdp_cap_share=0.3
    ),
    "flat": dataclasses.replace(Scenario(), compute_growth=1.0, serving_compute_growth=1.0),
}


@pytest.fixture(scope="module", params=list(SCENARIOS))
def scenario_frame(request):
    return SCENARIOS[request.param], projection.project(SCENARIOS[request.param], CATALOG)


def test_the_run_is_at_most_each_limit_and_binding_names_the_smallest(scenario_frame):
    _, frame = scenario_frame
    stacked = np.stack([frame[c].to_numpy() for c in LIMIT_COLUMNS], axis=1)
    achieved = frame["compute_achieved_flop"].to_numpy()
    assert (achieved <= stacked.min(axis=1) * (1 + 1e-12)).all()
    named = [projection.CONSTRAINTS.index(s) for s in frame["binding_constraint"]]
    assert_allclose(stacked[np.arange(len(frame)), named], achieved, rtol=1e-9)


def test_the_powered_fleet_draws_at_most_the_supply_in_each_region(scenario_frame):
    _, frame = scenario_frame
    for region in ("us", "row"):
        assert (
            frame[f"power_achieved_gw_{region}"] <= frame[f"power_supply_gw_{region}"] + 1e-9
        ).all()


def test_achieved_power_is_the_smaller_of_demand_and_supply(scenario_frame):
    # So no supply sits idle while demand is cut.
    _, frame = scenario_frame
    assert_allclose(
        frame["power_achieved_gw"],
        np.minimum(frame["power_demand_gw"], frame["power_supply_gw"]),
        rtol=1e-9,
    )


def test_spending_stays_under_its_gdp_cap_and_pays_for_what_is_bought(scenario_frame):
    scenario, frame = scenario_frame
    cap = frame["gdp_usd"] * scenario.capex_gdp_cap_share / 100
    assert (frame["ai_capex_usd"] <= cap * (1 + 1e-12)).all()
    spent = frame["chip_spending_usd"] + frame["electricity_bill_usd"]
    bought = frame["chips_installed_h100e"] > 0
    assert (spent[bought] <= frame["ai_capex_usd"][bought] * (1 + 1e-9)).all()


def test_efficiency_never_passes_the_ceiling(scenario_frame):
    scenario, frame = scenario_frame
    ceiling = scenario.efficiency_ceiling_flop_per_j * 0.4 / (1.5 * 1.2)
    assert (frame["efficiency_flop_per_j"] <= ceiling * (1 + 1e-12)).all()


def test_the_runs_energy_is_its_power_times_its_time(scenario_frame):
    _, frame = scenario_frame
    joules = frame["compute_achieved_flop"] / frame["efficiency_flop_per_j"]
    assert_allclose(
        frame["frontier_run_power_achieved_gw"] * 1e9 * frame["run_days"] * 86_400, joules
    )


def test_new_chips_are_the_smallest_of_the_four_limits(scenario_frame):
    _, frame = scenario_frame
    later = frame.iloc[1:]
    smallest = np.minimum.reduce(
        [
            later["chips_wanted_h100e"],
            later["chip_production_h100e"],
            later["chips_affordable_h100e"],
            later["chips_powerable_h100e"],
        ]
    )
    assert_allclose(later["chips_installed_h100e"], smallest, rtol=1e-9, atol=1e-6)


def test_the_wall_is_the_first_year_power_costs_the_threshold_share():
    frame = projection.project(Scenario())
    lost = frame["compute_lost_to_power_share"].to_numpy()
    assert ((lost >= 0) & (lost <= 1)).all()
    first = int(np.flatnonzero(lost >= 0.05)[0])
    assert projection.wall_year(frame) == 2025 + first
    # The share is 1 - achieved / (the same economy with power unlimited).
    assert_allclose(lost, 1 - frame["fleet_flop_per_s"] / frame["fleet_flop_per_s_unlimited"])
    looser = projection.project(dataclasses.replace(Scenario(), wall_threshold_share=50.0))
    assert projection.wall_year(looser) is None or projection.wall_year(looser) > 2025 + first


def test_first_binding_year_and_its_bad_name():
    frame = projection.project(Scenario())
    year = projection.first_binding_year(frame, "site")
    assert year is not None
    assert frame.set_index("year").loc[year, "binding_constraint"] == "site"
    with pytest.raises(ValueError, match="unknown constraint"):
        projection.first_binding_year(frame, "money")
    with pytest.raises(ValueError, match="unknown fleet step"):
        projection.first_fleet_binding_year(frame, "site")


def test_limit_ratio_compares_a_step_with_the_achieved_run():
    frame = projection.project(Scenario())
    row = frame.set_index("year").loc[2030]
    assert_allclose(
        projection.limit_ratio(frame, 2030, "chips"),
        row["compute_limit_chips_flop"] / row["compute_achieved_flop"],
    )
    with pytest.raises(KeyError):
        projection.limit_ratio(frame, 1999, "chips")


def test_limits_module_data_flop_is_six_n_d_at_twenty_tokens_per_parameter():
    # D = 2e13 tokens -> N = 1e12 parameters -> 6 x 1e12 x 2e13 = 1.2e26 FLOP
    assert_allclose(limits.data_flop(np.array(2e13)), 1.2e26)


def test_the_vintage_ramp_equals_the_closed_form_for_steady_starts():
    # 5 GW started every year, delays 0-7.2 years (one sample each): by year t,
    # 5 x max(0, t - L) has arrived (a start spread over its year arrives spread over a
    # year, L later).
    started = np.full((16, 6), 5.0)  # (years, samples)
    delay = np.array([0.5, 3.4, 1.0, 7.2, 4.0, 0.0])
    ramp = fleet.ramp_delivered(started, np.cumsum(started, axis=0), delay)
    t = np.arange(16)[:, None]
    assert_allclose(ramp, 5.0 * np.maximum(0.0, t - delay))
    # Year 5 with a 3.4-year delay: vintages 0 (all of it) and 1 (0.6 of it) have arrived,
    # 5 x 1.6 = 8 GW.
    assert_allclose(ramp[5, 1], 8.0)


def test_capped_and_uncapped_sources_deliver_as_the_ramp_says():
    # A source whose cap never binds starts the same every year (the closed form); one
    # whose cap binds and grows 10% a year does not (the ramp): both paths of
    # delivered_firm_gw must match the ramp.
    years = np.arange(16)[:, None]
    queue, btm = np.array([[5.0]]), np.array([[0.25]])
    for rising, delay, firm in (
        (np.full((16, 1), 7.5), np.array([5.5]), 0.36),  # steady: the closed form
        (3.0 * 1.1**years, np.array([5.0]), 0.85),  # growing with its cap: the ramp
    ):
        out = fleet.delivered_firm_gw(rising, delay, queue, btm, firm)
        grid_delay = np.maximum(delay, 5.0)
        cumulative = np.cumsum(rising, axis=0)
        expected = (
            0.25 * fleet.ramp_delivered(rising, cumulative, delay)
            + 0.75 * fleet.ramp_delivered(rising, cumulative, grid_delay)
        ) * firm
        assert_allclose(out, expected)
    # The steady source by hand in year 10: 7.5 GW/yr x (0.25 x (10 - 5.5) + 0.75 x
    # (10 - 5.5)) x 0.36 = 7.5 x 4.5 x 0.36 = 12.15 GW firm.
    steady = fleet.delivered_firm_gw(np.full((16, 1), 7.5), np.array([5.5]), queue, btm, 0.36)
    assert_allclose(steady[10, 0], 12.15)
