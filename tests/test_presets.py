"""Named presets: valid inputs, one-line sources, and the numbers behind them."""

from __future__ import annotations

import pytest
from numpy.testing import assert_allclose

from model.catalog import default_catalog
from model.grid import normalise_shares
from model.presets import all_presets, iea_build_rate_gw_per_yr, preset_by_name
from model.projection import first_binding_year, project, wall_year
from model.scenario import INPUTS_BY_NAME, Scenario, scenario_to_dict

PRESETS = all_presets(default_catalog())


def test_the_issue_names_every_preset():
    assert [p.name for p in PRESETS] == [
        "Trend continues",
        "Energy is the limit",
        "Nuclear bet",
        "Gas bridge",
        "Solar + storage sprint",
        "Flexible data centres",
        "Chips run out",
        "Efficiency breakthrough",
    ]


@pytest.mark.parametrize("preset", PRESETS, ids=lambda p: p.name)
def test_a_preset_is_valid_and_has_a_one_line_source(preset):
    scenario = preset.scenario()  # validates every change against the inputs table
    assert preset.changes
    for name, value in preset.changes:
        assert name in INPUTS_BY_NAME
        assert getattr(scenario, name) == value
    assert preset.source
    assert "\n" not in preset.source
    assert len(preset.source) < 240


@pytest.mark.parametrize("preset", PRESETS, ids=lambda p: p.name)
def test_inputs_a_preset_does_not_name_keep_their_defaults(preset):
    values = preset.values()
    changed = {name for name, _ in preset.changes}
    default = scenario_to_dict(Scenario())
    assert {k: v for k, v in values.items() if k not in changed} == {
        k: v for k, v in default.items() if k not in changed
    }


@pytest.mark.parametrize(
    ("name", "shares"),
    [
        # data/mix_presets.csv: nuclear_bet 70 large + 30 SMR
        ("Nuclear bet", {"nuclear_large": 0.7, "nuclear_smr": 0.3}),
        # gas_bridge: 70 CCGT + 15 peaker + 15 solar PV
        ("Gas bridge", {"gas_ccgt": 0.7, "gas_peaker": 0.15, "solar_pv_utility": 0.15}),
        # solar_storage_sprint: 80 solar + storage, 20 onshore wind
        ("Solar + storage sprint", {"solar_plus_storage": 0.8, "wind_onshore": 0.2}),
    ],
)
def test_mix_presets_set_the_shares_of_data_mix_presets(name, shares):
    norm = normalise_shares(
        preset_by_name(name, default_catalog()).scenario().mix_weights(),
        default_catalog()["generation_sources"],
    )
    for sid, share in norm.items():
        assert_allclose(share, shares.get(sid, 0.0), atol=1e-12)


def test_energy_is_the_limit_builds_at_the_iea_pace():
    # IEA 2025: (945 - 415) TWh / 6 yr = 88.33 TWh/yr; / 8760 h = 10.08 GW/yr average;
    # / capacity factor 0.5 = 20.17 GW/yr nameplate, rounded to the slider's 5 GW step: 20.
    assert_allclose(iea_build_rate_gw_per_yr(default_catalog()), 20.167, rtol=1e-3)
    assert (
        preset_by_name("Energy is the limit", default_catalog()).scenario().build_rate_gw_per_yr
        == 20.0
    )


def test_energy_is_the_limit_leaves_less_power_for_ai_than_the_default():
    slow = project(preset_by_name("Energy is the limit", default_catalog()).scenario())
    base = project(Scenario())
    # Same base and pipeline; half the build rate, so less supply once plants arrive.
    assert (slow["power_supply_gw"] <= base["power_supply_gw"]).all()
    assert slow["power_supply_gw"].iloc[-1] < base["power_supply_gw"].iloc[-1]


def test_efficiency_breakthrough_doubles_every_year_and_cuts_demand():
    fast = preset_by_name("Efficiency breakthrough", default_catalog()).scenario()
    assert fast.efficiency_doubling_years == 1.0
    assert (
        project(fast)["power_demand_gw"].iloc[1:] < project(Scenario())["power_demand_gw"].iloc[1:]
    ).all()


def test_flexible_data_centres_add_dukes_headroom_from_2026():
    # Duke (Norris et al. 2025): 98 GW at 0.5% curtailment, added to supply from 2026.
    flexible = project(
        preset_by_name("Flexible data centres", default_catalog()).scenario()
    ).set_index("year")
    base = project(Scenario()).set_index("year")
    added = flexible["power_supply_gw"] - base["power_supply_gw"]
    assert_allclose(added.loc[2026:], 98.0)
    assert (flexible["power_achieved_gw"] >= base["power_achieved_gw"] - 1e-9).all()


def test_chips_run_out_makes_chips_bind_by_2030_like_epochs_low_case():
    # (100M / 15M)^(1/5) = 1.46x/yr (Epoch AI 2024's 100M H100e by 2030), set to 1.5x/yr:
    # chips set the largest run by 2030, before power does.
    frame = project(preset_by_name("Chips run out", default_catalog()).scenario())
    assert preset_by_name("Chips run out", default_catalog()).scenario().chip_stock_growth == 1.5
    assert first_binding_year(frame, "chips") <= 2030
    power = first_binding_year(frame, "power")
    assert power is None or power > first_binding_year(frame, "chips")


def test_nuclear_bet_is_held_back_by_the_worlds_reactor_output():
    # 70% large reactors + 30% SMRs at 40 GW/yr wanted; caps (data/build_limits.csv):
    # 8.2 and 0.3 GW/yr worldwide, AI taking 50%: far less is started than wanted.
    frame = project(preset_by_name("Nuclear bet", default_catalog()).scenario()).set_index("year")
    assert (frame["nameplate_started_gw"] < 0.5 * frame["nameplate_wanted_gw"]).all()
    assert wall_year(frame.reset_index()) < wall_year(project(Scenario()))


def test_trend_continues_is_epoch_ais_growth_which_is_the_default():
    # Epoch AI 2024: 4x/yr compute, 1.5 y efficiency doubling, 1.15x/yr run length.
    assert preset_by_name("Trend continues", default_catalog()).scenario() == Scenario()


def test_an_unknown_preset_is_named_in_the_error():
    with pytest.raises(ValueError, match="'Moonshot'"):
        preset_by_name("Moonshot", default_catalog())


def test_describe_reads_as_words():
    assert preset_by_name("Nuclear bet", default_catalog()).describe() == (
        "Nuclear (large) 70%, Nuclear (SMR) 30%, other sources 0%"
    )
    assert preset_by_name("Efficiency breakthrough", default_catalog()).describe() == (
        "Efficiency doubling time 1 year"
    )
