"""Scenarios side by side: power wanted and available, each scenario in its own colour.

Traces and layouts are plain dicts assembled by charts.style.figure (no plotly validation
on each rerun; tests/test_charts.py validates what the pages draw).
"""

from __future__ import annotations

import html
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from charts import style
from charts import units as fmt

Trace = dict[str, Any]

#: Colour of the default baseline, then of the compared scenarios in order (not the
#: demand/supply reds and blues, so a scenario never reads as "the demand line").
BASELINE_COLOUR = "#5d6d7e"
SCENARIO_COLOURS = ("#d35400", "#1e8449", "#8e44ad", "#2e86c1", "#b7950b")


def _width(is_base: bool, what: str) -> float:
    # The baseline is drawn wide and pale so scenarios that share its line stay visible.
    if is_base:
        return 6.0 if what == "wanted" else 4.0
    return 2.5 if what == "wanted" else 2.0


def legend_text(name: str) -> str:
    """A user's scenario name made safe for plotly, which reads some HTML in labels.

    Only <, > and & are escaped: plotly.js decodes &lt; &gt; &amp; (and numeric
    entities) but shows &quot; and &#x27; as typed, and quotes need no escaping in text.
    """
    return html.escape(name, quote=False)


def _template_text(label: str) -> str:
    # In a hovertemplate "%{...}" reads a data field; &#37; shows a "%" without doing so.
    return label.replace("%", "&#37;")


def _scenario_traces(name: str, frame: pd.DataFrame, colour: str, is_base: bool) -> list[Trace]:
    """One scenario's power wanted (solid), available (dashed) and its wall (a cross).

    `frame` is a projection (model.projection.project); `name` is escaped for plotly.
    """
    label = legend_text(name)
    years = frame["year"].tolist()
    traces: list[Trace] = []
    for column, what, dash in (
        ("power_demand_gw", "wanted", "solid"),
        ("power_supply_gw", "available", "dash"),
    ):
        values = frame[column].tolist()
        traces.append(
            {
                "type": "scatter",
                "x": years,
                "y": values,
                "mode": "lines",
                "name": f"{label}: {what}",
                "legendgroup": label,
                "line": {"color": colour, "dash": dash, "width": _width(is_base, what)},
                "opacity": 0.55 if is_base else 1.0,
                "customdata": [fmt.power(v) for v in values],
                "hovertemplate": "%{x}: %{customdata}<extra>"
                + f"{_template_text(label)}: {what}</extra>",
            }
        )
    limited = frame.loc[frame["energy_limited"].astype(bool), "year"]
    wall = None if limited.empty else int(limited.iloc[0])
    if wall is not None:
        at_wall = float(frame.loc[frame["year"] == wall, "power_supply_gw"].iloc[0])
        traces.append(
            {
                "type": "scatter",
                "x": [wall],
                "y": [at_wall],
                "mode": "markers",
                "name": f"{label}: wall {wall}",
                "legendgroup": label,
                "showlegend": False,
                "marker": {"color": colour, "size": 11, "symbol": "x"},
                "hovertemplate": f"{_template_text(label)}: wall in {wall}<extra></extra>",
            }
        )
    return traces


def compare_figure(baseline: pd.DataFrame, scenarios: dict[str, pd.DataFrame]) -> go.Figure:
    """All-AI power wanted (solid) and available (dashed) per scenario, GW on a log axis.

    `baseline` and each of `scenarios` are projections (model.projection.project); a
    cross marks each scenario's wall (the first year wanted exceeds available).
    """
    traces = _scenario_traces("Default", baseline, BASELINE_COLOUR, True)
    for i, (name, frame) in enumerate(scenarios.items()):
        colour = SCENARIO_COLOURS[i % len(SCENARIO_COLOURS)]
        traces += _scenario_traces(name, frame, colour, False)
    ticks = [10.0**k for k in range(-1, 7)]
    layout = {
        "yaxis": {"type": "log", "tickvals": ticks, "ticktext": [fmt.power(v) for v in ticks]}
    }
    return style.figure(
        traces,
        layout,
        title="Power AI wants (solid) vs power that can be built (dashed)",
        x_title="Year",
        y_title="Average power (log scale)",
        height=480,
    )


def headline_display(table: pd.DataFrame, end_year: int) -> pd.DataFrame:
    """model.compare.headline_table with readable units, one row per scenario."""
    rows = {
        "Wall year": [
            f"none by {end_year}" if pd.isna(w) else str(int(w)) for w in table["wall_year"]
        ],
        "Largest run, 2030": [fmt.power(v) for v in table["frontier_run_power_2030_gw"]],
        "All-AI demand, 2030": [fmt.power(v) for v in table["ai_demand_2030_gw"]],
        "Emissions, 2030": [f"{fmt.mass_co2(v)}/yr" for v in table["emissions_2030_tco2e_per_yr"]],
        "Mix cost": [
            f"${fmt.sig(lo)}-{fmt.sig(hi)}/MWh"
            for lo, hi in zip(
                table["cost_low_usd_per_mwh"], table["cost_high_usd_per_mwh"], strict=True
            )
        ],
    }
    return pd.DataFrame(rows, index=pd.Index(table.index, name="Scenario"))
