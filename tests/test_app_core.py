"""AppTest of the home, training and growth pages: they run, and inputs move numbers."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest

from charts.style import FLEET_NAMES, STEP_NAMES
from model.projection import first_fleet_binding_year, project, wall_year
from model.scenario import END_YEAR, SOURCE_IDS, Scenario
from tests.apptest_support import metric_value, open_app, open_group, sidebar_input
from ui import format as fmt


def headlines(at) -> list[str]:
    """The answer's sentences (drawn as level-4 headings above the charts)."""
    shown = [m.value.removeprefix("#### ") for m in at.markdown if m.value.startswith("#### ")]
    return shown[:3]  # the run, all of AI, the wall (later headings are the page's links)


def test_home_shows_the_headline_and_numbers():
    at = open_app()
    frame = project(Scenario())
    by_year = frame.set_index("year")
    achieved = by_year.loc[2030]
    assert at.title[0].value.startswith("Is energy the rate-limiting step")
    run, fleet, wall = headlines(at)
    # The run's sentence names each step in plain words with the years it holds the run,
    # read here from the projection's own column year by year.
    site_years = [int(y) for y in by_year.index if by_year.loc[y, "binding_constraint"] == "site"]
    assert site_years, "the default run is held by the largest site in some year"
    assert f"the largest single site ({site_years[0]}-{site_years[-1]})" in run
    assert "the power that can be built" in run
    # All of AI: the fleet's first limiting step after demand, in words.
    first_power = first_fleet_binding_year(frame, "power")
    assert f"the power that can be built ({first_power}-" in fleet
    assert wall.startswith(f"The wall: from {wall_year(frame)}, power costs all of AI at least 5%")
    assert metric_value(at, "Wall year") == str(wall_year(frame))
    assert metric_value(at, "Largest run, achieved") == fmt.power(
        achieved["frontier_run_power_achieved_gw"]
    )
    assert metric_value(at, "Largest run, wanted") == fmt.power(achieved["frontier_run_power_gw"])
    assert metric_value(at, "Sets the largest run") == STEP_NAMES[achieved["binding_constraint"]]
    assert metric_value(at, "Holds AI's chips back") == FLEET_NAMES[achieved["fleet_binding"]]


def _home_chart_traces(at) -> list[str]:
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    return [trace.get("name", "") for trace in spec["data"]]


def test_home_runs_no_monte_carlo_until_asked_and_says_where_the_ranges_are():
    at = open_app()
    # Off by default: the central scenario, no P10-P90 in the answer or the chart.
    assert at.toggle(key="home_bands").value is False
    assert all("P10-P90" not in h for h in headlines(at))
    assert not any("P10-P90" in name for name in _home_chart_traces(at))
    words = " ".join(m.value for m in at.markdown)
    assert "turn on *Show uncertainty* above" in words
    assert "*Growth vs power*" in words
    assert "Bands:" not in words
    at.toggle(key="home_bands").set_value(True).run()
    assert not at.exception
    wall = headlines(at)[2]
    assert "(P10-P90:" in wall
    # The shares of samples with a wall by 2030 and by 2040, as percentages.
    assert re.search(r"; \d+% of samples by 2030, \d+% by 2040\)", wall), wall
    assert {"Wanted P10-P90", "Supply P10-P90"} <= set(_home_chart_traces(at))
    assert "Bands: 10th-90th percentiles of 10,000 Monte Carlo samples." in " ".join(
        m.value for m in at.markdown
    )


def test_home_bands_from_the_url():
    at = open_app(params={"home_bands": "true"})
    assert at.toggle(key="home_bands").value is True
    assert "(P10-P90:" in headlines(at)[2]


def test_home_headline_moves_with_compute_growth():
    at = open_app()
    before = float(metric_value(at, "Largest run, wanted").removesuffix(" GW"))
    sidebar_input(at, "compute_growth").set_value(6.0).run()
    assert not at.exception
    # The trend's run in 2030 is 5 years of growth: 6x a year against 4x wants
    # (6 / 4)^5 = 7.59 times the compute, at the same chips and run length the power.
    after = float(metric_value(at, "Largest run, wanted").removesuffix(" GW"))
    assert after / before == pytest.approx(7.59375, rel=0.01)  # 3 figures shown


def test_region_switch_draws_the_us_and_goes_in_the_link():
    at = open_app()
    frame = project(Scenario()).set_index("year")
    at.radio(key="region").set_value("US").run()
    assert not at.exception
    names = _home_chart_traces(at)
    assert "US: All AI, wanted" in names
    words = " ".join(m.value for m in at.markdown)
    assert f"AI in the US: **{fmt.power(frame.loc[2030, 'power_demand_gw_us'])} wanted**" in words
    # A link with the region opens on it.
    again = open_app(params={"region": "US"})
    assert again.radio(key="region").value == "US"
    assert "US: All AI, wanted" in _home_chart_traces(again)
    # A region the app does not know: the world, and a message that says why.
    bad = open_app(params={"region": "mars"})
    assert bad.radio(key="region").value == "World"
    assert any("region=mars" in w.value and "expected World or US" in w.value for w in bad.warning)


def test_train_page_default_numbers_and_pue_slider():
    at = open_app("pages/train.py")
    # 6 x 405e9 x 15e12 = 3.645e25 FLOP; 32,235 MWh (see tests/test_training.py)
    assert metric_value(at, "Training compute (FLOP)") == "3.6 × 10²⁵"
    assert metric_value(at, "Energy") == "32.2 GWh"
    sidebar_input(at, "pue").set_value(1.5).run()
    # energy scales with PUE: 32,235 x 1.5 / 1.2 = 40,294 MWh
    assert metric_value(at, "Energy") == "40.3 GWh"


def test_train_page_model_size_and_chip_move_the_numbers():
    at = open_app("pages/train.py")
    sidebar_input(at, "params").set_value(1e12).run()
    # 6 x 1e12 x 15e12 = 9e25
    assert metric_value(at, "Training compute (FLOP)") == "9 × 10²⁵"
    sidebar_input(at, "chip").set_value("NVIDIA B200").run()
    assert not at.exception
    # FLOP per joule against the H100's (data/chips.csv): B200 2250 TFLOP/s at 1000 W,
    # H100 989.4 at 700 W: 2.25 / 1.4134 = 1.59.
    assert metric_value(at, "Chip efficiency") == "1.59x H100"


def test_train_page_my_mix_grid_uses_the_mix():
    at = open_app("pages/train.py")
    # 32,235 MWh (test_train_page_default_numbers_and_pue_slider) on the US grid,
    # 367 g/kWh: 11,830 t.
    assert metric_value(at, "Emissions") == "11.8 ktCO2e"
    sidebar_input(at, "grid").set_value("my_mix").run()
    assert not at.exception
    # The default mix (weights and lifecycle g/kWh from data/generation_sources.csv):
    # (34x820 + 22x490 + 9x12 + 14.3x24 + 8.1x11 + 6.9x48) / 94.3 = 39,531.5 / 94.3
    # = 419.2 g/kWh; 32,235 MWh x 0.4192 t/MWh = 13,513 t.
    assert metric_value(at, "Emissions") == "13.5 ktCO2e"


def _set_both_regions(at, name: str, value: float) -> None:
    sidebar_input(at, f"{name}_us").set_value(value)
    sidebar_input(at, f"{name}_row").set_value(value).run()
    assert not at.exception, [e.value for e in at.exception]


def _peak_lost(wall_sentence: str) -> int:
    """'... At worst 32% is lost, in 2030.' -> 32."""
    match = re.search(r"At worst (\d+)% is lost", wall_sentence)
    assert match, wall_sentence
    return int(match.group(1))


def test_growth_headline_moves_with_the_build_rate():
    at = open_app("pages/growth.py")
    assert not at.exception
    before = _peak_lost(headlines(at)[2])
    _set_both_regions(at, "build_rate_gw_per_yr", 100.0)
    after = headlines(at)
    # Five times the default build leaves the first short year (set by what is already
    # under construction) but cuts how much compute power costs AI at worst.
    assert _peak_lost(after[2]) < before
    # With no building at all, power holds AI's chips back to 2040.
    _set_both_regions(at, "build_rate_gw_per_yr", 0.0)
    assert headlines(at)[1].endswith(f"the power that can be built (2026-{END_YEAR}).")


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        # Chip production that does not grow: chips hold AI back and power never costs
        # it 5% of its compute (the fleet needs far less power than is built).
        ("chip_production_growth", 1.0, "No wall"),
        # Spending that stays at 2025's $400B: money holds AI back instead of power.
        ("ai_capex_growth", 1.0, "No wall"),
        # Efficiency that stalls: each chip needs more power, and power binds at once.
        ("hardware_efficiency_growth", 1.0, "The wall: from 2026"),
    ],
)
def test_home_answer_follows_chips_money_and_efficiency(name, value, expected):
    at = open_app()
    sidebar_input(at, name).set_value(value).run()
    assert not at.exception, [e.value for e in at.exception]
    assert headlines(at)[2].startswith(expected)


def test_home_answer_follows_the_site_cap():
    at = open_app()
    sidebar_input(at, "campus_max_gw").set_value(1.0).run()
    assert not at.exception
    # A 1 GW campus holds the run from 2027 to the end.
    assert metric_value(at, "Sets the largest run") == "Largest site"
    assert "the largest single site (2027-2040)" in headlines(at)[0]
    sidebar_input(at, "campus_max_gw").set_value(100.0).run()
    # Lift the cap and grid power, not the site, sets the 2030 run: the site holds it only
    # while campuses are still growing towards the cap (2027-2028 at 1.6x a year).
    assert metric_value(at, "Sets the largest run") == "Power"
    assert "the largest single site (2027-2028)" in headlines(at)[0]


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("compute_growth", 1.0),
        ("compute_growth", 10.0),
        ("hardware_efficiency_growth", 1.0),
        ("supply_base_gw_us", 200.0),
        ("run_days_base", 10.0),
        ("chip_production_base_h100e", 1e8),
        ("capex_gdp_cap_share", 0.1),
    ],
)
def test_growth_page_survives_extreme_inputs_and_states_their_wall(key, value):
    at = open_app("pages/growth.py")
    sidebar_input(at, key).set_value(value).run()
    assert not at.exception, [e.value for e in at.exception]
    # The page's wall sentence is the projection's wall at that extreme.
    wall = wall_year(project(dataclasses.replace(Scenario(), **{key: value})))
    expected = f"The wall: from {wall}," if wall is not None else "No wall:"
    assert headlines(at)[2].startswith(expected)


def test_all_zero_mix_gets_a_message_not_a_crash():
    at = open_app("pages/growth.py")
    open_group(at, "mix")
    mix_keys = [s.key for s in at.slider if s.key and s.key.startswith("mix_")]
    assert len(mix_keys) == len(SOURCE_IDS)  # the loop below sets every weight
    for spec_key in mix_keys:
        at.slider(key=spec_key).set_value(0.0)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("weight" in e.value for e in at.error)


def test_home_metrics_say_wanted_or_achieved_and_define_their_terms():
    at = open_app()
    labels = [m.label for m in at.metric]
    assert len(labels) == 8
    # Where a quantity is shown both ways, each label says which it is.
    for quantity in ("Largest run", "Run FLOP"):
        assert {f"{quantity}, achieved", f"{quantity}, wanted"} <= set(labels)
    # Short enough for a 165 px metric (two across on a phone): no label is cut.
    assert max(len(label) for label in labels) <= 22
    helps = {m.label: m.proto.help for m in at.metric}
    assert "**The wall**:" in helps["Wall year"]
    assert "**Binding step**:" in helps["Sets the largest run"]
    assert "**Achieved**:" in helps["Largest run, achieved"]
    assert "**Wanted**:" in helps["Largest run, wanted"]
    assert "In 2030." in " ".join(m.value for m in at.markdown)
