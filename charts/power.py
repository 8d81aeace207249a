"""Generation-mix charts: the mix as a 100% bar, per-source comparison, arrival timeline."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from charts import style
from ui import format as fmt

#: Colour for a source missing from SOURCE_COLOURS (should not happen with shipped data).
_FALLBACK = "#999999"


def _colour(source_id: str) -> str:
    return style.SOURCE_COLOURS.get(source_id, _FALLBACK)


def mix_bar_figure(shares: pd.Series, labels: pd.Series) -> go.Figure:
    """The normalised mix as one horizontal bar that adds to 100%, a segment per source.

    `shares` (fractions summing to 1) and `labels` are indexed by source id.
    """
    fig = go.Figure()
    for sid, share in shares.items():
        if share <= 0:
            continue
        label = str(labels.get(sid, sid))
        fig.add_trace(
            go.Bar(
                x=[share * 100.0],
                y=["Mix"],
                orientation="h",
                name=label,
                marker={"color": _colour(str(sid)), "line": {"color": "white", "width": 1}},
                text=[f"{share:.0%}" if share >= 0.06 else ""],
                textposition="inside",
                insidetextanchor="middle",
                hovertemplate=f"{label}: {share:.1%}<extra></extra>",
            )
        )
    fig.update_layout(barmode="stack", bargap=0.1)
    fig.update_xaxes(range=[0, 100.5], ticksuffix="%", dtick=20)
    fig.update_yaxes(showticklabels=False)
    fig = style.base_layout(
        fig,
        title="Your mix for new AI power",
        x_title="Share of energy (%)",
        y_title="",
        height=190,
    )
    fig.update_layout(
        margin={"t": 80, "b": 10},
        legend={"yanchor": "bottom", "y": 1.02, "traceorder": "normal"},
    )
    return fig


def source_comparison_figure(sources: pd.DataFrame, used: set[str] | None = None) -> go.Figure:
    """Every source side by side: lifecycle gCO2e/kWh, LCOE range, lead time range, CF.

    Sources in `used` are drawn in full colour, the rest faded, so the chosen mix stands
    out while all options stay comparable.
    """
    table = sources.iloc[::-1]  # first source on top
    fig = make_subplots(
        rows=1,
        cols=4,
        shared_yaxes=True,
        horizontal_spacing=0.03,
        subplot_titles=(
            "Emissions",
            "Cost (LCOE)",
            "Lead time",
            "Capacity factor",
        ),
    )
    active = used if used is not None else set(table["source_id"])
    colours = [
        _colour(s) if s in active else style.hex_to_rgba(_colour(s), 0.3)
        for s in table["source_id"]
    ]
    labels = list(table["label"])
    fig.add_trace(
        go.Bar(
            x=table["lifecycle_gco2e_per_kwh"],
            y=labels,
            orientation="h",
            marker_color=colours,
            text=[fmt.sig(v) for v in table["lifecycle_gco2e_per_kwh"]],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{x} gCO2e/kWh<extra></extra>",
        ),
        row=1,
        col=1,
    )
    for col, low, high, mid, unit in (
        (2, "lcoe_low_usd_per_mwh", "lcoe_high_usd_per_mwh", None, "$/MWh"),
        (3, "lead_time_low_years", "lead_time_high_years", "lead_time_mid_years", "years"),
    ):
        fig.add_trace(
            go.Bar(
                x=table[high] - table[low],
                base=table[low],
                y=labels,
                orientation="h",
                marker_color=colours,
                customdata=list(zip(table[low], table[high], strict=True)),
                hovertemplate="%{y}: %{customdata[0]}-%{customdata[1]} " + unit + "<extra></extra>",
            ),
            row=1,
            col=col,
        )
        if mid is not None:
            fig.add_trace(
                go.Scatter(
                    x=table[mid],
                    y=labels,
                    mode="markers",
                    marker={"symbol": "line-ns", "size": 14, "line": {"width": 2, "color": "#222"}},
                    hovertemplate="%{y}: mid %{x} years<extra></extra>",
                ),
                row=1,
                col=col,
            )
    fig.add_trace(
        go.Bar(
            x=table["capacity_factor"] * 100.0,
            y=labels,
            orientation="h",
            marker_color=colours,
            text=[f"{v:.0%}" for v in table["capacity_factor"]],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{x:.0f}% of nameplate on average<extra></extra>",
        ),
        row=1,
        col=4,
    )
    fig = style.base_layout(
        fig,
        title="Every source compared (your mix in full colour)",
        x_title="",
        y_title="Generation source",
        height=470,
    )
    units = ("gCO2e/kWh (lifecycle)", "USD/MWh", "Years (tick: mid)", "% of nameplate")
    for col, title in enumerate(units, 1):
        fig.update_xaxes(title_text=title, row=1, col=col)
    fig.update_xaxes(range=[0, 1000], tickvals=[0, 400, 800], row=1, col=1)
    fig.update_xaxes(range=[0, 260], tickvals=[0, 100, 200], row=1, col=2)
    fig.update_xaxes(range=[0, 115], tickvals=[0, 50, 100], row=1, col=4)
    fig.update_layout(showlegend=False, bargap=0.25)
    fig.update_annotations(font={"size": 13})
    return fig


def arrival_figure(arrivals: pd.DataFrame, labels: pd.Series, base_year: int) -> go.Figure:
    """When each part of the mix first delivers, if its build is decided in `base_year`.

    `arrivals` is model.grid.arrival_years joined with a `nameplate_gw` column, indexed by
    source id; each bar spans the low to high lead time, the tick marks the mid.
    """
    table = arrivals.iloc[::-1]
    names = [str(labels.get(s, s)) for s in table.index]
    colours = [_colour(str(s)) for s in table.index]
    fig = go.Figure()
    fig.add_trace(
        go.Bar(
            x=table["first_year_high"] - table["first_year_low"],
            base=table["first_year_low"],
            y=names,
            orientation="h",
            marker_color=colours,
            customdata=[
                (
                    fmt.sig(r.first_year_low, 5),
                    fmt.sig(r.first_year_high, 5),
                    fmt.power(r.nameplate_gw),
                )
                for r in table.itertuples()
            ],
            hovertemplate="%{y}: from %{customdata[0]} to %{customdata[1]}; "
            "%{customdata[2]} nameplate<extra></extra>",
            name="Low to high lead time",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=table["first_year_mid"],
            y=names,
            mode="markers",
            marker={"symbol": "line-ns", "size": 18, "line": {"width": 3, "color": "#222"}},
            hovertemplate="%{y}: mid %{x:.1f}<extra></extra>",
            name="Mid lead time",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=table["first_year_high"],
            y=names,
            mode="text",
            text=[f"  {fmt.power(v)}" for v in table["nameplate_gw"]],
            textposition="middle right",
            hoverinfo="skip",
            name="Nameplate to build",
            showlegend=False,
        )
    )
    fig.add_vline(x=base_year, line={"color": "#999", "dash": "dot"})
    fig.update_xaxes(range=[base_year - 0.5, float(arrivals["first_year_high"].max()) + 3.0])
    return style.base_layout(
        fig,
        title=f"When each part delivers, if ordered in {base_year}",
        x_title="Year first power flows",
        y_title="Generation source",
        height=max(260, 110 + 45 * len(table)),
    ).update_layout(showlegend=False)


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
        low, high = cost_usd_per_yr[name]
        out[name] = {
            "Average load": fmt.power(gw),
            "Nameplate to build": fmt.power(float(plate.sum())),
            "1-GW plants (nameplate / 1 GW)": fmt.sig(float(plate.sum())),
            "of which 1 GW reactors": fmt.sig(float(plate.filter(like="nuclear").sum())),
            "of which 1 GW gas units": fmt.sig(float(plate.filter(like="gas").sum())),
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
    years = arrivals[["first_year_low", "first_year_mid", "first_year_high"]].apply(np.floor)
    return pd.DataFrame(
        {
            "Source": [labels.get(s, s) for s in arrivals.index],
            "Share": [f"{v:.1%}" for v in arrivals["share"]],
            **{
                f"Nameplate, {name}": [fmt.power(plate[s]) for s in arrivals.index]
                for name, plate in nameplates.items()
            },
            "First delivers (fast / mid / slow)": [
                " / ".join(f"{y:.0f}" for y in row) for row in years.to_numpy()
            ],
        }
    )
