"""Generation mix: intensity, cost, nameplate, arrival years, emissions, presets."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose

from model import grid
from model.catalog import default_catalog
from model.scenario import SOURCE_IDS

SOURCES = default_catalog()["generation_sources"]
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
    assert grid.mix_intensity_g_per_kwh({source_id: 1.0}) == pytest.approx(median)


def test_half_coal_half_nuclear_is_the_average_of_their_medians():
    # 0.5 x 820 + 0.5 x 12 = 416 gCO2e/kWh
    assert grid.mix_intensity_g_per_kwh({"coal": 1, "nuclear_large": 1}) == pytest.approx(416)


def test_the_ember_2024_world_mix_lands_near_embers_world_intensity():
    # Hand arithmetic over the preset, normalised by 94.3:
    # (34x820 + 22x490 + 14.3x24 + 9x12 + 8.1x11 + 6.9x48) / 94.3
    # = (27880 + 10780 + 343.2 + 108 + 89.1 + 331.2) / 94.3 = 39531.5 / 94.3 = 419.2 g/kWh
    value = grid.mix_intensity_g_per_kwh(grid.preset_weights("world_2024"))
    assert value == pytest.approx(39531.5 / 94.3)
    # Ember puts the 2023 world grid at 480 g/kWh (data/grids.csv); our mix leaves out
    # ~6% bioenergy and other, and maps all gas to CCGT, so it is within 15% below.
    assert 0.85 * 480 < value < 480


def test_weights_are_normalised_so_scaling_them_changes_nothing():
    small = grid.mix_intensity_g_per_kwh({"gas_ccgt": 1, "solar_pv_utility": 3})
    large = grid.mix_intensity_g_per_kwh({"gas_ccgt": 25, "solar_pv_utility": 75})
    # 0.25 x 490 + 0.75 x 48 = 122.5 + 36 = 158.5
    assert small == pytest.approx(158.5)
    assert large == pytest.approx(small)


def test_unknown_source_ids_raise_naming_them():
    with pytest.raises(ValueError, match="fusion, unobtainium"):
        grid.mix_intensity_g_per_kwh({"coal": 1, "fusion": 1, "unobtainium": 2})


def test_all_zero_weights_give_a_clear_message_not_a_division_error():
    with pytest.raises(ValueError, match="weight of zero"):
        grid.normalise_shares(dict.fromkeys(SOURCE_IDS, 0.0))


@pytest.mark.parametrize("bad", [-1.0, math.nan, math.inf])
def test_negative_or_non_finite_weights_are_rejected_by_name(bad):
    with pytest.raises(ValueError, match="hydro"):
        grid.normalise_shares({"coal": 1.0, "hydro": bad})


weights_strategy = st.fixed_dictionaries(
    {sid: st.floats(min_value=0, max_value=100, allow_nan=False) for sid in SOURCE_IDS}
)


@settings(max_examples=200, deadline=None)
@given(weights_strategy)
def test_random_weights_always_normalise_to_shares_summing_to_one(weights):
    if sum(weights.values()) == 0:
        with pytest.raises(ValueError, match="weight of zero"):
            grid.normalise_shares(weights)
        return
    shares = grid.normalise_shares(weights)
    assert shares.sum() == pytest.approx(1.0)
    assert (shares >= 0).all()
    used = [sid for sid, w in weights.items() if w > 0]
    intensity = grid.mix_intensity_g_per_kwh(weights)
    # A weighted average lies between its smallest and largest term.
    low, high = BY_ID.loc[used, "lifecycle_gco2e_per_kwh"].agg(["min", "max"])
    assert low - 1e-9 <= intensity <= high + 1e-9


def test_mix_cost_is_the_share_weighted_lcoe_range():
    # Lazard LCOE+ 2025 (data/generation_sources.csv): nuclear 141-220, CCGT 48-107 $/MWh.
    assert grid.mix_cost_usd_per_mwh({"nuclear_large": 1}) == pytest.approx((141, 220))
    # 0.5 x (141, 220) + 0.5 x (48, 107) = (94.5, 163.5)
    assert_allclose(grid.mix_cost_usd_per_mwh({"nuclear_large": 1, "gas_ccgt": 1}), (94.5, 163.5))


def test_nameplate_is_load_over_capacity_factor():
    # 1 GW of average load from nuclear at CF 0.928 needs 1 / 0.928 = 1.0776 GW.
    assert grid.nameplate_gw(1.0, {"nuclear_large": 1})["nuclear_large"] == pytest.approx(1 / 0.928)
    # Half solar (CF 0.244), half CCGT (CF 0.55) for 10 GW: 5/0.244 + 5/0.55 = 20.49 + 9.09.
    plate = grid.nameplate_gw(10.0, {"solar_pv_utility": 1, "gas_ccgt": 1})
    assert plate.sum() == pytest.approx(5 / 0.244 + 5 / 0.55)
    assert plate["coal"] == 0


def test_nameplate_rejects_a_negative_load():
    with pytest.raises(ValueError, match="load_gw"):
        grid.nameplate_gw(-1.0, {"coal": 1})


def test_arrival_years_are_start_year_plus_lead_times_for_used_sources_only():
    arrivals = grid.arrival_years(2025, {"nuclear_large": 1, "solar_pv_utility": 1})
    assert list(arrivals.index) == ["nuclear_large", "solar_pv_utility"]
    # Nuclear lead times 6.3 / 8 / 10.4 y (median construction, judgement, Vogtle 4).
    assert_allclose(
        arrivals.loc["nuclear_large", ["first_year_low", "first_year_mid", "first_year_high"]],
        [2031.3, 2033.0, 2035.4],
    )
    # Utility PV 1.6 / 3.4 / 6.25 y (Clapin & Longden 2024).
    assert arrivals.loc["solar_pv_utility", "first_year_low"] == pytest.approx(2026.6)


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
        weights = grid.preset_weights(preset_id)
        assert set(weights) <= set(SOURCE_IDS)
        assert grid.normalise_shares(weights).sum() == pytest.approx(1.0)


def test_nuclear_bet_is_clean_but_slow_and_gas_bridge_is_dirtier_but_sooner():
    nuclear = grid.preset_weights("nuclear_bet")
    gas = grid.preset_weights("gas_bridge")
    # 0.7 x 12 + 0.3 x 9.1 = 11.13 g/kWh
    assert grid.mix_intensity_g_per_kwh(nuclear) == pytest.approx(11.13)
    # 0.7 x 490 + 0.15 x 700 + 0.15 x 48 = 343 + 105 + 7.2 = 455.2 g/kWh
    assert grid.mix_intensity_g_per_kwh(gas) == pytest.approx(455.2)
    last_nuclear = grid.arrival_years(2025, nuclear)["first_year_mid"].max()
    last_gas = grid.arrival_years(2025, gas)["first_year_mid"].max()
    assert last_nuclear == pytest.approx(2033.0)  # large reactors, mid 8 y
    assert last_gas == pytest.approx(2029.25)  # CCGT, mid 4.25 y


def test_an_unknown_preset_raises_naming_it():
    with pytest.raises(ValueError, match="moon_base"):
        grid.preset_weights("moon_base")
