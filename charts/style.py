"""One look for every chart: template, colours per energy source and per series."""

from __future__ import annotations

from typing import Any

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

GRID = "#ebf0f8"
FONT = "Inter, Segoe UI, Helvetica, Arial, sans-serif"


def _merged(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in extra.items():
        old = out.get(key)
        out[key] = (
            _merged(old, value) if isinstance(value, dict) and isinstance(old, dict) else value
        )
    return out


def base_layout(
    fig: go.Figure,
    *,
    title: str,
    x_title: str,
    y_title: str,
    height: int = 420,
    marker_x: float | None = None,
    marker_text: str = "",
) -> go.Figure:
    """Apply the house layout: white background, titled axes with units, legend below.

    Returns a new figure built from plain dicts without plotly's validation: checking the
    layout on every rerun cost ~12 ms a figure (bench/run.py --profile). The builders'
    output is validated once in tests/test_charts.py instead. `marker_x` draws a dotted
    vertical line across the plot there, labelled `marker_text` (as fig.add_vline would,
    without its ~10 ms of validation).
    """
    spec = fig.to_plotly_json()
    house: dict[str, Any] = {
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "title": {"text": title, "x": 0.0, "xanchor": "left", "font": {"size": 16}},
        "font": {"family": FONT, "size": 13},
        "height": height,
        "margin": {"l": 10, "r": 10, "t": 50, "b": 10},
        # Under the plot (below the x-axis title), so it never covers the title or data.
        "legend": {
            "orientation": "h",
            "yanchor": "top",
            "y": -0.2,
            "x": 0.0,
            "title": {"text": ""},
        },
        "hoverlabel": {"font": {"family": FONT}},
    }
    layout = _merged(spec.get("layout", {}), house)
    axes = {"showline": True, "linecolor": "#bbb", "zeroline": False, "gridcolor": GRID}
    for name in [k for k in layout if k.startswith(("xaxis", "yaxis"))] or ["xaxis", "yaxis"]:
        text = x_title if name.startswith("x") else y_title
        layout[name] = _merged(layout.get(name, {}), {**axes, "title": {"text": text}})
    for name in ("xaxis", "yaxis"):
        text = x_title if name.startswith("x") else y_title
        layout.setdefault(name, {**axes, "title": {"text": text}})
    if marker_x is not None:
        line = {"color": "#333", "dash": "dot", "width": 1.5}
        layout["shapes"] = [
            *layout.get("shapes", []),
            {
                "type": "line",
                "xref": "x",
                "yref": "paper",
                "x0": marker_x,
                "x1": marker_x,
                "y0": 0,
                "y1": 1,
                "line": line,
            },
        ]
        layout["annotations"] = [
            *layout.get("annotations", []),
            {
                "text": marker_text,
                "xref": "x",
                "yref": "paper",
                "x": marker_x,
                "y": 1,
                "xanchor": "right",
                "yanchor": "bottom",
                "showarrow": False,
            },
        ]
    if getattr(fig, "_grid_ref", None) is not None:
        # A make_subplots figure: its builder still addresses panels by row and column,
        # which needs plotly's own figure (validated), so update it in place.
        fig.layout = layout
        return fig
    return go.Figure(data=spec.get("data", []), layout=layout, _validate=False)


def hex_to_rgba(colour: str, alpha: float) -> str:
    """'#rrggbb' -> 'rgba(r,g,b,a)' for translucent bands."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"
