"""AppTest of the home, training and growth pages: they run, and inputs move numbers."""

from __future__ import annotations

import json

import pytest

from model.projection import first_binding_year, project, wall_year
from model.scenario import SOURCE_IDS, Scenario
from tests.apptest_support import metric_value, open_app, open_group, sidebar_input
from ui import format as fmt


def test_home_shows_the_headline_and_numbers():
    at = open_app()
    frame = project(Scenario())
    achieved = frame.set_index("year").loc[2030]
    assert at.title[0].value.startswith("Is energy the rate-limiting step")
    assert at.subheader[0].value.startswith(
        f"Power limits the largest run from {first_binding_year(frame, 'power')}"
    )
    assert at.subheader[1].value.startswith(f"All-AI demand outgrows supply in {wall_year(frame)}")
    assert metric_value(at, "Wall year") == str(wall_year(frame))
    assert metric_value(at, "Largest run, achieved") == fmt.power(
        achieved["frontier_run_power_achieved_gw"]
    )
    assert metric_value(at, "Largest run, wanted") == fmt.power(achieved["frontier_run_power_gw"])
    assert metric_value(at, "Binding step") == achieved["binding_constraint"].capitalize()


def _home_chart_traces(at) -> list[str]:
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    return [trace.get("name", "") for trace in spec["data"]]


def test_home_runs_no_monte_carlo_until_asked_and_says_where_the_ranges_are():
    at = open_app()
    # Off by default: the central scenario, no P10-P90 in the answer or the chart.
    assert at.toggle(key="home_bands").value is False
    assert all("P10-P90" not in h.value for h in at.subheader)
    assert not any("P10-P90" in name for name in _home_chart_traces(at))
    words = " ".join(m.value for m in at.markdown)
    assert "turn on *Show uncertainty* above" in words
    assert "*Growth vs power*" in words
    assert "Bands:" not in words
    at.toggle(key="home_bands").set_value(True).run()
    assert not at.exception
    assert "(P10-P90:" in at.subheader[0].value
    assert {"Wanted P10-P90", "Supply P10-P90"} <= set(_home_chart_traces(at))
    assert "Bands: 10th-90th percentiles of 10,000 Monte Carlo samples." in " ".join(
        m.value for m in at.markdown
    )


def test_home_bands_from_the_url():
    at = open_app(params={"home_bands": "true"})
    assert at.toggle(key="home_bands").value is True
    assert "(P10-P90:" in at.subheader[0].value


def test_home_headline_moves_with_compute_growth():
    at = open_app()
    before = metric_value(at, "Largest run, wanted")
    sidebar_input(at, "compute_growth").set_value(6.0).run()
    assert not at.exception
    assert metric_value(at, "Largest run, wanted") != before


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
    assert metric_value(at, "Chip efficiency") != "1x H100"


def test_train_page_my_mix_grid_uses_the_mix():
    at = open_app("pages/train.py")
    before = metric_value(at, "Emissions")
    sidebar_input(at, "grid").set_value("my_mix").run()
    assert not at.exception
    assert metric_value(at, "Emissions") != before


def test_growth_headline_moves_with_the_build_rate():
    at = open_app("pages/growth.py")
    before = at.subheader[1].value
    sidebar_input(at, "build_rate_gw_per_yr").set_value(500.0).run()
    assert not at.exception
    assert at.subheader[1].value != before
    assert at.subheader[1].value.startswith("All-AI demand stays within supply")


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("compute_growth", 1.0),
        ("compute_growth", 10.0),
        ("efficiency_doubling_years", 0.5),
        ("supply_base_gw", 200.0),
        ("run_days_base", 10.0),
    ],
)
def test_growth_page_survives_extreme_inputs(key, value):
    at = open_app("pages/growth.py")
    sidebar_input(at, key).set_value(value).run()
    assert not at.exception, [e.value for e in at.exception]


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
    assert "**Binding step**:" in helps["Binding step"]
    assert "**Achieved**:" in helps["Largest run, achieved"]
    assert "**Wanted**:" in helps["Largest run, wanted"]
    assert "In 2030." in " ".join(m.value for m in at.markdown)
