"""Growth-versus-power charts: power wanted vs available, compute, decomposition, wall.

Traces and layouts are plain dicts assembled by charts.style.figure (no plotly validation
on each rerun; tests/test_charts.py validates what the pages draw).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from charts import style
from ui import format as fmt

Trace = dict[str, Any]
#: Colour of the largest-run line and of past frontier runs.
FRONTIER = "#8e44ad"


def _band(bands: pd.DataFrame, column: str, colour: str, name: str) -> Trace:
    years = bands["year"].tolist()
    return {
        "type": "scatter",
        "x": years + years[::-1],
        "y": bands[f"{column}_p90"].tolist() + bands[f"{column}_p10"].tolist()[::-1],
        "fill": "toself",
        "fillcolor": style.hex_to_rgba(colour, style.BAND_ALPHA),
        "line": {"width": 0},
        "hoverinfo": "skip",
        "name": name,
        "showlegend": True,
    }


def _line(frame: pd.DataFrame, column: str, name: str, colour: str, dash: str, label: Any) -> Trace:
    return {
        "type": "scatter",
        "mode": "lines",
        "x": frame["year"].tolist(),
        "y": frame[column].tolist(),
        "name": name,
        "line": {"color": colour, "dash": dash, "width": 2.5},
        "customdata": [label(v) for v in frame[column]],
        "hovertemplate": "%{x}: %{customdata}<extra>" + name + "</extra>",
    }


def _points(
    x: pd.Series, y: pd.Series, names: pd.Series, name: str, colour: str, size: int, label: Any
) -> Trace:
    return {
        "type": "scatter",
        "mode": "markers",
        "x": x.tolist(),
        "y": y.tolist(),
        "name": name,
        "marker": {"color": colour, "size": size, "symbol": "circle-open"},
        "hovertext": [f"{fmt.chart_text(m)}: {label(v)}" for m, v in zip(names, y, strict=True)],
        "hoverinfo": "text",
    }


def _wall_text(wall: int | None) -> str:
    return f"Wall: {wall}" if wall is not None else ""


def history_points(models: pd.DataFrame) -> pd.DataFrame:
    """Epoch AI frontier models as decimal year, FLOP and training power (GW)."""
    dates = pd.to_datetime(models["publication_date"], errors="coerce")
    out = pd.DataFrame(
        {
            "model": models["model"],
            "year": dates.dt.year + (dates.dt.dayofyear - 1) / 365.0,
            "flop": models["training_compute_flop"],
            "power_gw": models["training_power_draw_w"] / 1e9,
        }
    )
    return out.dropna(subset=["year"])


def power_figure(
    frame: pd.DataFrame,
    bands: pd.DataFrame | None = None,
    history: pd.DataFrame | None = None,
    wall: int | None = None,
    overlays: dict[str, pd.DataFrame] | None = None,
    world_average_gw: float | None = None,
) -> go.Figure:
    """All-AI power wanted vs available (GW, log), the frontier run, history and the wall.

    `world_average_gw` draws all of the world's electricity use today as a reference line;
    the axis stops at ten times that, since demand beyond it only says the trend breaks.
    """
    traces: list[Trace] = []
    if bands is not None:
        traces.append(_band(bands, "power_demand_gw", style.DEMAND, "Demand P10-P90"))
        traces.append(_band(bands, "power_supply_gw", style.SUPPLY, "Supply P10-P90"))
    for column, name, colour, dash in (
        ("power_demand_gw", "All-AI power wanted", style.DEMAND, "solid"),
        ("power_supply_gw", "Power available to AI", style.SUPPLY, "solid"),
        ("power_achieved_gw", "Power AI gets", style.ACHIEVED, "dash"),
        ("frontier_run_power_gw", "Largest training run", FRONTIER, "dot"),
    ):
        traces.append(_line(frame, column, name, colour, dash, fmt.power))
    for label, other in (overlays or {}).items():
        traces.append(
            {
                "type": "scatter",
                "mode": "lines",
                "x": other["year"].tolist(),
                "y": other["power_demand_gw"].tolist(),
                "name": f"{fmt.chart_text(label)}: demand",
                "line": {"width": 1.5, "dash": "dashdot"},
            }
        )
    first = float(frame["year"].min())
    lows = [float(frame["frontier_run_power_gw"].min())]
    if history is not None:
        pts = history.dropna(subset=["power_gw"])
        traces.append(
            _points(
                pts["year"],
                pts["power_gw"],
                pts["model"],
                "Past frontier runs (Epoch AI)",
                FRONTIER,
                7,
                fmt.power,
            )
        )
        first = min(first, float(history["year"].min()))
        if not pts.empty:
            lows.append(float(pts["power_gw"].min()))
    top = float(frame[["power_demand_gw", "power_supply_gw"]].to_numpy().max())
    if world_average_gw:
        top = min(top, 10 * world_average_gw)
        traces.append(
            {
                "type": "scatter",
                "mode": "lines",
                "x": [first - 10, float(frame["year"].max())],
                "y": [world_average_gw, world_average_gw],
                "name": f"World electricity use, 2024: {fmt.power(world_average_gw)}",
                "line": {"color": "#7f8c8d", "dash": "dash", "width": 1},
                "hoverinfo": "skip",
            }
        )
    ticks = [10.0**k for k in range(-6, 6)]
    layout = {
        "xaxis": {"range": [first - 0.5, float(frame["year"].max()) + 0.5]},
        "yaxis": {
            "type": "log",
            "tickvals": ticks,
            "ticktext": [fmt.power(t) for t in ticks],
            "range": [float(np.log10(min(lows))) - 0.3, float(np.log10(top)) + 0.3],
        },
    }
    return style.figure(
        traces,
        layout,
        title="Power AI wants vs power that can be built",
        x_title="Year",
        y_title="Average power (log scale)",
        height=500,
        marker_x=wall,
        marker_text=_wall_text(wall),
    )


def compute_figure(
    frame: pd.DataFrame,
    bands: pd.DataFrame | None = None,
    history: pd.DataFrame | None = None,
    wall: int | None = None,
) -> go.Figure:
    """Frontier training compute wanted vs achieved (FLOP, log)."""
    traces: list[Trace] = []
    if bands is not None:
        traces.append(_band(bands, "compute_achieved_flop", style.ACHIEVED, "Achieved P10-P90"))
    traces.append(
        _line(
            frame, "compute_demand_flop", "Compute wanted (trend)", style.DEMAND, "dash", fmt.flop
        )
    )
    traces.append(
        _line(frame, "compute_achieved_flop", "Compute achieved", style.ACHIEVED, "solid", fmt.flop)
    )
    if history is not None:
        traces.append(
            _points(
                history["year"],
                history["flop"],
                history["model"],
                "Past frontier models (Epoch AI)",
                style.PUBLISHED,
                6,
                fmt.flop,
            )
        )
    return style.figure(
        traces,
        {"yaxis": {"type": "log", "exponentformat": "power"}},
        title="Largest training run: compute wanted vs achieved",
        x_title="Year",
        y_title="Training compute (FLOP, log scale)",
        marker_x=wall,
        marker_text=_wall_text(wall),
    )


def decomposition_figure(decomp: dict[str, float]) -> go.Figure:
    """Power growth = compute growth / (efficiency growth x run-length growth), as bars."""
    labels = ["Compute", "÷ Efficiency", "÷ Run length", "= Power per run"]
    values = [
        decomp["compute_growth"],
        decomp["efficiency_growth"],
        decomp["run_length_growth"],
        decomp["power_growth"],
    ]
    bar = {
        "type": "bar",
        "x": labels,
        "y": values,
        "marker": {"color": [style.DEMAND, style.ACHIEVED, style.ACHIEVED, FRONTIER]},
        "text": [f"{v:.2f}x" for v in values],
        "textposition": "outside",
        "hovertemplate": "%{x}: %{y:.2f}x per year<extra></extra>",
        "showlegend": False,
    }
    one = {
        "type": "line",
        "xref": "paper",
        "yref": "y",
        "x0": 0,
        "x1": 1,
        "y0": 1,
        "y1": 1,
        "line": {"color": "#999", "width": 1},
    }
    return style.figure(
        [bar],
        {"yaxis": {"range": [0, max(values) * 1.25]}, "shapes": [one]},
        title="Why run power grows: this year's multipliers",
        x_title="Factor (first projection year)",
        y_title="Growth (x per year)",
        height=360,
    )


def wall_distribution_figure(wall_years: np.ndarray, end_year: int) -> go.Figure:
    """Share of Monte Carlo samples hitting the wall in each year (or never)."""
    n = len(wall_years)
    finite = wall_years[~np.isnan(wall_years)].astype(int)
    years, counts = np.unique(finite, return_counts=True)
    labels = [str(y) for y in years]
    shares = [float(c) / n for c in counts]
    never = float(np.isnan(wall_years).sum()) / n
    if never > 0:
        labels.append(f"None by {end_year}")
        shares.append(never)
    bar = {
        "type": "bar",
        "x": labels,
        "y": shares,
        "marker": {"color": style.DEMAND},
        "text": [f"{s:.0%}" if s >= 0.005 else "" for s in shares],
        "textposition": "outside",
        "hovertemplate": "%{x}: %{y:.1%} of samples<extra></extra>",
        "showlegend": False,
    }
    layout = {
        "yaxis": {"tickformat": ".0%", "range": [0, max(shares, default=1) * 1.2]},
        "xaxis": {"type": "category"},
    }
    return style.figure(
        [bar],
        layout,
        title="When does energy become the limit?",
        x_title="Wall year",
        y_title="Share of samples",
        height=360,
    )
