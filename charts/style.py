"""One look for every chart: template, colours per energy source and per series."""

from __future__ import annotations

import functools
import threading
from copy import deepcopy
from typing import Any

import plotly.graph_objects as go
import plotly.io as pio
from _plotly_utils.utils import is_homogeneous_array, is_skipped_key, to_typed_array_spec

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
    "site": "#8C510A",
    "power": "#D55E00",
    "chips": "#0072B2",
    "capital": "#009E73",
    "data": "#E69F00",
    "latency": "#CC79A7",
}
#: How each step is named in legends and sentences.
STEP_NAMES: dict[str, str] = {
    "trend": "Trend",
    "site": "Largest site",
    "power": "Power",
    "chips": "Chips",
    "capital": "Money",
    "data": "Data",
    "latency": "Latency",
}
#: The steps that can limit all of AI's new accelerators (model.economy.FLEET_STEPS),
#: named and coloured as the same steps on the largest run.
FLEET_NAMES: dict[str, str] = {
    "demand": "Demand",
    "chips": "Chips",
    "capital": "Money",
    "power": "Power",
}
FLEET_COLOURS: dict[str, str] = {
    "demand": STEP_COLOURS["trend"],
    "chips": STEP_COLOURS["chips"],
    "capital": STEP_COLOURS["capital"],
    "power": STEP_COLOURS["power"],
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
    marker_side: str = "left",
) -> dict[str, Any]:
    """`layout` with the house style on top: white background, title, titled axes (with
    units), legend below the plot. `marker_x` adds a dotted vertical line across the plot
    at that x, labelled `marker_text` on its `marker_side` ("right" near the left edge,
    so the label stays inside the chart)."""
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
        # Plotly's toolbar stands in a column at the right, not across the top, where on a
        # touch screen (it is always shown there) it covered each chart's title.
        "modebar": {"orientation": "v", "bgcolor": "rgba(255,255,255,0.8)"},
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
                "xanchor": "right" if marker_side == "left" else "left",
                "yanchor": "bottom",
                "showarrow": False,
            },
        ]
    return out


class HouseFigure(go.Figure):
    """A figure built from plain trace and layout dicts, whose plotly objects are made
    only if something asks for them.

    Streamlit sends a figure as `to_dict()`. Plotly's own figure deep-copies every trace
    when it is built and again in `to_dict`, about 1-2 ms a chart on every rerun; until
    anything reads the figure as plotly objects (`fig.layout`, `fig.data`, update_...),
    a HouseFigure answers `to_dict` from the dicts it was given, with plotly's default
    template added as plotly would add it. The first such read builds the plotly figure
    in place (go.Figure.__init__ on this object, under a lock: cached figures are shared
    by every session), and from then on it is an ordinary figure. Plotly objects or
    plotly's own arguments given to it are built at once. tests/test_charts.py checks
    that every chart every page sends is the same both ways. LAZY = False (tests) builds
    at once.
    """

    #: Build the plotly objects only when asked (False: at once, as go.Figure does).
    LAZY = True
    #: The default template when the figure was built (a name or a Template), or None.
    _house_template: Any = None

    def __init__(self, data: Any = None, layout: Any = None, **kwargs: Any) -> None:
        if isinstance(data, dict):  # a figure dict (copy and pickle pass one)
            data, layout = data.get("data"), data.get("layout")
        traces = list(data or [])
        plain = isinstance(layout, dict | None) and all(isinstance(t, dict) for t in traces)
        state = self.__dict__
        state["_house_spec"] = (traces, dict(layout or {}) if plain else {})
        state["_house_template"] = pio.templates.default
        state["_house_built"] = False
        state["_house_builder"] = None  # the thread building the plotly objects
        state["_house_lock"] = threading.Lock()  # cached figures are shared by sessions
        if kwargs or not plain:  # plotly's own arguments or objects: plotly's own way
            self._house_build(layout, kwargs)
        elif not self.LAZY:
            self._house_build()

    def _house_build(self, layout: Any = None, kwargs: dict[str, Any] | None = None) -> None:
        """Build plotly's objects on this figure, once, whichever thread asks first."""
        state = self.__dict__
        with state["_house_lock"]:
            if state["_house_built"]:
                return
            state["_house_builder"] = threading.get_ident()
            traces, plain_layout = state["_house_spec"]
            options = {"_validate": False, **(kwargs or {})}
            go.Figure.__init__(
                self, data=traces, layout=plain_layout if layout is None else layout, **options
            )
            state["_house_built"] = True
            state["_house_builder"] = None

    def __getattr__(self, name: str) -> Any:
        # Reached only for attributes this object lacks: plotly's, before they are built.
        state = self.__dict__
        building_here = state.get("_house_builder") == threading.get_ident()
        if name.startswith("__") or state.get("_house_built", True) or building_here:
            raise AttributeError(name)
        self._house_build()
        return getattr(self, name)

    def _initialize_layout_template(self) -> None:
        # plotly's hook while building: keep the default from construction, do not copy it.
        pass

    def title_text(self) -> str:
        """The chart's title, read without building the plotly objects."""
        if self.__dict__.get("_house_built", True):
            return str(self.layout.title.text or "")
        title = self.__dict__["_house_spec"][1].get("title") or {}
        return str(title.get("text") or "") if isinstance(title, dict) else str(title)

    def to_dict(self) -> dict[str, Any]:
        if self.__dict__.get("_house_built", True):
            out: dict[str, Any] = super().to_dict()
        else:
            traces, layout = self.__dict__["_house_spec"]
            out = {"data": [_sent_trace(t) for t in traces], "layout": _sent(layout)}
        default = self._house_template
        if default is not None and "template" not in out["layout"]:
            out["layout"]["template"] = (
                default.to_plotly_json()
                if isinstance(default, go.layout.Template)
                else _template_json(default)
            )
        return out


@functools.lru_cache(maxsize=8)
def _template_json(name: str) -> dict[str, Any]:
    """A registered template as plotly's to_dict adds it, made once per process (plotly
    deep-copies it for every figure, every rerun). Shared by every figure's dict, which
    plotly.io.to_json only reads: read only."""
    return pio.templates[name].to_plotly_json()


def _sent(value: Any) -> Any:
    """A copy of a figure's dicts and lists as plotly's to_dict sends them: numeric arrays
    as base64 typed arrays (plotly's own conversion), everything else as given."""
    if isinstance(value, dict):
        return {
            key: (
                deepcopy(item)
                if is_skipped_key(key)
                else to_typed_array_spec(item)
                if is_homogeneous_array(item)
                else _sent(item)
            )
            for key, item in value.items()
        }
    if isinstance(value, list | tuple):
        return type(value)(_sent(item) for item in value)
    return value


def _sent_trace(trace: dict[str, Any]) -> dict[str, Any]:
    """One trace as plotly sends it: its properties, and its type (scatter if unset)."""
    out = _sent(trace)
    out.setdefault("type", "scatter")
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
    return HouseFigure(data=traces, layout=out)


def hex_to_rgba(colour: str, alpha: float) -> str:
    """'#rrggbb' -> 'rgba(r,g,b,a)' for translucent bands."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"
