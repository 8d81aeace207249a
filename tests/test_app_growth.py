"""AppTest of the growth page's charts and of the answer on the growth and home pages."""

from __future__ import annotations

import dataclasses
import json

import pytest

from model.answer import power_split
from model.projection import project, wall_year
from model.scenario import END_YEAR, Scenario
from tests.apptest_support import metric_value, open_app
from ui import format as fmt

TITLES_WITH_BANDS = [
    "What limits the largest training run",
    "Which step sets the run, across 10,000 samples",
    "Which inputs move the wall most",
    "Power for AI: wanted, available, achieved",
    "Largest training run: compute wanted vs achieved",
    "Why run power grows: this year's multipliers",
    "When does energy become the limit?",
]
#: The charts that need the Monte Carlo, hidden with the uncertainty toggle off.
MONTE_CARLO_TITLES = {TITLES_WITH_BANDS[1], TITLES_WITH_BANDS[-1]}


def chart_titles(at) -> list[str]:
    return [json.loads(c.proto.spec)["layout"]["title"]["text"] for c in at.get("plotly_chart")]


def test_growth_page_draws_its_charts_in_order_and_fewer_without_uncertainty():
    at = open_app("pages/growth.py")
    assert chart_titles(at) == TITLES_WITH_BANDS
    assert "(P10-P90:" in at.subheader[0].value
    at.toggle(key="show_bands").set_value(False).run()
    assert not at.exception
    assert chart_titles(at) == [t for t in TITLES_WITH_BANDS if t not in MONTE_CARLO_TITLES]
    # without samples the answer has no spread
    assert "P10-P90" not in at.subheader[0].value


def test_the_explanations_quote_the_models_numbers():
    at = open_app("pages/growth.py")
    split = power_split(project(Scenario()), 2030)
    words = " ".join(m.value for m in at.markdown)
    assert f"In 2030, all AI: **{fmt.power(split.wanted_gw)} wanted**" in words
    assert f"**{fmt.power(split.achieved_gw)} achieved**" in words
    assert f"{fmt.power(split.run_achieved_gw)} achieved." in words
    assert "In 2030 the step setting the run is power in" in words


def wall_shown(value: str) -> int:
    """'2033' -> 2033; 'None by 2040' -> 2041 (later than any year)."""
    return END_YEAR + 1 if value.startswith("None") else int(value)


def test_a_faster_build_rate_never_brings_the_wall_earlier():
    shown = []
    for rate in (20, 40, 100):
        at = open_app(params={"build_rate_gw_per_yr": str(rate)})
        wall = metric_value(at, "Wall year")
        expected = wall_year(project(dataclasses.replace(Scenario(), build_rate_gw_per_yr=rate)))
        assert wall_shown(wall) == (END_YEAR + 1 if expected is None else expected)
        shown.append(wall_shown(wall))
    assert shown == sorted(shown), f"wall years by build rate 20, 40, 100: {shown}"
    assert shown[0] < shown[-1]


@pytest.mark.parametrize("page", [None, "pages/growth.py"])
def test_the_wall_sentence_matches_the_projection(page):
    at = open_app(page, params={"build_rate_gw_per_yr": "100"})
    frame = project(dataclasses.replace(Scenario(), build_rate_gw_per_yr=100.0))
    wall = wall_year(frame)
    expected = (
        f"All-AI demand outgrows supply in {wall}"
        if wall
        else f"All-AI demand stays within supply to {END_YEAR}"
    )
    assert at.subheader[1].value.startswith(expected)
