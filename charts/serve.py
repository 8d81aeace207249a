"""Serving charts: the per-query estimate beside published figures; data centres in context."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from charts import style
from ui import format as fmt


def _wh(value: float) -> str:
    return fmt.energy(value / 1e6)


def per_query_figure(published: pd.DataFrame, estimate_wh: float) -> go.Figure:
    """Published Wh per query (grey, ranges as bars) with the estimate (red), log axis.

    `published` is model.inference.published_per_query: label, wh_per_query, low_wh,
    high_wh, period, source.
    """
    table = published.sort_values("wh_per_query")
    has_range = table["low_wh"].notna() & table["high_wh"].notna()
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=table["wh_per_query"],
            y=table["label"],
            mode="markers+text",
            name="Published figures",
            marker={"size": 11, "color": style.PUBLISHED},
            text=[
                f"{_wh(lo)} to {_wh(hi)}" if rng else f"  {_wh(v)}"
                for v, lo, hi, rng in zip(
                    table["wh_per_query"],
                    table["low_wh"],
                    table["high_wh"],
                    has_range,
                    strict=True,
                )
            ],
            textposition=["top center" if r else "middle right" for r in has_range],
            error_x={
                "type": "data",
                "symmetric": False,
                "array": np.where(has_range, table["high_wh"] - table["wh_per_query"], 0),
                "arrayminus": np.where(has_range, table["wh_per_query"] - table["low_wh"], 0),
                "color": style.PUBLISHED,
                "thickness": 3,
                "width": 0,
            },
            hovertext=[
                f"<b>{fmt.chart_text(r.label)}</b><br>{_wh(r.wh_per_query)} per query "
                f"({fmt.chart_text(r.period)})<br>Source: {fmt.chart_text(str(r.source)[:150])}"
                for r in table.itertuples()
            ],
            hoverinfo="text",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=[estimate_wh],
            y=["Your estimate"],
            mode="markers+text",
            name="Your estimate",
            marker={"size": 18, "symbol": "star", "color": style.ESTIMATE},
            text=[f"  {_wh(estimate_wh)}"],
            textposition="middle right",
            hovertext=[f"<b>Your estimate</b><br>{_wh(estimate_wh)} per query"],
            hoverinfo="text",
        )
    )
    fig.add_vline(x=estimate_wh, line={"color": style.ESTIMATE, "dash": "dot", "width": 1})
    values = [*table["wh_per_query"], *table["high_wh"].dropna(), estimate_wh]
    low = min([*values, *table["low_wh"].dropna()])
    fig.update_xaxes(
        type="log",
        range=[np.log10(low) - 0.4, np.log10(max(values)) + 0.4],
        tickvals=[10.0**k for k in range(-4, 6)],
        ticktext=[_wh(10.0**k) for k in range(-4, 6)],
    )
    fig.update_yaxes(categoryorder="array", categoryarray=["Your estimate", *table["label"]])
    fig.update_yaxes(autorange="reversed")
    fig = style.base_layout(
        fig,
        title="Energy per query: your estimate beside published figures",
        x_title="Energy per query (Wh, log scale)",
        y_title="Estimate and published figures",
        height=400,
    )
    fig.update_layout(showlegend=False)
    return fig


#: Display name, colour and x offset (years, to keep 2030 ranges apart) of each series.
_SERIES = {
    ("dc_electricity_iea", "world"): ("IEA: data centres, world", "#34495e", 0.0),
    ("dc_electricity_iea", "us"): ("IEA: data centres, US", "#7f8c8d", 0.0),
    ("dc_electricity_lbnl", "us"): ("LBNL: data centres, US (range)", "#16a085", 0.0),
    ("dc_share_epri_2024", "us"): ("EPRI 2024: US data centres (scenarios)", "#d35400", -0.15),
    ("dc_share_epri_2026", "us"): ("EPRI 2026: US data centres (range)", "#e67e22", 0.15),
    ("ai_power_epri_epoch", "us"): ("EPRI/Epoch AI: US AI power (2030: at least)", "#8e44ad", 0.0),
}


def datacenter_figure(
    context: pd.DataFrame,
    scenario_ai: pd.DataFrame,
    serving_twh: float | None = None,
    last_year: int = 2030,
) -> go.Figure:
    """Published data-centre electricity (TWh/yr) with the scenario's all-AI demand.

    `context` is model.inference.datacenter_context_twh; `scenario_ai` has columns year,
    twh (the projection's power_demand_gw x 8.76), drawn up to `last_year`.
    """
    fig = go.Figure()
    for (item, region), (name, colour, shift) in _SERIES.items():
        part = context[(context["item"] == item) & (context["region"] == region)]
        if part.empty:
            continue
        part = part.sort_values("year")
        hover = [
            f"<b>{name}</b>, {r.year}: "
            + (
                f"{fmt.sig(r.low_twh)}-{fmt.sig(r.high_twh)} TWh"
                if np.isfinite(r.low_twh) and np.isfinite(r.high_twh)
                else f"{fmt.sig(r.twh)} TWh"
            )
            + f"<br>Source: {fmt.chart_text(str(r.source)[:140])}"
            for r in part.itertuples()
        ]
        ranged = part["low_twh"].notna() & part["high_twh"].notna()
        centre = part["twh"].where(part["twh"].notna(), (part["low_twh"] + part["high_twh"]) / 2)
        fig.add_trace(
            go.Scatter(
                x=part["year"] + shift,
                y=centre,
                mode="lines+markers" if len(part) > 1 else "markers",
                name=name,
                line={"color": colour, "width": 2},
                marker={
                    "color": colour,
                    "size": 9,
                    "symbol": "square" if ranged.any() else "circle",
                },
                error_y={
                    "type": "data",
                    "symmetric": False,
                    "array": np.where(ranged, part["high_twh"] - centre, 0),
                    "arrayminus": np.where(ranged, centre - part["low_twh"], 0),
                    "color": colour,
                    "thickness": 2,
                    "width": 6,
                },
                hovertext=hover,
                hoverinfo="text",
            )
        )
    shown = scenario_ai[scenario_ai["year"] <= last_year]
    fig.add_trace(
        go.Scatter(
            x=shown["year"],
            y=shown["twh"],
            mode="lines+markers",
            name="Your scenario: all AI, world",
            line={"color": style.DEMAND, "width": 3},
            hovertemplate="%{x}: %{y:,.0f} TWh<extra>Your scenario, all AI</extra>",
        )
    )
    if serving_twh is not None:
        fig.add_trace(
            go.Scatter(
                x=[int(shown["year"].min())],
                y=[serving_twh],
                mode="markers",
                name="Your serving fleet (above)",
                marker={"symbol": "star", "size": 16, "color": style.ESTIMATE},
                hovertemplate="Your serving fleet: %{y:,.1f} TWh/yr<extra></extra>",
            )
        )
    fig.update_xaxes(dtick=1)
    fig = style.base_layout(
        fig,
        title="Data-centre electricity: published figures and your scenario",
        x_title="Year",
        y_title="Electricity (TWh per year)",
        height=460,
    )
    fig.update_layout(legend={"y": -0.2, "yanchor": "top"}, margin={"b": 10})
    return fig
