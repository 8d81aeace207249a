"""Scenarios side by side: power wanted and available, each scenario in its own colour
and marker.

Traces and layouts are plain dicts assembled by charts.style.figure (no plotly validation
on each rerun; tests/test_charts.py validates what the pages draw).
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from charts import style
from charts import units as fmt

Trace = dict[str, Any]

#: Colour of the default baseline, then of the compared scenarios in order (not the
#: demand/supply reds and blues, so a scenario never reads as "the demand line").
BASELINE_COLOUR = "#5d6d7e"
SCENARIO_COLOURS = ("#d35400", "#1e8449", "#8e44ad", "#2e86c1", "#b7950b")
#: Marker of each compared scenario, in order (the baseline has none); not "x", which
#: marks a wall.
SCENARIO_SYMBOLS = ("circle", "square", "diamond", "triangle-up", "star")
#: Marker size on the lines. [px]
MARKER_SIZE = 9
#: Title of the chart: short enough for a phone's width (about 40 characters).
TITLE = "AI power: wanted vs available"


def legend_text(name: str) -> str:
    """A user's scenario name made safe for plotly, which reads some HTML in labels.

    Only <, > and & are escaped: plotly.js decodes &lt; &gt; &amp; (and numeric
    entities) but shows &quot; and &#x27; as typed, and quotes need no escaping in text.
    """
    return html.escape(name, quote=False)


def _template_text(label: str) -> str:
    # In a hovertemplate "%{...}" reads a data field; &#37; shows a "%" without doing so.
    return label.replace("%", "&#37;")


def marker_sizes(n_years: int, index: int, count: int) -> list[int]:
    """Marker sizes along a line: a marker every `count` years (at least 3), starting at
    year `index`, so lines that lie on top of each other show every scenario's markers
    in turn instead of one hiding the others."""
    step = max(count, 3)
    return [MARKER_SIZE if (i - index) % step == 0 else 0 for i in range(n_years)]


def _width(index: int, count: int) -> float:
    # Earlier scenarios are drawn wider, so a later one on the same line leaves an edge
    # of the earlier colour visible on both sides. [px]
    return 2.0 + 1.5 * (count - 1 - index)


def _scenario_traces(name: str, frame: pd.DataFrame, index: int | None, count: int) -> list[Trace]:
    """One scenario's power wanted (solid), available (dashed) and its wall (a cross).

    `frame` is a projection (model.projection.project); `index` is its place among the
    compared scenarios (None for the default baseline); `name` is escaped for plotly.
    """
    label = legend_text(name)
    years = frame["year"].tolist()
    is_base = index is None
    colour = BASELINE_COLOUR if index is None else SCENARIO_COLOURS[index % len(SCENARIO_COLOURS)]
    traces: list[Trace] = []
    for column, what, dash in (
        ("power_demand_gw", "wanted", "solid"),
        ("power_supply_gw", "available", "dash"),
    ):
        values = frame[column].tolist()
        trace: Trace = {
            "type": "scatter",
            "x": years,
            "y": values,
            "mode": "lines",
            "name": label,
            "legendgroup": label,
            "showlegend": what == "wanted",
            "line": {"color": colour, "dash": dash},
            "opacity": 0.55 if is_base else 1.0,
            "customdata": [fmt.power(v) for v in values],
            "hovertemplate": "%{x}: %{customdata}<extra>"
            + f"{_template_text(label)}: {what}</extra>",
        }
        if index is None:
            # The baseline is drawn wide and pale so scenarios on its line stay visible.
            trace["line"]["width"] = 7.0 if what == "wanted" else 5.0
        else:
            trace["line"]["width"] = _width(index, count)
            trace["mode"] = "lines+markers"
            trace["marker"] = {
                "symbol": SCENARIO_SYMBOLS[index % len(SCENARIO_SYMBOLS)],
                "size": marker_sizes(len(years), index, count),
                "color": colour,
                "line": {"color": "white", "width": 1},
            }
        traces.append(trace)
    limited = np.flatnonzero(frame["energy_limited"].to_numpy(bool))
    if limited.size:
        wall, at_wall = int(years[limited[0]]), float(frame["power_supply_gw"].iloc[limited[0]])
        traces.append(
            {
                "type": "scatter",
                "x": [wall],
                "y": [at_wall],
                "mode": "markers",
                "name": f"{label}: wall {wall}",
                "legendgroup": label,
                "showlegend": False,
                "marker": {"color": colour, "size": 12, "symbol": "x"},
                "hovertemplate": f"{_template_text(label)}: wall in {wall}<extra></extra>",
            }
        )
    return traces


def _key_traces() -> list[Trace]:
    """Legend entries that say what solid, dashed and a cross mean (no data)."""
    keys = (
        ("solid: wanted", {"mode": "lines", "line": {"color": "#333", "dash": "solid"}}),
        ("dashed: available", {"mode": "lines", "line": {"color": "#333", "dash": "dash"}}),
        ("x: wall", {"mode": "markers", "marker": {"color": "#333", "symbol": "x", "size": 10}}),
    )
    return [
        {"type": "scatter", "x": [None], "y": [None], "name": name, "hoverinfo": "skip", **look}
        for name, look in keys
    ]


def compare_figure(baseline: pd.DataFrame, scenarios: dict[str, pd.DataFrame]) -> go.Figure:
    """All-AI power wanted (solid) and available (dashed) per scenario, GW on a log axis.

    `baseline` and each of `scenarios` are projections (model.projection.project); a
    cross marks each scenario's wall (the first year power costs AI its threshold share
    of compute). Each scenario has its colour and marker symbol, markers staggered by
    year, and earlier scenarios are drawn wider, so scenarios with the same lines stay
    distinguishable.
    """
    count = len(scenarios)
    traces = _scenario_traces("Default", baseline, None, count)
    for i, (name, frame) in enumerate(scenarios.items()):
        traces += _scenario_traces(name, frame, i, count)
    traces += _key_traces()
    # 1-2-5 ticks: the lines span less than a decade at the defaults (about 20-200 GW),
    # where ticks at powers of ten alone left one label on the axis.
    ticks = [m * 10.0**k for k in range(-1, 7) for m in (1.0, 2.0, 5.0)]
    layout = {
        "yaxis": {"type": "log", "tickvals": ticks, "ticktext": [fmt.power(v) for v in ticks]},
    }
    overrides = {"legend": {**style.LEGEND_AT_BOTTOM["legend"], "itemsizing": "constant"}}
    return style.figure(
        traces,
        layout,
        overrides,
        title=TITLE,
        x_title="Year",
        y_title="Average power (log)",
        height=520,
        y_extent=style.data_extent((v for t in traces for v in t["y"]), positive=True),
    )


#: Row labels of the headline table, in order (headline_cells gives a value for each).
HEADLINE_LABELS = (
    "Wall year",
    "Largest run, wanted",
    "All-AI power, wanted",
    "All-AI power, achieved",
    "Power short",
    "Compute lost to power",
    "Emissions, wanted",
    "Emissions, achieved",
    "Mix cost",
)


def short_text(short_gw: float) -> str:
    """The power short, or 'none' when enough is available."""
    return "none" if short_gw <= 0.0 else fmt.power(short_gw)


def lost_text(share: float) -> str:
    """A share of compute lost, in percent ('31.6%'; 'none' at zero)."""
    return "none" if share <= 0.0 else f"{fmt.sig(100.0 * share)}%"


def headline_cells(numbers: Mapping[Any, Any], end_year: int) -> dict[str, str]:
    """One scenario's model.compare.headline_numbers with readable units, by label
    (HEADLINE_LABELS); every number but the wall year and the mix cost is read in
    the numbers' own year."""
    wall = numbers["wall_year"]
    cells = (
        f"none by {end_year}" if wall is None or pd.isna(wall) else str(int(wall)),
        fmt.power(numbers["frontier_run_power_gw"]),
        fmt.power(numbers["ai_demand_gw"]),
        fmt.power(numbers["ai_achieved_gw"]),
        short_text(numbers["power_short_gw"]),
        lost_text(numbers["compute_lost_to_power_share"]),
        f"{fmt.mass_co2(numbers['emissions_wanted_tco2e_per_yr'])}/yr",
        f"{fmt.mass_co2(numbers['emissions_achieved_tco2e_per_yr'])}/yr",
        f"${fmt.sig(numbers['cost_low_usd_per_mwh'])}-"
        f"{fmt.sig(numbers['cost_high_usd_per_mwh'])}/MWh",
    )
    return dict(zip(HEADLINE_LABELS, cells, strict=True))


def headline_columns(numbers: Mapping[str, Mapping[Any, Any]], end_year: int) -> pd.DataFrame:
    """The headline table as the compare page shows it: a column per scenario (name ->
    its model.compare.headline_numbers, in order), a row per HEADLINE_LABELS, in readable
    units, built that way round: transposing a table of text took ~1 ms."""
    out = pd.DataFrame(
        {name: list(headline_cells(n, end_year).values()) for name, n in numbers.items()},
        index=list(HEADLINE_LABELS),
    )
    out.columns = pd.Index(list(numbers), name="Scenario")
    return out
