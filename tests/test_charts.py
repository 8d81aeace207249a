"""Every chart on every page is a valid plotly figure with titled axes.

Chart builders skip plotly's validation at run time for speed (charts/style.py); here
each figure a page actually draws is rebuilt with validation on, which raises on any
misspelt or invalid property.
"""

from __future__ import annotations

import json
import threading

import _plotly_utils.utils
import pandas as pd
import plotly
import plotly.graph_objects as go
import plotly.io as pio
import pytest
import streamlit as st

from charts import power as power_charts
from charts.growth import (
    binding_shares_figure,
    input_text,
    limits_figure,
    power_figure,
    tornado_figure,
)
from charts.style import STEP_COLOURS, HouseFigure, figure, house_layout
from model.projection import project
from model.scenario import Scenario
from tests.apptest_support import open_app

PAGES = [
    "pages/home.py",
    "pages/growth.py",
    "pages/train.py",
    "pages/serve.py",
    "pages/power.py",
    "pages/compare.py",
]


def _figures(page: str) -> list[dict]:
    at = open_app(page)
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


@pytest.mark.parametrize("page", PAGES)
def test_every_chart_is_valid_plotly_with_a_title_and_titled_axes(page):
    figures = _figures(page)
    assert figures, f"{page} draws no chart"
    for spec in figures:
        fig = go.Figure(spec)  # validates every property; raises ValueError if invalid
        assert fig.layout.title.text, "every chart has a title"
        for name in [k for k in spec["layout"] if k.startswith(("xaxis", "yaxis"))]:
            axis = spec["layout"][name]
            if axis.get("showticklabels") is False or axis.get("visible") is False:
                continue
            assert axis.get("title", {}).get("text"), f"{page}: {name} has no title"


def _validated(fig: go.Figure) -> go.Figure:
    """The builder's figure rebuilt with plotly's validation on."""
    return go.Figure(fig.to_dict())


@pytest.fixture(scope="module")
def default_frame():
    return project(Scenario())


def test_limits_chart_draws_seven_limits_the_achieved_run_and_a_band_per_year(default_frame):
    fig = _validated(limits_figure(default_frame))
    names = [t.name for t in fig.data]
    assert names[0] == "Achieved run"
    # The trend and six limits; the largest site and grid power are two separate lines.
    assert len(fig.data) == 8
    assert {"Largest site allows", "Power allows"} <= set(names)
    assert fig.layout.yaxis.type == "log"
    assert fig.layout.yaxis.title.text.endswith("(FLOP, log scale)")
    shapes = fig.layout.shapes
    assert len(shapes) == len(default_frame)
    # each year's band has the colour of the step that sets the run that year
    for shape, step in zip(shapes, default_frame["binding_constraint"], strict=True):
        assert shape.fillcolor == STEP_COLOURS[step]
    # The bands share their step's line colour, so they add no legend entries: the
    # legend is the achieved run, the trend and the six limits.
    assert not any(s.showlegend for s in shapes)
    assert len([t for t in fig.data if t.showlegend is not False]) == 8


def test_binding_shares_chart_stacks_to_one_each_year():
    shares = pd.DataFrame(
        {"trend": [1.0, 0.25], "power": [0.0, 0.5], "chips": [0.0, 0.0], "data": [0.0, 0.25]},
        index=pd.Index([2025, 2026], name="year"),
    )
    fig = _validated(binding_shares_figure(shares, 1000))
    # chips never binds, so it has no bar; the others stack to 1 (0.25 + 0.5 + 0.25)
    assert [t.name for t in fig.data] == ["Trend", "Power", "Data"]
    totals = [sum(t.y[i] for t in fig.data) for i in range(2)]
    assert totals == [1.0, 1.0]
    assert fig.layout.barmode == "stack"
    assert "1,000 samples" in fig.layout.title.text


def test_a_ratio_reads_as_a_plain_number_in_the_tornado():
    # PUE's swing: "1.09 → 1.56", as the sidebar and the claims write a ratio.
    assert (input_text(1.09, "ratio"), input_text(1.56, "ratio")) == ("1.09", "1.56")


def test_tornado_shows_no_wall_by_the_end_year_as_such():
    table = pd.DataFrame(
        {
            "label": ["Build rate", "Budget growth"],
            "unit": ["GW nameplate per year", "x per year"],
            "low_value": [20.0, 2.0],
            "high_value": [60.0, 3.0],
            "wall_low": [2031, 2033],
            "wall_high": [2041, 2033],
        }
    )
    fig = _validated(tornado_figure(table, 2033, 2040))
    bar, low, high = fig.data
    none_x = fig.layout.xaxis.tickvals[-1]
    assert fig.layout.xaxis.ticktext[-1] == "None by<br>2040"
    assert none_x > 2040
    # rows run bottom-up: the first row of the table (largest swing) is drawn on top
    assert list(high.x) == [2033, none_x]
    assert list(low.x) == [2033, 2031]
    assert list(bar.base) == [2033, 2031]
    assert list(bar.x) == [0, none_x - 2031]
    labels = [a.text for a in fig.layout.annotations if a.text.startswith("<b>")]
    assert labels[1] == "<b>Build rate</b><br>20 GW nameplate per year → 60 GW nameplate per year"


def test_power_chart_splits_what_ai_gets_into_serving_and_training(default_frame):
    fig = _validated(power_figure(default_frame, world_average_gw=3500.0))
    by_name = {t.name: t for t in fig.data}
    serving = by_name["Serving & smaller AI, achieved"].y
    training = by_name["Frontier training, achieved"].y
    achieved = by_name["All AI, achieved"].y
    # serving + training = all AI achieved, year by year (the model's own identity)
    for s, t, a in zip(serving, training, achieved, strict=True):
        assert abs(s + t - a) <= 1e-9 * a
    assert "All AI, wanted" in by_name
    assert "Power available to AI" in by_name


def test_the_private_plotly_hooks_house_figure_relies_on_still_work():
    # charts.style.HouseFigure saves 5-48 ms a rerun (docs/benchmarks.md) by leaning on
    # three private parts of plotly. An upgrade that changes one must fail here, loudly.
    fix = (
        f"plotly {plotly.__version__} changed a private hook that charts/style.py "
        "HouseFigure uses; pin the plotly version of requirements.txt, or make "
        "charts.style.figure return go.Figure(data=traces, layout=layout)"
    )
    helpers = ("is_homogeneous_array", "is_skipped_key", "to_typed_array_spec")
    missing = [name for name in helpers if not hasattr(_plotly_utils.utils, name)]
    assert not missing, f"{fix}: _plotly_utils.utils lacks {missing}"
    bogus = [{"type": "scatter", "bogus": 1}]
    with pytest.raises(ValueError, match="bogus"):
        go.Figure(data=bogus)  # plotly validates by default...
    try:
        go.Figure(data=bogus, _validate=False)  # ...and skips it when told
    except (TypeError, ValueError) as err:
        pytest.fail(f"{fix}: go.Figure(_validate=False) validates or is refused ({err})")
    hooked: list[bool] = []

    class Probe(go.Figure):
        def _initialize_layout_template(self) -> None:
            hooked.append(True)

    Probe()
    assert hooked, f"{fix}: go.Figure.__init__ no longer calls _initialize_layout_template"
    # What the helpers make of a numeric array is what plotly's own to_dict sends.
    traces = [{"x": [1.0, 2.0, 3.0], "y": [4.0, 5.0, 6.0], "text": ["a", "b", "c"]}]
    lazy = figure(traces, {}, title="T", x_title="X", y_title="Y")
    built = figure(traces, {}, title="T", x_title="X", y_title="Y")
    assert built.layout.title.text == "T"  # reading plotly's objects builds them
    assert lazy.to_dict() == built.to_dict(), f"{fix}: a figure is sent differently built"


@pytest.mark.parametrize("template", ["plotly", "simple_white", None])
def test_a_house_figure_sends_what_plotly_would_template_included(template):
    # charts.style.figure adds the default template when the figure is turned into a dict,
    # not when it is built, and sends its own dicts without building plotly's objects;
    # the JSON must be plotly's own (as style.figure built it before, unvalidated), key
    # order aside (plotly sorts a trace's keys; JSON objects have no order).
    traces = [{"type": "bar", "x": [1.0, 2.0], "y": ["a", "b"], "orientation": "h"}]
    before = pio.templates.default
    pio.templates.default = template
    try:
        ours = figure(traces, {"barmode": "stack"}, title="T", x_title="X", y_title="Y")
        layout = house_layout({"barmode": "stack"}, title="T", x_title="X", y_title="Y")
        plain = go.Figure(data=traces, layout=layout, _validate=False)
        assert json.loads(pio.to_json(ours.to_dict(), validate=False)) == json.loads(
            pio.to_json(plain.to_dict(), validate=False)
        )
    finally:
        pio.templates.default = before
    has_template = "template" in ours.to_dict()["layout"]
    assert has_template == (template is not None)


def test_a_template_set_on_a_house_figure_is_kept():
    fig = figure(
        [], {"template": {"layout": {"font": {"size": 99}}}}, title="T", x_title="X", y_title="Y"
    )
    assert fig.to_dict()["layout"]["template"] == {"layout": {"font": {"size": 99}}}


@pytest.mark.parametrize("page", PAGES)
def test_every_chart_a_page_sends_is_the_same_with_plotly_objects_built(page, monkeypatch):
    # A HouseFigure answers to_dict from the dicts it was built from; with LAZY off it
    # builds plotly's figure first and answers through plotly, as go.Figure does. What the
    # browser gets must not depend on it (key order aside: JSON objects have none).
    st.cache_resource.clear()  # figures are cached per process: build each one afresh
    lazy = _figures(page)
    monkeypatch.setattr(HouseFigure, "LAZY", False)
    st.cache_resource.clear()
    built = _figures(page)
    assert len(lazy) == len(built) > 0
    assert lazy == built


def test_a_house_figure_builds_its_plotly_objects_only_when_read():
    fig = figure([{"x": [1.0, 2.0], "y": [3.0, 4.0]}], {}, title="T", x_title="X", y_title="Y")
    assert not fig.__dict__["_house_built"]
    sent = fig.to_dict()  # what Streamlit calls: no plotly objects needed
    assert fig.title_text() == "T"
    assert not fig.__dict__["_house_built"]
    assert fig.layout.title.text == "T"  # reading plotly's objects builds them, in place
    assert fig.__dict__["_house_built"]
    assert fig.to_dict() == sent
    fig.update_layout(title_text="U")  # from then on it is an ordinary figure
    assert fig.to_dict()["layout"]["title"]["text"] == "U"
    assert fig.title_text() == "U"


class _WatchedLock:
    """A lock that says when a thread arrives while another holds it."""

    def __init__(self, arrived: threading.Event) -> None:
        self._lock = threading.Lock()
        self._arrived = arrived

    def __enter__(self) -> _WatchedLock:
        if self._lock.locked():
            self._arrived.set()  # this thread will wait for the holder
        self._lock.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self._lock.release()


def test_a_second_thread_waits_for_the_first_to_build_a_shared_house_figure(monkeypatch):
    # A cached figure is shared by every session's thread. Thread A is held inside the
    # build of plotly's objects until thread B has either reached the figure's lock (it
    # waits: one build) or read the figure without it (a second build on the same object,
    # racing the first). So the race is forced on every run, and only a lock passes.
    fig = figure([{"x": [1.0], "y": [2.0]}], {}, title="T", x_title="X", y_title="Y")
    b_waits_or_is_done = threading.Event()
    fig.__dict__["_house_lock"] = _WatchedLock(b_waits_or_is_done)
    a_building = threading.Event()
    builds: list[int] = []
    original = go.Figure.__init__

    def held_build(self: go.Figure, *args: object, **kwargs: object) -> None:
        builds.append(threading.get_ident())
        if len(builds) == 1:  # thread A: hold the build until B has tried
            a_building.set()
            assert b_waits_or_is_done.wait(timeout=60), "thread B never reached the figure"
        original(self, *args, **kwargs)

    monkeypatch.setattr(go.Figure, "__init__", held_build)
    titles: dict[str, object] = {}

    def read(name: str) -> None:
        titles[name] = fig.layout.title.text
        if name == "B":
            b_waits_or_is_done.set()

    a = threading.Thread(target=read, args=("A",))
    a.start()
    assert a_building.wait(timeout=60)
    b = threading.Thread(target=read, args=("B",))
    b.start()
    a.join(timeout=60)
    b.join(timeout=60)
    assert titles == {"A": "T", "B": "T"}
    assert len(builds) == 1, "two threads built plotly's objects on one shared figure"


def test_plotly_objects_or_arguments_build_a_house_figure_at_once():
    built = HouseFigure([go.Scatter(x=[1.0], y=[2.0])], go.Layout(title_text="T"))
    assert built.__dict__["_house_built"]
    assert built.to_dict()["data"][0]["type"] == "scatter"
    assert built.title_text() == "T"
    framed = HouseFigure([{"x": [1.0]}], {}, frames=[{"data": [{"x": [2.0]}]}])
    assert framed.__dict__["_house_built"]
    assert len(framed.frames) == 1


def test_power_source_table_gives_each_source_one_first_power_year_after_its_share():
    spans = pd.DataFrame(
        {
            "label": ["Coal", "Nuclear (large)"],
            "low": [3.5, 6.3],
            "mid": [5.0, 8.0],
            "high": [7.0, 10.4],
        },
        index=pd.Index(["coal", "nuclear_large"], name="source_id"),
    )
    plates = pd.DataFrame({"your load": {"coal": 0.5, "nuclear_large": 2.0}})
    table = power_charts.source_table(
        spans,
        {"coal": 0.25, "nuclear_large": 0.75},
        {"coal": "Coal", "nuclear_large": "Nuclear (large)"},
        plates,
        {"coal": 2031.0, "nuclear_large": float("nan")},
        2040,
    ).set_index("Source")
    # The year a reader looks for comes right after the share, before the wide columns.
    assert list(table.columns[:3]) == [
        "Share",
        "First power",
        "Lead time, years (fast / mid / slow)",
    ]
    assert table.loc["Coal", "First power"] == "2031"
    # No power from the source by the projection's last year says so, with the year.
    assert table.loc["Nuclear (large)", "First power"] == "none by 2040"
    assert table.loc["Nuclear (large)", "Lead time, years (fast / mid / slow)"] == "6.3 / 8 / 10.4"
    assert table.loc["Coal", "Nameplate, your load"] == "500 MW"


#: Every page that draws charts, with the URL that draws all of its charts (the growth
#: page draws its Monte Carlo charts only with uncertainty on).
CHART_PAGES = [
    *((page, None) for page in PAGES if page != "pages/growth.py"),
    ("pages/claims.py", None),
    ("pages/growth.py", {"show_bands": "true"}),
]


@pytest.mark.parametrize(("page", "params"), CHART_PAGES, ids=[p for p, _ in CHART_PAGES])
def test_no_numeric_axis_lets_its_labels_move_the_margins(page, params):
    # Plotly's automargin (on in plotly's and Streamlit's templates) measures every tick
    # label and draws the chart again when the margins it needs change: 50-100 ms a
    # slider move on a page of charts. charts.style.house_layout sizes the margins
    # instead: a numeric y axis has automargin off; a numeric x axis pushes the bottom
    # only (a line of years, the same every redraw); only category axes keep it.
    at = open_app(page, params)
    figures = [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
    assert figures, f"{page} draws no chart"
    for spec in figures:
        title = spec["layout"]["title"]["text"]
        for name, axis in spec["layout"].items():
            if not name.startswith(("xaxis", "yaxis")):
                continue
            if axis.get("type") == "category":
                continue
            want = "bottom" if name.startswith("x") else False
            if axis.get("visible") is False or axis.get("showticklabels") is False:
                want = False
            assert axis.get("automargin") == want, f"{page}, {title}: {name}"
            # Text on an axis not declared a category axis would get a margin sized for
            # numbers, and be cut off.
            assert not _texts_on(spec["data"], name), f"{page}, {title}: {name} holds text"


def _texts_on(traces: list[dict], axis_name: str) -> list[str]:
    """The text values traces put on the layout axis `axis_name` ("xaxis", "yaxis2"...)."""
    letter, number = axis_name[0], axis_name[5:]
    ref = letter + number  # a trace names its axes "x", "y2"...
    values = [
        v
        for trace in traces
        if trace.get(f"{letter}axis", letter) == ref
        and isinstance(trace.get(letter), list)  # typed arrays (dicts) hold numbers
        for v in trace[letter]
    ]
    return [v for v in values if isinstance(v, str)]
