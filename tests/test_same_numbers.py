"""One figure per quantity: for each preset, a number shown on several pages reads the same
on each (AppTest of the pages as a visitor sees them, opened from the preset's link)."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from model import link
from model.catalog import default_catalog
from model.compare import HEADLINE_YEAR
from model.presets import all_presets, preset_by_name
from tests.apptest_support import open_app
from ui.sidebar import link_choices

PRESETS = [p.name for p in all_presets(default_catalog())]


def _open_with_preset(name: str) -> AppTest:
    """The app opened from the preset's share link (its inputs in the URL)."""
    pairs = link.encode(preset_by_name(name, default_catalog()).scenario(), {}, link_choices())
    at = open_app("pages/compare.py", params=dict(pairs))
    assert at.session_state["scenario"] == preset_by_name(name, default_catalog()).scenario()
    return at


def _show(at: AppTest, page: str) -> AppTest:
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    # Every page shows the preset's scenario, not the defaults.
    assert at.session_state["scenario"] == at.session_state["_preset_scenario"]
    return at


def _compare_row(at: AppTest) -> dict[str, str]:
    """The compare table's row of the sidebar's scenario (Current, or Default)."""
    table = _show(at, "pages/compare.py").dataframe[0].value.T  # a column per scenario
    row = "Current scenario" if "Current scenario" in table.index else "Default"
    return table.loc[row].to_dict()


@pytest.fixture(scope="module", params=PRESETS)
def shown(request: pytest.FixtureRequest) -> dict[str, object]:
    """What each page shows under one preset."""
    at = _open_with_preset(request.param)
    at.session_state["_preset_scenario"] = preset_by_name(
        request.param, default_catalog()
    ).scenario()
    compare = _compare_row(at)
    home = _show(at, "pages/home.py")
    metrics = {m.label: m.value for m in home.metric}
    growth = " ".join(m.value for m in _show(at, "pages/growth.py").markdown)
    power = _show(at, "pages/power.py").dataframe[0].value
    return {"compare": compare, "home": metrics, "growth": growth, "power": power}


def test_the_wall_year_is_the_same_on_compare_home_and_growth(shown):
    wall = shown["compare"]["Wall year"]
    assert shown["home"]["Wall year"].lower() == wall.lower()
    if wall.isdigit():
        assert f"The wall: from {wall}, power costs all of AI" in shown["growth"]
    else:
        assert "No wall: power never costs all of AI" in shown["growth"]


def test_the_largest_run_and_all_ai_power_wanted_match_the_home_page(shown):
    # The question says the year once above its metrics (2030, model.compare.HEADLINE_YEAR)
    # and names each metric as the compare table does.
    for label in ("Largest run, wanted", "All-AI power, wanted"):
        assert shown["home"][label] == shown["compare"][label], label


def _power_column(table, words: str) -> str:
    matches = [c for c in table.columns if re.match(words, str(c))]
    assert len(matches) == 1, list(table.columns)
    return matches[0]


def test_emissions_wanted_and_achieved_match_the_power_page(shown):
    # Power it shows the year on its year slider (2030 by default), a column per load:
    # what AI wants and what it gets, each with its emissions a year.
    table = shown["power"]
    wants = _power_column(table, rf"AI wants {HEADLINE_YEAR}")
    gets = _power_column(table, rf"AI gets {HEADLINE_YEAR}")
    compare = shown["compare"]
    assert table.loc["Emissions a year", wants] == compare["Emissions, wanted"].removesuffix("/yr")
    assert table.loc["Emissions a year", gets] == compare["Emissions, achieved"].removesuffix("/yr")
    assert table.loc["Average load", wants] == compare["All-AI power, wanted"]
    assert table.loc["Average load", gets] == compare["All-AI power, achieved"]
