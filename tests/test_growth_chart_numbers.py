"""The growth charts' numbers read straight from the projection frame with pandas (the
way the charts read them before they read each column once): every line's values and
hover text, the achieved run's 'set by' text, the axis ranges. The builders read arrays;
what they draw must be the frame's numbers, to the last digit of every label.
"""

from __future__ import annotations

import numpy as np
import pytest

from charts import growth
from charts import units as fmt
from charts.style import STEP_NAMES
from model import projection
from model.catalog import default_catalog
from model.presets import all_presets
from model.scenario import Scenario

CAT = default_catalog()
FRAMES = {
    "defaults": projection.project(Scenario(), CAT),
    **{p.name: projection.project(p.scenario(), CAT) for p in all_presets(CAT)},
}
HISTORY = growth.history_points(CAT["epoch_frontier_models"])
WORLD_GW = 3000.0  # a reference line high enough to sit on the axis


def _trace(fig, name):
    return next(t for t in fig.data if t.name == name)


def _run_hover(frame):
    return [
        f"{fmt.flop(v)}, set by {STEP_NAMES[s].lower()}"
        for v, s in zip(frame["compute_achieved_flop"], frame["binding_constraint"], strict=True)
    ]


@pytest.mark.parametrize("name", list(FRAMES))
def test_the_power_chart_draws_the_frames_numbers(name):
    frame = FRAMES[name]
    fig = growth.power_figure(frame, None, HISTORY, None, world_average_gw=WORLD_GW)
    for column, label, *_ in growth.POWER_LINES:
        trace = _trace(fig, label)
        assert list(trace.x) == frame["year"].tolist()
        assert list(trace.y) == frame[column].tolist()
        assert list(trace.customdata) == [fmt.power(v) for v in frame[column]]
    top = min(float(frame[["power_demand_gw", "power_supply_gw"]].to_numpy().max()), 10 * WORLD_GW)
    assert fig.layout.yaxis.range[1] == np.log10(top) + 0.3
    assert fig.layout.xaxis.range[1] == float(frame["year"].max()) + 0.5


@pytest.mark.parametrize("name", list(FRAMES))
def test_the_limits_chart_draws_the_frames_numbers(name):
    frame = FRAMES[name]
    fig = growth.limits_figure(frame)
    achieved = _trace(fig, "Achieved run")
    assert list(achieved.y) == frame["compute_achieved_flop"].tolist()
    assert list(achieved.customdata) == _run_hover(frame)
    for step, column in growth.LIMIT_COLUMNS.items():
        label = "Trend (nothing binds)" if step == "trend" else f"{STEP_NAMES[step]} allows"
        trace = _trace(fig, label)
        assert list(trace.y) == frame[column].tolist()
        assert list(trace.customdata) == [fmt.flop(v) for v in frame[column]]
    limits = frame[list(growth.LIMIT_COLUMNS.values())].to_numpy()
    top = min(limits.max(), 1e3 * frame["compute_achieved_flop"].max())
    assert list(fig.layout.yaxis.range) == [
        np.log10(limits.min()) - 0.3,
        np.log10(top) + 0.3,
    ]
    # One shaded band per year, in the colour of the step that sets the run.
    bands = [s for s in fig.layout.shapes if s.type == "rect"]
    assert [s.x0 + 0.5 for s in bands] == frame["year"].astype(float).tolist()
    assert [s.name for s in bands] == [
        f"Sets the run: {STEP_NAMES[s]}" for s in frame["binding_constraint"]
    ]


@pytest.mark.parametrize("name", list(FRAMES))
def test_the_compute_chart_draws_the_frames_numbers(name):
    frame = FRAMES[name]
    fig = growth.compute_figure(frame, None, HISTORY, None)
    wanted = _trace(fig, "Wanted (the trend)")
    assert list(wanted.y) == frame["compute_demand_flop"].tolist()
    assert list(wanted.customdata) == [fmt.flop(v) for v in frame["compute_demand_flop"]]
    achieved = _trace(fig, "Achieved")
    assert list(achieved.y) == frame["compute_achieved_flop"].tolist()
    assert list(achieved.customdata) == _run_hover(frame)
    assert fig.layout.xaxis.range[1] == float(frame["year"].max()) + 0.5
