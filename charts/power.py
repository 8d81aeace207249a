"""Generation-mix charts: the mix as a 100% bar, per-source comparison, arrival timeline.

Traces and layouts are plain dicts assembled by charts.style (no plotly validation on each
rerun; tests/test_charts.py validates what the pages draw).
"""

from __future__ import annotations

from collections.abc import Mapping
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
    ("Emissions", "Lifecycle gCO2e/kWh", [0, 1000], [0, 400, 800]),
    ("Cost", "LCOE, USD/MWh", [0, 260], [0, 100, 200]),
    ("Lead time", "Years", None, None),
    ("Capacity<br>factor", "%", [0, 130], [0, 50, 100]),
)
#: Fraction of the plot width between the two columns of panels, and of its height
#: between the two rows.
_PANEL_GAP = 0.06
_ROW_GAP = 0.16


def _colour(source_id: str) -> str:
    return style.SOURCE_COLOURS.get(source_id, _FALLBACK)


def mix_bar_figure(shares: pd.Series, labels: Mapping[str, str]) -> go.Figure:
    """The normalised mix as one horizontal bar that adds to 100%, a segment per source.

    `shares` (fractions summing to 1) is indexed by source id; `labels` maps source ids
    to display labels.
    """
    traces = []
    for sid, share in shares.items():
        if share <= 0:
            continue
        label = labels.get(str(sid), str(sid))
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
    # The legend pinned to the figure's bottom, with room for three rows of it on a phone
    # (above the bar it ran into the title once it wrapped).
    after = {
        **style.LEGEND_AT_BOTTOM,
        "margin": {"t": 40, "b": 80},
    }
    after["legend"] = {**after["legend"], "traceorder": "normal"}
    return style.figure(
        traces,
        layout,
        after,
        title="Your mix for new AI power",
        x_title="Share of energy (%)",
        y_title="Source",
        height=240,
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
    # Two by two, so each panel keeps half the width on a phone: panels 1 and 2 on top.
    columns = _panel_domains(2, _PANEL_GAP)
    rows = [[0.5 + _ROW_GAP / 2, 1.0], [0.0, 0.5 - _ROW_GAP / 2]]
    for i, (title, x_title, x_range, ticks) in enumerate(_PANELS, 1):
        n = "" if i == 1 else str(i)
        domain, y_domain = columns[(i - 1) % 2], rows[(i - 1) // 2]
        xaxis: dict[str, Any] = {"anchor": f"y{n}", "domain": domain}
        if x_range is not None:
            xaxis |= {"range": x_range, "tickvals": ticks}
        layout[f"xaxis{n}"] = xaxis
        layout[f"yaxis{n}"] = {"anchor": f"x{n}", "domain": y_domain}
        after[f"xaxis{n}"] = {"title": {"text": x_title}}
        if i > 1:  # one category axis, labelled on the left panels only
            layout[f"yaxis{n}"] |= {"matches": "y", "showticklabels": i == 3}
            after[f"yaxis{n}"] = {"title": {"text": "Source" if i == 3 else ""}}
        layout["annotations"].append(
            {
                "text": title,
                "font": {"size": 13},
                "showarrow": False,
                "x": domain[0],
                "xanchor": "left",
                "xref": "paper",
                "y": y_domain[1],
                "yanchor": "bottom",
                "yref": "paper",
            }
        )
    return style.figure(
        traces,
        layout,
        after,
        title="Every source compared",
        x_title="",
        y_title="Source",
        height=760,
    )


def arrival_figure(
    arrivals: pd.DataFrame,
    nameplate_gw: Mapping[str, float],
    labels: Mapping[str, str],
    base_year: int,
) -> go.Figure:
    """When each part of the mix first delivers, if its build is decided in `base_year`.

    `arrivals` is model.grid.arrival_years, indexed by source id; each bar spans the low
    to high lead time, the tick marks the mid, and the label gives the source's nameplate
    (`nameplate_gw`, by source id).
    """
    table = arrivals.iloc[::-1]
    plates = [nameplate_gw[s] for s in table.index]
    # The nameplate goes in the source's label, which never runs off a narrow chart.
    names = [
        f"{labels.get(s, s)}<br>{fmt.power(gw)}" for s, gw in zip(table.index, plates, strict=True)
    ]
    lows, highs = table["first_year_low"].tolist(), table["first_year_high"].tolist()
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
        "xaxis": {"range": [base_year - 0.5, float(max(highs)) + 0.5]},
    }
    return style.figure(
        traces,
        layout,
        title=f"First power, if ordered in {base_year}",
        x_title="Year first power flows",
        y_title="Source",
        height=max(280, 110 + 55 * len(table)),
    )


#: Rows of the load table (load_table), in order.
LOAD_ROWS = (
    "Average load",
    "Nameplate to build",
    "1 GW reactors",
    "1 GW gas units",
    "Emissions a year",
    "Cost a year, low",
    "Cost a year, high",
)


def load_table(summary: pd.DataFrame) -> pd.DataFrame:
    """Readable outputs per load (columns) for the power page: nameplate, plants, t, $.

    `summary` is the first frame of model.grid.load_outputs, a row per load.
    """
    out = {}
    for name, row in zip(summary.index, summary.to_dict("records"), strict=True):
        out[name] = [
            fmt.power(row["load_gw"]),
            fmt.power(row["nameplate_gw"]),
            fmt.sig(row["reactors"]),
            fmt.sig(row["gas_units"]),
            fmt.mass_co2(row["emissions_tco2e_per_yr"]),
            fmt.usd(row["cost_low_usd_per_yr"]),
            fmt.usd(row["cost_high_usd_per_yr"]),
        ]
    return pd.DataFrame(out, index=list(LOAD_ROWS))


def source_table(
    arrivals: pd.DataFrame, labels: Mapping[str, str], nameplates: pd.DataFrame
) -> pd.DataFrame:
    """Per source in the mix: share, nameplate per load, first year it delivers.

    `nameplates` is the second frame of model.grid.load_outputs (a column per load).
    Years are the calendar year in which the low / mid / high lead time ends (floor).
    """
    years = np.floor(
        np.column_stack([arrivals[f"first_year_{s}"].to_numpy() for s in ("low", "mid", "high")])
    )
    return pd.DataFrame(
        {
            "Source": [labels.get(s, s) for s in arrivals.index],
            "Share": [f"{v:.1%}" for v in arrivals["share"]],
            **{
                f"Nameplate, {name}": [fmt.power(plate[s]) for s in arrivals.index]
                for name, plate in nameplates.to_dict().items()
            },
            "One plant ordered now: first power (fast / mid / slow)": [
                " / ".join(f"{y:.0f}" for y in row) for row in years
            ],
        }
    )


def build_table(build: pd.DataFrame, labels: Mapping[str, str], year: int) -> pd.DataFrame:
    """What the build inputs do to each source: started vs wanted, first firm power.

    `build` is model.grid.build_by_source, indexed by source id.
    """
    return pd.DataFrame(
        {
            "Source": [labels.get(s, s) for s in build.index],
            "Wanted a year": [f"{fmt.power(v)}" for v in build["wanted_gw_per_yr"]],
            "Started (capped)": [
                fmt.power(v) + (" (cap)" if c else "")
                for v, c in zip(build["started_gw_per_yr"], build["capped"], strict=True)
            ],
            "Projection: first year with power from new builds": [
                f"{y:.0f}" if np.isfinite(y) else "none by the end"
                for y in build["first_year_delivers"]
            ],
            f"Firm by {year}": [fmt.power(v) for v in build["firm_by_year_gw"]],
        }
    )
