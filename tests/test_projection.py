"""The projection: hand arithmetic, identities, the levers moving the answer, and anchors."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from numpy.testing import assert_allclose

from model import fleet, limits, projection
from model.catalog import default_catalog, item_row
from model.constants import HOURS_PER_YEAR
from model.presets import preset_by_name
from model.scenario import SOURCE_IDS, Scenario

LIMIT_COLUMNS = tuple(projection.LIMIT_COLUMNS.values())
ONLY_SOLAR = {f"mix_{sid}": 0.0 for sid in SOURCE_IDS} | {"mix_solar_pv_utility": 100.0}
ONLY_NUCLEAR = {f"mix_{sid}": 0.0 for sid in SOURCE_IDS} | {"mix_nuclear_large": 100.0}
# Today's world mix (Ember 2024), as the pipeline's mix: coal 34, gas 22, hydro 14.3,
# nuclear 9, wind 8.1, solar 6.9 (sums to 94.3).
WORLD = {"coal": 34.0, "gas_ccgt": 22.0, "hydro": 14.3, "nuclear_large": 9.0}
WORLD |= {"wind_onshore": 8.1, "solar_pv_utility": 6.9}


def frame_of(**changes):
    return projection.project(dataclasses.replace(Scenario(), **changes)).set_index("year")


def test_columns_are_those_design_md_names():
    frame = projection.project(Scenario())
    for column in (
        "year",
        *LIMIT_COLUMNS,
        "compute_achieved_flop",
        "binding_constraint",
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
        "energy_limited",
        "electricity_price_usd_per_mwh",
    ):
        assert column in frame.columns
    assert frame["year"].iloc[0] == 2025
    assert frame["year"].iloc[-1] == 2040


# Hand arithmetic for the base year (2025) of the default scenario.
def test_base_year_run_power_by_hand():
    frame = projection.project(Scenario())
    # E0 = 989.4e12 FLOP/s x 0.40 / (700 W x 1.5 x 1.2) = 3.1409e11 FLOP/J
    assert_allclose(frame["efficiency_flop_per_j"].iloc[0], 989.4e12 * 0.4 / 1260)
    # P = 4.64e26 FLOP / (3.1409e11 FLOP/J x 100 d x 86,400 s) = 1.710e8 W = 0.171 GW
    assert_allclose(
        frame["frontier_run_power_gw"].iloc[0], 4.64e26 / (3.1409e11 * 8.64e6) / 1e9, rtol=1e-4
    )


def test_base_year_limits_by_hand():
    row = frame_of().loc[2025]
    seconds = 100 * 86_400.0
    e0 = 989.4e12 * 0.4 / 1260  # FLOP/J
    # Chips: 15M H100e x 2% = 300,000 H100 x 989.4 TFLOP/s x 0.40 x 100 days = 1.0258e27
    assert_allclose(row["compute_limit_chips_flop"], 3e5 * 989.4e12 * 0.4 * seconds)
    # Data: 6 x (D/20) x D = 0.3 x (1.8e15)^2 = 9.72e29
    assert_allclose(row["compute_limit_data_flop"], 9.72e29)
    # Latency: Epoch AI 2024's median, 3e31, in every year.
    assert_allclose(row["compute_limit_latency_flop"], 3e31)
    # Capital: price = the world mix's mid LCOE, by source (low + high) / 2 from data/:
    # coal 122, gas 77.5, hydro 110, nuclear 180.5, wind 61.5, solar 58, weighted by
    # 34, 22, 14.3, 9, 8.1, 6.9 over 94.3 = 9948.85 / 94.3 = 105.50 USD/MWh.
    price = 9948.85 / 94.3
    assert_allclose(row["electricity_price_usd_per_mwh"], price, rtol=1e-6)
    # Energy per FLOP = 105.5 / (3.1409e11 x 3.6e9) = 9.33e-20; hardware 1.1e-18 USD/FLOP;
    # $1B / (1.1e-18 + 9.33e-20) = 8.38e26 FLOP.
    energy = price / (e0 * 3.6e9)
    assert_allclose(row["compute_limit_capital_flop"], 1e9 / (1.1e-18 + energy), rtol=1e-6)
    assert_allclose(row["energy_share_of_run_cost"], energy / (1.1e-18 + energy), rtol=1e-6)
    # Power: one run gets min(largest campus 0.3 GW, (15 - 10) GW left / 3 runs) = 0.3 GW;
    # 0.3e9 W x 3.1409e11 FLOP/J x 8.64e6 s = 8.141e26 FLOP.
    assert_allclose(row["compute_limit_power_flop"], 0.3e9 * e0 * seconds)
    # The trend (4.64e26) is the smallest: nothing else binds yet.
    assert row["binding_constraint"] == "trend"
    assert row["compute_achieved_flop"] == 4.64e26


def test_the_trend_run_of_2025_needs_as_many_h100s_as_epoch_ai_reports():
    # 4.64e26 / (989.4e12 x 0.40 x 8.64e6 s) = 135,700 H100s; Epoch AI: ~100-200k.
    row = frame_of().loc[2025]
    h100s = row["compute_demand_flop"] / (989.4e12 * 0.4 * 100 * 86_400)
    assert 100_000 <= h100s <= 200_000
    assert row["run_chips_h100e"] == pytest.approx(300_000)


def test_supply_of_a_behind_the_meter_solar_build_by_hand():
    frame = frame_of(**ONLY_SOLAR, behind_meter_share=100.0, queue_years=0.0)
    # Pipeline (30 GW) in the world mix arrives over each source's mid lead time
    # (coal 5, gas 4.25, hydro 5.5, nuclear 8, wind 4.4, solar 3.4 years). By 2030 (dt = 5):
    # hydro 5/5.5 = 0.9091 and nuclear 5/8 = 0.625 of theirs, the rest all:
    # (34 + 22 + 14.3 x 0.9091 + 9 x 0.625 + 8.1 + 6.9) / 94.3 = 89.625 / 94.3 = 0.95042.
    pipeline = 30 * 89.625 / 94.3
    # New solar: 40 GW/yr of nameplate, firm factor 0.122 (0.244 x 0.5, data/build_limits),
    # arriving 3.4 y after each start: 40 x 0.122 x (5 - 3.4) = 7.808 GW.
    assert_allclose(frame.loc[2030, "power_supply_gw"], 15 + pipeline + 7.808, rtol=1e-6)
    # 2027 (dt = 2): no solar yet; pipeline coal 2/5, gas 2/4.25, hydro 2/5.5, nuclear 2/8,
    # wind 2/4.4, solar 2/3.4.
    arrived = sum(
        share * min(1.0, 2 / lead)
        for share, lead in ((34, 5), (22, 4.25), (14.3, 5.5), (9, 8), (8.1, 4.4), (6.9, 3.4))
    )
    assert_allclose(frame.loc[2027, "power_supply_gw"], 15 + 30 * arrived / 94.3, rtol=1e-6)


def test_grid_connected_builds_wait_in_the_queue():
    btm = frame_of(**ONLY_SOLAR, behind_meter_share=100.0, queue_years=5.0)
    queued = frame_of(**ONLY_SOLAR, behind_meter_share=0.0, queue_years=5.0)
    # Grid-connected solar arrives after max(3.4, 5) = 5 y: nothing new in 2030, and one
    # year of starts (40 x 0.122 = 4.88 GW) by 2031.
    pipeline_only = frame_of(**ONLY_SOLAR, build_rate_gw_per_yr=0.0)
    assert_allclose(queued.loc[2030, "power_supply_gw"], pipeline_only.loc[2030, "power_supply_gw"])
    assert_allclose(
        queued.loc[2031, "power_supply_gw"] - pipeline_only.loc[2031, "power_supply_gw"], 4.88
    )
    assert (btm["power_supply_gw"] >= queued["power_supply_gw"] - 1e-9).all()


def test_the_build_cap_limits_a_nuclear_build_to_the_worlds_reactor_output():
    frame = frame_of(**ONLY_NUCLEAR, build_cap_share=50.0, build_cap_growth=1.0)
    # The world connected ~8.2 GW of reactors in 2024 (data/build_limits.csv); AI may take
    # half: 4.1 GW/yr started, against the 40 GW/yr the scenario wants.
    assert_allclose(frame["nameplate_wanted_gw"], 40.0)
    assert_allclose(frame["nameplate_started_gw"], 4.1)
    # With caps growing 10%/yr the cap in 2030 is 4.1 x 1.1^5 = 6.603 GW/yr.
    grown = frame_of(**ONLY_NUCLEAR, build_cap_share=50.0, build_cap_growth=1.1)
    assert_allclose(grown.loc[2030, "nameplate_started_gw"], 4.1 * 1.1**5)


def test_flexible_headroom_adds_its_gigawatts_from_2026():
    base = frame_of()
    flexible = frame_of(flexible_headroom_gw=98.0)
    added = flexible["power_supply_gw"] - base["power_supply_gw"]
    assert added.loc[2025] == 0.0
    assert_allclose(added.loc[2026:], 98.0)


def test_the_shortage_adder_is_paid_only_in_short_years():
    frame = frame_of(scarcity_adder_usd_per_mwh=50.0, price_scale=2.0)
    base_price = 2.0 * 9948.85 / 94.3  # the mix's mid LCOE, doubled
    expected = base_price + 2.0 * 50.0 * frame["energy_limited"].astype(float)
    assert_allclose(frame["electricity_price_usd_per_mwh"], expected, rtol=1e-6)
    assert frame["energy_limited"].any()


def test_efficiency_stops_at_the_ceiling():
    # Ceiling at the wall: 1e13 FLOP/J x 0.40 / (1.5 x 1.2) = 2.222e12 FLOP/J.
    frame = frame_of(efficiency_ceiling_flop_per_j=1e13, efficiency_doubling_years=0.5)
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
    # 4.0 / (2^(1/1.5) x 1.15) = 4.0 / (1.5874 x 1.15) = 2.191
    assert_allclose(d["power_growth"], 2.191, rtol=1e-3)
    frame = projection.project(Scenario())
    ratio = frame["frontier_run_power_gw"].iloc[1] / frame["frontier_run_power_gw"].iloc[0]
    assert_allclose(ratio, d["power_growth"])


# Identities, on the default and on every preset.
SCENARIOS = [
    Scenario(),
    *(preset_by_name(n, default_catalog()).scenario() for n in ("Nuclear bet", "Chips run out")),
]


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_achieved_is_the_smallest_limit_and_binding_names_it(scenario):
    frame = projection.project(scenario)
    stacked = frame[list(LIMIT_COLUMNS)].to_numpy()
    assert_allclose(frame["compute_achieved_flop"], stacked.min(axis=1))
    for row, name in zip(stacked, frame["binding_constraint"], strict=True):
        index = projection.CONSTRAINTS.index(name)
        assert row[index] == row.min()
        if name == "power":  # power is named only when no other step ties with it
            assert np.sum(row == row.min()) == 1


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_power_achieved_never_exceeds_supply_or_demand(scenario):
    frame = projection.project(scenario)
    served = frame["inference_power_achieved_gw"] + frame["training_power_achieved_gw"]
    assert_allclose(frame["power_achieved_gw"], served)
    assert (frame["power_achieved_gw"] <= frame["power_supply_gw"] * (1 + 1e-12)).all()
    assert (frame["power_achieved_gw"] <= frame["power_demand_gw"] * (1 + 1e-12)).all()
    assert (frame["frontier_run_power_achieved_gw"] <= frame["largest_site_gw"] * (1 + 1e-12)).all()


def test_the_wall_is_the_first_year_demand_exceeds_supply():
    frame = projection.project(Scenario())
    wall = projection.wall_year(frame)
    assert wall is not None
    before = frame[frame["year"] < wall]
    assert (before["power_demand_gw"] <= before["power_supply_gw"]).all()
    at = frame.set_index("year").loc[wall]
    assert at["power_demand_gw"] > at["power_supply_gw"]


def test_first_binding_year_and_its_bad_name():
    frame = projection.project(Scenario())
    year = projection.first_binding_year(frame, "power")
    assert frame.set_index("year").loc[year, "binding_constraint"] == "power"
    assert projection.first_binding_year(frame, "latency") is None
    with pytest.raises(ValueError, match="unknown constraint"):
        projection.first_binding_year(frame, "water")


def test_limit_ratio_compares_a_step_with_the_achieved_run():
    frame = projection.project(Scenario())
    row = frame.set_index("year").loc[2030]
    expected = row["compute_limit_chips_flop"] / row["compute_achieved_flop"]
    assert_allclose(projection.limit_ratio(frame, 2030, "chips"), expected)


# No collapse: serving keeps what it had when supply does not fall.
@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"build_rate_gw_per_yr": 0.0},
        {"compute_growth": 6.0},
        {"efficiency_doubling_years": 2.5},
        {"other_ai_compute_growth": 3.0},
        ONLY_NUCLEAR,
    ],
)
def test_serving_power_never_falls_while_supply_does_not(changes):
    frame = frame_of(**changes)
    assert (np.diff(frame["power_supply_gw"]) >= -1e-9).all()
    assert (np.diff(frame["inference_power_achieved_gw"]) >= -1e-9).all()
    assert (
        frame["inference_power_achieved_gw"] >= frame.loc[2025, "inference_power_achieved_gw"]
    ).all()


def test_frontier_training_keeps_its_power_unless_it_needs_less():
    # Labs keep their training campuses: the runs keep the power they had, unless they
    # want less (a data-limited run needs less power as chips get more efficient).
    frame = frame_of(build_rate_gw_per_yr=0.0)
    got = frame["training_power_achieved_gw"].to_numpy()
    wanted = frame["training_power_demand_gw"].to_numpy()
    assert np.all(got[1:] >= np.minimum(got[:-1], wanted[1:]) - 1e-9)
    assert np.any(np.diff(got) < 0)  # it does happen here, from 2037 (data binds)


def test_after_a_shortage_serving_demand_grows_from_what_was_served():
    frame = frame_of(build_rate_gw_per_yr=0.0)
    s = Scenario()
    wall = projection.wall_year(frame.reset_index())
    after = frame.loc[wall + 1 :]
    before = frame.loc[wall:2039]
    # demand(t) = served(t-1) x E(t-1) x g / E(t)
    expected = (
        before["inference_power_achieved_gw"].to_numpy()
        * before["efficiency_flop_per_j"].to_numpy()
        * s.other_ai_compute_growth
        / after["efficiency_flop_per_j"].to_numpy()
    )
    assert_allclose(after["inference_power_demand_gw"], expected)


# The levers move the answer, in the direction a reader expects.
def _wall(**changes):
    year = projection.wall_year(projection.project(dataclasses.replace(Scenario(), **changes)))
    return 10_000 if year is None else year


def _binds(constraint, **changes):
    frame = projection.project(dataclasses.replace(Scenario(), **changes))
    year = projection.first_binding_year(frame, constraint)
    return 10_000 if year is None else year


def test_more_building_never_brings_the_wall_earlier_and_four_times_moves_it_later():
    rates = [0.0, 10.0, 20.0, 40.0, 80.0, 160.0, 500.0]
    walls = [_wall(build_rate_gw_per_yr=r) for r in rates]
    assert walls == sorted(walls)
    assert _wall(build_rate_gw_per_yr=160.0) > _wall(build_rate_gw_per_yr=0.0)


def test_faster_compute_growth_never_makes_power_bind_later():
    growths = [1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0]
    years = [_binds("power", compute_growth=g) for g in growths]
    assert years == sorted(years, reverse=True)
    assert _binds("power", compute_growth=6.0) < _binds("power", compute_growth=2.5)


def test_faster_efficiency_makes_power_bind_later_and_the_wall_later():
    doublings = [2.5, 2.0, 1.5, 1.2, 1.0]  # shorter doubling = faster efficiency gains
    assert [_binds("power", efficiency_doubling_years=d) for d in doublings] == sorted(
        _binds("power", efficiency_doubling_years=d) for d in doublings
    )
    walls = [_wall(efficiency_doubling_years=d) for d in doublings]
    assert walls == sorted(walls)
    assert _wall(efficiency_doubling_years=1.0) > _wall(efficiency_doubling_years=2.5)


def test_slower_chip_growth_makes_chips_bind_sooner():
    growths = [1.2, 1.5, 2.0, 2.5, 3.3, 5.0]
    years = [_binds("chips", chip_stock_growth=g) for g in growths]
    assert years == sorted(years)
    assert _binds("chips", chip_stock_growth=1.5) <= 2030 < _binds("chips")


def test_slower_budget_growth_makes_capital_bind_sooner():
    growths = [1.2, 1.5, 2.0, 2.4, 3.0, 4.0]
    years = [_binds("capital", run_budget_growth=g) for g in growths]
    assert years == sorted(years)
    assert _binds("capital", run_budget_growth=1.5) <= 2030 < _binds("capital")


def test_less_data_makes_data_bind_sooner():
    stocks = [1e14, 3e14, 1e15, 1.8e15, 1e16, 1e17]
    years = [_binds("data", data_stock_tokens=t) for t in stocks]
    assert years == sorted(years)
    assert _binds("data", data_stock_tokens=1e14) < _binds("data")


def test_the_mix_moves_the_wall_through_lead_times_caps_and_firm_power():
    # Nuclear's caps (8.2 GW of reactors a year worldwide) and 8-year lead time bring the
    # wall earlier than today's mix; gas (fast, firm) pushes it later.
    nuclear = preset_by_name("Nuclear bet", default_catalog()).scenario()
    gas = preset_by_name("Gas bridge", default_catalog()).scenario()
    wall_nuclear = projection.wall_year(projection.project(nuclear))
    wall_gas = projection.wall_year(projection.project(gas))
    assert wall_nuclear < _wall() < (wall_gas or 10_000)
    # More of the world's reactor output for AI never brings a nuclear wall earlier.
    shares = [10.0, 25.0, 50.0, 100.0]
    walls = [
        projection.wall_year(projection.project(dataclasses.replace(nuclear, build_cap_share=c)))
        or 10_000
        for c in shares
    ]
    assert walls == sorted(walls)


# Defaults against the anchors they cite.
def test_default_2030_limits_sit_inside_epoch_ai_2024_ranges():
    # Epoch AI 2024, 2030: power 1e28-3e29 (one campus of 1-5 GW), chips 1e29-5e30,
    # data 6e28-2e32, latency 3e30-1e32; 2e29 FLOP runs likely feasible.
    row = frame_of().loc[2030]
    assert 1e28 <= row["compute_limit_power_flop"] <= 3e29
    assert 1e29 <= row["compute_limit_chips_flop"] <= 5e30
    assert 6e28 <= row["compute_limit_data_flop"] <= 2e32
    assert 3e30 <= row["compute_limit_latency_flop"] <= 1e32
    assert 1e29 <= row["compute_achieved_flop"] <= 4e29
    assert row["binding_constraint"] == "power"  # Epoch AI: power binds first


def test_default_2030_largest_campus_is_inside_epochs_one_to_five_gigawatts():
    row = frame_of().loc[2030]
    assert 1.0 <= row["largest_site_gw"] <= 5.0
    assert row["frontier_run_power_achieved_gw"] <= row["largest_site_gw"]


def test_default_run_power_wanted_by_the_trend_grows_about_two_x_per_year_like_epoch():
    # Epoch AI: frontier training power grew 2.1x/yr (CI 1.9-2.2, 2024) and 2.2x/yr (2025).
    power = projection.project(Scenario())["frontier_run_power_gw"].to_numpy()
    yearly = power[1:4] / power[:3]
    assert np.all((yearly >= 1.9) & (yearly <= 2.25))


def test_default_2030_trend_run_wants_epoch_epri_gigawatts():
    # Epoch AI/EPRI 2025: the largest single run in 2030 would draw 4-16 GW on trend.
    assert 4.0 <= frame_of().loc[2030, "frontier_run_power_gw"] <= 16.0


def test_default_base_year_run_is_near_epochs_grok_3_estimate():
    # Epoch AI estimates Grok-3's training power at 137.4 MW; our overheads give 171 MW.
    power_mw = projection.project(Scenario())["frontier_run_power_gw"].iloc[0] * 1000
    assert 100 <= power_mw <= 250


def test_default_all_ai_power_in_2030_matches_the_iea_not_epri_epoch():
    # IEA 'Energy and AI' (2025): all data centres 945 TWh in 2030 = 945e3 GWh / 8760 h =
    # 107.9 GW, AI a part of it. EPRI/Epoch 2025: US AI alone > 50 GW by 2030. The default
    # serving growth follows the IEA, so all-AI demand lies under the IEA's all-data-centre
    # total and under EPRI/Epoch's US-only figure.
    iea_gw = (
        float(
            item_row(
                default_catalog()["datacenter"], "dc_electricity_iea", region="world", year=2030
            )["value"]
        )
        * 1000.0
        / HOURS_PER_YEAR
    )
    demand = frame_of().loc[2030, "power_demand_gw"]
    assert 0.25 * iea_gw <= demand <= iea_gw
    assert demand < 50.0


def test_energy_share_of_the_run_cost_is_near_cottiers_two_to_six_percent():
    # Cottier et al. 2024: energy is 2-6% of amortized cost. We price energy at the mix's
    # full cost of new supply (105.5 USD/MWh), above what data centres paid, so 7.8%.
    share = frame_of().loc[2025, "energy_share_of_run_cost"]
    assert 0.02 <= share <= 0.10


def test_limits_module_data_flop_is_six_n_d_at_twenty_tokens_per_parameter():
    # D = 2e13 tokens -> N = 1e12 parameters -> 6 x 1e12 x 2e13 = 1.2e26 FLOP
    assert_allclose(limits.data_flop(np.array(2e13)), 1.2e26)


def test_the_chip_stock_grows_at_its_recent_pace_to_2030_then_slower():
    frame = frame_of()
    # 15M H100e x 3.3^5 = 5.87e9 in 2030 (Epoch AI chip sales pace); then 1.5x/yr:
    # 5.87e9 x 1.5^5 = 4.46e10 in 2035.
    assert_allclose(frame.loc[2030, "chip_stock_h100e"], 1.5e7 * 3.3**5)
    assert_allclose(frame.loc[2035, "chip_stock_h100e"], 1.5e7 * 3.3**5 * 1.5**5)
    # The largest run gets 2%: 117M H100e in 2030, against Epoch AI 2024's 20M (one lab's
    # 20% of 100M); the chip limit still lands in Epoch's 1e29-5e30 range (tested above).
    assert_allclose(frame.loc[2030, "run_chips_h100e"], 0.02 * 1.5e7 * 3.3**5)


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
