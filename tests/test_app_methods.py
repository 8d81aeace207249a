"""AppTest of the Methods & sources page: it runs, and its tables come from the model."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from model import projection, uncertainty
from model.catalog import SCHEMAS, default_catalog
from model.scenario import GROUPS, INPUTS, Scenario
from model.uncertainty import spread_ends
from model.validation import run_validation, trend_validation
from tests.apptest_support import open_app, sidebar_input
from tests.data_readme import status_is_defined
from ui import format as fmt
from ui.methods_tables import DOCS
from ui.sidebar import GROUP_TITLES

TABS = [
    "Equations",
    "Glossary",
    "Assumptions",
    "Uncertainty",
    "Validation",
    "Disagreements",
    "Left out",
    "Data",
    "What changed",
]


@pytest.fixture(scope="module")
def methods() -> AppTest:
    return open_app("pages/methods.py")


def open_tab(at: AppTest, label: str) -> AppTest:
    """Select a tab (the page's tabs are lazy: only the open one runs) and rerun."""
    at.session_state["methods_tab"] = label
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def text(at: AppTest) -> str:
    return " ".join(m.value for m in at.markdown)


def test_page_has_its_title_and_tabs(methods):
    open_tab(methods, "Equations")
    assert methods.title[0].value == "Methods & sources"
    assert [t.label for t in methods.tabs] == TABS


def test_only_the_open_tab_runs():
    # A first visit shows the equations; no table of another tab is built or sent.
    at = open_app("pages/methods.py")
    assert at.latex
    assert not at.table
    assert not at.dataframe


@pytest.mark.parametrize(
    ("step", "symbol"),
    [
        ("trend", "C_{\\text{trend}}(t) = C_0\\, g^{\\tau}"),
        ("site", "C_{\\text{site}}(t) = n_s \\min\\!\\left(P_{c,0}\\, c^{\\tau}"),
        ("power", "C_{\\text{power}}(t) = \\rho\\ \\text{Train}_{\\text{power}}(t)"),
        ("chips", "C_{\\text{chips}}(t) = \\rho\\ \\text{Train}_{\\text{chips}}(t)"),
        ("capital", "C_{\\text{capital}}(t) = \\rho\\ \\text{Train}_{\\text{capital}}(t)"),
        ("data", "C_{\\text{data}}(t) = 6\\, \\dfrac{D(t)}{20}\\, D(t)"),
        ("latency", "C_{\\text{latency}} = L"),
    ],
)
def test_each_of_the_seven_limits_has_its_equation(methods, step, symbol):
    open_tab(methods, "Equations")
    latex = [e.value.strip("$\n") for e in methods.latex]
    assert any(symbol in e for e in latex), step
    achieved = next(e for e in latex if "C_{\\text{achieved}}(t) = \\min" in e)
    assert f"C_{{\\text{{{step}}}}}" in achieved


def test_equations_cover_the_run_the_fleet_allocation_price_and_wall(methods):
    open_tab(methods, "Equations")
    latex = " ".join(e.value for e in methods.latex)
    for piece in (
        "C = 6\\,N\\,D",  # one training run
        "w_i = \\dfrac{s_i / \\varphi_i}",  # nameplate split by firm factor
        "n_i(v) = \\min\\!\\left(B\\, w_i,\\ a\\, K_i",  # build caps
        "\\max(L_i, Q)",  # grid queue vs behind the meter
        "H\\, [\\tau \\ge 1]",  # flexible-load headroom
        "n(t) = \\min\\big(n_{\\text{demand}}",  # new chips: the smallest of four
        "W(v) = \\max\\!\\left(\\dfrac{W_0}{h^{v - t_0}}",  # power per chip by vintage
        "^{-\\eta}",  # serving answers the cost of compute
        "p_r(t) = k \\left(p_{\\text{mix}} + A_r",  # price x multiplier, smooth scarcity
        "\\ell(t) = 1 - \\dfrac{\\text{fleet FLOP/s}(t)}",  # compute lost to power
        "\\text{wall} = \\min\\{\\, t : \\ell(t) \\ge w",
        "g_{P} = \\dfrac{g_C}{g_E \\; g_T}",
    ):
        assert piece in latex, piece
    prose = text(methods)
    assert "firming rule" in prose
    assert "data/build_limits.csv" in prose


def test_assumptions_are_the_inputs_table_group_by_group(methods):
    open_tab(methods, "Assumptions")
    assert {s.group for s in INPUTS} <= set(GROUPS)
    assert [h.value for h in methods.subheader] == [GROUP_TITLES[g] for g in GROUPS]
    assert {"Chips & capital", "Limits"} <= set(GROUP_TITLES.values())
    tables = [t.value for t in methods.table]
    assert len(tables) == len(GROUPS)
    shown = pd.concat(tables)
    ordered = [s for group in GROUPS for s in INPUTS if s.group == group]
    assert shown["Input"].tolist() == [fmt.plain(s.label) for s in ordered]
    sources = shown["Source of the default"].tolist()
    assert all(fmt.plain(s.source) in cell for s, cell in zip(ordered, sources, strict=True))
    # The rewritten model's inputs are there; the retired one is not.
    labels = set(shown["Input"])
    for name in ("serving_compute_growth", "build_cap_share_us", "chip_production_growth"):
        assert fmt.plain(next(s.label for s in INPUTS if s.name == name)) in labels
    assert {"other_ai_growth", "chip_stock_growth", "frontier_runs"}.isdisjoint(
        s.name for s in INPUTS
    )


def test_spreads_table_lists_every_sampled_input_with_its_source(methods):
    open_tab(methods, "Uncertainty")
    spreads = methods.table[0].value
    assert spreads["Name"].tolist() == [fmt.plain(s.name) for s in uncertainty.SPREADS]
    for spread, cell in zip(uncertainty.SPREADS, spreads["Source of the spread"], strict=True):
        assert fmt.plain(spread.source) in cell
    growth = spreads.set_index("Name").loc[fmt.plain("compute_growth")]
    # Default 4.0x/yr, P90 factor 1.2: 4 / 1.2 = 3.33 to 4 x 1.2 = 4.8
    assert growth["P10 to P90"] == fmt.plain("3.33 to 4.8")
    assert "{" not in text(methods)


def test_spread_ends_are_the_tornado_ends():
    tornado = uncertainty.tornado(Scenario(), default_catalog()).set_index("input")
    medians = projection.scenario_values(Scenario())
    for spread in uncertainty.SPREADS:
        low, high = spread_ends(spread, float(medians[spread.name][0, 0]))
        assert (low, high) == pytest.approx(
            (tornado.loc[spread.name, "low_value"], tornado.loc[spread.name, "high_value"])
        ), spread.name


def test_validation_tables_show_the_model_outputs(methods):
    open_tab(methods, "Validation")
    runs = methods.dataframe[0].value
    expected = run_validation(default_catalog())
    assert runs["item"].tolist() == expected["item"].tolist()
    gpt3 = runs[(runs["item"] == "GPT-3 175B") & (runs["quantity"] == "Training energy")]
    # 3,552,000 h x 330 W x 1.1 = 1,289 MWh, shown as 1.29 GWh against 1,287 MWh published
    assert gpt3["model"].iloc[0] == "1.29 GWh"
    assert gpt3["error_pct"].iloc[0] == "+0.2%"
    trends = methods.table[0].value
    model = trend_validation(Scenario(), default_catalog())["model"].map(fmt.sig)
    assert trends["model"].tolist() == [fmt.plain(v) for v in model]


def test_validation_follows_the_sidebar():
    at = open_tab(open_app("pages/methods.py"), "Validation")
    before = at.table[0].value["model"].iloc[0]
    sidebar_input(at, "hardware_efficiency_growth").set_value(1.5).run()
    assert not at.exception
    after = at.table[0].value["model"].iloc[0]
    # Run power growth = compute / (chip efficiency x number formats x run length):
    # 4 / (1.28 x 1.23 x 1.15) = 2.2093 x/yr by default ("2.21"); with chips gaining
    # 1.5x a year, 4 / (1.5 x 1.23 x 1.15) = 1.8852 ("1.89").
    assert (before, after) == ("2\\.21", "1\\.89")


def test_disagreements_table_lists_every_published_figure_with_source_and_status(methods):
    open_tab(methods, "Disagreements")
    published = pd.read_csv(DOCS / "disagreements.csv", dtype=str, keep_default_na=False)
    tables = [t.value for t in methods.table]
    assert len(tables) == published["topic"].nunique()  # one table per topic
    shown = pd.concat(tables)
    assert len(shown) == len(published)
    assert shown["who"].tolist() == [fmt.plain(w) for w in published["who"]]
    assert all(
        fmt.plain(s) in cell for s, cell in zip(published["source"], shown["source"], strict=True)
    )
    assert all(published["source"].str.strip() != "")
    assert all(status_is_defined(s) for s in published["status"])
    topics = set(published["topic"])
    assert {"Largest run feasible in 2030", "Chips for AI by 2030", "AI power in 2030"} <= topics
    who = " ".join(published["who"])
    for source in ("Epoch AI 2024", "IEA", "EPRI", "RAND", "SemiAnalysis"):
        assert source in who


def test_disagreements_quote_the_projection(methods):
    open_tab(methods, "Disagreements")
    prose = text(methods)
    row = projection.project(Scenario()).set_index("year").loc[2030]
    assert fmt.count(row["chip_stock_h100e"]) in prose
    assert fmt.flop(row["compute_limit_chips_flop"]) in prose
    assert fmt.power(row["power_demand_gw"]) in prose
    # The default 2030 run is held by grid power, named in the headline's words.
    assert row["binding_constraint"] == "power"
    assert "the step that binds is **the power that can be built**" in prose
    assert fmt.flop(row["compute_limit_site_flop"]) in prose
    assert "1,260 W" in prose  # 700 W x 1.5 x 1.2, the dashboard's all-in watts per H100


@pytest.mark.parametrize("tab", TABS)
def test_prose_placeholders_are_all_filled(methods, tab):
    open_tab(methods, tab)
    # Inline TeX ($E_{\max}$) has braces of its own; a placeholder left unfilled is outside it.
    assert "{" not in re.sub(r"\$[^$]*\$", "", text(methods))


def test_left_out_names_what_the_model_leaves_out(methods):
    open_tab(methods, "Left out")
    prose = text(methods)
    for topic in (
        "Grids inside a region",
        "Chip makers' own limits",
        "Synthetic data",
        "answers to price",
        "Capital beyond chips",
    ):
        assert topic in prose


def test_every_data_table_is_shown_with_links(methods):
    open_tab(methods, "Data")
    frames = [d.value for d in methods.dataframe]
    assert len(frames) == len(SCHEMAS)
    for name, frame in zip(SCHEMAS, frames, strict=True):
        assert len(frame) == len(default_catalog()[name]), name
        assert "link" in frame.columns
    runs = frames[list(SCHEMAS).index("training_runs")]
    assert "https://arxiv.org/abs/2104.10350" in set(runs["link"])
    assert "build_limits" in SCHEMAS


def test_what_changed_shows_the_changelog_the_version_notice_points_to(methods):
    open_tab(methods, "What changed")
    prose = text(methods)
    assert "## 0.2.0" in prose or "0.2.0" in prose
    assert "Six limits on the largest run" in prose
    assert "other_ai_compute_growth" in prose


def test_glossary_tab_lists_every_term_with_its_definition_and_source(methods):
    open_tab(methods, "Glossary")
    shown = methods.table[0].value
    glossary = default_catalog()["glossary"]
    assert list(shown.columns) == ["term", "definition", "also written", "source", "status"]
    assert len(shown) == len(glossary)
    cells = " ".join(shown["term"].astype(str)).replace("\\", "")
    for term in ("CCGT", "LCOE", "SMR", "PUE", "MFU", "Nameplate", "P10-P90", "The wall"):
        assert term in cells


def test_a_link_to_a_section_opens_that_section():
    # The tabs are bound to the URL: methods_tab=Glossary opens the glossary, not the
    # equations, and runs only that tab.
    at = open_app("pages/methods.py", params={"methods_tab": "Glossary"})
    assert at.session_state["methods_tab"] == "Glossary"
    assert not at.latex
    assert len(at.table) == 1
