"""model.answer's summary against the same numbers found another way (the first limit
from each step's own first binding year, the frame indexed by year): equal, not close,
for the defaults, every preset and scenarios where nothing binds, power binds at once,
or no wall comes. (Its ratios, power's first year and the wall call the projection's
look-ups themselves, so are not compared here.)
"""

from __future__ import annotations

import dataclasses

import pytest

from model import answer
from model.catalog import default_catalog
from model.presets import all_presets
from model.projection import first_binding_year, project
from model.scenario import BASE_YEAR, END_YEAR, Scenario
from tests.edge_scenarios import NO_WALL

CAT = default_catalog()
SCENARIOS = {
    "defaults": Scenario(),
    **{preset.name: preset.scenario() for preset in all_presets(CAT)},
    # A flat trend: the trend may set the run throughout.
    "flat": dataclasses.replace(Scenario(), compute_growth=1.0, serving_compute_growth=1.0),
    # Almost nothing built and a steep trend: power binds from the first years.
    "starved": dataclasses.replace(
        Scenario(),
        build_rate_gw_per_yr_us=0.0,
        build_rate_gw_per_yr_row=0.0,
        compute_growth=10.0,
        queue_years_us=10.0,
        queue_years_row=10.0,
    ),
    "no_wall": NO_WALL,
}
FRAMES = {name: project(scenario, CAT) for name, scenario in SCENARIOS.items()}


#: The limits proper: the seven steps of docs/methods/equations.md ("The largest run")
#: but the trend.
LIMITS = ("site", "power", "chips", "capital", "data", "latency")


def _by_lookups(frame, year):
    # The first limit is the one whose own first binding year (the projection's look-up,
    # one step at a time) comes earliest; a year has one binding step, so no ties.
    firsts = {step: first_binding_year(frame, step) for step in LIMITS}
    found = {step: first for step, first in firsts.items() if first is not None}
    first_step = min(found, key=found.__getitem__) if found else None
    return {
        "first_step": first_step,
        "first_year": found[first_step] if first_step else None,
        "step_in_year": frame.set_index("year").loc[year, "binding_constraint"],
        "fleet_step_in_year": frame.set_index("year").loc[year, "fleet_binding"],
        "lost_share_peak": frame["compute_lost_to_power_share"].max(),
    }


@pytest.mark.parametrize("name", list(FRAMES))
@pytest.mark.parametrize("year", [BASE_YEAR, 2030, END_YEAR])
def test_the_summary_is_the_projections_lookups(name, year):
    frame = FRAMES[name]
    summary = answer.binding_summary(frame, year=year)
    for field, expected in _by_lookups(frame, year).items():
        assert getattr(summary, field) == expected, field


def test_the_scenarios_reach_every_branch_of_the_summary():
    # Worth comparing only if they reach: no limit at all, a limit other than power
    # first, power never binding, and no wall.
    summaries = [answer.binding_summary(frame) for frame in FRAMES.values()]
    assert any(s.first_step is None for s in summaries)
    assert any(s.first_step not in (None, "power") for s in summaries)
    assert any(s.power_year is None for s in summaries)
    assert any(s.wall is None for s in summaries)
    assert any(s.wall is not None for s in summaries)


@pytest.mark.parametrize("name", ["defaults", "starved"])
def test_a_value_in_a_year_is_the_frames_row_for_that_year(name):
    frame = FRAMES[name]
    by_year = frame.set_index("year")
    for year in (BASE_YEAR, 2030, END_YEAR):
        for column in ("compute_achieved_flop", "compute_demand_flop"):
            assert answer.value_in_year(frame, column, year) == by_year.loc[year, column]
    with pytest.raises(ValueError, match="not a year"):
        answer.value_in_year(frame, "compute_achieved_flop", END_YEAR + 1)
