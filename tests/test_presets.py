"""Named presets: valid inputs, one-line sources, and the numbers behind them."""

from __future__ import annotations

import numpy as np
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
        "Money runs out",
        "Efficiency breakthrough",
    ]


def test_each_preset_tells_a_different_story():
    # What binds the largest run and the fleet in 2030 and 2035, the wall, how much compute
    # power costs in 2030 and the 2030 run to a tenth of a decade: no two presets alike.
    stories = set()
    for preset in PRESETS:
        frame = project(preset.scenario()).set_index("year")
        stories.add(
            (
                wall_year(frame.reset_index()),
                *(
                    frame.loc[y, c]
                    for y in (2030, 2035)
                    for c in ("binding_constraint", "fleet_binding")
                ),
                round(float(frame.loc[2030, "compute_lost_to_power_share"]), 2),
                round(float(np.log10(frame.loc[2030, "compute_achieved_flop"])), 1),
            )
        )
    assert len(stories) == len(PRESETS)


def test_the_presets_between_them_let_every_fleet_step_bind():
    steps = set()
    for preset in PRESETS:
        steps |= set(project(preset.scenario())["fleet_binding"])
    assert {"chips", "capital", "power"} <= steps


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
    # / capacity factor 0.5 = 20.17 GW/yr nameplate worldwide; half in each region,
    # rounded to the slider's 5 GW step: 10 GW/yr each.
    assert_allclose(iea_build_rate_gw_per_yr(default_catalog()), 20.167, rtol=1e-3)
    scenario = preset_by_name("Energy is the limit", default_catalog()).scenario()
    assert scenario.build_rate_gw_per_yr_us == scenario.build_rate_gw_per_yr_row == 10.0


def test_energy_is_the_limit_leaves_less_power_for_ai_than_the_default():
    slow = project(preset_by_name("Energy is the limit", default_catalog()).scenario())
    base = project(Scenario())
    # Same base and pipeline; half the build rate, so less supply once plants arrive,
    # and power still binds the fleet in 2035.
    assert (slow["power_supply_gw"] <= base["power_supply_gw"]).all()
    assert slow["power_supply_gw"].iloc[-1] < base["power_supply_gw"].iloc[-1]
    assert slow.set_index("year").loc[2035, "fleet_binding"] == "power"


def test_efficiency_breakthrough_uses_epochs_leading_chip_pace_and_cuts_power_per_chip():
    fast = preset_by_name("Efficiency breakthrough", default_catalog()).scenario()
    assert fast.hardware_efficiency_growth == 1.4
    fast_frame, base = project(fast), project(Scenario())
    assert (
        fast_frame["efficiency_flop_per_j"].iloc[1:] > base["efficiency_flop_per_j"].iloc[1:]
    ).all()
    # The same chips need less power: power costs AI less compute.
    assert (
        fast_frame["compute_lost_to_power_share"].max() < base["compute_lost_to_power_share"].max()
    )


def test_flexible_data_centres_add_dukes_headroom_from_2026():
    # Duke (Norris et al. 2025): 98 GW at 0.5% curtailment, added to US supply from 2026.
    flexible = project(
        preset_by_name("Flexible data centres", default_catalog()).scenario()
    ).set_index("year")
    base = project(Scenario()).set_index("year")
    added = flexible["power_supply_gw_us"] - base["power_supply_gw_us"]
    assert_allclose(added.loc[2026:], 98.0)
    assert (flexible["fleet_flop_per_s"] >= base["fleet_flop_per_s"] * (1 - 1e-9)).all()
    assert wall_year(flexible.reset_index()) is None


def test_chips_run_out_makes_chips_bind_the_fleet_like_epochs_low_case():
    # Production growing 1.1x/yr from 10M: ~16M made in 2030, ~70M in service: chips, not
    # power, hold the fleet and the run in 2030.
    scenario = preset_by_name("Chips run out", default_catalog()).scenario()
    assert scenario.chip_production_growth == 1.1
    frame = project(scenario).set_index("year")
    assert frame.loc[2030, "fleet_binding"] == "chips"
    assert 2e7 <= frame.loc[2030, "chip_stock_h100e"] <= 1e8  # Epoch AI 2024: 20M-400M
    assert first_binding_year(frame.reset_index(), "chips") <= 2030


def test_money_runs_out_makes_capital_bind():
    frame = project(preset_by_name("Money runs out", default_catalog()).scenario())
    assert set(frame["fleet_binding"].iloc[2:]) == {"capital"}
    assert_allclose(frame["ai_capex_usd"], 4e11)


def test_nuclear_bet_is_held_back_by_the_worlds_reactor_output():
    # 70% large reactors + 30% SMRs at 2 x 20 GW/yr wanted; caps (data/build_limits.csv):
    # 8.2 and 0.3 GW/yr worldwide, each region's AI taking 25%: far less started than wanted.
    frame = project(preset_by_name("Nuclear bet", default_catalog()).scenario()).set_index("year")
    assert (frame["nameplate_started_gw"] < 0.5 * frame["nameplate_wanted_gw"]).all()
    base = project(Scenario()).set_index("year")
    assert frame.loc[2035, "fleet_flop_per_s"] < base.loc[2035, "fleet_flop_per_s"]


def test_trend_continues_is_epoch_ais_growth_which_is_the_default():
    # Epoch AI 2024: 4x/yr compute, chips 1.28x/yr more efficient, 1.15x/yr run length.
    assert preset_by_name("Trend continues", default_catalog()).scenario() == Scenario()


def test_an_unknown_preset_is_named_in_the_error():
    with pytest.raises(ValueError, match="'Moonshot'"):
        preset_by_name("Moonshot", default_catalog())


def test_describe_reads_as_words():
    assert preset_by_name("Nuclear bet", default_catalog()).describe() == (
        "Nuclear (large) 70%, Nuclear (SMR) 30%, other sources 0%"
    )
    assert preset_by_name("Efficiency breakthrough", default_catalog()).describe() == (
        "Chip energy efficiency growth 1.4x per year"
    )
