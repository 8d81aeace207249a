"""The training-runs chart (issue 18): the reader's run is an open star that leaves a
published run under it visible, and the published runs' labels do not cover each other
or the run, on a desktop's plot area or a phone's."""

from __future__ import annotations

import dataclasses
import math

import pytest

from charts.training import runs_figure
from model.catalog import default_catalog
from model.runs import published_runs
from model.scenario import Scenario
from model.training import estimate_run
from ui.data import published_run_traces

#: The scenario of the report: Llama 3.1 70B (70B parameters, 15T tokens), whose own
#: published point the star covered with its label.
LLAMA_70B = dataclasses.replace(Scenario(), params=7e10, tokens=1.5e13, compute_optimal=False)
#: Plot areas to check, about what Chromium draws beside the note at 1440 px and alone on
#: a 390 px phone, left of the margin kept for plotly's toolbar. [px]
PLOT_AREAS_PX = {"desktop": (610.0, 305.0), "phone": (240.0, 275.0)}
#: This test's own estimate of a 10 px label: 6 px a character, 13 px a line; plotly puts
#: it beside the marker's edge. [px]
CHAR_PX, LINE_PX = 6.0, 13.0
#: How far across the run's star is drawn, per px of its size: Chromium draws the 18 px
#: star with its 2.5 px line 24 px across (measured in tests/browser/test_training_chart).
STAR_EXTENT_PER_SIZE = 24.0 / 18.0


def _figure(scenario: Scenario):
    run = estimate_run(scenario, default_catalog())
    return runs_figure(published_run_traces(), run.training_flop, run.energy_mwh)


def _px(log_value: float, axis_range: tuple[float, float], size: float) -> float:
    low, high = axis_range
    return (log_value - low) / (high - low) * size


def _box(annotation, x_px: float, y_px: float):
    """An annotation's box by this test's own reading of plotly's anchors and shifts."""
    width, height = len(annotation.text) * CHAR_PX, LINE_PX
    x = x_px + annotation.xshift
    y = y_px + annotation.yshift
    left = {"left": x, "center": x - width / 2, "right": x - width}[annotation.xanchor]
    bottom = {"bottom": y, "middle": y - height / 2, "top": y - height}[annotation.yanchor]
    return left, bottom, left + width, bottom + height


def _overlaps(a, b) -> bool:
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])


def _boxes(fig, size: tuple[float, float]):
    """(text, box) of every label, and the run's marker box, on a plot area of `size`."""
    width, height = size
    x_range, y_range = tuple(fig.layout.xaxis.range), tuple(fig.layout.yaxis.range)
    labels = [
        (a.text, _box(a, _px(a.x, x_range, width), _px(a.y, y_range, height)))
        for a in fig.layout.annotations
    ]
    run = fig.data[-1]
    rx = _px(math.log10(run.x[0]), x_range, width)
    ry = _px(math.log10(run.y[0]), y_range, height)
    half = run.marker.size * STAR_EXTENT_PER_SIZE / 2
    return labels, (rx - half, ry - half, rx + half, ry + half)


def test_your_run_is_an_open_star_drawn_last():
    fig = _figure(LLAMA_70B)
    run = fig.data[-1]
    assert run.name == "Your run"
    assert run.marker.symbol == "star-open"  # an outline: the point under it shows


def test_the_toolbar_has_a_margin_of_its_own():
    # A touch screen always shows plotly's toolbar, 36 px wide at the chart's right edge:
    # on a 390 px phone it covered the Grok-3 label while the plot reached under it.
    assert _figure(Scenario()).layout.margin.r >= 36


def test_every_published_run_is_inside_the_axes():
    fig = _figure(Scenario())
    x_low, x_high = fig.layout.xaxis.range
    y_low, y_high = fig.layout.yaxis.range
    runs = published_runs(default_catalog()).dropna(subset=["flop", "energy_mwh_best"])
    for flop, mwh in zip(runs["flop"], runs["energy_mwh_best"], strict=True):
        assert x_low < math.log10(flop) < x_high
        assert y_low < math.log10(mwh) < y_high


@pytest.mark.parametrize("scenario", [Scenario(), LLAMA_70B], ids=["default", "llama-3.1-70b"])
@pytest.mark.parametrize("area", list(PLOT_AREAS_PX))
def test_no_two_labels_and_no_label_and_the_run_overlap(scenario, area):
    labels, run_box = _boxes(_figure(scenario), PLOT_AREAS_PX[area])
    assert len(labels) == 6
    for i, (text, box) in enumerate(labels):
        assert not _overlaps(box, run_box), text
        for other, other_box in labels[i + 1 :]:
            assert not _overlaps(box, other_box), (text, other)


def _placements(scenario: Scenario) -> dict[str, tuple[str, str, float, float]]:
    return {
        a.text: (a.xanchor, a.yanchor, a.xshift, a.yshift)
        for a in _figure(scenario).layout.annotations
    }


def test_the_llama_label_moves_off_the_star_that_sits_on_its_point():
    # At the defaults the run is far from it, and the label sits just above its point;
    # the Llama 3.1 70B run lands on the point, and its 18 px star (24 px as drawn)
    # reaches 12 px above it, past the label's place 7.5 px above.
    _, _, shift_x, shift_y = _placements(Scenario())["Llama 3.1 70B"]
    assert (shift_x, shift_y) == (0.0, pytest.approx(7.5, abs=3.0))  # above, close by
    _, _, shift_x, shift_y = _placements(LLAMA_70B)["Llama 3.1 70B"]
    assert max(abs(shift_x), abs(shift_y)) > 12.0


def test_the_labels_are_the_named_runs_and_their_points():
    fig = _figure(Scenario())
    runs = published_runs(default_catalog()).set_index("model")
    for a in fig.layout.annotations:
        assert a.x == pytest.approx(math.log10(runs.loc[a.text, "flop"]))
        assert a.y == pytest.approx(math.log10(runs.loc[a.text, "energy_mwh_best"]))
