"""Training-run charts: the estimate among published runs, log-log.

Traces are plain dicts (see charts.style.figure); the published runs' traces do not depend
on the scenario, so pages can build them once with `published_traces` and cache them.
The names of a few runs are annotations that `runs_figure` places around the reader's run
(issue 18: the run's star covered the published Llama 3.1 70B point and its label).
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from charts import style
from charts import units as fmt

#: Runs named on the chart (the rest are named on hover), chosen to span the range
#: without overlapping labels.
LABELLED = ("GShard-600B", "GPT-3 175B", "BLOOM 176B", "Llama 3.1 70B", "GPT-4", "Grok-3")
EPOCH_BASIS = "Epoch AI power estimate x run length"


def published_traces(runs: pd.DataFrame) -> list[dict[str, Any]]:
    """Published runs (FLOP vs energy) as marker traces: measured filled, Epoch's open;
    each trace's `text` names its LABELLED runs ("" for the others), which runs_figure
    draws as annotations.

    `runs` needs columns model, developer, year, flop, energy_mwh_best, energy_basis,
    flop_basis, source (model.runs.published_runs).
    """
    shown = runs.dropna(subset=["flop", "energy_mwh_best"])
    shown = shown[(shown["flop"] > 0) & (shown["energy_mwh_best"] > 0)]
    traces = []
    for basis, symbol in (("published", "circle"), (EPOCH_BASIS, "circle-open")):
        part = shown[shown["energy_basis"] == basis]
        if part.empty:
            continue
        hover = [
            f"<b>{fmt.chart_text(r['model'])}</b> "
            f"({fmt.chart_text(r['developer'])}, {int(r['year'])})<br>"
            f"{fmt.flop(r['flop'])} ({r['flop_basis']})<br>{fmt.energy(r['energy_mwh_best'])} "
            f"({basis})<br>Source: {fmt.chart_text(str(r['source'])[:140])}"
            for r in part.to_dict("records")
        ]
        traces.append(
            {
                "type": "scatter",
                "mode": "markers",
                "x": part["flop"].tolist(),
                "y": part["energy_mwh_best"].tolist(),
                "name": "Published runs" if basis == "published" else "Epoch AI estimates",
                "text": [m if m in LABELLED else "" for m in part["model"]],
                "marker": {
                    "size": 9,
                    "color": style.PUBLISHED,
                    "symbol": symbol,
                    "line": {"width": 1.5, "color": style.PUBLISHED},
                },
                "hovertext": hover,
                "hoverinfo": "text",
            }
        )
    return traces


#: Directions a label may sit in from its point, in the order they are tried: above,
#: below, right, left, then the corners; each first near the point, then farther.
LABEL_DIRECTIONS = ((0, 1), (0, -1), (1, 0), (-1, 0), (1, 1), (-1, 1), (1, -1), (-1, -1))
#: The plot areas the labels are placed for: the chart beside its note on a 1440 px
#: desktop and alone on a 390 px phone, left of the toolbar's margin (Chromium draws
#: 621 x 307 and 252 x 276). [px]
PLOT_SIZES_PX = ((621.0, 307.0), (252.0, 276.0))
#: Estimated size of a label's characters at the 10 px label font (average width, line
#: height, both generous: Chromium draws them about 5 and 11 px). [px]
CHAR_WIDTH_PX, LINE_HEIGHT_PX = 6.0, 13.0
#: LABEL_FONT_PX is the labels' font size. [px]
LABEL_FONT_PX = 10
#: Marker sizes: a published run, the reader's run (an open star, so a published run
#: under it stays visible). [px]
PUBLISHED_MARKER_PX, RUN_MARKER_PX = 9.0, 18.0
#: What the run's star covers: plotly draws a star wider than its size, and Chromium
#: draws the 18 px star with its 2.5 px line 24 px across; labels keep clear of 28. [px]
RUN_MARKER_EXTENT_PX = 28.0
#: How far a label's near edge sits from its point: just clear of a published run's
#: marker, or of the run's star when that is on the point. [px]
LABEL_REACHES_PX = (PUBLISHED_MARKER_PX / 2 + 3.0, RUN_MARKER_EXTENT_PX / 2 + 3.0)
#: Padding of the log axes beyond the outermost points, in decades: room for labels
#: above the highest point and beside the outermost.
X_PAD_DECADES, Y_PAD_DECADES = 0.4, 0.6

#: A box on the plot area, in pixels from its lower-left corner: (left, bottom, right, top).
Box = tuple[float, float, float, float]
#: A point as fractions of the plot area's width and height from its lower-left corner.
Spot = tuple[float, float]
#: Where a label sits from its point: (x direction, y direction, distance in px).
Placement = tuple[int, int, float]
#: Every placement tried, in order: each direction near, then each direction farther.
PLACEMENTS: tuple[Placement, ...] = tuple(
    (dx, dy, reach) for reach in LABEL_REACHES_PX for dx, dy in LABEL_DIRECTIONS
)


def log_range(values: list[float], pad_decades: float) -> tuple[float, float]:
    """The log10 range of an axis that shows every value with `pad_decades` either side."""
    logs = [math.log10(v) for v in values]
    return min(logs) - pad_decades, max(logs) + pad_decades


def axis_fraction(value: float, log_range_: tuple[float, float]) -> float:
    """Where a value sits along a log axis showing `log_range_`, from 0 to 1."""
    low, high = log_range_
    return (math.log10(value) - low) / (high - low)


def label_box(x_px: float, y_px: float, text: str, placement: Placement) -> Box:
    """The estimated box of a label placed (`placement`) from a point at (x_px, y_px)."""
    dx, dy, reach = placement
    width, height = len(text) * CHAR_WIDTH_PX, LINE_HEIGHT_PX
    left = x_px + dx * reach - {0: width / 2.0, 1: 0.0, -1: width}[dx]
    bottom = y_px + dy * reach - {0: height / 2.0, 1: 0.0, -1: height}[dy]
    return left, bottom, left + width, bottom + height


def marker_box(x_px: float, y_px: float, marker_px: float) -> Box:
    """The box a marker covers."""
    half = marker_px / 2.0
    return x_px - half, y_px - half, x_px + half, y_px + half


def overlap_px2(a: Box, b: Box) -> float:
    """The area two boxes share. [px²]"""
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    return max(width, 0.0) * max(height, 0.0)


def outside_px2(box: Box, size_px: tuple[float, float]) -> float:
    """The area of a box outside a plot area of `size_px`. [px²]"""
    inside = overlap_px2(box, (0.0, 0.0, *size_px))
    return (box[2] - box[0]) * (box[3] - box[1]) - inside


def label_boxes(spot: Spot, text: str, placement: Placement) -> list[Box]:
    """A label's box on each plot size of PLOT_SIZES_PX."""
    return [label_box(spot[0] * w, spot[1] * h, text, placement) for w, h in PLOT_SIZES_PX]


def clash_px2(
    boxes: list[Box], placed: list[list[Box]], markers: list[tuple[Spot, float]]
) -> float:
    """How much a label's boxes (one per plot size) cover of the labels `placed` before
    it, of the markers ((x, y) as fractions of the plot, size in px) and of what lies
    outside the plot, on all plot sizes together. [px²]"""
    total = 0.0
    for box, size, before in zip(boxes, PLOT_SIZES_PX, placed, strict=True):
        w, h = size
        taken = before + [marker_box(x * w, y * h, px) for (x, y), px in markers]
        total += sum(overlap_px2(box, other) for other in taken) + outside_px2(box, size)
    return total


def place_labels(
    labels: list[tuple[Spot, str]], markers: list[tuple[Spot, float]]
) -> list[Placement]:
    """A placement (PLACEMENTS) for each label ((x, y) as fractions of the plot area,
    text), in order: the first whose box, on every plot size of PLOT_SIZES_PX, covers no
    marker ((x, y), size in px), no label placed before it and nothing outside the plot;
    else the one that covers the least in all."""
    placed: list[list[Box]] = [[] for _ in PLOT_SIZES_PX]
    chosen = []
    for spot, text in labels:
        boxes = {p: label_boxes(spot, text, p) for p in PLACEMENTS}
        clashes = {p: clash_px2(b, placed, markers) for p, b in boxes.items()}
        best = min(PLACEMENTS, key=lambda p: (clashes[p] > 0.0, clashes[p]))
        chosen.append(best)
        for before, box in zip(placed, boxes[best], strict=True):
            before.append(box)
    return chosen


def label_annotation(flop: float, mwh: float, text: str, placement: Placement) -> dict[str, Any]:
    """A run's name as an annotation at its point on the log axes, moved by `placement`."""
    dx, dy, reach = placement
    return {
        "x": math.log10(flop),  # annotations on a log axis take the log of the value
        "y": math.log10(mwh),
        "text": fmt.chart_text(text),
        "showarrow": False,
        "xanchor": {0: "center", 1: "left", -1: "right"}[dx],
        "yanchor": {0: "middle", 1: "bottom", -1: "top"}[dy],
        "xshift": dx * reach,
        "yshift": dy * reach,
        "borderpad": 0,
        "font": {"size": LABEL_FONT_PX, "color": style.PUBLISHED},
    }


def runs_figure(
    published: list[dict[str, Any]],
    estimate_flop: float,
    estimate_mwh: float,
    estimate_label: str = "Your run",
) -> go.Figure:
    """The published runs' traces (`published_traces`) with the estimate as an open red
    star, each named run's label placed where it covers no marker, not the star and no
    other label (on the plot areas of PLOT_SIZES_PX)."""
    xs = [x for t in published for x in t["x"]] + [estimate_flop]
    ys = [y for t in published for y in t["y"]] + [estimate_mwh]
    x_range, y_range = log_range(xs, X_PAD_DECADES), log_range(ys, Y_PAD_DECADES)

    def spot(x: float, y: float) -> Spot:
        return axis_fraction(x, x_range), axis_fraction(y, y_range)

    markers = [(spot(estimate_flop, estimate_mwh), RUN_MARKER_EXTENT_PX)]
    named: list[tuple[float, float, str]] = []
    for trace in published:
        for x, y, text in zip(trace["x"], trace["y"], trace["text"], strict=True):
            markers.append((spot(x, y), PUBLISHED_MARKER_PX))
            if text:
                named.append((x, y, text))
    placements = place_labels([(spot(x, y), text) for x, y, text in named], markers)
    annotations = [
        label_annotation(x, y, text, placement)
        for (x, y, text), placement in zip(named, placements, strict=True)
    ]
    star = {
        "type": "scatter",
        "mode": "markers",
        "x": [estimate_flop],
        "y": [estimate_mwh],
        "name": estimate_label,
        "marker": {
            "size": RUN_MARKER_PX,
            "symbol": "star-open",
            "color": style.ESTIMATE,
            "line": {"width": 2.5, "color": style.ESTIMATE},
        },
        "hovertext": [
            f"<b>{estimate_label}</b><br>{fmt.flop(estimate_flop)}<br>{fmt.energy(estimate_mwh)}"
        ],
        "hoverinfo": "text",
    }
    log = {"type": "log", "exponentformat": "power", "dtick": 1}
    return style.figure(
        [*published, star],
        {
            "xaxis": {**log, "range": list(x_range)},
            "yaxis": {**log, "range": list(y_range)},
            "annotations": annotations,
        },
        # The toolbar's column is the right margin: no label or marker sits under it.
        overrides={"margin": {"r": style.TOOLBAR_PX}},
        title="Training compute vs energy",
        x_title="Training compute (FLOP)",
        y_title="Energy (MWh)",
        height=460,
    )
