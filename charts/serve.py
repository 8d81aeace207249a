"""Serving charts: the per-query estimate beside published figures; data centres in context.

Traces and layouts are plain dicts assembled by charts.style.figure (no plotly validation
on each rerun; tests/test_charts.py validates what the pages draw). The published figures'
traces do not depend on the scenario, so pages can build them once (`published_traces`,
`context_traces`) and cache them.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from charts import style
from charts import units as fmt

Trace = dict[str, Any]
#: Energy-per-query ticks: every power of ten from 0.1 mWh to 100 kWh. [Wh]
_WH_TICKS = [10.0**k for k in range(-4, 6)]


def _wh(value: float) -> str:
    return fmt.energy(value / 1e6)


def _wrapped(label: str, width: int = 24) -> str:
    """A category label broken into lines of about `width` characters, so the axis labels
    leave room for the plot on a phone."""
    return "<br>".join(textwrap.wrap(fmt.chart_text(label), width))


def _or_zero(mask: Sequence[bool] | pd.Series, values: pd.Series) -> list[float]:
    """`values` where `mask`, else 0 (error-bar lengths of points without a range)."""
    return np.where(mask, values, 0.0).tolist()


def published_traces(published: pd.DataFrame) -> list[Trace]:
    """Published Wh per query as one grey marker trace, ranges as error bars.

    `published` is model.inference.published_per_query: label, wh_per_query, low_wh,
    high_wh, period, source.
    """
    table = published.sort_values("wh_per_query")
    has_range = (table["low_wh"].notna() & table["high_wh"].notna()).tolist()
    values = table["wh_per_query"].tolist()
    text = [
        f"{_wh(lo)} to {_wh(hi)}" if rng else f"  {_wh(v)}"
        for v, lo, hi, rng in zip(values, table["low_wh"], table["high_wh"], has_range, strict=True)
    ]
    hover = [
        f"<b>{fmt.chart_text(r['label'])}</b><br>{_wh(r['wh_per_query'])} per query "
        f"({fmt.chart_text(r['period'])})<br>Source: {fmt.chart_text(str(r['source'])[:150])}"
        for r in table.to_dict("records")
    ]
    return [
        {
            "type": "scatter",
            "x": values,
            "y": [_wrapped(v) for v in table["label"]],
            "mode": "markers+text",
            "name": "Published figures",
            "marker": {"size": 11, "color": style.PUBLISHED},
            "text": text,
            "textposition": ["top center" if r else "middle right" for r in has_range],
            "error_x": {
                "type": "data",
                "symmetric": False,
                "array": _or_zero(has_range, table["high_wh"] - table["wh_per_query"]),
                "arrayminus": _or_zero(has_range, table["wh_per_query"] - table["low_wh"]),
                "color": style.PUBLISHED,
                "thickness": 3,
                "width": 0,
            },
            "hovertext": hover,
            "hoverinfo": "text",
        }
    ]


def per_query_figure(published: list[Trace], estimate_wh: float) -> go.Figure:
    """Published Wh per query (grey, ranges as bars) with the estimate (red), log axis.

    `published` is `published_traces` of model.inference.published_per_query.
    """
    dots = published[0]
    # The axis spans every point and range end, and the estimate, with 0.4 decades spare.
    ends = [v + e for v, e in zip(dots["x"], dots["error_x"]["array"], strict=True)]
    starts = [v - e for v, e in zip(dots["x"], dots["error_x"]["arrayminus"], strict=True)]
    low = min(*starts, *dots["x"], estimate_wh)
    high = max(*ends, *dots["x"], estimate_wh)
    star = {
        "type": "scatter",
        "x": [estimate_wh],
        "y": ["Your estimate"],
        "mode": "markers+text",
        "name": "Your estimate",
        "marker": {"size": 18, "symbol": "star", "color": style.ESTIMATE},
        "text": [f"  {_wh(estimate_wh)}"],
        "textposition": "middle right",
        "hovertext": [f"<b>Your estimate</b><br>{_wh(estimate_wh)} per query"],
        "hoverinfo": "text",
    }
    estimate_line = {
        "type": "line",
        "xref": "x",
        "yref": "y domain",
        "x0": estimate_wh,
        "x1": estimate_wh,
        "y0": 0,
        "y1": 1,
        "line": {"color": style.ESTIMATE, "dash": "dot", "width": 1},
    }
    layout = {
        "showlegend": False,
        "shapes": [estimate_line],
        "xaxis": {
            "type": "log",
            "range": [float(np.log10(low)) - 0.4, float(np.log10(high)) + 0.4],
            "tickvals": _WH_TICKS,
            "ticktext": [_wh(v) for v in _WH_TICKS],
        },
        "yaxis": {
            "type": "category",
            "categoryorder": "array",
            "categoryarray": ["Your estimate", *dots["y"]],
            "autorange": "reversed",
        },
    }
    return style.figure(
        [*published, star],
        layout,
        title="Energy per query",
        x_title="Wh per query (log scale)",
        y_title="Estimate or measurement",
        height=400,
    )


#: Display name, colour and x offset (years, to keep 2030 ranges apart) of each series.
_SERIES = {
    ("dc_electricity_iea", "world"): ("IEA: data centres, world", "#34495e", 0.0),
    ("dc_electricity_iea", "us"): ("IEA: data centres, US", "#7f8c8d", 0.0),
    ("dc_electricity_lbnl", "us"): ("LBNL: data centres, US (range)", "#16a085", 0.0),
    ("dc_share_epri_2024", "us"): ("EPRI 2024: US data centres (scenarios)", "#d35400", -0.15),
    ("dc_share_epri_2026", "us"): ("EPRI 2026: US data centres (range)", "#e67e22", 0.15),
    ("ai_power_epri_epoch", "us"): ("EPRI/Epoch AI: US AI power (2030: at least)", "#8e44ad", 0.0),
}


def context_traces(context: pd.DataFrame) -> list[Trace]:
    """Published data-centre electricity (TWh/yr), a trace per series, ranges as error bars.

    `context` is model.inference.datacenter_context_twh.
    """
    traces = []
    for (item, region), (name, colour, shift) in _SERIES.items():
        part = context[(context["item"] == item) & (context["region"] == region)]
        if part.empty:
            continue
        part = part.sort_values("year")
        hover = [
            f"<b>{name}</b>, {r['year']}: "
            + (
                f"{fmt.sig(r['low_twh'])}-{fmt.sig(r['high_twh'])} TWh"
                if np.isfinite(r["low_twh"]) and np.isfinite(r["high_twh"])
                else f"{fmt.sig(r['twh'])} TWh"
            )
            + f"<br>Source: {fmt.chart_text(str(r['source'])[:140])}"
            for r in part.to_dict("records")
        ]
        ranged = part["low_twh"].notna() & part["high_twh"].notna()
        centre = part["twh"].where(part["twh"].notna(), (part["low_twh"] + part["high_twh"]) / 2)
        traces.append(
            {
                "type": "scatter",
                "x": (part["year"] + shift).tolist(),
                "y": centre.tolist(),
                "mode": "lines+markers" if len(part) > 1 else "markers",
                "name": name,
                "line": {"color": colour, "width": 2},
                "marker": {
                    "color": colour,
                    "size": 9,
                    "symbol": "square" if ranged.any() else "circle",
                },
                "error_y": {
                    "type": "data",
                    "symmetric": False,
                    "array": _or_zero(ranged, part["high_twh"] - centre),
                    "arrayminus": _or_zero(ranged, centre - part["low_twh"]),
                    "color": colour,
                    "thickness": 2,
                    "width": 6,
                },
                "hovertext": hover,
                "hoverinfo": "text",
            }
        )
    return traces


def datacenter_figure(
    context: list[Trace],
    scenario_ai: pd.DataFrame,
    serving_twh: float | None = None,
    last_year: int = 2030,
) -> go.Figure:
    """Published data-centre electricity (TWh/yr) with the scenario's all-AI demand.

    `context` is `context_traces` of model.inference.datacenter_context_twh;
    `scenario_ai` has columns year, twh (the projection's power_demand_gw x 8.76), drawn up
    to `last_year`.
    """
    shown = scenario_ai[scenario_ai["year"] <= last_year]
    traces = [
        *context,
        {
            "type": "scatter",
            "x": shown["year"].tolist(),
            "y": shown["twh"].tolist(),
            "mode": "lines+markers",
            "name": "Your scenario: all AI wants",
            "line": {"color": style.DEMAND, "width": 3},
            "hovertemplate": "%{x}: %{y:,.0f} TWh<extra>Your scenario, all AI</extra>",
        },
    ]
    if serving_twh is not None:
        traces.append(
            {
                "type": "scatter",
                "x": [int(shown["year"].min())],
                "y": [serving_twh],
                "mode": "markers",
                "name": "Your serving fleet (above)",
                "marker": {"symbol": "star", "size": 16, "color": style.ESTIMATE},
                "hovertemplate": "Your serving fleet: %{y:,.1f} TWh/yr<extra></extra>",
            }
        )
    # The highest value on the axis: a point or the top of its range.
    tops = [
        y + top
        for trace in traces
        for y, top in zip(
            trace["y"], trace.get("error_y", {}).get("array", [0.0] * len(trace["y"])), strict=True
        )
        if y is not None
    ]
    # The legend pinned to the figure's bottom, with room of its own: on a phone, 0.2 of
    # the plot's height below it (the house legend) met the x-axis title.
    return style.figure(
        traces,
        {"xaxis": {"dtick": 1}},
        style.LEGEND_AT_BOTTOM,
        title="Data-centre electricity",
        x_title="Year",
        y_title="TWh per year",
        height=460,
        y_extent=style.data_extent([0.0, *tops]),
    )
