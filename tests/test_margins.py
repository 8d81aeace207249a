"""Margins sized for the axes' text (charts/style.py), so numeric axes need no automargin,
which measured every tick label and often drew a chart twice on every slider move."""

from __future__ import annotations

import pytest

from charts import style

#: Widths of characters in DejaVu Sans, the widest of the fonts the house font falls back
#: to (Arial/Liberation Sans: digits 0.556, G 0.778, W 0.944), as a share of the font
#: size: the estimates must reach these.
DEJAVU_DIGIT_EM, DEJAVU_SPACE_EM, DEJAVU_G_EM, DEJAVU_W_EM = 0.636, 0.318, 0.775, 0.990


def test_a_label_of_digits_is_estimated_at_least_as_wide_as_the_widest_font_draws_it():
    # "2040" at 13 px: 4 x 0.636 x 13 = 33.1 px in DejaVu Sans.
    assert style.text_width_px("2040", 13) >= 4 * DEJAVU_DIGIT_EM * 13
    # N digits grow linearly: 12 digits at 12 px >= 12 x 0.636 x 12 = 91.6 px.
    assert style.text_width_px("8" * 12, 12) >= 12 * DEJAVU_DIGIT_EM * 12


def test_a_power_label_fits_but_is_not_padded_much():
    # "100 GW" at 12 px: (3 x 0.636 + 0.318 + 0.775 + 0.990) x 12 = 47.9 px in DejaVu
    # Sans; Chromium drew it 45 px wide in Liberation Sans. The estimate reaches the wider
    # and wastes less than 8 px beyond it (a phone's plot is about 240 px wide).
    dejavu_px = (3 * DEJAVU_DIGIT_EM + DEJAVU_SPACE_EM + DEJAVU_G_EM + DEJAVU_W_EM) * 12
    assert dejavu_px <= style.text_width_px("100 GW", 12) <= dejavu_px + 8


def test_a_label_of_lines_is_as_wide_as_its_widest_line_and_tags_take_no_room():
    assert style.text_width_px("None by<br>2040", 12) == style.text_width_px("None by", 12)
    assert style.text_width_px("<b>10</b>", 12) == style.text_width_px("10", 12)
    # Two lines of 12 px at plotly's line spacing of 1.3: 2 x 1.3 x 12 = 31.2 px.
    assert style.text_height_px("None by<br>2040", 12) == pytest.approx(31.2)
    # An exponent raises the line by 0.4 em: (1.3 + 0.4) x 12 = 20.4 px (Chromium: 19).
    assert style.text_height_px("10<sup>27</sup>", 12) == pytest.approx(20.4)


def test_a_log_axis_reads_ten_to_each_whole_power_across_its_range():
    assert style.log_tick_texts(0.02, 50.0) == [
        "10<sup>-2</sup>",
        "10<sup>-1</sup>",
        "1",
        "10",
        "10<sup>2</sup>",
    ]
    labels = style.log_tick_texts(3e26, 2e34)
    assert (labels[0], labels[-1]) == ("10<sup>26</sup>", "10<sup>35</sup>")


@pytest.mark.parametrize(
    ("low", "high", "kwargs", "widest"),
    [
        (0.0, 250.0, {}, "888"),  # 250 x 1.1 = 275: three digits
        (0.0, 4.5, {}, "8.8"),  # below 10, steps of 0.5 or 0.2: one decimal
        (0.0, 0.6, {}, "0.88"),  # below 1: two decimals
        (0.0, 1.0, {"percent": True}, "888%"),  # 1 x 1.1 x 100 = 110%
        (0.0, 20_000.0, {}, "888.8k"),  # plotly writes 20k, 12.5k
        (-5.0, 30.0, {"suffix": "%"}, "−88%"),
    ],
)
def test_a_linear_axis_reads_as_many_digits_as_its_largest_value(low, high, kwargs, widest):
    assert style.linear_tick_texts(low, high, **kwargs) == [widest]


def test_given_tick_texts_count_only_within_the_range_in_order():
    axis = {
        "type": "log",
        "range": [0.0, 2.5],
        "tickvals": [100.0, 0.1, 1.0, 1e4],
        "ticktext": ["c", "a", "b", "d"],
    }
    # log range 0 to 2.5: values 1 to 316; 0.1 and 10,000 fall outside.
    assert style.axis_tick_texts(axis, None) == ["b", "c"]
    # Without a range, the data's extent decides.
    del axis["range"]
    assert style.axis_tick_texts(axis, (0.05, 200.0)) == ["a", "b", "c"]
    # An axis that says nothing and has no extent: unknown.
    assert style.axis_tick_texts({}, None) is None


def test_the_left_margin_holds_the_labels_the_gap_and_the_title():
    # 8 pad + 4 gap + 31.68 label (4 chars x 0.66 x 12) + 12 standoff + 18.2 title
    # (1.3 x 14) + 4 slack = 77.88, rounded up: 78. Chromium needs 8 + 3 + 29 + 12 + 16 = 68.
    assert style.y_margin_px(["10<sup>34</sup>"], "Compute (FLOP, log scale)") == 78
    # No title, no standoff: 8 + 4 + 31.68 + 4 = 47.68 -> 48.
    assert style.y_margin_px(["10<sup>34</sup>"], "") == 48


def test_a_phone_loses_less_than_100_px_to_the_widest_left_axis():
    # The power charts' "100 GW" labels and a title, the widest of any numeric y axis:
    # 8 + 4 + 50.2 + 12 + 18.2 + 4 = 96.4 -> 97, of a 358 px chart on a 390 px phone.
    assert style.y_margin_px(["100 GW", "10 MW"], "Average power (log scale)") == 97


def test_the_bottom_margin_holds_a_line_of_years_or_two_lines_and_the_title():
    # 8 pad + 4 gap + 15.6 line (1.3 x 12) + 20 standoff + 18.2 title + 4 slack = 69.8.
    assert style.bottom_margin_px(["2040"], "Year") == 70
    # Two lines: 8 + 4 + 31.2 + 20 + 18.2 + 4 = 85.4 -> 86.
    assert style.bottom_margin_px(["2030", "None by<br>2040"], "Wall year") == 86


def test_automargin_stays_only_where_the_labels_do_not_move_the_margin():
    assert style.automargin({"type": "category"}, x=False) is True
    assert style.automargin({"type": "category", "showticklabels": False}, x=False) is False
    assert style.automargin({"type": "log"}, x=False) is False
    assert style.automargin({}, x=True) == "bottom"
    assert style.automargin({"visible": False}, x=True) is False


def test_the_house_layout_sizes_every_side_for_its_axes():
    layout = style.house_layout(
        {
            "yaxis": {"type": "log", "range": [26.0, 34.0], "exponentformat": "power"},
            "yaxis2": {"title": {"text": ""}, "side": "right", "range": [0, 35], "ticksuffix": "%"},
        },
        title="T",
        x_title="Year",
        y_title="Compute (FLOP, log scale)",
        reserve_right_px=style.TOOLBAR_PX,
    )
    # Left as above (78); right: "88%" (2 x 0.66 + 0.95) x 12 = 27.24, so
    # 8 + 4 + 27.24 + 4 = 43.24, then the toolbar's 36: 79.24 -> 80; bottom as above (70).
    assert layout["margin"] == {"t": 50, "pad": 8, "l": 78, "r": 80, "b": 70}
    assert layout["yaxis"]["automargin"] is False
    assert layout["yaxis2"]["automargin"] is False
    assert layout["xaxis"]["automargin"] == "bottom"
    assert layout["yaxis2"]["title"]["text"] == ""  # its own title stands
    assert layout["yaxis"]["title"]["standoff"] == style.Y_TITLE_STANDOFF_PX
