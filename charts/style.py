"""One look for every chart: template, colours per energy source and per series."""

from __future__ import annotations

import functools
import html
import math
import re
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


#: Text sizes of tick labels and axis titles: Streamlit's chart theme's own (its twoSm and
#: sm), set here too because the margins below are sized for them. [px]
TICK_FONT_PX = 12
AXIS_TITLE_FONT_PX = 14
#: Gap between a y axis's tick labels and its title (Streamlit's theme has 24, which
#: cost a 390 px phone's plot 12 px more of its width), and an x axis's (the theme's). [px]
Y_TITLE_STANDOFF_PX = 12
X_TITLE_STANDOFF_PX = 20
#: Space between the plot area and its axis lines (plotly's margin.pad; the theme's). [px]
AXIS_PAD_PX = 8
#: Gap plotly leaves between an axis line and its tick labels (Chromium: 2-3). [px]
TICK_GAP_PX = 4
#: Height of a line of text as a multiple of its font size (plotly's line spacing, 1.3;
#: a y-axis title's box measures 16 px at 14 px). An exponent raises a label by 0.4 em.
LINE_HEIGHT_EM = 1.3
SUPERSCRIPT_RISE_EM = 0.4
#: Room kept beyond every estimate, so a font a little wider than the estimate's still
#: fits. [px]
SLACK_PX = 4
#: The least margin on any side. [px]
MIN_MARGIN_PX = 10
#: Width of plotly's toolbar, a column of buttons at a chart's right edge that a touch
#: screen always shows. [px]
TOOLBAR_PX = 36
#: What an x axis's tick labels read when the chart says nothing else: a year.
YEAR_TICK_TEXT = "2040"

#: Widths of characters as a share of the font size, generous for every font of FONT and
#: their fallbacks (Inter, Segoe UI, Helvetica, Arial, Liberation Sans, DejaVu Sans):
#: digits are 0.56-0.64 em wide, "%" up to 0.95, "W" and "M" up to 1.0.
_NARROW_CHARS = " .,:;'!|()[]iljtf"
_WIDE_CHARS = "%MWmw@"
NARROW_EM, WIDE_EM, CAPITAL_EM, CHAR_EM = 0.4, 1.0, 0.8, 0.66
_TAG = re.compile(r"<[^>]*>")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


def text_lines(text: str) -> list[str]:
    """A plotly label's lines (split at <br>), tags such as <sup> and <b> left out."""
    return [html.unescape(_TAG.sub("", line)) for line in _BREAK.split(text)]


def text_width_px(text: str, font_px: float) -> float:
    """An upper estimate of the width of a plotly label at `font_px`: its widest line.
    An exponent (<sup>) counts at full size: plotly draws it smaller, but spaced. [px]"""
    widths = [
        sum(
            NARROW_EM
            if c in _NARROW_CHARS
            else WIDE_EM
            if c in _WIDE_CHARS
            else CAPITAL_EM
            if c.isupper()
            else CHAR_EM
            for c in line
        )
        for line in text_lines(text)
    ]
    return max(widths, default=0.0) * font_px


def text_height_px(text: str, font_px: float) -> float:
    """The height of a plotly label at `font_px`: its lines, and an exponent's rise. [px]"""
    rise = SUPERSCRIPT_RISE_EM if "<sup>" in text else 0.0
    return (len(text_lines(text)) * LINE_HEIGHT_EM + rise) * font_px


def log_tick_texts(low: float, high: float) -> list[str]:
    """The labels of a log axis with exponentformat "power" from `low` to `high` (values,
    not logs): 10 to the power of each whole exponent between."""
    first, last = math.floor(math.log10(low)), math.ceil(math.log10(high))
    return [f"10<sup>{k}</sup>" if k not in (0, 1) else str(10**k) for k in range(first, last + 1)]


def linear_tick_texts(
    low: float, high: float, suffix: str = "", percent: bool = False
) -> list[str]:
    """The longest label a linear axis from `low` to `high` may show. Plotly's ticks are
    round steps (1, 2 or 5 times a power of ten) within the range, which its autorange
    stretches by up to a tenth: as many digits as the largest, one decimal below 10 (a
    step of 0.5 or 0.2) and two below 1, "k" or "M" with a decimal from 10,000."""
    top = max(abs(low), abs(high)) * 1.1 * (100.0 if percent else 1.0)
    if top >= 1e4:
        body = "888.8k"
    elif top >= 10:
        body = "8" * len(str(int(top)))
    else:
        body = "8.8" if top >= 1 else "0.88"
    sign = "−" if low < 0 else ""
    return [f"{sign}{body}{'%' if percent else ''}{suffix}"]


def axis_tick_texts(axis: dict[str, Any], extent: tuple[float, float] | None) -> list[str] | None:
    """What an axis's tick labels may read, in order along it, from its own settings
    (ticktext, of the tickvals within its range or the data's extent; a range with its
    log or linear scale, percent format and suffix) or else the `extent` of its data
    (lowest, highest); None if neither says."""
    log = axis.get("type") == "log"
    if "range" in axis:
        low, high = axis["range"]
        if log:
            low, high = 10.0**low, 10.0**high
    elif extent is not None:
        low, high = extent
    else:
        low, high = -math.inf, math.inf
    if axis.get("ticktext") is not None:
        pairs = zip(axis.get("tickvals", []), axis["ticktext"], strict=True)
        shown = [str(text) for value, text in sorted(pairs) if low <= value <= high]
        return shown or [str(t) for t in axis["ticktext"]]
    if math.isinf(low):
        return None
    if log:
        return log_tick_texts(low, high)
    percent = str(axis.get("tickformat", "")).endswith("%")
    return linear_tick_texts(low, high, str(axis.get("ticksuffix", "")), percent)


def _axis_margin_px(ticks_px: float, standoff_px: float, title: str) -> float:
    """A margin that holds an axis's tick labels (`ticks_px` across, away from the plot)
    and its title `title` at `standoff_px` from them, beyond the pad and the tick gap. [px]"""
    titled = (
        standoff_px + text_height_px(title, AXIS_TITLE_FONT_PX)
        if text_lines(title) != [""]
        else 0.0
    )
    return math.ceil(AXIS_PAD_PX + TICK_GAP_PX + ticks_px + titled + SLACK_PX)


def y_margin_px(tick_texts: list[str], title: str) -> float:
    """The margin beside a y axis (left, or right for a right axis) whose labels may read
    `tick_texts`, titled `title`: their widest label sets it. [px]"""
    ticks = max((text_width_px(t, TICK_FONT_PX) for t in tick_texts), default=0.0)
    return _axis_margin_px(ticks, Y_TITLE_STANDOFF_PX, title)


def bottom_margin_px(tick_texts: list[str], title: str) -> float:
    """The bottom margin for an x axis whose labels may read `tick_texts` (their lines
    and exponents set the height), titled `title`; a legend below adds its own. [px]"""
    ticks = max((text_height_px(t, TICK_FONT_PX) for t in tick_texts), default=0.0)
    return _axis_margin_px(ticks, X_TITLE_STANDOFF_PX, title)


def overhang_px(tick_text: str) -> float:
    """How far an x-axis label at an end of the axis may reach past the plot: half its
    width (labels are centred on their ticks). [px]"""
    return math.ceil(text_width_px(tick_text, TICK_FONT_PX) / 2)


def data_extent(values: Any, positive: bool = False) -> tuple[float, float]:
    """The lowest and highest of `values`, None and NaN left out (and values not above
    zero, if `positive`: a log axis cannot show them); (1, 1) if none is left."""
    shown = [float(v) for v in values if v is not None and v == v and (v > 0 or not positive)]
    return (min(shown), max(shown)) if shown else (1.0, 1.0)


def _is_category(axis: dict[str, Any]) -> bool:
    return axis.get("type") == "category"


def _is_labelled(axis: dict[str, Any]) -> bool:
    return axis.get("visible", True) is not False and axis.get("showticklabels", True) is not False


#: What a numeric x axis may push: the bottom margin only. The margin given
#: (bottom_margin_px) already holds its labels (a line of years) and title, so the push
#: never grows it and plotly draws the chart once; a legend pinned below the plot
#: (LEGEND_AT_BOTTOM) is laid out on top of that push, where, with no push at all,
#: plotly lays it over the x-axis title (it adds a legend's room to the largest push, not
#: to the margin given; with_legend_room gives that room up front). Plotly also measures
#: the title's gap from the labels (its standoff) only for an axis that pushes: without,
#: the title touched the labels.
X_AUTOMARGIN = "bottom"


def automargin(axis: dict[str, Any], x: bool) -> bool | str:
    """Plotly's automargin for an axis: on for a category axis with labels (long names of
    sources or inputs, which `_axis_margins` does not size); the bottom only for a numeric
    x axis (X_AUTOMARGIN); off for a numeric y axis, whose labels' width changes with the
    data and whose margin `_axis_margins` sizes instead."""
    if not _is_labelled(axis):
        return False
    if _is_category(axis):
        return True
    return X_AUTOMARGIN if x else False


def _axis_margins(
    axes: dict[str, dict[str, Any]],
    extents: dict[str, tuple[float, float] | None],
    reserve_right_px: float,
) -> dict[str, float]:
    """Margins that hold every numeric axis's tick labels and title, so plotly need not
    measure them (automargin) on every redraw. A category axis keeps automargin: plotly
    measures its labels whenever it builds the plot, which the browser does for every
    changed chart, and then draws the chart a second time (docs/benchmarks.md). [px]"""
    margins = {"l": 0.0, "r": 0.0, "b": 0.0}
    for name, axis in axes.items():
        if _is_category(axis) or not _is_labelled(axis):
            continue
        title = str(axis.get("title", {}).get("text") or "")
        texts = axis_tick_texts(axis, extents.get(name[0]))
        if name.startswith("x"):
            texts = texts or [YEAR_TICK_TEXT]
            margins["b"] = max(margins["b"], bottom_margin_px(texts, title))
            # The labels at the ends: the first and last of given ticks; of plotly's own,
            # the widest may fall at either end.
            widest = max(texts, key=lambda t: text_width_px(t, TICK_FONT_PX))
            first, last = (texts[0], texts[-1]) if "ticktext" in axis else (widest, widest)
            margins["l"] = max(margins["l"], overhang_px(first) + SLACK_PX)
            margins["r"] = max(margins["r"], overhang_px(last) + SLACK_PX)
        else:
            side = "r" if axis.get("side") == "right" else "l"
            margins[side] = max(margins[side], y_margin_px(texts or [YEAR_TICK_TEXT], title))
    margins["r"] += reserve_right_px
    return {side: math.ceil(max(px, MIN_MARGIN_PX)) for side, px in margins.items()}


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
    x_extent: tuple[float, float] | None = None,
    y_extent: tuple[float, float] | None = None,
    reserve_right_px: float = 0.0,
) -> dict[str, Any]:
    """`layout` with the house style on top: white background, title, titled axes (with
    units), legend below the plot. `marker_x` adds a dotted vertical line across the plot
    at that x, labelled `marker_text` on its `marker_side` ("right" near the left edge,
    so the label stays inside the chart).

    Numeric y axes have automargin off, and numeric x axes push the bottom margin only
    (`automargin`); margins are sized for their labels (`_axis_margins`) from the axis's
    ticktext or range, else from `x_extent` / `y_extent`, the lowest and highest value of
    the data on it (an x axis without either is read as years). Axes with "type":
    "category" keep automargin. `reserve_right_px` is room kept at the right beyond the
    axes' (plotly's toolbar)."""
    house: dict[str, Any] = {
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "title": {"text": title, "x": 0.0, "xanchor": "left", "font": {"size": 16}},
        "font": {"family": FONT, "size": 13},
        "height": height,
        "margin": {"t": 50, "pad": AXIS_PAD_PX},
        # Under the plot (below the x-axis title), so it never covers the title or data.
        "legend": {"orientation": "h", "yanchor": "top", "y": -0.2, "x": 0.0},
        "hoverlabel": {"font": {"family": FONT}},
        # Plotly's toolbar stands in a column at the right, not across the top, where on a
        # touch screen (it is always shown there) it covered each chart's title.
        "modebar": {"orientation": "v", "bgcolor": "rgba(255,255,255,0.8)"},
    }
    out = _merged(layout, house)
    base = {"showline": True, "linecolor": "#bbb", "zeroline": False, "gridcolor": GRID}
    names = {k for k in out if k.startswith(("xaxis", "yaxis"))} | {"xaxis", "yaxis"}
    for name in sorted(names):
        x = name.startswith("x")
        axis = out.get(name, {})
        standoff = X_TITLE_STANDOFF_PX if x else Y_TITLE_STANDOFF_PX
        # An axis's own title (claim 5's right axis has none) stands; the others get the
        # chart's x or y title.
        own = axis.get("title", {}).get("text") if isinstance(axis.get("title"), dict) else None
        out[name] = _merged(
            axis,
            {
                **base,
                "title": {
                    "text": own if own is not None else x_title if x else y_title,
                    "standoff": standoff,
                    "font": {"size": AXIS_TITLE_FONT_PX},
                },
                "tickfont": {"size": TICK_FONT_PX},
                "automargin": automargin(axis, x),
            },
        )
    axes = {name: out[name] for name in sorted(names)}
    extents = {"x": x_extent, "y": y_extent}
    out["margin"] = {**out["margin"], **_axis_margins(axes, extents, reserve_right_px)}
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


#: Advance widths of the printable ASCII characters (space to "~") in Liberation Sans,
#: the font Chromium on Linux draws plotly's legends in; it is metric-compatible with
#: Arial and Helvetica, which Windows and macOS use for the same font list. Thousandths of
#: the font size, read from LiberationSans-Regular.ttf (PIL ImageFont.getlength at 1000
#: px); any other character counts as a digit's 556. Legend rows are counted with these,
#: not with text_width_px's upper estimate: a row too many leaves a gap under the chart.
_ARIAL_WIDTHS = (
    "278 278 355 556 556 889 667 191 333 333 389 584 278 333 278 278 556 556 556 556 556 "
    "556 556 556 556 556 278 278 584 584 584 556 1015 667 667 722 722 667 611 778 722 278 "
    "500 667 556 833 722 778 667 778 722 667 611 722 667 944 667 667 611 278 278 278 469 "
    "556 333 556 556 500 556 556 278 556 556 222 222 500 222 833 556 556 556 556 333 500 "
    "278 556 500 722 500 500 500 334 260 334 584"
)
_ARIAL_EM = {chr(32 + i): int(w) / 1000 for i, w in enumerate(_ARIAL_WIDTHS.split())}
_DIGIT_EM = 0.556
#: Plotly's horizontal legend (plotly.js legend/draw.js, checked in Chromium): an entry
#: is its text at LEGEND_FONT_PX (Streamlit's theme) plus 40 px of symbol and gap, entries
#: stand 5 px apart, and once they do not fit on one row every entry takes the widest
#: one's room; a row is 19 px high and the legend 10 px more. [px]
LEGEND_FONT_PX = 12
LEGEND_SYMBOL_PX, LEGEND_GAP_PX, LEGEND_ROW_PX, LEGEND_PAD_PX = 40.0, 5.0, 19.0, 10.0
#: Room a legend's rows are counted in beyond the width given: where the estimate and the
#: browser's text differ by a pixel at the end of a row, the count comes out a row short
#: (plotly then adds the row, drawing twice as before) rather than a row over (a gap
#: under the chart). [px]
LEGEND_SLACK_PX = 8.0


def arial_width_px(text: str, font_px: float) -> float:
    """The width of a plotly label's widest line in Arial's metrics at `font_px`. [px]"""
    lines = text_lines(text)
    return (
        max((sum(_ARIAL_EM.get(c, _DIGIT_EM) for c in line) for line in lines), default=0.0)
        * font_px
    )


def legend_names(traces: list[dict[str, Any]], layout: dict[str, Any]) -> list[str]:
    """The entries plotly lists in the legend: every trace not left out of it, unless the
    layout hides the legend or (as plotly does by default) there are fewer than two."""
    shown = layout.get("showlegend")
    if shown is False:
        return []
    names = [
        str(trace.get("name") or f"trace {i}")
        for i, trace in enumerate(traces)
        if trace.get("showlegend", True) is not False and trace.get("visible", True) is not False
    ]
    asked = shown is True or any(trace.get("showlegend") is True for trace in traces)
    return names if len(names) >= 2 or (asked and names) else []


def legend_rows(names: list[str], width_px: float) -> int:
    """How many rows plotly lays a horizontal legend of `names` out in, `width_px` wide."""
    if not names:
        return 0
    entries = [arial_width_px(n, LEGEND_FONT_PX) + LEGEND_SYMBOL_PX for n in names]
    if sum(entries) + LEGEND_GAP_PX * (len(entries) - 1) < width_px:
        return 1
    step = max(entries) + LEGEND_GAP_PX
    rows, x = 1, 0.0
    for _ in entries:
        if x > 0 and x + step - LEGEND_GAP_PX >= width_px:
            rows, x = rows + 1, 0.0
        x += step
    return rows


def legend_room_px(names: list[str], width_px: float) -> float:
    """The height of a horizontal legend of `names`, `width_px` wide (0 for none). [px]"""
    rows = legend_rows(names, width_px)
    return rows * LEGEND_ROW_PX + LEGEND_PAD_PX if rows else 0.0


def _plain_spec(fig: go.Figure) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """A figure's traces and layout as dicts: a HouseFigure's own (not copied: read only),
    or plotly's to_dict of any other."""
    state = fig.__dict__
    if isinstance(fig, HouseFigure) and not state.get("_house_built", True):
        traces, layout = state["_house_spec"]
        return list(traces), layout
    out = fig.to_dict()
    return out["data"], out["layout"]


def with_legend_room(fig: go.Figure, figure_px: float) -> go.Figure:
    """`fig`, its bottom margin grown by its legend's height when the legend is pinned to
    the figure's bottom (LEGEND_AT_BOTTOM) and the figure is `figure_px` wide.

    Plotly lays such a legend out below the x axis's labels and title and, when the
    margin given is short of both, grows the margin and draws the whole chart a second
    time. The browser builds a new plot for every changed chart, so that was every chart
    with a legend on every slider move: about half of a page's plotly time (Growth vs
    power: 194 against 88 ms for its six charts). With the legend's room given, plotly
    draws once; a narrower screen than `figure_px`, whose legend takes more rows, still
    gets its room the old way. `fig` itself (often cached, shared) is not changed."""
    traces, layout = _plain_spec(fig)
    legend = layout.get("legend") or {}
    if legend.get("yref") != "container":
        return fig
    margin = layout.get("margin") or {}
    # Plotly wraps the legend at the plot's width (the mix bar's, whose legend may use
    # the figure's, fits one row either way).
    width = figure_px - margin.get("l", 0) - margin.get("r", 0) + LEGEND_SLACK_PX
    room = legend_room_px(legend_names(traces, layout), width)
    if not room:
        return fig
    grown = {**layout, "margin": {**margin, "b": margin.get("b", 0) + math.ceil(room)}}
    return HouseFigure(data=traces, layout=grown)


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
