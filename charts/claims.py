"""One chart per claim of the post, from the frames model.claims returns.

Traces and layouts are plain dicts assembled by charts.style.figure (no plotly validation
on each rerun; tests/test_charts.py validates what the pages draw).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from charts import style
from charts import units as fmt

Trace = dict[str, Any]

#: Claim 4's three mixes, each in the colour of its main source.
MIX_COLOURS = {
    "nuclear_bet": style.SOURCE_COLOURS["nuclear_large"],
    "gas_bridge": style.SOURCE_COLOURS["gas_ccgt"],
    "solar_storage_gas": style.SOURCE_COLOURS["solar_plus_storage"],
}
MIX_DASHES = {"nuclear_bet": "solid", "gas_bridge": "dash", "solar_storage_gas": "dot"}


def run_energy_figure(
    chart: pd.DataFrame, yardsticks_gwh: Mapping[str, float], published: pd.DataFrame
) -> go.Figure:
    """Claim 1: energy of the trend's largest run by year, beside everyday scales and
    published runs (GWh, log scale)."""
    traces: list[Trace] = [
        {
            "type": "scatter",
            "x": chart["year"].tolist(),
            "y": chart["run_energy_gwh"].tolist(),
            "mode": "lines+markers",
            "name": "Largest run, wanted (the trend)",
            "line": {"color": style.WANTED, "width": 3},
            "hovertemplate": "%{x}: %{y:,.3s} GWh<extra>largest run, wanted</extra>",
        },
        {
            "type": "scatter",
            "x": published["year"].tolist(),
            "y": published["energy_gwh"].tolist(),
            "mode": "markers",
            "name": "Published runs",
            "text": [fmt.chart_text(m) for m in published["model"]],
            "marker": {"color": style.PUBLISHED, "size": 8, "symbol": "diamond"},
            "hovertemplate": "%{text} (%{x}): %{y:,.3s} GWh<extra></extra>",
        },
    ]
    years = chart["year"].tolist()
    for dash, (label, gwh) in zip(("dot", "dash", "dashdot"), yardsticks_gwh.items(), strict=False):
        traces.append(
            {
                "type": "scatter",
                "x": [min(years[0], int(published["year"].min())), years[-1]],
                "y": [gwh, gwh],
                "mode": "lines",
                "name": f"{fmt.chart_text(label)}: {fmt.energy(gwh * 1000)}",
                "line": {"color": "#555", "dash": dash, "width": 1.5},
                "hoverinfo": "skip",
            }
        )
    return style.figure(
        traces,
        {"yaxis": {"type": "log", "exponentformat": "power"}},
        overrides=style.LEGEND_AT_BOTTOM,
        title="Energy of the largest run",
        x_title="Year",
        y_title="Energy per run (GWh, log)",
        y_extent=style.data_extent((v for t in traces for v in t["y"]), positive=True),
    )


def lead_time_figure(table: pd.DataFrame, behind_meter_share: float) -> go.Figure:
    """Claim 2: years from decision to first power per source: the mid lead time (with
    the low-high range) and the grid queue's extra wait for grid-connected builds."""
    labels = [fmt.chart_text(label) for label in table["label"]]
    mid = table["lead_mid_years"]
    traces: list[Trace] = [
        {
            "type": "bar",
            "orientation": "h",
            "y": labels,
            "x": mid.tolist(),
            "name": "Permits and construction (mid; line: low-high)",
            "marker": {"color": [style.SOURCE_COLOURS.get(s, "#888") for s in table["source_id"]]},
            "error_x": {
                "type": "data",
                "symmetric": False,
                "array": (table["lead_high_years"] - mid).tolist(),
                "arrayminus": (mid - table["lead_low_years"]).tolist(),
                "color": "#333",
            },
            "hovertemplate": "%{y}: %{x:.1f} years<extra>mid lead time</extra>",
        },
        {
            "type": "bar",
            "orientation": "h",
            "y": labels,
            "x": table["queue_extra_years"].tolist(),
            "name": f"US grid queue ({100 - behind_meter_share:.0f}% of builds wait)",
            "marker": {"color": "#cccccc", "pattern": {"shape": "/"}},
            "hovertemplate": "%{y}: +%{x:.1f} years<extra>grid queue</extra>",
        },
    ]
    return style.figure(
        traces,
        {"barmode": "stack", "yaxis": {"type": "category"}},
        overrides=style.LEGEND_AT_BOTTOM,
        title="Years from decision to first power",
        x_title="Years",
        y_title="Source",
        height=max(260, 70 + 45 * len(labels)),
        x_extent=(0.0, float((table["lead_high_years"] + table["queue_extra_years"]).max())),
    )


def growth_figure(table: pd.DataFrame, floor: float) -> go.Figure:
    """Claim 3: yearly growth of the achieved largest run, coloured by the binding step,
    against the trend and the 'exponential' floor (x per year)."""
    colours = [style.STEP_COLOURS[step] for step in table["binding_constraint"]]
    names = [style.STEP_NAMES[step] for step in table["binding_constraint"]]
    years = table["year"].tolist()
    traces: list[Trace] = [
        {
            "type": "bar",
            "x": years,
            "y": table["achieved_growth"].tolist(),
            "name": "Achieved growth (colour: step that binds)",
            "marker": {"color": colours},
            "customdata": names,
            "hovertemplate": "%{x}: %{y:.2f}x<extra>binding: %{customdata}</extra>",
        },
        {
            "type": "scatter",
            "x": years,
            "y": table["trend_growth"].tolist(),
            "mode": "lines",
            "name": "Trend",
            "line": {"color": style.WANTED, "width": 2},
        },
        {
            "type": "scatter",
            "x": years,
            "y": [floor] * len(years),
            "mode": "lines",
            "name": f"Exponential floor ({fmt.sig(floor)}x)",
            "line": {"color": "#333", "dash": "dot", "width": 1.5},
        },
    ]
    # One invisible marker per step present, so the legend names the bar colours.
    for step in dict.fromkeys(table["binding_constraint"]):
        traces.append(
            {
                "type": "scatter",
                "x": [None],
                "y": [None],
                "mode": "markers",
                "marker": {"color": style.STEP_COLOURS[step], "size": 10, "symbol": "square"},
                "name": f"Binds: {style.STEP_NAMES[step]}",
            }
        )
    return style.figure(
        traces,
        {},
        overrides=style.LEGEND_AT_BOTTOM,
        title="Growth of the largest run",
        x_title="Year",
        y_title="Growth (x per year)",
        y_extent=style.data_extent([0.0, *table["achieved_growth"], *table["trend_growth"], floor]),
    )


def mixes_figure(table: pd.DataFrame, years: list[int]) -> go.Figure:
    """Claim 4: under each mix, the power that can be built for AI (thick) and what all of
    AI wants (thin, same colour and dash): where a mix's supply falls below its own
    demand, power costs AI compute (GW)."""
    traces: list[Trace] = []
    for _, row in table.iterrows():
        colour = MIX_COLOURS.get(row["preset_id"], "#666")
        dash = MIX_DASHES.get(row["preset_id"])
        name = fmt.chart_text(row["mix"])
        for column, what, width in (("supply_gw", "available", 3), ("demand_gw", "wanted", 1.2)):
            traces.append(
                {
                    "type": "scatter",
                    "x": years,
                    "y": list(row[column]),
                    "mode": "lines",
                    "name": f"{name}: {what}",
                    "line": {"color": colour, "width": width, "dash": dash},
                    "hovertemplate": "%{x}: %{y:,.1f} GW<extra>" + f"{name}, {what}</extra>",
                }
            )
    return style.figure(
        traces,
        {},
        overrides=style.LEGEND_AT_BOTTOM,
        title="Power for AI, by mix",
        x_title="Year",
        y_title="Average power (GW)",
        height=480,
        y_extent=style.data_extent(v for t in traces for v in t["y"]),
    )


#: Energy's share of a frontier run's amortized cost, low and high (Cottier et al. 2024,
#: "The rising costs of training frontier AI models"). [%]
MEASURED_SHARE_PCT = (2.0, 6.0)


def price_figure(table: pd.DataFrame, check_year: int) -> go.Figure:
    """Claim 5: AI's compute over the horizon (what the verdict reads), serving demand
    (how the price acts) and energy's share of compute cost at half, today's and double
    the electricity price (percent), beside Cottier et al.'s measured 2-6%."""
    today = table["price_factor"] == 1.0

    def percent_of_today(column: str) -> list[float]:
        base = float(table.loc[today, column].iloc[0])
        return [100 * v / base if base > 0 else 0.0 for v in table[column]]

    labels = [f"{fmt.sig(f)}x price" for f in table["price_factor"]]
    share_pct = [100 * v for v in table["energy_share_of_run_cost"]]
    bars = (
        # What the verdict reads: all of AI's compute over the horizon.
        (
            percent_of_today("compute_flop"),
            "AI compute 2025-2040 (% of today's price)",
            style.ACHIEVED,
        ),
        # The mechanism: serving answers the price, even where power binds the fleet.
        (
            percent_of_today("inference_power_demand_gw"),
            f"Serving wanted in {check_year} (% of today's price)",
            style.SERVING,
        ),
    )
    traces: list[Trace] = [
        {
            "type": "bar",
            "x": labels,
            "y": values,
            "name": name,
            "marker": {"color": colour},
            "text": [f"{v:.0f}%" for v in values],
            "textposition": "outside",
            "offsetgroup": str(i),
        }
        for i, (values, name, colour) in enumerate(bars)
    ]
    # Energy's share is a few percent: on its own axis (right), where the measured 2-6%
    # band is a third of the height instead of a sliver under bars of 100%.
    traces.append(
        {
            "type": "bar",
            "x": labels,
            "y": share_pct,
            "name": "Energy's share of compute cost (%, right axis)",
            "marker": {"color": style.STEP_COLOURS["power"]},
            "text": [f"{v:.1f}%" for v in share_pct],
            "textposition": "outside",
            "offsetgroup": str(len(bars)),
            "yaxis": "y2",
        }
    )
    run_pct = [v for values, _, _ in bars for v in values]
    # Room above the tallest bar for its label, on whole 5% steps.
    share_top = 5.0 * math.ceil(max([*share_pct, MEASURED_SHARE_PCT[1]]) * 1.3 / 5.0)
    band = {
        "type": "rect",
        "xref": "paper",
        "yref": "y2",
        "x0": 0,
        "x1": 1,
        "y0": MEASURED_SHARE_PCT[0],
        "y1": MEASURED_SHARE_PCT[1],
        "fillcolor": "rgba(0,0,0,0.12)",
        "line": {"width": 1.5, "dash": "dash", "color": "rgba(0,0,0,0.6)"},
        "layer": "below",
    }
    traces.append(
        {
            "type": "scatter",
            "x": [None],
            "y": [None],
            "mode": "markers",
            "marker": {"color": "rgba(0,0,0,0.3)", "size": 12, "symbol": "square"},
            "name": "Measured share, 2-6% (Cottier et al. 2024; right axis)",
        }
    )
    return style.figure(
        traces,
        {
            "barmode": "group",
            "shapes": [band],
            "xaxis": {"type": "category"},
            "yaxis": {"range": [0, max([*run_pct, 110.0]) * 1.15]},
            "yaxis2": {
                # No title on the right axis: plotly's toolbar, which a touch screen always
                # shows, stands over it on a phone; its ticks end in % and the legend
                # names it.
                "title": {"text": ""},
                "overlaying": "y",
                "side": "right",
                "range": [0, share_top],
                "ticksuffix": "%",
                "tickmode": "linear",  # whole 5% steps, not the left axis's grid
                "tick0": 0,
                "dtick": 5,
                "showgrid": False,
            },
        },
        overrides=style.LEGEND_AT_BOTTOM,
        title="What the price changes",
        x_title="Electricity price",
        y_title="Percent",
        # The right axis's labels stay clear of the toolbar's column.
        reserve_right_px=style.TOOLBAR_PX,
    )
