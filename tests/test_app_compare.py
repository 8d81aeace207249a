"""AppTest of the Compare & share page: presets, saving, the table, import and export."""

from __future__ import annotations

import dataclasses
import json
import re

import pandas as pd
from streamlit.testing.v1 import AppTest

from charts import units as fmt_units
from charts.compare import TITLE, headline_cells
from charts.export_names import png_name
from model.catalog import default_catalog
from model.compare import headline_numbers
from model.link import SAVED_PARAM
from model.presets import preset_by_name
from model.projection import project
from model.scenario import END_YEAR, INPUTS_BY_NAME, Scenario
from model.scenario_io import FILE_FORMAT, RETIRED_INPUTS, scenario_to_json
from tests.apptest_support import open_app, sidebar_input
from tests.edge_scenarios import CHANGED
from ui import format as fmt
from ui.share import FROM_DEFAULTS, MAX_LINK_CHARS, MAX_SAVED
from ui.version import app_version


def _compare_page() -> AppTest:
    return open_app("pages/compare.py")


def _apply_preset(at: AppTest, name: str) -> None:
    at.selectbox(key="compare_preset").set_value(name).run()
    at.button(key="compare_apply_preset").click().run()
    assert not at.exception, [e.value for e in at.exception]


def _save(at: AppTest, name: str) -> None:
    at.text_input(key="compare_save_name").set_value(name).run()
    at.button(key="compare_save").click().run()
    assert not at.exception, [e.value for e in at.exception]


def _table(at: AppTest) -> pd.DataFrame:
    """The compare table, a row per scenario (the page shows a column per scenario)."""
    return at.dataframe[0].value.T


def _preset_caption(at: AppTest) -> str:
    return next(c.value for c in at.caption if c.value.startswith("Sets:"))


def _upload(at: AppTest, filename: str, content: bytes) -> None:
    at.get("file_uploader")[0].set_value((filename, content, "application/json")).run()
    assert not at.exception, [e.value for e in at.exception]


def test_the_page_shows_the_link_presets_chart_and_table():
    at = _compare_page()
    assert at.title[0].value == "Compare & share"
    assert at.code[0].value.endswith(f"v={app_version()}")
    assert len(at.get("plotly_chart")) == 1
    # The sidebar holds the default scenario: one row, not a second "Current scenario".
    assert list(_table(at).index) == ["Default"]
    assert any("holds the default scenario" in m.value for m in at.markdown)


def test_the_chart_downloads_as_a_png_named_after_its_title():
    at = _compare_page()
    config = json.loads(at.get("plotly_chart")[0].proto.config)
    assert config["toImageButtonOptions"]["filename"] == png_name(TITLE)


def test_a_preset_sets_the_sidebar_the_scenario_and_the_url():
    at = _compare_page()
    _apply_preset(at, "Nuclear bet")
    assert (
        at.session_state["scenario"] == preset_by_name("Nuclear bet", default_catalog()).scenario()
    )
    assert any("Nuclear bet" in s.value for s in at.success)
    assert at.query_params["mix_nuclear_large"] == "70"
    assert "mix_nuclear_large=70" in at.code[0].value
    assert sidebar_input(at, "mix_nuclear_large").value == 70.0  # opens its group: last


def test_a_preset_applies_on_top_of_the_other_inputs_and_says_so():
    at = _compare_page()
    sidebar_input(at, "pue").set_value(1.5).run()
    assert "keeps the value it has" in _preset_caption(at)
    _apply_preset(at, "Efficiency breakthrough")
    assert at.session_state["scenario"].pue == 1.5
    assert at.session_state["scenario"].hardware_efficiency_growth == 1.4
    assert any("every other input kept its value" in s.value for s in at.success)


def test_a_preset_from_the_defaults_says_before_and_after_what_it_resets():
    at = _compare_page()
    sidebar_input(at, "pue").set_value(1.5).run()
    at.radio(key="compare_preset_mode").set_value(FROM_DEFAULTS).run()
    at.selectbox(key="compare_preset").set_value("Efficiency breakthrough").run()
    before = _preset_caption(at)
    assert "Every other input returns to its default" in before
    assert INPUTS_BY_NAME["pue"].label in before
    at.button(key="compare_apply_preset").click().run()
    assert at.session_state["scenario"].pue == 1.2
    assert at.session_state["scenario"].hardware_efficiency_growth == 1.4
    after = " ".join(s.value for s in at.success)
    assert "Reset every input to its default" in after
    assert fmt.plain(INPUTS_BY_NAME["pue"].label) in after


def test_compare_table_values_equal_the_single_scenario_values():
    at = _compare_page()
    _apply_preset(at, "Gas bridge")
    _save(at, "Gas")
    _apply_preset(at, "Efficiency breakthrough")
    shown = _table(at)  # st.dataframe shows text as typed (no Markdown)
    assert list(shown.index) == ["Default", "Current scenario", "Gas"]
    gas = preset_by_name("Gas bridge", default_catalog()).scenario()
    expected = {
        "Default": Scenario(),
        "Current scenario": dataclasses.replace(gas, hardware_efficiency_growth=1.4),
        "Gas": gas,
    }
    for name, scenario in expected.items():
        single = headline_cells(headline_numbers(scenario, default_catalog()), END_YEAR)
        assert list(shown.loc[name]) == list(single.values()), name


def test_a_saved_scenario_in_the_sidebar_has_no_second_row():
    at = _compare_page()
    _apply_preset(at, "Nuclear bet")
    _save(at, "Nuclear")
    assert list(_table(at).index) == ["Default", "Nuclear"]
    assert any("Nuclear (in the sidebar)" in m.value for m in at.markdown)
    sidebar_input(at, "pue").set_value(1.5).run()
    assert list(_table(at).index) == ["Default", "Current scenario", "Nuclear"]


def test_a_name_that_is_a_row_name_gets_saved_added():
    at = _compare_page()
    sidebar_input(at, "pue").set_value(1.5).run()
    _save(at, "Default")
    assert list(at.session_state["saved_scenarios"]) == ["Default (saved)"]
    assert list(_table(at).index) == ["Default", "Default (saved)"]


def test_saved_scenarios_go_into_the_url_and_come_back_from_a_link():
    at = _compare_page()
    _apply_preset(at, "Nuclear bet")
    _save(at, "Nuclear & co")
    sidebar_input(at, "pue").set_value(1.5).run()
    _save(at, "PUE 1.5")
    values = at.query_params[SAVED_PARAM]
    assert len(values) == 2
    assert all(f"{SAVED_PARAM}=" in at.code[0].value for _ in values)
    # A new session (a reload, or someone opening the link) restores both, in order.
    again = open_app("pages/compare.py", params={SAVED_PARAM: values})
    saved = again.session_state["saved_scenarios"]
    assert list(saved) == ["Nuclear & co", "PUE 1.5"]
    assert saved["Nuclear & co"] == preset_by_name("Nuclear bet", default_catalog()).scenario()
    assert saved["PUE 1.5"] == dataclasses.replace(saved["Nuclear & co"], pue=1.5)


def test_a_saved_scenario_with_a_bad_value_keeps_the_rest_and_says_why():
    bad = "name=Mine&pue=99&compute_growth=3&<b>x</b>=1"
    at = open_app("pages/compare.py", params={SAVED_PARAM: [bad]})
    saved = at.session_state["saved_scenarios"]
    assert saved == {"Mine": dataclasses.replace(Scenario(), compute_growth=3.0)}
    warnings = " ".join(w.value for w in at.warning)
    assert "pue" in warnings
    assert re.search(r"(?<!\\)<", warnings) is None


def test_saved_scenarios_past_the_link_limit_stay_in_the_tab_with_a_message():
    at = _compare_page()
    # Every input changed: about 1,900 characters per saved scenario in the link.
    _upload(at, "all.json", scenario_to_json(CHANGED, app_version()).encode())
    for i in range(MAX_SAVED):
        _save(at, f"All changed {i}")
    assert len(at.session_state["saved_scenarios"]) == MAX_SAVED
    values = at.query_params[SAVED_PARAM]
    assert 0 < len(values) < MAX_SAVED
    assert len(at.code[0].value) <= MAX_LINK_CHARS
    message = " ".join(w.value for w in at.warning)
    assert f"{MAX_LINK_CHARS:,} characters" in message
    assert f"All changed {MAX_SAVED - 1}" in message


def test_a_typed_name_is_escaped_and_shortened():
    at = _compare_page()
    name = "<img src=x onerror=alert(1)> **bold** " + "x" * 60
    _save(at, name)
    saved = list(at.session_state["saved_scenarios"])
    assert len(saved) == 1
    assert len(saved[0]) <= 40
    for text in [m.value for m in at.markdown] + [s.value for s in at.success]:
        assert re.search(r"(?<!\\)<", text) is None, text  # no raw < from the name
    assert any(fmt.plain(saved[0]) in m.value for m in at.markdown)


def test_at_most_four_scenarios_can_be_saved_and_one_can_be_removed():
    at = _compare_page()
    for i in range(MAX_SAVED):
        _save(at, f"S{i}")
    assert len(at.session_state["saved_scenarios"]) == MAX_SAVED
    assert at.button(key="compare_save").disabled
    at.button(key="compare_remove_0").click().run()
    assert list(at.session_state["saved_scenarios"]) == ["S1", "S2", "S3"]
    assert not at.button(key="compare_save").disabled


def test_a_saved_scenario_loads_back_into_the_sidebar():
    at = _compare_page()
    sidebar_input(at, "pue").set_value(1.7).run()
    _save(at, "High PUE")
    sidebar_input(at, "pue").set_value(1.1).run()
    at.button(key="compare_load_0").click().run()
    assert at.session_state["scenario"].pue == 1.7


def test_importing_a_scenario_file_restores_it_and_snaps_log_values():
    at = _compare_page()
    wanted = dataclasses.replace(Scenario(), pue=1.5, params=3.3e11, compute_growth=3.0)
    _upload(at, "mine.json", scenario_to_json(wanted, app_version(), "Mine").encode())
    scenario = at.session_state["scenario"]
    assert scenario.pue == 1.5
    assert scenario.compute_growth == 3.0
    # 3.3e11 is between the slider's steps 300B and 400B; log-nearest is 300B
    # (|log10 3.3 - log10 3| = 0.041 < |log10 3.3 - log10 4| = 0.084).
    assert scenario.params == 3e11
    message = " ".join(s.value for s in at.success)
    assert "Restored Mine" in message
    assert "300B" in message


def test_importing_a_file_from_another_version_says_so():
    at = _compare_page()
    _upload(at, "old.json", scenario_to_json(Scenario(), "0.0.1").encode())
    assert any("0\\.0\\.1" in s.value for s in at.success)


def test_importing_a_0_1_0_file_with_a_retired_input_keeps_the_rest_and_says_why():
    at = _compare_page()
    doc = {"format": FILE_FORMAT, "app_version": "0.1.0"}
    doc["inputs"] = {"pue": 1.5, "other_ai_growth": 2.0}
    _upload(at, "old.json", json.dumps(doc).encode())
    assert at.session_state["scenario"] == dataclasses.replace(Scenario(), pue=1.5)
    message = " ".join(s.value for s in at.success)
    assert fmt.plain(RETIRED_INPUTS["other_ai_growth"]) in message
    assert "0\\.1\\.0" in message


def test_a_bad_file_gets_a_message_and_changes_nothing():
    at = _compare_page()
    sidebar_input(at, "pue").set_value(1.4).run()
    before = at.session_state["scenario"]
    bad = json.dumps({"format": FILE_FORMAT, "inputs": {"pue": 99, "<b>x</b>": 1}}).encode()
    _upload(at, "<b>bad</b>.json", bad)
    assert at.session_state["scenario"] == before
    error = at.error[0].value
    assert "Nothing was changed" in error
    assert "pue" in error
    assert re.search(r"(?<!\\)<", error) is None


def test_a_non_json_file_gets_a_message():
    at = _compare_page()
    _upload(at, "photo.json", b"\x89PNG\r\n\x1a\n")
    assert "not text" in at.error[0].value
    assert at.session_state["scenario"] == Scenario()


def test_the_download_button_offers_a_zip():
    at = _compare_page()
    button = at.get("download_button")[0]
    assert "zip" in button.proto.label.lower()
    # The zip is built when the button is clicked (a deferred file), not on every rerun;
    # its contents are checked in tests/test_compare.py (scenario_zip).
    assert button.proto.deferred_file_id


def test_the_download_button_says_it_holds_the_saved_scenarios():
    at = _compare_page()
    assert at.get("download_button")[0].proto.label == "Download scenario (zip)"
    _apply_preset(at, "Nuclear bet")
    _save(at, "Nuclear")
    _apply_preset(at, "Gas bridge")
    _save(at, "Gas")
    assert at.get("download_button")[0].proto.label == "Download scenario and 2 saved (zip)"


def test_a_link_with_saved_scenarios_is_not_reported_as_ignored():
    # 'saved' is the Compare page's own parameter, not an unknown input.
    at = open_app("pages/compare.py", {"saved": "name=Mine&pue=1.5"})
    warnings = " ".join(w.value for w in at.warning)
    assert "saved" not in warnings


def test_an_imported_name_cannot_reverse_the_message_around_it():
    at = _compare_page()
    content = scenario_to_json(Scenario(), app_version(), "\u202eevil").encode()
    _upload(at, "\u202emine.json", content)
    restored = " ".join(s.value for s in at.success)
    assert "\u202e" not in restored
    assert "Restored \\[U\\+202E\\]evil" in restored


def _default_column(at: AppTest) -> pd.Series:
    return _table(at).loc["Default"]


def test_the_table_year_is_chosen_read_from_the_link_and_written_back():
    at = open_app("pages/compare.py", {"compare_year": "2035"})
    assert at.select_slider(key="compare_year").value == 2035
    frame = project(Scenario()).set_index("year")
    # The Default column is the default projection's own numbers in the chosen year.
    shown = _default_column(at)
    assert shown["All-AI power, wanted"] == fmt_units.power(frame.loc[2035, "power_demand_gw"])
    assert any("Each scenario in 2035" in m.value for m in at.markdown)
    at.select_slider(key="compare_year").set_value(2027).run()
    assert at.query_params["compare_year"] == "2027"
    shown = _default_column(at)
    assert shown["All-AI power, wanted"] == fmt_units.power(frame.loc[2027, "power_demand_gw"])
    # 2027 at the defaults: about 39.1 GW wanted, 36.1 GW available, so ~3.0 GW short.
    short = frame.loc[2027, "power_demand_gw"] - frame.loc[2027, "power_supply_gw"]
    assert 2.5 < short < 3.5
    assert shown["Power short"] == fmt_units.power(short)
    lost = 1.0 - frame.loc[2027, "fleet_flop_per_s"] / frame.loc[2027, "fleet_flop_per_s_unlimited"]
    assert shown["Compute lost to power"] == f"{fmt_units.sig(100.0 * lost)}%"


def test_the_table_year_is_kept_off_the_link_at_its_default():
    at = _compare_page()
    assert at.select_slider(key="compare_year").value == 2030
    assert "compare_year" not in at.query_params
    assert "Power short" in _table(at).columns
