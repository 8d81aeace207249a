"""AppTest of the growth page's charts and of the answer on the growth and home pages."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest

from model.answer import power_split
from model.projection import project, wall_year
from model.scenario import END_YEAR, Scenario
from tests.apptest_support import metric_value, open_app
from ui import format as fmt

TITLES_WITH_BANDS = [
    "What limits the largest training run",
    "All of AI: new accelerators a year",
    "Which step sets the run, across 10,000 samples",
    "What holds AI's chips, across 10,000 samples",
    "Which inputs move the wall most",
    "Power for AI: wanted, available, achieved",
    "Largest run: compute wanted vs achieved",
    "Why run power grows: this year's multipliers",
    "When does energy become the limit?",
]
#: The charts that need the Monte Carlo, hidden with the uncertainty toggle off.
MONTE_CARLO_TITLES = {TITLES_WITH_BANDS[2], TITLES_WITH_BANDS[3], TITLES_WITH_BANDS[-1]}


def chart_titles(at) -> list[str]:
    return [json.loads(c.proto.spec)["layout"]["title"]["text"] for c in at.get("plotly_chart")]


def headlines(at) -> list[str]:
    """The answer's three sentences: the run, all of AI, the wall."""
    shown = [m.value.removeprefix("#### ") for m in at.markdown if m.value.startswith("#### ")]
    return shown[:3]


def test_growth_page_draws_its_charts_in_order_and_fewer_without_uncertainty():
    at = open_app("pages/growth.py", {"show_bands": "true"})
    assert chart_titles(at) == TITLES_WITH_BANDS
    assert "(P10-P90:" in headlines(at)[2]
    at.toggle(key="show_bands").set_value(False).run()
    assert not at.exception
    assert chart_titles(at) == [t for t in TITLES_WITH_BANDS if t not in MONTE_CARLO_TITLES]
    # without samples the answer has no spread
    assert all("P10-P90" not in h for h in headlines(at))


def test_the_explanations_quote_the_models_numbers():
    at = open_app("pages/growth.py", {"show_bands": "true"})
    frame = project(Scenario())
    split = power_split(frame, 2030)
    words = " ".join(m.value for m in at.markdown)
    assert f"In 2030, all AI: **{fmt.power(split.wanted_gw)} wanted**" in words
    assert f"**{fmt.power(split.achieved_gw)} achieved**" in words
    assert f"{fmt.power(split.run_achieved_gw)} achieved." in words
    # Beside the binding shares: the share of samples for the step that sets the default
    # 2030 run (power) and for the step that holds AI's chips back (power too).
    assert "In 2030 the step setting the largest run is the power that can be built in" in words
    assert "In 2030 the step holding all of AI's new chips back is the power that can be" in words
    # Beside the fleet chart: the fleet's limiting step in 2030, in words.
    assert frame.set_index("year").loc[2030, "fleet_binding"] == "power"
    assert "In 2030: the power that can be built." in words


def _peak_lost(at) -> int:
    """'... At worst 32% is lost, in 2030.' -> 32; 0 without a wall."""
    match = re.search(r"At worst (\d+)% is lost", headlines(at)[2])
    return int(match.group(1)) if match else 0


def test_a_faster_build_rate_never_costs_ai_more_compute():
    lost = []
    for rate in (0, 20, 40, 100):
        params = {"build_rate_gw_per_yr_us": str(rate), "build_rate_gw_per_yr_row": str(rate)}
        at = open_app(params=params)
        scenario = dataclasses.replace(
            Scenario(), build_rate_gw_per_yr_us=rate, build_rate_gw_per_yr_row=rate
        )
        frame = project(scenario)
        wall = wall_year(frame)
        assert metric_value(at, "Wall year") == (str(wall) if wall else f"None by {END_YEAR}")
        peak = frame["compute_lost_to_power_share"].max()
        assert _peak_lost(at) == round(100 * peak)
        lost.append(_peak_lost(at))
    # More building never costs AI a larger share of its compute, and 100 GW a year in
    # each region costs it clearly less than none.
    assert lost == sorted(lost, reverse=True), f"peak loss by build rate 0, 20, 40, 100: {lost}"
    assert lost[-1] < lost[0]


@pytest.mark.parametrize("page", [None, "pages/growth.py"])
def test_the_wall_sentence_matches_the_projection(page):
    params = {"chip_production_growth": "1.2"}
    at = open_app(page, params=params)
    frame = project(dataclasses.replace(Scenario(), chip_production_growth=1.2))
    wall = wall_year(frame)
    expected = (
        f"The wall: from {wall}, power costs all of AI at least 5%"
        if wall
        else "No wall: power never costs all of AI 5% of the compute"
    )
    assert headlines(at)[2].startswith(expected)
