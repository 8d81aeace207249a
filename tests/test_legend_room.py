"""A legend pinned to a chart's bottom gets its room in the margin given to plotly
(charts/style.with_legend_room), so plotly draws the chart once instead of growing the
margin and drawing it again. Widths are Arial's (Liberation Sans) advance widths, in
thousandths of the font size: n 556, space 278, A 667, c 500, h 556, i 222, e 556,
v 500, d 556, r 333, u 556."""

from __future__ import annotations

import pytest

from charts import style
from ui.plot import chart_width_px

#: "nnnn" at the legend's 12 px: 4 x 0.556 x 12 = 26.688 px; its entry adds 40 px of
#: symbol and gap: 66.688 px.
N4_ENTRY_PX = 4 * 0.556 * 12 + 40


def _figure(names: list[str], legend: dict | None = None, **layout: object) -> object:
    traces = [{"type": "scatter", "name": n, "x": [0, 1], "y": [0, 1]} for n in names]
    lay = {"margin": {"l": 60, "r": 20, "b": 70}, "legend": legend or {}, **layout}
    return style.HouseFigure(data=traces, layout=lay)


def test_a_label_is_as_wide_as_chromium_draws_it_in_arial_metrics():
    # "Achieved run": 667 + 500 + 556 + 222 + 556 + 500 + 556 + 556 + 278 + 333 + 556 +
    # 556 = 5836 thousandths; at 12 px 70.03 px. Chromium drew it 70.0 px wide (the
    # growth page's legend, Liberation Sans).
    assert style.arial_width_px("Achieved run", 12) == pytest.approx(70.032)
    # A label's widest line; tags take no room; a character outside ASCII counts as a
    # digit: "→" as 0.556 x 10 = 5.56 px.
    assert style.arial_width_px("nn<br>n", 10) == pytest.approx(2 * 5.56)
    assert style.arial_width_px("<b>→</b>", 10) == pytest.approx(5.56)


def test_the_legend_lists_the_traces_plotly_lists():
    traces = [{"name": "a"}, {"name": "b", "showlegend": False}, {}, {"name": "d"}]
    # The unnamed third trace is plotly's "trace 2"; the second is left out.
    assert style.legend_names(traces, {}) == ["a", "trace 2", "d"]
    assert style.legend_names(traces, {"showlegend": False}) == []
    # One entry: plotly draws no legend unless asked to.
    assert style.legend_names([{"name": "a"}], {}) == []
    assert style.legend_names([{"name": "a"}], {"showlegend": True}) == ["a"]
    assert style.legend_names([{"name": "a", "showlegend": True}], {}) == ["a"]


def test_entries_share_one_row_while_they_fit_then_each_takes_the_widest_ones_room():
    names = ["nnnn"] * 3
    # One row: 3 x 66.688 + 2 gaps of 5 = 210.064 px.
    assert style.legend_rows(names, 210.1) == 1
    # 210 px: a grid of 71.688 px steps; the third entry would end at 2 x 71.688 +
    # 66.688 = 210.064 >= 210, so it starts a second row.
    assert style.legend_rows(names, 210.0) == 2
    # One wide entry (12 n: 12 x 6.672 + 40 = 120.064 px) sets every step: 125.064;
    # in 300 px two fit (2 x 125.064 - 5 = 245.1), a third would end at 370.2: 2 a row,
    # so four entries take 2 rows and five take 3.
    wide = ["n" * 12, "nnnn", "nnnn", "nnnn"]
    assert style.legend_rows(wide, 300) == 2
    assert style.legend_rows([*wide, "nnnn"], 300) == 3
    assert style.legend_rows([], 300) == 0


def test_a_legend_is_19_px_a_row_and_10_more():
    # Chromium: 1 row 29 px, 3 rows 67, 4 rows 86 (Growth vs power, Power for AI).
    assert style.legend_room_px(["nnnn"] * 3, 300) == 29
    assert style.legend_room_px(["n" * 12, "nnnn", "nnnn", "nnnn", "nnnn"], 300) == 67
    assert style.legend_room_px([], 300) == 0


def test_a_legend_pinned_to_the_bottom_grows_the_bottom_margin_by_its_rows():
    fig = _figure(["n" * 12, "nnnn", "nnnn", "nnnn"], style.LEGEND_AT_BOTTOM["legend"])
    # Figure 388 px wide: its plot is 388 - 60 - 20 = 308 px; rows are counted in 8 px
    # more, 316, where two 125.064 px steps fit a row (three would end at 370.2): two
    # rows, 2 x 19 + 10 = 48 px on top of the 70 given.
    grown = style.with_legend_room(fig, 388)
    assert grown.to_dict()["layout"]["margin"] == {"l": 60, "r": 20, "b": 118}
    assert fig.to_dict()["layout"]["margin"]["b"] == 70  # the cached figure is unchanged
    # All four on one row need 120.064 + 3 x 66.688 + 3 x 5 = 335.1 px: a 420 px figure
    # (plot 340, counted in 348) has room for it, a 406 px one (plot 326, 334) has not.
    assert style.with_legend_room(fig, 420).to_dict()["layout"]["margin"]["b"] == 70 + 29
    assert style.with_legend_room(fig, 406).to_dict()["layout"]["margin"]["b"] == 70 + 48


def test_other_legends_and_charts_without_one_are_left_as_they_are():
    house = _figure(["a", "b"], {"orientation": "h", "y": -0.2})  # a share of the plot
    assert style.with_legend_room(house, 500) is house
    single = _figure(["a"], style.LEGEND_AT_BOTTOM["legend"])  # no legend drawn
    assert style.with_legend_room(single, 500) is single


def test_charts_are_sized_for_the_reference_desktops_columns():
    # tests/browser/helpers.DESKTOP (1400 px): 940 px for the main column; Chromium drew
    # charts in 3:1 columns 697 px wide and in 3:2 columns 556 px: 928 x 0.75 = 696,
    # 928 x 0.6 = 556.8.
    assert chart_width_px(1.0) == 940
    assert chart_width_px(0.75) == pytest.approx(696)
    assert chart_width_px(0.6) == pytest.approx(556.8)
