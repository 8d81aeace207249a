"""Generation-mix charts: the mix as a 100% bar, per-source comparison, arrival timeline.

Traces and layouts are plain dicts assembled by charts.style (no plotly validation on each
rerun; tests/test_charts.py validates what the pages draw).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from charts import style
from charts import units as fmt

Trace = dict[str, Any]
#: Colour for a source missing from SOURCE_COLOURS (should not happen with shipped data).
_FALLBACK = "#999999"
#: The four panels of the source comparison: column(s), panel title, x-axis title, ticks.
_PANELS = (
    ("Emissions", "gCO2e/kWh (lifecycle)", [0, 1000], [0, 400, 800]),
    ("Cost (LCOE)", "USD/MWh", [0, 260], [0, 100, 200]),
    ("Lead time", "Years (tick: mid)", None, None),
    ("Capacity factor", "% of nameplate", [0, 115], [0, 50, 100]),
)
#: Fraction of the plot width between two panels.
_PANEL_GAP = 0.03


def _colour(source_id: str) -> str:
    return style.SOURCE_COLOURS.get(source_id, _FALLBACK)


def mix_bar_figure(shares: pd.Series, labels: pd.Series) -> go.Figure:
    """The normalised mix as one horizontal bar that adds to 100%, a segment per source.

    `shares` (fractions summing to 1) and `labels` are indexed by source id.
    """
    traces = []
    for sid, share in shares.items():
        if share <= 0:
            continue
        label = str(labels.get(sid, sid))
        traces.append(
            {
                "type": "bar",
                "x": [float(share) * 100.0],
                "y": ["Mix"],
                "orientation": "h",
                "name": label,
                "marker": {"color": _colour(str(sid)), "line": {"color": "white", "width": 1}},
                "text": [f"{share:.0%}" if share >= 0.06 else ""],
                "textposition": "inside",
                "insidetextanchor": "middle",
                "hovertemplate": f"{label}: {share:.1%}<extra></extra>",
            }
        )
    layout = {
        "barmode": "stack",
        "bargap": 0.1,
        "xaxis": {"range": [0, 100.5], "ticksuffix": "%", "dtick": 20},
        "yaxis": {"showticklabels": False},
    }
    # The legend above the bar: below it, it would need more height than the bar itself.
    after = {
        "margin": {"t": 80},
        "legend": {"yanchor": "bottom", "y": 1.02, "traceorder": "normal"},
    }
    return style.figure(
        traces,
        layout,
        after,
        title="Your mix for new AI power",
        x_title="Share of energy (%)",
        y_title="",
        height=190,
    )


def _panel_domains(count: int, gap: float) -> list[list[float]]:
    """Side-by-side x domains (fractions of the plot width) of `count` equal panels."""
    width = (1.0 - gap * (count - 1)) / count
    return [[i * (width + gap), i * (width + gap) + width] for i in range(count)]


def source_comparison_figure(sources: pd.DataFrame, used: set[str] | None = None) -> go.Figure:
    """Every source side by side: lifecycle gCO2e/kWh, LCOE range, lead time range, CF.

    Sources in `used` are drawn in full colour, the rest faded, so the chosen mix stands
    out while all options stay comparable. Four panels share one category axis.
    """
    table = sources.iloc[::-1]  # first source on top
    ids = table["source_id"].tolist()
    active = used if used is not None else set(ids)
    colours = [_colour(s) if s in active else style.hex_to_rgba(_colour(s), 0.3) for s in ids]
    labels = table["label"].tolist()
    bar = {"type": "bar", "y": labels, "orientation": "h", "marker": {"color": colours}}
    intensity = table["lifecycle_gco2e_per_kwh"].tolist()
    capacity = table["capacity_factor"].tolist()
    traces: list[Trace] = [
        {
            **bar,
            "x": intensity,
            "text": [fmt.sig(v) for v in intensity],
            "textposition": "outside",
            "cliponaxis": False,
            "hovertemplate": "%{y}: %{x} gCO2e/kWh<extra></extra>",
        }
    ]
    for axis, low, high, unit in (
        ("2", "lcoe_low_usd_per_mwh", "lcoe_high_usd_per_mwh", "$/MWh"),
        ("3", "lead_time_low_years", "lead_time_high_years", "years"),
    ):
        lows, highs = table[low].tolist(), table[high].tolist()
        traces.append(
            {
                **bar,
                "x": (table[high] - table[low]).tolist(),
                "base": lows,
                "customdata": [[lo, hi] for lo, hi in zip(lows, highs, strict=True)],
                "hovertemplate": "%{y}: %{customdata[0]}-%{customdata[1]} "
                + unit
                + "<extra></extra>",
                "xaxis": f"x{axis}",
                "yaxis": f"y{axis}",
            }
        )
    traces.append(
        {
            "type": "scatter",
            "x": table["lead_time_mid_years"].tolist(),
            "y": labels,
            "mode": "markers",
            "marker": {"symbol": "line-ns", "size": 14, "line": {"width": 2, "color": "#222"}},
            "hovertemplate": "%{y}: mid %{x} years<extra></extra>",
            "xaxis": "x3",
            "yaxis": "y3",
        }
    )
    traces.append(
        {
            **bar,
            "x": [v * 100.0 for v in capacity],
            "text": [f"{v:.0%}" for v in capacity],
            "textposition": "outside",
            "cliponaxis": False,
            "hovertemplate": "%{y}: %{x:.0f}% of nameplate on average<extra></extra>",
            "xaxis": "x4",
            "yaxis": "y4",
        }
    )
    layout: dict[str, Any] = {"showlegend": False, "bargap": 0.25, "annotations": []}
    after: dict[str, Any] = {}
    domains = _panel_domains(len(_PANELS), _PANEL_GAP)
    for i, ((title, x_title, x_range, ticks), domain) in enumerate(
        zip(_PANELS, domains, strict=True), 1
    ):
        n = "" if i == 1 else str(i)
        xaxis: dict[str, Any] = {"anchor": f"y{n}", "domain": domain}
        if x_range is not None:
            xaxis |= {"range": x_range, "tickvals": ticks}
        layout[f"xaxis{n}"] = xaxis
        layout[f"yaxis{n}"] = {"anchor": f"x{n}", "domain": [0.0, 1.0]}
        after[f"xaxis{n}"] = {"title": {"text": x_title}}
        if i > 1:  # one category axis, labelled on the first panel only
            layout[f"yaxis{n}"] |= {"matches": "y", "showticklabels": False}
            after[f"yaxis{n}"] = {"title": {"text": ""}}
        layout["annotations"].append(
            {
                "text": title,
                "font": {"size": 13},
                "showarrow": False,
                "x": (domain[0] + domain[1]) / 2,
                "xanchor": "center",
                "xref": "paper",
                "y": 1.0,
                "yanchor": "bottom",
                "yref": "paper",
            }
        )
    return style.figure(
        traces,
        layout,
        after,
        title="Every source compared (your mix in full colour)",
        x_title="",
        y_title="Generation source",
        height=470,
    )


def arrival_figure(arrivals: pd.DataFrame, labels: pd.Series, base_year: int) -> go.Figure:
    """When each part of the mix first delivers, if its build is decided in `base_year`.

    `arrivals` is model.grid.arrival_years joined with a `nameplate_gw` column, indexed by
    source id; each bar spans the low to high lead time, the tick marks the mid.
    """
    table = arrivals.iloc[::-1]
    names = [str(labels.get(s, s)) for s in table.index]
    lows, highs = table["first_year_low"].tolist(), table["first_year_high"].tolist()
    plates = table["nameplate_gw"].tolist()
    traces: list[Trace] = [
        {
            "type": "bar",
            "x": (table["first_year_high"] - table["first_year_low"]).tolist(),
            "base": lows,
            "y": names,
            "orientation": "h",
            "marker": {"color": [_colour(str(s)) for s in table.index]},
            "customdata": [
                [fmt.sig(lo, 5), fmt.sig(hi, 5), fmt.power(gw)]
                for lo, hi, gw in zip(lows, highs, plates, strict=True)
            ],
            "hovertemplate": "%{y}: from %{customdata[0]} to %{customdata[1]}; "
            "%{customdata[2]} nameplate<extra></extra>",
            "name": "Low to high lead time",
        },
        {
            "type": "scatter",
            "x": table["first_year_mid"].tolist(),
            "y": names,
            "mode": "markers",
            "marker": {"symbol": "line-ns", "size": 18, "line": {"width": 3, "color": "#222"}},
            "hovertemplate": "%{y}: mid %{x:.1f}<extra></extra>",
            "name": "Mid lead time",
        },
        {
            "type": "scatter",
            "x": highs,
            "y": names,
            "mode": "text",
            "text": [f"  {fmt.power(v)}" for v in plates],
            "textposition": "middle right",
            "hoverinfo": "skip",
            "name": "Nameplate to build",
            "showlegend": False,
        },
    ]
    order_year = {
        "type": "line",
        "xref": "x",
        "yref": "y domain",
        "x0": base_year,
        "x1": base_year,
        "y0": 0,
        "y1": 1,
        "line": {"color": "#999", "dash": "dot"},
    }
    layout = {
        "showlegend": False,
        "shapes": [order_year],
        "xaxis": {"range": [base_year - 0.5, float(max(highs)) + 3.0]},
    }
    return style.figure(
        traces,
        layout,
        title=f"When each part delivers, if ordered in {base_year}",
        x_title="Year first power flows",
        y_title="Generation source",
        height=max(260, 110 + 45 * len(table)),
    )


def _sum_where(plate: pd.Series, part: str) -> float:
    """Sum of the GW of the sources whose id contains `part` ("nuclear", "gas"). [GW]"""
    return float(sum(gw for sid, gw in plate.items() if part in str(sid)))


def load_table(
    loads_gw: dict[str, float],
    nameplates: dict[str, pd.Series],
    emissions_mt: dict[str, float],
    cost_usd_per_yr: dict[str, tuple[float, float]],
) -> pd.DataFrame:
    """Readable outputs per load (columns) for the power page: nameplate, plants, Mt, $.

    `nameplates` are per-source GW series (model.grid.nameplate_gw) keyed like `loads_gw`.
    """
    out = {}
    for name, gw in loads_gw.items():
        plate = nameplates[name]
        total = float(plate.sum())
        low, high = cost_usd_per_yr[name]
        out[name] = {
            "Average load": fmt.power(gw),
            "Nameplate to build": fmt.power(total),
            "1-GW plants (nameplate / 1 GW)": fmt.sig(total),
            "of which 1 GW reactors": fmt.sig(_sum_where(plate, "nuclear")),
            "of which 1 GW gas units": fmt.sig(_sum_where(plate, "gas")),
            "Emissions per year": fmt.mass_co2(emissions_mt[name] * 1e6),
            "Energy cost per year": f"{fmt.usd(low)} to {fmt.usd(high)}",
        }
    return pd.DataFrame(out)


def source_table(
    arrivals: pd.DataFrame, labels: pd.Series, nameplates: dict[str, pd.Series]
) -> pd.DataFrame:
    """Per source in the mix: share, nameplate per load, first year it delivers.

    Years are the calendar year in which the low / mid / high lead time ends (floor).
    """
    years = np.floor(arrivals[["first_year_low", "first_year_mid", "first_year_high"]].to_numpy())
    return pd.DataFrame(
        {
            "Source": [labels.get(s, s) for s in arrivals.index],
            "Share": [f"{v:.1%}" for v in arrivals["share"]],
            **{
                f"Nameplate, {name}": [fmt.power(plate[s]) for s in arrivals.index]
                for name, plate in nameplates.items()
            },
            "First delivers (fast / mid / slow)": [
                " / ".join(f"{y:.0f}" for y in row) for row in years
            ],
        }
    )
