"""AppTest for the Power it and Serve it pages: they render, and inputs move the numbers;
and the layouts their chart builders assemble by hand (without plotly's subplots)."""

from __future__ import annotations

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from charts import power as power_charts
from charts import serve as serve_charts
from charts import style
from model import inference
from model.catalog import default_catalog
from model.scenario import SOURCE_IDS
from tests.apptest_support import metric_value, open_app, sidebar_input

PRESET_IDS = list(default_catalog()["mix_presets"]["preset_id"].unique())


def load_column(at: AppTest) -> dict[str, str]:
    table = at.dataframe[0].value
    return table["your load"].to_dict()


def test_power_page_shows_the_default_world_mix():
    at = open_app("pages/power.py")
    assert at.title[0].value == "Power it"
    # Ember 2024 world mix: 39531.5 / 94.3 = 419.2 gCO2e/kWh (see test_grid.py).
    assert metric_value(at, "Carbon (gCO2e/kWh)") == "419"


@pytest.mark.parametrize("preset_id", PRESET_IDS)
def test_every_preset_runs_and_sets_every_mix_weight(preset_id):
    at = open_app("pages/power.py")
    at.selectbox(key="power_preset").set_value(preset_id).run()
    assert not at.exception
    rows = default_catalog()["mix_presets"]
    rows = rows[rows["preset_id"] == preset_id].set_index("source_id")["share"]
    for sid in SOURCE_IDS:
        assert at.session_state[f"mix_{sid}"] == pytest.approx(rows.get(sid, 0.0))
    assert any("Source:" in c.value for c in at.caption)


def test_choosing_the_nuclear_bet_changes_the_numbers():
    at = open_app("pages/power.py")
    before = metric_value(at, "Carbon (gCO2e/kWh)")
    at.selectbox(key="power_preset").set_value("nuclear_bet").run()
    # 0.7 x 12 + 0.3 x 9.1 = 11.13 g/kWh; Lazard: 0.7 x 141 + 0.3 x 119 = 134.4 $/MWh low,
    # 0.7 x 220 + 0.3 x 220 = 220 high.
    assert metric_value(at, "Carbon (gCO2e/kWh)") == "11.1" != before
    assert metric_value(at, "Cost (USD/MWh)") == "134-220"
    # Large reactors started at the start of 2025 with the mid lead time of 8 years
    # arrive at the start of 2033; 2034 is the first year to count them (the default
    # 25% / 10% behind the meter skip the 5- and 3-year grid waits, shorter anyway).
    assert metric_value(at, "Whole mix delivering") == "2034"
    # 1 GW of load: 1 / 0.928 = 1.08 GW of reactors.
    assert load_column(at)["1 GW reactors"] == "1.08"


def test_switching_from_nuclear_to_solar_storage_arrives_sooner():
    at = open_app("pages/power.py")
    at.selectbox(key="power_preset").set_value("nuclear_bet").run()
    nuclear_year = int(metric_value(at, "Whole mix delivering"))
    at.selectbox(key="power_preset").set_value("solar_storage_sprint").run()
    assert not at.exception
    # Solar + storage mid 3.4 y, onshore wind mid 4.4 y: wind arrives in mid-2029, so
    # 2030 is the first year to count all of the mix.
    assert int(metric_value(at, "Whole mix delivering")) == 2030 < nuclear_year


def test_moving_a_share_in_the_sidebar_changes_the_intensity():
    at = open_app("pages/power.py")
    sidebar_input(at, "mix_coal").set_value(0.0).run()
    assert not at.exception
    # Without coal: (22x490 + 14.3x24 + 9x12 + 8.1x11 + 6.9x48) / 60.3
    # = 11651.5 / 60.3 = 193.2 g/kWh
    assert metric_value(at, "Carbon (gCO2e/kWh)") == "193"


def test_all_zero_weights_give_a_message_not_a_crash():
    at = open_app("pages/power.py")
    for sid in SOURCE_IDS:
        sidebar_input(at, f"mix_{sid}").set_value(0.0)
    at.run()
    assert not at.exception
    # The sidebar (or, failing that, this page) says why there is no mix.
    messages = [m.value for m in (*at.error, *at.warning)]
    assert any("weight of zero" in m for m in messages)


def test_the_user_load_scales_the_outputs():
    at = open_app("pages/power.py")
    at.selectbox(key="power_preset").set_value("nuclear_bet").run()
    at.number_input(key="power_load_gw").set_value(10.0).run()
    # 10 GW x 8760 h x 11.13 g/kWh = 0.975 Mt per year
    assert load_column(at)["Emissions a year"] == "975 ktCO2e"
    assert load_column(at)["Nameplate to build"] == "10.8 GW"  # 10 / 0.928 (firm factor)


def test_the_demand_year_picks_the_projection_year():
    at = open_app("pages/power.py")
    before = at.dataframe[0].value.columns[0]
    at.select_slider(key="power_year").set_value(2027).run()
    assert not at.exception
    assert at.dataframe[0].value.columns[0] == "AI wants 2027" != before


def test_serve_page_shows_the_worked_example_by_default():
    at = open_app("pages/serve.py")
    assert at.title[0].value == "Serve it"
    # 2e14 FLOP / 1.5705e11 FLOP/J / 3600 = 0.354 Wh (tests/test_inference.py)
    assert metric_value(at, "Energy per query") == "0.354 Wh"
    # 0.354 Wh x 2.5e9 = 884 MWh/day
    assert metric_value(at, "Energy per day") == "884 MWh"


def test_moving_serving_sliders_changes_the_estimate():
    at = open_app("pages/serve.py")
    sidebar_input(at, "output_tokens").set_value(1500.0).run()
    # 2000 tokens instead of 1000: 2 x 1273.499 J = 2546.998 J / 3600 = 0.70750 Wh,
    # just under the rounding edge, so 0.707 Wh
    assert metric_value(at, "Energy per query") == "0.707 Wh"
    sidebar_input(at, "inference_utilization").set_value(0.4).run()
    # twice the utilization halves it again: 0.354 Wh
    assert metric_value(at, "Energy per query") == "0.354 Wh"
    assert not at.exception


def test_changing_the_chip_changes_the_estimate():
    at = open_app("pages/serve.py")
    sidebar_input(at, "chip").set_value("NVIDIA B200").run()
    # B200: 2250 TFLOP/s at 1000 W -> 2.25e15 x 0.2 / (1000 x 1.5 x 1.2) = 2.5e11 FLOP/J;
    # 2e14 / 2.5e11 = 800 J = 0.222 Wh
    assert metric_value(at, "Energy per query") == "0.222 Wh"


def test_each_measure_of_every_source_is_a_chart_of_its_own():
    # One chart a measure (not four panels of one figure, whose axis titles and labels ran
    # into each other on a phone), each with its unit and every source in the same order.
    sources = default_catalog()["generation_sources"]
    figures = power_charts.source_comparison_figures(sources)
    layouts = [f.to_dict()["layout"] for f in figures]
    assert [layout["xaxis"]["title"]["text"] for layout in layouts] == [
        "gCO2e/kWh",
        "USD/MWh",
        "Years to first power",
        "% of nameplate",
    ]
    assert not any("xaxis2" in layout for layout in layouts)
    # data/generation_sources.csv lists coal first: plotly draws the last category on top.
    labels = sources["label"].tolist()
    for figure in figures:
        assert figure.to_dict()["data"][0]["y"] == labels[::-1]


def test_sources_outside_the_mix_are_faded():
    sources = default_catalog()["generation_sources"]
    figures = power_charts.source_comparison_figures(sources, {"coal"})
    for figure in figures:
        bars = figure.to_dict()["data"][0]
        colours = dict(zip(bars["y"], bars["marker"]["color"], strict=True))
        assert colours["Coal"] == style.SOURCE_COLOURS["coal"]
        assert colours["Hydro"] == style.hex_to_rgba(style.SOURCE_COLOURS["hydro"], 0.3)


@pytest.mark.parametrize(
    ("colour", "alpha", "text"),
    [
        # Black: luminance 0, so white text has contrast (1 + 0.05) / 0.05 = 21.
        ("#000000", 1.0, "#ffffff"),
        # Black at 30% on white is grey 0.7: ((0.7 + 0.055) / 1.055) ** 2.4 = 0.448. White
        # text: 1.05 / 0.498 = 2.1; the dark text (#1f2933, luminance 0.0212): 0.498 /
        # 0.0712 = 7.0, so dark (a fixed cut at luminance 0.45 would pick white).
        ("#000000", 0.3, "#1f2933"),
        # Grey #808080: 0.502 -> 0.2159. White 1.05 / 0.2659 = 3.95 beats dark 0.2659 /
        # 0.0712 = 3.73.
        ("#808080", 1.0, "#ffffff"),
        ("#ffffff", 1.0, "#1f2933"),
    ],
)
def test_a_label_inside_a_bar_takes_the_text_colour_that_contrasts_more(colour, alpha, text):
    assert power_charts.label_colour(colour, alpha) == text


def test_the_per_query_axis_spans_the_figures_and_the_estimate():
    published = serve_charts.published_traces(inference.published_per_query(default_catalog()))
    fig = serve_charts.per_query_figure(published, 100.0)
    low, high = fig.layout.xaxis.range
    # Lowest published figure: Google's 0.24 Wh (data/inference.csv); log10(0.24) =
    # -0.6198, less 0.4 decades. Highest: the 100 Wh estimate, log10(100) = 2, plus 0.4.
    assert low == pytest.approx(-0.6198 - 0.4, abs=1e-4)
    assert high == pytest.approx(2.4)
    # The estimate's dotted line stands at 100 Wh.
    assert fig.layout.shapes[0].x0 == 100.0


def test_serve_page_shows_cost_and_emissions_per_query_and_per_year():
    at = open_app("pages/serve.py")
    # US grid 367 g/kWh, $80/MWh (tests/test_inference.py): 0.35375 Wh x 0.367 = 0.130 g;
    # 0.35375e-6 MWh x $80 = $0.0000283; 322,800 MWh/yr x 0.367 = 118 ktCO2e and
    # x $80 = $25.8 million a year.
    assert metric_value(at, "Emissions per query") == "0.13 gCO2e"
    assert metric_value(at, "Power bill per query") == "$0.0000283"
    # Per million tokens: $0.0000283 / (500 + 500) tokens x 1e6 = $0.0283.
    assert metric_value(at, "Per million tokens") == "$0.0283"
    assert metric_value(at, "Emissions per year") == "118 ktCO2e"
    assert metric_value(at, "Bill per year") == "$25.8 million"
    # One service beside all of AI's serving: 322,800 MWh / 8,760 h = 36.8 MW against
    # the projection's 2025 serving (13.5 + 4.5 = 18 GW of serving and smaller AI).
    captions = " ".join(c.value for c in at.caption)
    assert "This is **one service** at these settings: 36.8 MW." in captions
    assert "draw 18 GW in 2025" in captions
    # Google's published 0.03 g per prompt is quoted beside the estimate.
    assert any("0.03 gCO2e" in m.value for m in at.markdown)


def test_the_training_grid_and_price_move_the_serving_cost_and_emissions():
    at = open_app("pages/serve.py")
    sidebar_input(at, "grid").set_value("france").run()
    sidebar_input(at, "price_usd_per_mwh").set_value(160.0).run()
    assert not at.exception
    # France 56 g/kWh (OWID 2023): 0.35375 Wh x 0.056 = 0.0198 g; $160/MWh doubles the
    # bill: $51.6 million a year.
    assert metric_value(at, "Emissions per query") == "0.0198 gCO2e"
    assert metric_value(at, "Bill per year") == "$51.6 million"


def test_power_page_build_table_follows_the_build_inputs():
    at = open_app("pages/power.py")
    before = at.dataframe[2].value
    sidebar_input(at, "build_rate_gw_per_yr_us").set_value(80.0).run()
    assert not at.exception
    after = at.dataframe[2].value.set_index("Source")
    # The table adds the regions: 20 + 20 GW a year by default, 80 + 20 = 100 after, so
    # each source's wanted nameplate grows 2.5 times. Coal: 7.37 GW -> 18.4 GW.
    assert before.set_index("Source").loc["Coal", "Wanted a year"] == "7.37 GW"
    assert after.loc["Coal", "Wanted a year"] == "18.4 GW"


def _first_power_column(at: AppTest) -> pd.Series:
    """Power it's one first-power year by source, as numbers."""
    table = next(d.value for d in at.dataframe if "First power" in d.value.columns)
    return table.set_index("Source")["First power"].astype(int)


def test_power_page_gives_one_first_power_year_per_source_and_it_follows_the_grid_wait():
    at = open_app("pages/power.py")
    # Exactly one table gives a calendar year of first power; the build table no longer.
    year_columns = [c for d in at.dataframe for c in d.value.columns if "first" in c.lower()]
    assert year_columns == ["First power"]
    # Default mix, 25% / 10% behind the meter: the lead time alone. Coal 5 y -> arrives at
    # the start of 2030 -> 2031; nuclear 8 y -> 2034.
    first = _first_power_column(at)
    assert (first["Coal"], first["Nuclear (large)"]) == (2031, 2034)
    # Nothing behind the meter and a 7-year wait in both regions: coal waits for the grid,
    # start of 2032 -> 2033, while nuclear's 8-year lead time is still longer -> 2034.
    for name, value in (
        ("behind_meter_share_us", 0.0),
        ("behind_meter_share_row", 0.0),
        ("queue_years_us", 7.0),
        ("queue_years_row", 7.0),
    ):
        sidebar_input(at, name).set_value(value).run()
    assert not at.exception
    first = _first_power_column(at)
    assert (first["Coal"], first["Nuclear (large)"]) == (2033, 2034)
    # The headline is the latest of them.
    assert metric_value(at, "Whole mix delivering") == str(first.max())


def test_power_page_lead_times_in_the_caption_come_from_the_data():
    at = open_app("pages/power.py")
    text = " ".join(m.value for m in at.markdown)
    # data/generation_sources.csv: onshore wind 1.7-7.1 years (mid 4.4), Clapin & Longden.
    assert "Wind onshore 1.7-7.1 years (mid 4.4)" in text
    assert "2-4 years" not in text


def test_the_power_pages_lead_times_follow_the_lead_time_inputs():
    # Solar's mid lead time set to 1.5 years (data: 3.4): the caption and the arrival chart
    # read the scenario's lead times, not the data file's.
    at = open_app("pages/power.py", {"lead_solar_pv_utility": "1.5"})
    prose = " ".join(c.value for c in at.caption) + " ".join(m.value for m in at.markdown)
    assert "mid 1.5)" in prose
    assert "mid 3.4)" not in prose


def test_with_nothing_new_started_no_source_has_a_first_power_year():
    # No new capacity started for AI in either region: nothing is built, so no source of
    # the mix ever delivers, and the page says so with the projection's last year.
    at = open_app(
        "pages/power.py", {"build_rate_gw_per_yr_us": "0", "build_rate_gw_per_yr_row": "0"}
    )
    assert not at.exception
    assert metric_value(at, "Whole mix delivering") == "not by 2040"
    table = next(d.value for d in at.dataframe if "First power" in d.value.columns)
    assert set(table["First power"]) == {"none by 2040"}
