"""Training-run charts: the estimate among published runs, log-log."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from charts import style
from ui import format as fmt

#: Runs named on the chart (the rest are named on hover), chosen to span the range
#: without overlapping labels.
LABELLED = ("GShard-600B", "GPT-3 175B", "BLOOM 176B", "Llama 3.1 70B", "GPT-4", "Grok-3")


def runs_figure(
    runs: pd.DataFrame, estimate_flop: float, estimate_mwh: float, estimate_label: str = "Your run"
) -> go.Figure:
    """Published runs (FLOP vs energy) with the current estimate as a star.

    `runs` needs columns model, developer, year, flop, energy_mwh_best, energy_basis,
    flop_basis, source (model.runs.published_runs).
    """
    shown = runs.dropna(subset=["flop", "energy_mwh_best"])
    shown = shown[(shown["flop"] > 0) & (shown["energy_mwh_best"] > 0)]
    fig = go.Figure()
    for basis, symbol in (
        ("published", "circle"),
        ("Epoch AI power estimate x run length", "circle-open"),
    ):
        part = shown[shown["energy_basis"] == basis]
        if part.empty:
            continue
        hover = [
            f"<b>{fmt.chart_text(r.model)}</b> ({fmt.chart_text(r.developer)}, {int(r.year)})<br>"
            f"{fmt.flop(r.flop)} ({r.flop_basis})<br>{fmt.energy(r.energy_mwh_best)} "
            f"({basis})<br>Source: {fmt.chart_text(str(r.source)[:140])}"
            for r in part.itertuples()
        ]
        fig.add_trace(
            go.Scatter(
                x=part["flop"],
                y=part["energy_mwh_best"],
                mode="markers+text",
                name="Published runs" if basis == "published" else "Epoch AI estimates",
                text=[m if m in LABELLED else "" for m in part["model"]],
                textposition="top center",
                textfont={"size": 10},
                marker={
                    "size": 9,
                    "color": style.PUBLISHED,
                    "symbol": symbol,
                    "line": {"width": 1.5, "color": style.PUBLISHED},
                },
                hovertext=hover,
                hoverinfo="text",
            )
        )
    fig.add_trace(
        go.Scatter(
            x=[estimate_flop],
            y=[estimate_mwh],
            mode="markers",
            name=estimate_label,
            marker={
                "size": 18,
                "symbol": "star",
                "color": style.ESTIMATE,
                "line": {"width": 1, "color": "white"},
            },
            hovertext=[
                f"<b>{estimate_label}</b><br>{fmt.flop(estimate_flop)}<br>"
                f"{fmt.energy(estimate_mwh)}"
            ],
            hoverinfo="text",
        )
    )
    fig.update_xaxes(type="log", exponentformat="power", dtick=1)
    fig.update_yaxes(type="log", exponentformat="power", dtick=1)
    return style.base_layout(
        fig,
        title="Training compute vs energy: your run among published ones",
        x_title="Training compute (FLOP)",
        y_title="Energy (MWh)",
        height=460,
    )
