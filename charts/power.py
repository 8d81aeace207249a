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
#: The source comparison, one chart a measure: title, x-axis title, x range, x ticks (None:
#: plotly's). Each range leaves room right of the longest bar for its label.
_PANELS = (
    ("Every source: lifecycle emissions", "gCO2e/kWh", [0, 1100], [0, 400, 800]),
    ("Every source: cost (LCOE)", "USD/MWh", [0, 260], [0, 100, 200]),
    ("Every source: lead time", "Years to first power", None, None),
    ("Every source: capacity factor", "% of nameplate", [0, 125], [0, 50, 100]),
)
#: Opacity of a source outside the reader's mix, and the text colour on a light bar.
_FADED = 0.3
_DARK_TEXT = "#1f2933"
#: Height of each comparison chart: a row of bars per source plus title and axis. [px]
_PANEL_HEIGHT_PX = 400


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
        "yaxis": {"type": "category", "showticklabels": False},
    }
    # The legend pinned to the figure's bottom (above the bar it ran into the title once
    # it wrapped; ui/plot.py gives it its room); it may use the figure's whole width, not
    # only the plot's, so a phone fits two or three entries a row, not one.
    after = {
        **style.LEGEND_AT_BOTTOM,
        "margin": {"t": 40},
    }
    after["legend"] = {**after["legend"], "traceorder": "normal", "xref": "container"}
    # No y-axis title: the bar's one row has no label, and the legend names the sources.
    return style.figure(
        traces,
        layout,
        after,
        title="Your mix for new AI power",
        x_title="Share of energy (%)",
        y_title="",
        height=260,
    )


def source_comparison_figures(
    sources: pd.DataFrame, used: set[str] | None = None
) -> tuple[go.Figure, ...]:
    """Every source side by side, one chart a measure: lifecycle gCO2e/kWh, the LCOE range,
    the lead-time range (tick: mid) and the capacity factor.

    One chart each, not four panels of one: a page sets them two by two on a desktop and
    one under another on a phone, where panels of one figure ran their axis titles and
    labels into each other. Sources in `used` are drawn in full colour, the rest faded, so
    the chosen mix stands out while all options stay comparable.
    """
    table = sources.iloc[::-1]  # first source on top
    ids = table["source_id"].tolist()
    active = used if used is not None else set(ids)
    colours = [_colour(s) if s in active else style.hex_to_rgba(_colour(s), _FADED) for s in ids]
    bar = {
        "type": "bar",
        "y": table["label"].tolist(),
        "orientation": "h",
        "marker": {"color": colours},
    }
    # A label sits inside its bar where it fits (a long bar's, which outside would run
    # past a phone's narrow plot), else after it; inside, dark on a light bar.
    inside = [label_colour(_colour(s), 1.0 if s in active else _FADED) for s in ids]
    labelled = {
        "textposition": "auto",
        "textangle": 0,
        "insidetextfont": {"color": inside},
        "outsidetextfont": {"color": _DARK_TEXT},
        "cliponaxis": False,
    }
    panels = zip(_PANELS, _comparison_traces(table, bar, labelled), strict=True)
    return tuple(_panel_figure(panel, traces) for panel, traces in panels)


def luminance(colour: str, alpha: float = 1.0) -> float:
    """WCAG 2 relative luminance of `colour` ('#rrggbb') drawn at `alpha` on white."""
    rgb = [int(colour[i : i + 2], 16) / 255.0 for i in (1, 3, 5)]
    shown = [alpha * c + (1.0 - alpha) for c in rgb]  # blended with the white page
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in shown]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def label_colour(colour: str, alpha: float) -> str:
    """The text colour, dark or white, with the higher WCAG contrast ratio on a bar of
    `colour` drawn at `alpha` on white."""
    bar = luminance(colour, alpha) + 0.05
    dark = luminance(_DARK_TEXT) + 0.05
    return _DARK_TEXT if bar / dark > 1.05 / bar else "#ffffff"


def _comparison_traces(table: pd.DataFrame, bar: Trace, labelled: Trace) -> list[list[Trace]]:
    """The traces of each comparison chart, in _PANELS' order; `labelled` is how the
    charts with a value on each bar draw it."""
    intensity = table["lifecycle_gco2e_per_kwh"].tolist()
    capacity = [v * 100.0 for v in table["capacity_factor"]]
    emissions = {
        **bar,
        **labelled,
        "x": intensity,
        "text": [fmt.sig(v) for v in intensity],
        "hovertemplate": "%{y}: %{x} gCO2e/kWh<extra></extra>",
    }
    cost = _range_bar(table, bar, "lcoe", "usd_per_mwh", "$/MWh")
    lead = _range_bar(table, bar, "lead_time", "years", "years")
    mid = {
        "type": "scatter",
        "x": table["lead_time_mid_years"].tolist(),
        "y": bar["y"],
        "mode": "markers",
        "marker": {"symbol": "line-ns", "size": 14, "line": {"width": 2, "color": "#222"}},
        "hovertemplate": "%{y}: mid %{x} years<extra></extra>",
    }
    factor = {
        **bar,
        **labelled,
        "x": capacity,
        "text": [f"{v:.0f}%" for v in capacity],
        "hovertemplate": "%{y}: %{x:.0f}% of nameplate on average<extra></extra>",
    }
    return [[emissions], [cost], [lead, mid], [factor]]


def _range_bar(table: pd.DataFrame, bar: Trace, column: str, unit: str, shown: str) -> Trace:
    """Bars from each source's `<column>_low_<unit>` to its `<column>_high_<unit>`."""
    lows = table[f"{column}_low_{unit}"].tolist()
    highs = table[f"{column}_high_{unit}"].tolist()
    return {
        **bar,
        "x": [hi - lo for lo, hi in zip(lows, highs, strict=True)],
        "base": lows,
        "customdata": [[lo, hi] for lo, hi in zip(lows, highs, strict=True)],
        "hovertemplate": "%{y}: %{customdata[0]}-%{customdata[1]} " + shown + "<extra></extra>",
    }


def _panel_figure(
    panel: tuple[str, str, list[int] | None, list[int] | None], traces: list[Trace]
) -> go.Figure:
    """One comparison chart: its title, x-axis title and range, sources down the side."""
    title, x_title, x_range, ticks = panel
    xaxis: dict[str, Any] = {} if x_range is None else {"range": x_range, "tickvals": ticks}
    layout = {"showlegend": False, "bargap": 0.25, "xaxis": xaxis, "yaxis": {"type": "category"}}
    # A right margin as wide as plotly's toolbar, which a touch screen always shows there:
    # the bars' labels and the axis title stay clear of it.
    after = {"margin": {"r": style.TOOLBAR_PX}}
    return style.figure(
        traces,
        layout,
        after,
        title=title,
        x_title=x_title,
        y_title="Source",
        height=_PANEL_HEIGHT_PX,
    )


def lead_time_figure(
    spans: pd.DataFrame, nameplate_gw: Mapping[str, float], labels: Mapping[str, str]
) -> go.Figure:
    """Years from the decision to build to first power, by source of the mix.

    `spans` is model.grid.lead_times (low, mid, high), indexed by source id; each bar spans
    the low to high lead time, the tick marks the mid, and the label gives the source's
    nameplate (`nameplate_gw`, by source id).
    """
    table = spans.iloc[::-1]
    plates = [nameplate_gw[s] for s in table.index]
    # The nameplate goes in the source's label, which never runs off a narrow chart.
    names = [
        f"{labels.get(s, s)}<br>{fmt.power(gw)}" for s, gw in zip(table.index, plates, strict=True)
    ]
    lows, highs = table["low"].tolist(), table["high"].tolist()
    traces: list[Trace] = [
        {
            "type": "bar",
            "x": (table["high"] - table["low"]).tolist(),
            "base": lows,
            "y": names,
            "orientation": "h",
            "marker": {"color": [_colour(str(s)) for s in table.index]},
            "customdata": [
                [fmt.sig(lo), fmt.sig(hi), fmt.power(gw)]
                for lo, hi, gw in zip(lows, highs, plates, strict=True)
            ],
            "hovertemplate": "%{y}: %{customdata[0]} to %{customdata[1]} years; "
            "%{customdata[2]} nameplate<extra></extra>",
            "name": "Low to high lead time",
        },
        {
            "type": "scatter",
            "x": table["mid"].tolist(),
            "y": names,
            "mode": "markers",
            "marker": {"symbol": "line-ns", "size": 18, "line": {"width": 3, "color": "#222"}},
            "hovertemplate": "%{y}: mid %{x:.1f} years<extra></extra>",
            "name": "Mid lead time",
        },
    ]
    layout = {
        "showlegend": False,
        "xaxis": {"range": [0, float(max(highs)) + 0.5]},
        "yaxis": {"type": "category"},
    }
    return style.figure(
        traces,
        layout,
        title="Lead time to first power (years)",
        x_title="Lead time (years)",
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
    spans: pd.DataFrame,
    shares: Mapping[str, float],
    labels: Mapping[str, str],
    nameplates: pd.DataFrame,
    first_power: Mapping[str, float],
    end_year: int,
) -> pd.DataFrame:
    """Per source in the mix: share, first power, lead times, nameplate per load.

    `spans` is model.grid.lead_times of the mix's sources; `nameplates` the second frame
    of model.grid.load_outputs (a column per load); `first_power` the projection's first
    year of power by source id (model.grid.build_by_source; NaN if none by `end_year`, the
    projection's last year).
    """
    ids = list(spans.index)
    leads = spans[["low", "mid", "high"]].to_numpy()
    return pd.DataFrame(
        {
            "Source": [labels.get(s, s) for s in ids],
            "Share": [f"{shares[s]:.1%}" for s in ids],
            "First power": [_year(first_power.get(s, np.nan), end_year) for s in ids],
            "Lead time, years (fast / mid / slow)": [
                " / ".join(fmt.sig(y) for y in row) for row in leads
            ],
            **{
                f"Nameplate, {name}": [fmt.power(plate[s]) for s in ids]
                for name, plate in nameplates.to_dict().items()
            },
        }
    )


def _year(year: float, end_year: int) -> str:
    return f"{year:.0f}" if np.isfinite(year) else f"none by {end_year}"


def build_table(build: pd.DataFrame, labels: Mapping[str, str], year: int) -> pd.DataFrame:
    """What the build inputs do to each source: started vs wanted, firm power by `year`.

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
            f"Firm by {year}": [fmt.power(v) for v in build["firm_by_year_gw"]],
        }
    )
