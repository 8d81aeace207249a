"""AppTest of the Methods & sources page: it runs, and its tables come from the model."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from model.catalog import SCHEMAS, default_catalog
from model.scenario import INPUTS, Scenario
from model.validation import run_validation, trend_validation
from tests.apptest_support import open_app
from ui import format as fmt


@pytest.fixture
def methods() -> AppTest:
    return open_app("pages/methods.py")


def test_page_has_its_title_tabs_and_equations(methods):
    assert methods.title[0].value == "Methods & sources"
    assert [t.label for t in methods.tabs] == [
        "Equations",
        "Assumptions",
        "Validation",
        "Disagreements",
        "Left out",
        "Data",
    ]
    latex = [e.value for e in methods.latex]
    assert any("6\\,N\\,D" in e for e in latex)
    assert len(latex) >= 10


def test_assumptions_table_lists_every_input_with_its_source(methods):
    table = methods.table[0].value
    assert len(table) == len(INPUTS)
    assert table["Input"].tolist() == [fmt.plain(s.label) for s in INPUTS]
    sources = table["Source of the default"].tolist()
    assert all(fmt.plain(s.source) in shown for s, shown in zip(INPUTS, sources, strict=True))


def test_validation_tables_show_the_model_outputs(methods):
    runs = methods.dataframe[0].value
    expected = run_validation(default_catalog())
    assert runs["item"].tolist() == expected["item"].tolist()
    gpt3 = runs[(runs["item"] == "GPT-3 175B") & (runs["quantity"] == "Training energy")]
    # 3,552,000 h x 330 W x 1.1 = 1,289 MWh, shown as 1.29 GWh against 1,287 MWh published
    assert gpt3["model"].iloc[0] == "1.29 GWh"
    assert gpt3["error_pct"].iloc[0] == "+0.2%"
    trends = methods.table[1].value
    model = trend_validation(Scenario(), default_catalog())["model"].map(fmt.sig)
    assert trends["model"].tolist() == [fmt.plain(v) for v in model]


def test_validation_follows_the_sidebar(methods):
    before = methods.table[1].value["model"].iloc[0]
    methods.slider(key="efficiency_doubling_years").set_value(2.8).run()
    assert not methods.exception
    after = methods.table[1].value["model"].iloc[0]
    # 4 / (2^(1/2.8) x 1.15) = 2.7155 x/yr, shown as 2.72, up from 2.19
    assert (before, after) == ("2\\.19", "2\\.72")


def test_every_data_table_is_shown_with_links(methods):
    # Two validation grids, then one per data file.
    frames = [d.value for d in methods.dataframe]
    assert len(frames) == 2 + len(SCHEMAS)
    for name, frame in zip(SCHEMAS, frames[2:], strict=True):
        assert len(frame) == len(default_catalog()[name]), name
        assert "link" in frame.columns
    runs = frames[2 + list(SCHEMAS).index("training_runs")]
    assert "https://arxiv.org/abs/2104.10350" in set(runs["link"])


def test_prose_placeholders_are_all_filled(methods):
    text = " ".join(m.value for m in methods.markdown)
    assert "{" not in text
    assert "1,260 W" in text  # 700 W x 1.5 x 1.2, the dashboard's all-in watts per H100
