"""Growth-versus-power charts: power wanted vs available, compute, decomposition, wall."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from charts import style
from ui import format as fmt


def _band(fig: go.Figure, bands: pd.DataFrame, column: str, colour: str, name: str) -> None:
    x = list(bands["year"]) + list(bands["year"][::-1])
    y = list(bands[f"{column}_p90"]) + list(bands[f"{column}_p10"][::-1])
    fig.add_trace(
        go.Scatter(
            x=x,
            y=y,
            fill="toself",
            fillcolor=style.hex_to_rgba(colour, style.BAND_ALPHA),
            line={"width": 0},
            hoverinfo="skip",
            name=name,
            showlegend=True,
        )
    )


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
    fig = go.Figure()
    if bands is not None:
        _band(fig, bands, "power_demand_gw", style.DEMAND, "Demand P10-P90")
        _band(fig, bands, "power_supply_gw", style.SUPPLY, "Supply P10-P90")
    for column, name, colour, dash in (
        ("power_demand_gw", "All-AI power wanted", style.DEMAND, "solid"),
        ("power_supply_gw", "Power available to AI", style.SUPPLY, "solid"),
        ("power_achieved_gw", "Power AI gets", style.ACHIEVED, "dash"),
        ("frontier_run_power_gw", "Largest training run", "#8e44ad", "dot"),
    ):
        fig.add_trace(
            go.Scatter(
                x=frame["year"],
                y=frame[column],
                name=name,
                mode="lines",
                line={"color": colour, "dash": dash, "width": 2.5},
                hovertemplate="%{x}: %{customdata}<extra>" + name + "</extra>",
                customdata=[fmt.power(v) for v in frame[column]],
            )
        )
    for label, other in (overlays or {}).items():
        fig.add_trace(
            go.Scatter(
                x=other["year"],
                y=other["power_demand_gw"],
                mode="lines",
                name=f"{fmt.chart_text(label)}: demand",
                line={"width": 1.5, "dash": "dashdot"},
            )
        )
    if history is not None:
        pts = history.dropna(subset=["power_gw"])
        fig.add_trace(
            go.Scatter(
                x=pts["year"],
                y=pts["power_gw"],
                mode="markers",
                name="Past frontier runs (Epoch AI)",
                marker={"color": "#8e44ad", "size": 7, "symbol": "circle-open"},
                hovertext=[
                    f"{fmt.chart_text(m)}: {fmt.power(p)}"
                    for m, p in zip(pts["model"], pts["power_gw"], strict=True)
                ],
                hoverinfo="text",
            )
        )
    if world_average_gw:
        fig.add_trace(
            go.Scatter(
                x=[frame["year"].min() - 10, frame["year"].max()],
                y=[world_average_gw, world_average_gw],
                mode="lines",
                name=f"World electricity use, 2024: {fmt.power(world_average_gw)}",
                line={"color": "#7f8c8d", "dash": "dash", "width": 1},
                hoverinfo="skip",
            )
        )
    ticks = [10.0**k for k in range(-6, 6)]
    top = float(frame[["power_demand_gw", "power_supply_gw"]].to_numpy().max())
    if world_average_gw:
        top = min(top, 10 * world_average_gw)
    lows = [float(frame["frontier_run_power_gw"].min())]
    if history is not None and history["power_gw"].notna().any():
        lows.append(float(history["power_gw"].min()))
    bottom = np.log10(min(lows)) - 0.3
    first = history["year"].min() if history is not None else frame["year"].min()
    fig.update_xaxes(range=[first - 0.5, frame["year"].max() + 0.5])
    fig.update_yaxes(
        type="log",
        tickvals=ticks,
        ticktext=[fmt.power(t) for t in ticks],
        range=[bottom, np.log10(top) + 0.3],
    )
    return style.base_layout(
        fig,
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
    fig = go.Figure()
    if bands is not None:
        _band(fig, bands, "compute_achieved_flop", style.ACHIEVED, "Achieved P10-P90")
    for column, name, colour, dash in (
        ("compute_demand_flop", "Compute wanted (trend)", style.DEMAND, "dash"),
        ("compute_achieved_flop", "Compute achieved", style.ACHIEVED, "solid"),
    ):
        fig.add_trace(
            go.Scatter(
                x=frame["year"],
                y=frame[column],
                name=name,
                mode="lines",
                line={"color": colour, "dash": dash, "width": 2.5},
                hovertemplate="%{x}: %{customdata}<extra>" + name + "</extra>",
                customdata=[fmt.flop(v) for v in frame[column]],
            )
        )
    if history is not None:
        fig.add_trace(
            go.Scatter(
                x=history["year"],
                y=history["flop"],
                mode="markers",
                name="Past frontier models (Epoch AI)",
                marker={"color": style.PUBLISHED, "size": 6, "symbol": "circle-open"},
                hovertext=[
                    f"{fmt.chart_text(m)}: {fmt.flop(f)}"
                    for m, f in zip(history["model"], history["flop"], strict=True)
                ],
                hoverinfo="text",
            )
        )
    fig.update_yaxes(type="log", exponentformat="power")
    return style.base_layout(
        fig,
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
    colours = [style.DEMAND, style.ACHIEVED, style.ACHIEVED, "#8e44ad"]
    fig = go.Figure(
        go.Bar(
            x=labels,
            y=values,
            marker_color=colours,
            text=[f"{v:.2f}x" for v in values],
            textposition="outside",
            hovertemplate="%{x}: %{y:.2f}x per year<extra></extra>",
        )
    )
    fig.add_hline(y=1.0, line={"color": "#999", "width": 1})
    top = max(values) * 1.25
    fig.update_yaxes(range=[0, top])
    return style.base_layout(
        fig,
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
    shares = list(counts / n)
    never = float(np.isnan(wall_years).sum()) / n
    if never > 0:
        labels.append(f"None by {end_year}")
        shares.append(never)
    fig = go.Figure(
        go.Bar(
            x=labels,
            y=shares,
            marker_color=style.DEMAND,
            text=[f"{s:.0%}" if s >= 0.005 else "" for s in shares],
            textposition="outside",
            hovertemplate="%{x}: %{y:.1%} of samples<extra></extra>",
        )
    )
    fig.update_yaxes(tickformat=".0%", range=[0, max(shares, default=1) * 1.2])
    fig.update_xaxes(type="category")
    return style.base_layout(
        fig,
        title="When does energy become the limit?",
        x_title="Wall year",
        y_title="Share of samples",
        height=360,
    )
