"""Training-run charts: the estimate among published runs, log-log.

Traces are plain dicts (see charts.style.figure); the published runs' traces do not depend
on the scenario, so pages can build them once with `published_traces` and cache them.
"""

from __future__ import annotations

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
    """Published runs (FLOP vs energy) as marker traces: measured filled, Epoch's open.

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
                "mode": "markers+text",
                "x": part["flop"].tolist(),
                "y": part["energy_mwh_best"].tolist(),
                "name": "Published runs" if basis == "published" else "Epoch AI estimates",
                "text": [m if m in LABELLED else "" for m in part["model"]],
                "textposition": "top center",
                "textfont": {"size": 10},
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


def runs_figure(
    published: list[dict[str, Any]],
    estimate_flop: float,
    estimate_mwh: float,
    estimate_label: str = "Your run",
) -> go.Figure:
    """The published runs' traces (`published_traces`) with the estimate as a red star."""
    star = {
        "type": "scatter",
        "mode": "markers",
        "x": [estimate_flop],
        "y": [estimate_mwh],
        "name": estimate_label,
        "marker": {
            "size": 18,
            "symbol": "star",
            "color": style.ESTIMATE,
            "line": {"width": 1, "color": "white"},
        },
        "hovertext": [
            f"<b>{estimate_label}</b><br>{fmt.flop(estimate_flop)}<br>{fmt.energy(estimate_mwh)}"
        ],
        "hoverinfo": "text",
    }
    log = {"type": "log", "exponentformat": "power", "dtick": 1}
    return style.figure(
        [*published, star],
        {"xaxis": dict(log), "yaxis": dict(log)},
        title="Training compute vs energy",
        x_title="Training compute (FLOP)",
        y_title="Energy (MWh)",
        height=460,
    )
