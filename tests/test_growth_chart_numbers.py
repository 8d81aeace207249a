"""The growth charts' numbers read straight from the projection frame with pandas (the
way the charts read them before they read each column once): every line's values and
hover text, the achieved run's 'set by' text; and axes that show every point that
matters with a margin. The builders read arrays; what they draw must be the frame's
numbers, to the last digit of every label.
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


def _shows_with_a_margin(log_range, values, cap: float = np.inf) -> None:
    """Every positive value up to `cap` lies inside the log axis, and the top sits 0.1 to
    0.5 of a decade (x1.26 to x3.2) above the highest of them (or the cap): visible, and
    not squashed to the bottom by a line far above."""
    low, high = log_range
    logs = np.log10(values.to_numpy(dtype=float).ravel())
    logs = logs[np.isfinite(logs)]
    shown = logs[logs <= np.log10(cap)]
    assert low < shown.min()
    assert 0.1 <= high - min(logs.max(), np.log10(cap)) <= 0.5


def _years_inside(x_range, frame) -> None:
    """The first and last years lie inside the x axis, the last within a year of its end."""
    assert x_range[0] < frame["year"].min()
    assert 0 < x_range[1] - frame["year"].max() <= 1


@pytest.mark.parametrize("name", list(FRAMES))
def test_the_power_chart_draws_the_frames_numbers(name):
    frame = FRAMES[name]
    fig = growth.power_figure(frame, None, HISTORY, None, world_average_gw=WORLD_GW)
    for column, label, *_ in growth.POWER_LINES:
        trace = _trace(fig, label)
        assert list(trace.x) == frame["year"].tolist()
        assert list(trace.y) == frame[column].tolist()
        assert list(trace.customdata) == [fmt.power(v) for v in frame[column]]
    # Wanted and available power are on the chart up to ten times the world's electricity.
    wanted_and_supply = frame[["power_demand_gw", "power_supply_gw"]]
    _shows_with_a_margin(fig.layout.yaxis.range, wanted_and_supply, 10 * WORLD_GW)
    _years_inside(fig.layout.xaxis.range, frame)


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
    # Every limit up to a thousand times the largest achieved run is on the chart (above
    # that a line only says "far from binding" and may leave the top).
    limits = frame[list(growth.LIMIT_COLUMNS.values())]
    cap = 1e3 * frame["compute_achieved_flop"].max()
    _shows_with_a_margin(fig.layout.yaxis.range, limits, cap)
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
    _years_inside(fig.layout.xaxis.range, frame)
