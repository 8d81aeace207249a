"""Generation mix: intensity, cost, nameplate, arrival years, emissions, presets."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose

from model import grid
from model.catalog import default_catalog
from model.scenario import SOURCE_IDS

CAT = default_catalog()
SOURCES = CAT["generation_sources"]
LIMITS = CAT["build_limits"]
PRESETS = CAT["mix_presets"]
BY_ID = SOURCES.set_index("source_id")

#: IPCC AR5 WG3 (2014), Annex III, Table A.III.2: lifecycle medians in gCO2e/kWh.
IPCC_AR5_MEDIANS = {
    "coal": 820,
    "gas_ccgt": 490,
    "nuclear_large": 12,
    "hydro": 24,
    "wind_onshore": 11,
    "wind_offshore": 12,
    "solar_pv_utility": 48,
    "geothermal": 38,
}


@pytest.mark.parametrize(("source_id", "median"), IPCC_AR5_MEDIANS.items())
def test_a_single_source_mix_has_that_sources_ipcc_ar5_median(source_id, median):
    assert grid.mix_intensity_g_per_kwh({source_id: 1.0}, SOURCES) == pytest.approx(median)


def test_half_coal_half_nuclear_is_the_average_of_their_medians():
    # 0.5 x 820 + 0.5 x 12 = 416 gCO2e/kWh
    assert grid.mix_intensity_g_per_kwh({"coal": 1, "nuclear_large": 1}, SOURCES) == pytest.approx(
        416
    )


def test_the_ember_2024_world_mix_lands_near_embers_world_intensity():
    # Hand arithmetic over the preset, normalised by 94.3:
    # (34x820 + 22x490 + 14.3x24 + 9x12 + 8.1x11 + 6.9x48) / 94.3
    # = (27880 + 10780 + 343.2 + 108 + 89.1 + 331.2) / 94.3 = 39531.5 / 94.3 = 419.2 g/kWh
    value = grid.mix_intensity_g_per_kwh(grid.preset_weights("world_2024", PRESETS), SOURCES)
    assert value == pytest.approx(39531.5 / 94.3)
    # Ember puts the 2023 world grid at 480 g/kWh (data/grids.csv); our mix leaves out
    # ~6% bioenergy and other, and maps all gas to CCGT, so it is within 15% below.
    assert 0.85 * 480 < value < 480


def test_weights_are_normalised_so_scaling_them_changes_nothing():
    small = grid.mix_intensity_g_per_kwh({"gas_ccgt": 1, "solar_pv_utility": 3}, SOURCES)
    large = grid.mix_intensity_g_per_kwh({"gas_ccgt": 25, "solar_pv_utility": 75}, SOURCES)
    # 0.25 x 490 + 0.75 x 48 = 122.5 + 36 = 158.5
    assert small == pytest.approx(158.5)
    assert large == pytest.approx(small)


def test_unknown_source_ids_raise_naming_them():
    with pytest.raises(ValueError, match="fusion, unobtainium"):
        grid.mix_intensity_g_per_kwh({"coal": 1, "fusion": 1, "unobtainium": 2}, SOURCES)


def test_all_zero_weights_give_a_clear_message_not_a_division_error():
    with pytest.raises(ValueError, match="weight of zero"):
        grid.normalise_shares(dict.fromkeys(SOURCE_IDS, 0.0), SOURCES)


@pytest.mark.parametrize("bad", [-1.0, math.nan, math.inf])
def test_negative_or_non_finite_weights_are_rejected_by_name(bad):
    with pytest.raises(ValueError, match="hydro"):
        grid.normalise_shares({"coal": 1.0, "hydro": bad}, SOURCES)


weights_strategy = st.fixed_dictionaries(
    {sid: st.floats(min_value=0, max_value=100, allow_nan=False) for sid in SOURCE_IDS}
)


@settings(max_examples=200, deadline=None)
@given(weights_strategy)
def test_random_weights_always_normalise_to_shares_summing_to_one(weights):
    if sum(weights.values()) == 0:
        with pytest.raises(ValueError, match="weight of zero"):
            grid.normalise_shares(weights, SOURCES)
        return
    shares = grid.normalise_shares(weights, SOURCES)
    assert shares.sum() == pytest.approx(1.0)
    assert (shares >= 0).all()
    used = [sid for sid, w in weights.items() if w > 0]
    intensity = grid.mix_intensity_g_per_kwh(weights, SOURCES)
    # A weighted average lies between its smallest and largest term.
    low, high = BY_ID.loc[used, "lifecycle_gco2e_per_kwh"].agg(["min", "max"])
    assert low - 1e-9 <= intensity <= high + 1e-9


def test_mix_cost_is_the_share_weighted_lcoe_range():
    # Lazard LCOE+ 2025 (data/generation_sources.csv): nuclear 141-220, CCGT 48-107 $/MWh.
    assert grid.mix_cost_usd_per_mwh({"nuclear_large": 1}, SOURCES) == pytest.approx((141, 220))
    # 0.5 x (141, 220) + 0.5 x (48, 107) = (94.5, 163.5)
    assert_allclose(
        grid.mix_cost_usd_per_mwh({"nuclear_large": 1, "gas_ccgt": 1}, SOURCES), (94.5, 163.5)
    )


def test_nameplate_is_load_over_firm_factor():
    # data/build_limits.csv: nuclear counts at its availability, 0.928, so 1 GW of flat
    # load needs 1 / 0.928 = 1.0776 GW of reactors.
    plate = grid.nameplate_gw(1.0, {"nuclear_large": 1}, SOURCES, LIMITS)
    assert plate["nuclear_large"] == pytest.approx(1 / 0.928)
    # Half solar (firm 0.122 = 0.244 x 0.5 without storage), half CCGT (availability 0.87)
    # for 10 GW: 5 / 0.122 + 5 / 0.87 = 40.98 + 5.75 = 46.73 GW.
    plate = grid.nameplate_gw(10.0, {"solar_pv_utility": 1, "gas_ccgt": 1}, SOURCES, LIMITS)
    assert plate.sum() == pytest.approx(5 / 0.122 + 5 / 0.87)
    assert plate["coal"] == 0


def test_nameplate_per_gw_matches_the_fleets_split():
    # The projection builds nameplate so that source i delivers share_i of the firm power
    # (model.fleet.nameplate_split); per GW of load that is the same share / firm factor.
    from model import fleet

    shares = grid.normalise_shares({"solar_pv_utility": 1, "gas_ccgt": 3}, SOURCES)
    firm = LIMITS.set_index("source_id")["firm_factor"].reindex(shares.index)
    plate = grid.nameplate_gw(1.0, shares.to_dict(), SOURCES, LIMITS)
    split = fleet.nameplate_split(shares.to_numpy(), firm.to_numpy())
    assert_allclose(plate / plate.sum(), split)


def test_nameplate_rejects_a_negative_load():
    with pytest.raises(ValueError, match="load_gw"):
        grid.nameplate_gw(-1.0, {"coal": 1}, SOURCES, LIMITS)


def test_the_load_table_counts_reactors_and_gas_units_in_the_nameplate():
    # 7 GW of flat load from 70% large nuclear, 30% combined-cycle gas: nameplate is share
    # x load / firm factor (data/build_limits.csv: nuclear 0.928, CCGT 0.87), so
    # 4.9 / 0.928 = 5.280 GW of reactors and 2.1 / 0.87 = 2.414 GW of gas units.
    mix = {"nuclear_large": 70.0, "gas_ccgt": 30.0}
    summary, _ = grid.load_outputs({"load": 7.0}, mix, SOURCES, LIMITS, 1.0)
    assert summary.loc["load", "reactors"] == pytest.approx(4.9 / 0.928)
    assert summary.loc["load", "gas_units"] == pytest.approx(2.1 / 0.87)
    # In 0.5 GW units there are twice as many.
    halves, _ = grid.load_outputs({"load": 7.0}, mix, SOURCES, LIMITS, 0.5)
    assert halves.loc["load", "reactors"] == pytest.approx(2 * 4.9 / 0.928)
    with pytest.raises(ValueError, match="unit_gw"):
        grid.load_outputs({"load": 7.0}, mix, SOURCES, LIMITS, 0.0)


def test_the_whole_mix_delivers_in_its_latest_first_power_year():
    first = pd.Series({"gas_ccgt": 2030.0, "nuclear_large": 2034.0, "solar_pv_utility": 2029.0})
    assert grid.last_first_power_year(first) == 2034
    # A source with no power by the end: the mix is never whole, whatever the others do.
    assert grid.last_first_power_year(first.replace(2034.0, np.nan)) is None


def test_lead_times_read_the_sources_table():
    table = grid.lead_times(SOURCES, ("wind_onshore", "nuclear_large"))
    # Clapin & Longden 2024: onshore wind 1.7 / 4.4 / 7.1 y; nuclear 6.3 / 8 / 10.4 y.
    assert table.loc["wind_onshore", ["low", "mid", "high"]].tolist() == [1.7, 4.4, 7.1]
    assert table.loc["nuclear_large", "label"] == "Nuclear (large)"
    assert table.loc["nuclear_large", "high"] == 10.4


def test_source_contrasts_come_from_the_tables():
    facts = grid.source_contrasts(SOURCES, LIMITS)
    # CCGT 490 g over the low-carbon sources' 48 g (PV) and 11 g (onshore wind):
    # 490 / 48 = 10.2x and 490 / 11 = 44.5x.
    assert facts["gas_vs_low_carbon_low"] == pytest.approx(490 / 48)
    assert facts["gas_vs_low_carbon_high"] == pytest.approx(490 / 11)
    # Capacity factors of wind and solar: 0.244 (PV) to 0.45 (offshore); firm factors
    # half of those: 0.122 to 0.225.
    assert (facts["variable_cf_low"], facts["variable_cf_high"]) == (0.244, 0.45)
    assert (facts["variable_firm_low"], facts["variable_firm_high"]) == (0.122, 0.225)


def test_build_by_source_reads_wanted_started_and_first_delivery():
    supply = pd.DataFrame(
        {
            "source_id": ["coal"] * 3 + ["hydro"] * 3 + ["gas_ccgt"] * 3,
            "year": [2025, 2026, 2027] * 3,
            "nameplate_wanted_gw": [10, 10, 10, 4, 4, 4, 0, 0, 0],
            "nameplate_started_gw": [6, 7, 8, 4, 4, 4, 0, 0, 0],
            "firm_delivered_gw": [0, 0, 3, 0, 1, 2, 0, 0, 0],
        }
    )
    table = grid.build_by_source(supply, 2027, 2025)
    # Gas is not built (nothing wanted), so it has no row.
    assert list(table.index) == ["coal", "hydro"]
    # Coal: 10 wanted, 6 started in 2025 -> capped; first firm power in 2027, 3 GW by then.
    assert table.loc["coal"].tolist() == [10, 6, True, 2027, 3]
    assert table.loc["hydro"].tolist() == [4, 4, False, 2026, 2]


def test_a_gigawatt_year_at_490_g_emits_4_29_megatonnes():
    # 1 GW x 8760 h = 8.76e6 MWh; x 490 kg/MWh = 4.2924e9 kg = 4.29 Mt.
    assert grid.annual_emissions_mt(1.0, 490.0) == pytest.approx(4.2924)


def test_emissions_of_an_energy_use():
    # 1000 MWh x 400 g/kWh = 1000 x 400 kg = 400 t.
    assert grid.emissions_tco2e(1000.0, 400.0) == pytest.approx(400.0)
    with pytest.raises(ValueError, match="energy_mwh"):
        grid.emissions_tco2e(-1.0, 400.0)


def test_every_preset_gives_a_valid_mix_of_known_sources():
    presets = default_catalog()["mix_presets"]
    for preset_id in presets["preset_id"].unique():
        weights = grid.preset_weights(preset_id, PRESETS)
        assert set(weights) <= set(SOURCE_IDS)
        assert grid.normalise_shares(weights, SOURCES).sum() == pytest.approx(1.0)


def test_nuclear_bet_is_clean_but_slow_and_gas_bridge_is_dirtier_but_sooner():
    nuclear = grid.preset_weights("nuclear_bet", PRESETS)
    gas = grid.preset_weights("gas_bridge", PRESETS)
    # 0.7 x 12 + 0.3 x 9.1 = 11.13 g/kWh
    assert grid.mix_intensity_g_per_kwh(nuclear, SOURCES) == pytest.approx(11.13)
    # 0.7 x 490 + 0.15 x 700 + 0.15 x 48 = 343 + 105 + 7.2 = 455.2 g/kWh
    assert grid.mix_intensity_g_per_kwh(gas, SOURCES) == pytest.approx(455.2)
    slowest_nuclear = grid.lead_times(SOURCES, tuple(nuclear))["mid"].max()
    slowest_gas = grid.lead_times(SOURCES, tuple(gas))["mid"].max()
    assert slowest_nuclear == pytest.approx(8.0)  # large reactors, mid 8 y
    # CCGT mid 4.25 y; the bridge's peakers (2.5 y) and solar (3.4 y) are quicker.
    assert slowest_gas == pytest.approx(4.25)


def test_an_unknown_preset_raises_naming_it():
    with pytest.raises(ValueError, match="moon_base"):
        grid.preset_weights("moon_base", PRESETS)


def test_load_outputs_for_a_gigawatt_of_nuclear_and_gas():
    summary, plates = grid.load_outputs(
        {"one": 1.0, "ten": 10.0}, {"nuclear_large": 1, "gas_ccgt": 1}, SOURCES, LIMITS, 1.0
    )
    # 1 GW, half nuclear (firm 0.928), half CCGT (0.87): 0.5 / 0.928 + 0.5 / 0.87
    # = 0.53879 + 0.57471 = 1.1135 GW of nameplate, 0.539 reactors and 0.575 gas units.
    one = summary.loc["one"]
    assert one["nameplate_gw"] == pytest.approx(0.5 / 0.928 + 0.5 / 0.87)
    assert one["reactors"] == pytest.approx(0.5 / 0.928)
    assert one["gas_units"] == pytest.approx(0.5 / 0.87)
    # 8.76e6 MWh x (0.5 x 12 + 0.5 x 490 = 251 g/kWh) / 1000 = 2.19876e6 t a year
    assert one["emissions_tco2e_per_yr"] == pytest.approx(8.76e6 * 0.251)
    # Cost: 8.76e6 MWh x (0.5 x 141 + 0.5 x 48 = 94.5) = $827.8 million low,
    # x (0.5 x 220 + 0.5 x 107 = 163.5) = $1.432 billion high
    assert one["cost_low_usd_per_yr"] == pytest.approx(8.76e6 * 94.5)
    assert one["cost_high_usd_per_yr"] == pytest.approx(8.76e6 * 163.5)
    # Everything is linear in the load.
    assert summary.loc["ten", "nameplate_gw"] == pytest.approx(10 * one["nameplate_gw"])
    assert plates["ten"]["nuclear_large"] == pytest.approx(10 * 0.5 / 0.928)
