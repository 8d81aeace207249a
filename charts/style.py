"""One look for every chart: template, colours per energy source and per series."""

from __future__ import annotations

import plotly.graph_objects as go

#: One colour per generation source, used on every page.
SOURCE_COLOURS: dict[str, str] = {
    "coal": "#4d4d4d",
    "gas_ccgt": "#e07b39",
    "gas_peaker": "#f2b36b",
    "nuclear_large": "#7b4fa6",
    "nuclear_smr": "#b39ddb",
    "hydro": "#2b7bba",
    "wind_onshore": "#3aa39a",
    "wind_offshore": "#1f6f6a",
    "solar_pv_utility": "#f2c12e",
    "solar_plus_storage": "#c9a000",
    "geothermal": "#a0522d",
}

#: Colours of the recurring series.
DEMAND = "#c0392b"
SUPPLY = "#2471a3"
ACHIEVED = "#1e8449"
ESTIMATE = "#c0392b"
PUBLISHED = "#5d6d7e"
BAND_ALPHA = 0.18

FONT = "Inter, Segoe UI, Helvetica, Arial, sans-serif"


def base_layout(
    fig: go.Figure, *, title: str, x_title: str, y_title: str, height: int = 420
) -> go.Figure:
    """Apply the house layout: white template, titled axes with units, legend below."""
    fig.update_layout(
        template="plotly_white",
        title={"text": title, "x": 0.0, "xanchor": "left", "font": {"size": 16}},
        font={"family": FONT, "size": 13},
        height=height,
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        # Under the plot (below the x-axis title), so it never covers the title or data.
        legend={"orientation": "h", "yanchor": "top", "y": -0.2, "x": 0.0, "title": {"text": ""}},
        hoverlabel={"font": {"family": FONT}},
    )
    fig.update_xaxes(title_text=x_title, showline=True, linecolor="#bbb", zeroline=False)
    fig.update_yaxes(title_text=y_title, showline=True, linecolor="#bbb", zeroline=False)
    return fig


def hex_to_rgba(colour: str, alpha: float) -> str:
    """'#rrggbb' -> 'rgba(r,g,b,a)' for translucent bands."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"
