"""One look for every chart: template, colours per energy source and per series."""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go
import plotly.io as pio

#: One colour per generation source, used on every page. Each keeps its family (coal grey,
#: gas orange, nuclear purple, hydro blue, wind teal, solar yellow, geothermal brown) and
#: every pair stays at least 10 CIEDE2000 apart for protanopia, deuteranopia and
#: tritanopia (Machado et al. 2009), since a mix stacks them all in one bar
#: (tests/test_palette.py).
SOURCE_COLOURS: dict[str, str] = {
    "coal": "#4b4948",
    "gas_ccgt": "#c7733d",
    "gas_peaker": "#dfa87f",
    "nuclear_large": "#6c4795",
    "nuclear_smr": "#b39ddb",
    "hydro": "#327dd0",
    "wind_onshore": "#34aca2",
    "wind_offshore": "#197270",
    "solar_pv_utility": "#ffdf3d",
    "solar_plus_storage": "#b8b301",
    "geothermal": "#a0522d",
}

#: Colours of the recurring series.
DEMAND = "#c0392b"
ESTIMATE = "#c0392b"
PUBLISHED = "#5d6d7e"
BAND_ALPHA = 0.18

#: One colour per step that can limit the largest training run, on every chart that shows
#: steps. Okabe & Ito's colour-blind-safe palette (2008); the trend, which is no limit but
#: what the run would use if none bound, is a dark grey (a lighter one looked like the
#: latency step's pink and the capital step's green to a deuteranope).
STEP_COLOURS: dict[str, str] = {
    "trend": "#5f5f5f",
    "power": "#D55E00",
    "chips": "#0072B2",
    "capital": "#009E73",
    "data": "#E69F00",
    "latency": "#CC79A7",
}
#: How each step is named in legends and sentences.
STEP_NAMES: dict[str, str] = {
    "trend": "Trend",
    "power": "Power",
    "chips": "Chips",
    "capital": "Capital",
    "data": "Data",
    "latency": "Latency",
}
#: Growth-vs-power series, from the same palette: what is achieved is black on every chart,
#: what is wanted is the trend's grey, and what can be supplied is the power step's colour.
ACHIEVED = "#000000"
WANTED = STEP_COLOURS["trend"]
SUPPLY = STEP_COLOURS["power"]
#: Serving and smaller AI; frontier training (the runs and past frontier models).
SERVING = "#56B4E9"
TRAINING = "#7B3294"

#: Overrides that pin the legend to the bottom of the figure and make room for it, so a
#: long legend on a narrow screen never covers the x-axis title (the house legend sits a
#: share of the plot's height below it, and that share shrinks with the plot).
LEGEND_AT_BOTTOM: dict[str, Any] = {"legend": {"yref": "container", "y": 0, "yanchor": "bottom"}}

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


def house_layout(
    layout: dict[str, Any],
    *,
    title: str,
    x_title: str,
    y_title: str,
    height: int = 420,
    marker_x: float | None = None,
    marker_text: str = "",
) -> dict[str, Any]:
    """`layout` with the house style on top: white background, title, titled axes (with
    units), legend below the plot. `marker_x` adds a dotted vertical line across the plot
    at that x, labelled `marker_text`."""
    house: dict[str, Any] = {
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "title": {"text": title, "x": 0.0, "xanchor": "left", "font": {"size": 16}},
        "font": {"family": FONT, "size": 13},
        "height": height,
        "margin": {"l": 10, "r": 10, "t": 50, "b": 10},
        # Under the plot (below the x-axis title), so it never covers the title or data.
        "legend": {"orientation": "h", "yanchor": "top", "y": -0.2, "x": 0.0},
        "hoverlabel": {"font": {"family": FONT}},
    }
    out = _merged(layout, house)
    axes = {"showline": True, "linecolor": "#bbb", "zeroline": False, "gridcolor": GRID}
    names = {k for k in out if k.startswith(("xaxis", "yaxis"))} | {"xaxis", "yaxis"}
    for name in sorted(names):
        text = x_title if name.startswith("x") else y_title
        out[name] = _merged(out.get(name, {}), {**axes, "title": {"text": text}})
    if marker_x is not None:
        out["shapes"] = [
            *out.get("shapes", []),
            {
                "type": "line",
                "xref": "x",
                "yref": "paper",
                "x0": marker_x,
                "x1": marker_x,
                "y0": 0,
                "y1": 1,
                "line": {"color": "#333", "dash": "dot", "width": 1.5},
            },
        ]
        out["annotations"] = [
            *out.get("annotations", []),
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
    return out


class HouseFigure(go.Figure):
    """A go.Figure that puts plotly's default template (Streamlit's, once Streamlit has
    registered it) into `to_dict`'s output instead of turning it into plotly objects
    when the figure is built: that took ~0.25 ms of each chart on every rerun. The dict
    Streamlit sends to the browser is the same, key for key."""

    #: The default template when the figure was built (a name or a Template), or None.
    _house_template: Any = None

    def _initialize_layout_template(self) -> None:
        # plotly's hook, run when the figure is built: remember the default, do not copy it.
        self._house_template = pio.templates.default

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = super().to_dict()
        default = self._house_template
        if default is not None and "template" not in out["layout"]:
            template = (
                default if isinstance(default, go.layout.Template) else pio.templates[default]
            )
            out["layout"]["template"] = template.to_plotly_json()
        return out


def figure(
    traces: list[dict[str, Any]],
    layout: dict[str, Any] | None = None,
    overrides: dict[str, Any] | None = None,
    **house: Any,
) -> go.Figure:
    """A figure from plain trace and layout dicts, in the house style, unvalidated.

    Plotly validates every property of go.Scatter, add_trace and update_layout, which cost
    tens of ms per chart on every rerun (bench/run.py --profile). Builders pass dicts
    instead; tests/test_charts.py rebuilds every drawn figure with validation on.
    `house` takes house_layout's keywords (title, x_title, y_title, height, marker_x...);
    `overrides` is merged last, for the few settings a chart needs unlike the house style.
    """
    out = _merged(house_layout(layout or {}, **house), overrides or {})
    return HouseFigure(data=traces, layout=out, _validate=False)


def hex_to_rgba(colour: str, alpha: float) -> str:
    """'#rrggbb' -> 'rgba(r,g,b,a)' for translucent bands."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"
