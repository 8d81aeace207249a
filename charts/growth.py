"""Growth-versus-power charts: the limits on the largest run, how often each binds, what
moves the wall, power wanted vs available, compute, decomposition, wall.

Traces and layouts are plain dicts assembled by charts.style.figure (no plotly validation
on each rerun; tests/test_charts.py validates what the pages draw).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from charts import style
from charts import units as fmt

Trace = dict[str, Any]
#: The projection column of each step's limit on the largest run, in legend order.
LIMIT_COLUMNS: dict[str, str] = {
    "trend": "compute_demand_flop",
    "site": "compute_limit_site_flop",
    "power": "compute_limit_power_flop",
    "chips": "compute_limit_chips_flop",
    "capital": "compute_limit_capital_flop",
    "data": "compute_limit_data_flop",
    "latency": "compute_limit_latency_flop",
}


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


def _line(
    years: list[int], values: np.ndarray, name: str, colour: str, dash: str, hover: list[str]
) -> Trace:
    """A line of the projection by year, with `hover` (one text per year) on hover."""
    return {
        "type": "scatter",
        "mode": "lines",
        "x": years,
        "y": values.tolist(),
        "name": name,
        "line": {"color": colour, "dash": dash, "width": 2.5},
        "customdata": hover,
        "hovertemplate": "%{x}: %{customdata}<extra>" + name + "</extra>",
    }


def _columns(frame: pd.DataFrame, names: Any) -> dict[str, np.ndarray]:
    """The projection's columns `names` as arrays, each read from the frame once (a
    DataFrame look-up costs several microseconds; a chart reads a column many times)."""
    return {name: frame[name].to_numpy() for name in names}


def _points(
    x: np.ndarray, y: np.ndarray, names: np.ndarray, name: str, colour: str, size: int, label: Any
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
            "year": dates.dt.year + (dates.dt.day_of_year - 1) / 365.0,
            "flop": models["training_compute_flop"],
            "power_gw": models["training_power_draw_w"] / 1e9,
        }
    )
    return out.dropna(subset=["year"])


def _run_label(achieved: np.ndarray, binding: np.ndarray) -> list[str]:
    """Hover text of the achieved run: its compute and the step that set it."""
    return [
        f"{fmt.flop(v)}, set by {style.STEP_NAMES[step].lower()}"
        for v, step in zip(achieved.tolist(), binding.tolist(), strict=True)
    ]


def _binding_shading(years: list[int], steps: list[str]) -> list[dict[str, Any]]:
    """A background band per year in the colour of the step that sets the run: the colour
    of that step's line, so the bands need no legend entries of their own (the x-axis
    title says what they are; on a phone, thirteen entries did not fit)."""
    shapes: list[dict[str, Any]] = []
    for year, step in zip(years, steps, strict=True):
        shapes.append(
            {
                "type": "rect",
                "xref": "x",
                "yref": "paper",
                "x0": float(year) - 0.5,
                "x1": float(year) + 0.5,
                "y0": 0,
                "y1": 1,
                "fillcolor": style.STEP_COLOURS[step],
                "opacity": 0.14,
                "line": {"width": 0},
                "layer": "below",
                "name": f"Sets the run: {style.STEP_NAMES[step]}",
                "legendgroup": f"binds-{step}",
                "showlegend": False,
            }
        )
    return shapes


def _shaded_log_layout(low: float, top: float, shading: list[dict[str, Any]]) -> dict[str, Any]:
    """A log axis from `low` to `top` with a tick per power of ten, years every two, the
    binding bands behind, and one hover box per year."""
    return {
        "yaxis": {
            "type": "log",
            "exponentformat": "power",
            "dtick": 1,
            "range": [float(np.log10(low)) - 0.3, float(np.log10(top)) + 0.3],
        },
        "xaxis": {"dtick": 2},
        "shapes": shading,
        "hovermode": "x unified",
    }


def limits_figure(frame: pd.DataFrame) -> go.Figure:
    """What each step would allow the largest run (FLOP, log), the achieved run in bold and
    each year shaded by the step that sets it."""
    column = _columns(frame, ("year", "compute_achieved_flop", "binding_constraint"))
    years = column["year"].tolist()
    achieved_flop = column["compute_achieved_flop"]
    # The achieved run first and wide, so each limit's thinner line shows on top of it
    # where that limit is the one that binds.
    achieved = _line(
        years,
        achieved_flop,
        "Achieved run",
        style.ACHIEVED,
        "solid",
        _run_label(achieved_flop, column["binding_constraint"]),
    )
    achieved["line"]["width"] = 7
    traces: list[Trace] = [achieved]
    limit = _columns(frame, LIMIT_COLUMNS.values())
    for step, name in LIMIT_COLUMNS.items():
        values = limit[name]
        traces.append(
            _line(
                years,
                values,
                "Trend (nothing binds)" if step == "trend" else f"{style.STEP_NAMES[step]} allows",
                style.STEP_COLOURS[step],
                "dash" if step == "trend" else "solid",
                [fmt.flop(v) for v in values.tolist()],
            )
        )
    for trace in traces:  # the unified hover names the year once, above the list
        trace["hovertemplate"] = "%{customdata}<extra>" + trace["name"] + "</extra>"
    low = float(np.min([values.min() for values in limit.values()]))
    high = float(np.max([values.max() for values in limit.values()]))
    # Above a thousand times the largest achieved run the lines only say "far from binding".
    top = min(high, 1e3 * float(achieved_flop.max()))
    layout = _shaded_log_layout(
        low, top, _binding_shading(years, column["binding_constraint"].tolist())
    )
    return style.figure(
        traces,
        layout,
        overrides=style.LEGEND_AT_BOTTOM,
        title="What limits the largest training run",
        x_title="Year (shading: what sets the run)",
        y_title="Compute (FLOP, log scale)",
        height=520,
    )


def binding_shares_figure(
    shares: pd.DataFrame,
    samples: int,
    names: dict[str, str] | None = None,
    colours: dict[str, str] | None = None,
    what: str = "Which step sets the run",
) -> go.Figure:
    """Share of Monte Carlo samples in which each step binds, per year; `what` starts the
    title (short: it must fit a phone). `names` and `colours` are by step (the largest
    run's steps by default; style.FLEET_NAMES and style.FLEET_COLOURS for all of AI's new
    accelerators)."""
    names = style.STEP_NAMES if names is None else names
    colours = style.STEP_COLOURS if colours is None else colours
    traces: list[Trace] = []
    years = shares.index.tolist()
    table = shares.to_numpy()  # one column per step, read once
    for step, column in zip(shares.columns, table.T, strict=True):
        if not (column > 0).any():
            continue
        name = names[str(step)]
        traces.append(
            {
                "type": "bar",
                "x": years,
                "y": column.tolist(),
                "name": name,
                "marker": {"color": colours[str(step)]},
                "hovertemplate": "%{x}: %{y:.0%} of samples<extra>" + name + "</extra>",
            }
        )
    layout = {
        "barmode": "stack",
        "bargap": 0.1,
        "yaxis": {"tickformat": ".0%", "range": [0, 1]},
        "xaxis": {"dtick": 2},
        "legend": {"traceorder": "normal"},
    }
    return style.figure(
        traces,
        layout,
        overrides=style.LEGEND_AT_BOTTOM,
        title=f"{what}, across {fmt.count(samples)} samples",
        x_title="Year",
        y_title="Share of samples (%)",
        height=400,
    )


#: The fleet chart's lines: projection column, name, colour, dash, width.
FLEET_LINES = (
    ("chips_wanted_h100e", "Wanted by AI's demand", style.WANTED, "dash", 2.5),
    ("chip_production_h100e", "Chips made", style.FLEET_COLOURS["chips"], "solid", 2.5),
    ("chips_affordable_h100e", "Money allows", style.FLEET_COLOURS["capital"], "solid", 2.5),
    ("chips_powerable_h100e", "Power allows", style.FLEET_COLOURS["power"], "solid", 2.5),
    ("chips_installed_h100e", "Installed", style.ACHIEVED, "solid", 5),
)


def fleet_figure(frame: pd.DataFrame) -> go.Figure:
    """All of AI's new accelerators a year (H100-equivalents, log): what demand wants, what
    chips, money and power allow, and what is installed (the smallest), each year shaded
    by the step that holds it. The base year's fleet is given, so the lines start a year
    later."""
    column = _columns(frame, ("year", "fleet_binding", *(line[0] for line in FLEET_LINES)))
    later = column["year"] > column["year"].min()
    years = column["year"][later].tolist()
    traces: list[Trace] = []
    shown: list[float] = []
    for name_in_frame, name, colour, dash, width in FLEET_LINES:
        values = column[name_in_frame][later].astype(float)
        # A log axis cannot draw zero (no chips wanted): such years are left blank.
        values = np.where(values > 0, values, np.nan)
        trace = _line(years, values, name, colour, dash, [fmt.chips(v) for v in values.tolist()])
        trace["line"]["width"] = width
        traces.append(trace)
        shown += [v for v in values.tolist() if v == v]
    for trace in traces:  # the unified hover names the year once, above the list
        trace["hovertemplate"] = "%{customdata}<extra>" + trace["name"] + "</extra>"
    installed = column["chips_installed_h100e"][later]
    top = min(max(shown, default=1.0), 1e3 * max(float(installed.max()), 1.0))
    low = min((v for v in shown if v > 0), default=1.0)
    shading = _binding_shading(years, column["fleet_binding"][later].tolist())
    for shape in shading:
        step = shape["legendgroup"].removeprefix("binds-")
        shape["fillcolor"] = style.FLEET_COLOURS[step]
        shape["name"] = f"Holds AI back: {style.FLEET_NAMES[step]}"
    layout = _shaded_log_layout(low, top, shading)
    return style.figure(
        traces,
        layout,
        overrides=style.LEGEND_AT_BOTTOM,
        title="All of AI: new accelerators a year",
        x_title="Year (shading: what holds chips back)",
        y_title="H100-equivalents per year (log scale)",
        height=500,
    )


def input_text(value: float | str, unit: str) -> str:
    """An input's value with its unit: 2.3x per year, 4.6 × 10²⁶ FLOP, 12.6T tokens; a
    named setting (the tornado's "fastest" lead times, a preset's mix) as it is named."""
    if isinstance(value, str):
        return value
    if unit == "FLOP":
        return fmt.flop(value)
    if unit.startswith("x "):
        return f"{fmt.sig(value)}x{unit[1:]}"
    if unit in ("", "-", "ratio"):  # a pure number (an elasticity, PUE)
        return fmt.sig(value)
    if abs(value) >= 1e5:
        return f"{fmt.short_count(value)} {unit}"
    return f"{fmt.sig(value)} {unit}"


def tornado_figure(
    table: pd.DataFrame, wall: int | None, end_year: int, threshold_share: float = 5.0
) -> go.Figure:
    """model.uncertainty.tornado as floating bars: the wall year with each input at its
    low (P10) and high (P90) value, the others at the scenario's; a year after `end_year`
    means none by then. Each input's name and values are written above its bar, so the
    bars keep the full width on a phone."""
    # The table's first row (the widest swing) drawn at the top.
    rows = {column: table[column].to_numpy()[::-1] for column in table.columns}
    positions = list(range(len(table)))
    # 'None by end_year' sits apart from the years, so it does not read as end_year + 1.
    none_x = end_year + 2.5
    shown = {
        column: np.where(rows[column] <= end_year, rows[column], none_x).astype(float)
        for column in ("wall_low", "wall_high")
    }
    low = np.minimum(shown["wall_low"], shown["wall_high"])
    high = np.maximum(shown["wall_low"], shown["wall_high"])

    def year_text(year: float) -> str:
        return f"none by {end_year}" if year > end_year else str(int(year))

    def ends(column: str, name: str, symbol: str) -> Trace:
        return {
            "type": "scatter",
            "mode": "markers",
            "x": shown[column].tolist(),
            "y": positions,
            "name": name,
            "marker": {"symbol": symbol, "size": 11, "color": style.ACHIEVED},
            "customdata": [
                f"{fmt.chart_text(label)}: wall {year_text(v)}"
                for label, v in zip(rows["label"], rows[column], strict=True)
            ],
            "hovertemplate": "%{customdata}<extra>" + name + "</extra>",
        }

    traces: list[Trace] = [
        {
            "type": "bar",
            "orientation": "h",
            "base": low.tolist(),
            "x": (high - low).tolist(),
            "y": positions,
            "width": 0.4,
            "name": "Wall years between",
            "marker": {"color": style.hex_to_rgba(style.SUPPLY, 0.45)},
            "hoverinfo": "skip",
        },
        ends("wall_low", "Input at its low value (P10)", "circle-open"),
        ends("wall_high", "Input at its high value (P90)", "circle"),
    ]
    labels = [
        {
            "text": f"<b>{fmt.chart_text(label)}</b><br>{fmt.chart_text(input_text(lo, unit))} → "
            f"{fmt.chart_text(input_text(hi, unit))}",
            "xref": "paper",
            "yref": "y",
            "x": 0,
            "y": i + 0.22,
            "xanchor": "left",
            "yanchor": "bottom",
            "showarrow": False,
            "align": "left",
            "bgcolor": "rgba(255,255,255,0.85)",
            "font": {"size": 12},
        }
        for i, label, unit, lo, hi in zip(
            positions,
            rows["label"],
            rows["unit"],
            rows["low_value"],
            rows["high_value"],
            strict=True,
        )
    ]
    ticks = list(range(2025, end_year + 1, 5))
    layout = {
        "xaxis": {
            "range": [2024, none_x + 1],
            "tickvals": [*ticks, none_x],
            "ticktext": [str(t) for t in ticks] + [f"None by<br>{end_year}"],
        },
        "yaxis": {"visible": False, "range": [-0.5, len(table) + 0.1]},
        "annotations": labels,
    }
    wall_x = wall if wall is not None else none_x
    return style.figure(
        traces,
        layout,
        # No y axis to the left, and the first year's label stands a year inside the axis:
        # the least margin there, so the inputs' names written on the plot keep its width.
        overrides={**style.LEGEND_AT_BOTTOM, "margin": {"l": style.MIN_MARGIN_PX, "r": 40}},
        title="Which inputs move the wall most",
        x_title=f"Wall year (power costs AI {fmt.sig(threshold_share)}%+ of its compute)",
        y_title="Input",
        height=170 + 72 * len(table),
        marker_x=wall_x,
        marker_text=f"This scenario: {year_text(wall_x)}",
        # Near the left edge the label goes right of the line, so it stays on the chart.
        marker_side="right" if wall_x < (end_year + 2024) / 2 else "left",
    )


#: The regions' names on charts (model.projection.REGIONS).
REGION_NAMES = {"us": "US", "row": "Rest of world"}
#: The power chart's lines: projection column, name, colour, dash, width.
POWER_LINES = (
    ("power_demand_gw", "All AI, wanted", style.WANTED, "dash", 2.5),
    ("power_supply_gw", "Power available to AI", style.SUPPLY, "solid", 2.5),
    ("power_achieved_gw", "All AI, achieved", style.ACHIEVED, "solid", 4),
    ("inference_power_achieved_gw", "Serving & smaller AI, achieved", style.SERVING, "solid", 2),
    ("training_power_achieved_gw", "Frontier training, achieved", style.TRAINING, "solid", 2),
    ("frontier_run_power_achieved_gw", "Largest run, achieved", style.TRAINING, "dot", 2),
)


def power_figure(
    frame: pd.DataFrame,
    bands: pd.DataFrame | None = None,
    history: pd.DataFrame | None = None,
    wall: int | None = None,
    world_average_gw: float | None = None,
    region: str = "world",
) -> go.Figure:
    """All-AI power wanted vs supplied vs achieved (GW, log), achieved split into serving
    and frontier training, the largest run, history and the wall.

    `world_average_gw` draws all of the world's electricity use today as a reference line;
    the axis stops at ten times that, since demand beyond it only says the trend breaks.
    `region` ("us", "row") draws that region's power wanted, available and achieved
    instead of the world's, without the world's split, bands or reference line.
    """
    traces: list[Trace] = []
    lines: tuple[tuple[str, str, str, str, float], ...] = POWER_LINES
    if region != "world":
        bands, world_average_gw = None, None
        where = REGION_NAMES[region]
        lines = tuple(
            (f"{column}_{region}", f"{where}: {name}", colour, dash, width)
            for column, name, colour, dash, width in POWER_LINES[:3]
        )
    if bands is not None:
        traces.append(_band(bands, "power_demand_gw", style.WANTED, "Wanted P10-P90"))
        traces.append(_band(bands, "power_supply_gw", style.SUPPLY, "Supply P10-P90"))
    column = _columns(frame, ("year", "frontier_run_power_achieved_gw", *(ln[0] for ln in lines)))
    years = column["year"].tolist()
    for name_in_frame, name, colour, dash, width in lines:
        values = column[name_in_frame]
        trace = _line(years, values, name, colour, dash, [fmt.power(v) for v in values.tolist()])
        trace["line"]["width"] = width
        traces.append(trace)
    first = float(column["year"].min())
    last = float(column["year"].max())
    lows = [float(column["frontier_run_power_achieved_gw"].min())]
    if history is not None:
        power = history["power_gw"].to_numpy()
        known = ~np.isnan(power)
        traces.append(
            _points(
                history["year"].to_numpy()[known],
                power[known],
                history["model"].to_numpy()[known],
                "Past frontier runs (Epoch AI)",
                style.TRAINING,
                7,
                fmt.power,
            )
        )
        first = min(first, float(history["year"].min()))
        if known.any():
            lows.append(float(power[known].min()))
    top = float(np.max([column[lines[0][0]].max(), column[lines[1][0]].max()]))
    if world_average_gw:
        top = min(top, 10 * world_average_gw)
    # The world's electricity use as a reference line, where it falls on the axis.
    if world_average_gw and world_average_gw <= top * 2:
        traces.append(
            {
                "type": "scatter",
                "mode": "lines",
                "x": [first - 10, last],
                "y": [world_average_gw, world_average_gw],
                "name": f"World electricity use, 2024: {fmt.power(world_average_gw)}",
                "line": {"color": "#7f8c8d", "dash": "dash", "width": 1},
                "hoverinfo": "skip",
            }
        )
    ticks = [10.0**k for k in range(-6, 6)]
    layout = {
        "xaxis": {"range": [first - 0.5, last + 0.5]},
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
        overrides=style.LEGEND_AT_BOTTOM,
        title="Power for AI: wanted, available, achieved"
        + ("" if region == "world" else f" ({REGION_NAMES[region]})"),
        x_title="Year",
        y_title="Average power (log scale)",
        height=540,
        marker_x=wall,
        marker_text=_wall_text(wall),
    )


def compute_figure(
    frame: pd.DataFrame,
    bands: pd.DataFrame | None = None,
    history: pd.DataFrame | None = None,
    wall: int | None = None,
) -> go.Figure:
    """Frontier training compute wanted (the trend) vs achieved (FLOP, log)."""
    traces: list[Trace] = []
    if bands is not None:
        traces.append(_band(bands, "compute_achieved_flop", style.ACHIEVED, "Achieved P10-P90"))
    column = _columns(
        frame, ("year", "compute_demand_flop", "compute_achieved_flop", "binding_constraint")
    )
    years = column["year"].tolist()
    wanted = column["compute_demand_flop"]
    traces.append(
        _line(
            years,
            wanted,
            "Wanted (the trend)",
            style.WANTED,
            "dash",
            [fmt.flop(v) for v in wanted.tolist()],
        )
    )
    achieved = column["compute_achieved_flop"]
    hover = _run_label(achieved, column["binding_constraint"])
    traces.append(_line(years, achieved, "Achieved", style.ACHIEVED, "solid", hover))
    if history is not None:
        traces.append(
            _points(
                history["year"].to_numpy(),
                history["flop"].to_numpy(),
                history["model"].to_numpy(),
                "Past frontier models (Epoch AI)",
                style.TRAINING,
                6,
                fmt.flop,
            )
        )
    first = float(history["year"].min()) if history is not None else float(column["year"].min())
    flop = [*wanted, *achieved, *(history["flop"] if history is not None else [])]
    layout = {
        "yaxis": {"type": "log", "exponentformat": "power"},
        "xaxis": {"range": [first - 0.5, float(column["year"].max()) + 0.5]},
    }
    return style.figure(
        traces,
        layout,
        overrides=style.LEGEND_AT_BOTTOM,
        title="Largest run: compute wanted vs achieved",
        x_title="Year",
        y_title="Training compute (FLOP, log scale)",
        y_extent=style.data_extent(flop, positive=True),
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
        "marker": {
            "color": [style.WANTED, style.SERVING, style.SERVING, style.STEP_COLOURS["power"]]
        },
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
        {
            "xaxis": {"type": "category"},
            "yaxis": {"range": [0, max(values) * 1.25]},
            "shapes": [one],
        },
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
        "marker": {"color": style.SUPPLY},
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
