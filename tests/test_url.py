"""The address bar (ui/url.py) and the link report (ui/link_report.py) in the running app:
a link opens its scenario, what it cannot use is named once, the address bar keeps the
whole state on every page and never a refused value."""

from __future__ import annotations

import dataclasses
import re
from urllib.parse import parse_qsl, urlsplit

import pytest
from streamlit.runtime.scriptrunner_utils.script_run_context import ScriptRunContext
from streamlit.testing.v1 import AppTest

import ui.page
from model import link, scenario_io
from model.scenario import INPUTS_BY_NAME, Scenario
from tests.apptest_support import open_app, sidebar_input
from tests.edge_scenarios import CHANGED
from ui import changelog, url, version
from ui import format as fmt
from ui.link_report import MAX_ECHO_CHARS, MAX_LISTED, echo
from ui.share import MAX_LINK_CHARS
from ui.sidebar import link_choices
from ui.version import app_version


def _warning(at: AppTest) -> str:
    return " ".join(w.value for w in at.warning)


def _share_query(at: AppTest) -> dict[str, str]:
    """The sidebar's share link, as its query's pairs."""
    code = next(c.value for c in at.sidebar.code)
    return dict(parse_qsl(urlsplit(code).query))


def test_a_link_with_every_input_changed_opens_that_scenario():
    at = open_app(params=dict(link.encode(CHANGED, {}, link_choices())))
    assert at.session_state["scenario"] == CHANGED
    assert not at.warning  # nothing was refused


def test_the_share_link_of_a_scenario_opens_the_same_scenario_and_view():
    at = open_app("pages/power.py", {"pue": "1.5", "params": "1T", "power_year": "2033"})
    shared = _share_query(at)
    assert shared == {"pue": "1.5", "params": "1T", "power_year": "2033", "v": app_version()}
    again = open_app("pages/power.py", {k: v for k, v in shared.items() if k != "v"})
    assert again.session_state["scenario"] == dataclasses.replace(Scenario(), pue=1.5, params=1e12)
    assert again.select_slider(key="power_year").value == 2033


def test_the_share_link_of_the_defaults_holds_only_the_version():
    assert _share_query(open_app()) == {"v": app_version()}


@pytest.mark.parametrize(
    ("key", "raw", "reason"),
    [
        ("pue", "abc", "not a number"),
        ("pue", "99", "outside 1 to 2"),  # PUE's range in the inputs table
        ("pue", "nan", "outside 1 to 2"),
        ("chip", "Nope", "not one of the options"),
        ("params", "12", "outside 100,000,000 to 100,000,000,000,000"),  # below 1e8
        ("compute_optimal", "maybe", "expected true or false"),
        ("training_sites", "25", "outside 1 to 20"),
    ],
)
def test_a_bad_url_value_falls_back_to_the_default_and_is_named(key, raw, reason):
    at = open_app(params={key: raw})
    assert getattr(at.session_state["scenario"], key) == INPUTS_BY_NAME[key].default
    expected = f"'{fmt.plain(key)}={fmt.plain(raw)}' ({fmt.plain(reason)}); using the default"
    assert _warning(at) == f"Some link parameters were ignored: {expected}."


def test_bad_and_unknown_params_are_all_listed_while_good_ones_apply():
    at = open_app(params={"pue": "abc", "chip": "Nope", "unknown": "1", "utilization": "0.5"})
    scenario = at.session_state["scenario"]
    assert scenario.pue == INPUTS_BY_NAME["pue"].default
    assert scenario.chip == INPUTS_BY_NAME["chip"].default
    assert scenario.utilization == 0.5
    warning = _warning(at)
    for name in ("pue", "chip", "unknown"):
        assert f"'{name}" in warning
    assert "utilization" not in warning


def test_the_address_bar_never_carries_a_refused_value():
    huge = "9" * 50_000
    at = open_app(
        "pages/power.py",
        {"pue": "1.5", "utilization": "abc", "power_load_gw": huge, "show_bands": "NaN", "j": "1"},
    )
    assert dict(at.query_params) == {"pue": "1.5"}
    assert _share_query(at) == {"pue": "1.5", "v": app_version()}
    # The 50,000-character value stays out: the link the app writes is short.
    assert len(next(c.value for c in at.sidebar.code)) <= MAX_LINK_CHARS
    assert fmt.plain("power_load_gw=999") in _warning(at)  # named, kept out of every link


def _link_notes(at: AppTest) -> list[str]:
    """The link report's notes: values moved to a step, the version the link was made with."""
    return [i.value for i in at.info if "slider step" in i.value or "made with" in i.value]


def test_the_report_stays_across_reruns_until_the_first_change_and_does_not_return():
    at = open_app("pages/train.py", {"pue": "abc", "params": "7.3e10", "v": "0.1.0"})
    assert "pue=abc" in _warning(at)
    assert len(_link_notes(at)) == 2
    at.run()
    assert "pue=abc" in _warning(at)
    assert len(_link_notes(at)) == 2
    sidebar_input(at, "utilization").set_value(0.5).run()  # the first change
    assert not at.warning
    assert _link_notes(at) == []
    sidebar_input(at, "utilization").set_value(INPUTS_BY_NAME["utilization"].default).run()
    assert not at.warning  # the link's state again, but the report was shown for it


def test_a_link_from_another_version_says_so():
    at = open_app(params={link.VERSION_PARAM: "0.0.1", "pue": "1.5"})
    assert at.session_state["scenario"].pue == 1.5
    assert any("0\\.0\\.1" in i.value and app_version() in i.value for i in at.info)


def test_a_link_from_this_version_has_no_version_notice():
    at = open_app(params={link.VERSION_PARAM: app_version()})
    assert not any("model version" in i.value for i in at.info)


def test_user_text_in_the_url_is_escaped_in_the_warning():
    at = open_app(params={"<img src=x onerror=alert(1)>": "1"})
    warning = at.warning[0].value
    assert re.search(r"(?<!\\)<", warning) is None  # every < is escaped as \<
    assert "\\<img" in warning


def test_a_right_to_left_override_cannot_reverse_the_warning():
    at = open_app(params={"pue": "\u202e1.5 is fine"})
    warning = _warning(at)
    assert "\u202e" not in warning
    assert "\\[U\\+202E\\]1\\.5 is fine" in warning


def test_page_view_settings_come_from_the_link_and_are_not_reported():
    at = open_app("pages/power.py", {"power_year": "2035", "power_load_gw": "2.5"})
    assert not at.warning, [w.value for w in at.warning]
    assert at.select_slider(key="power_year").value == 2035
    assert at.number_input(key="power_load_gw").value == 2.5


def test_a_view_setting_stays_in_the_address_bar_on_other_pages():
    at = open_app("pages/power.py", {"power_year": "2033"})
    at.switch_page("pages/train.py").run()
    assert at.query_params["power_year"] == "2033"
    at.switch_page("pages/power.py").run()
    assert at.select_slider(key="power_year").value == 2033


def test_a_key_given_twice_is_named_and_falls_back_while_other_keys_apply():
    at = open_app("pages/train.py", {"pue": ["1.5", "1.5"], "utilization": "0.5"})
    scenario = at.session_state["scenario"]
    assert scenario.pue == INPUTS_BY_NAME["pue"].default
    assert scenario.utilization == 0.5
    assert "'pue' is given 2 times; using the default" in _warning(at)
    assert "utilization" not in _warning(at)


def test_a_100_kb_key_or_value_is_echoed_shortened():
    at = open_app(params={"pue": "9" * 100_000, "k" * 100_000: "1"})
    warning = _warning(at)
    assert len(warning) < 400
    assert f"'pue={'9' * (MAX_ECHO_CHARS - 1)}…'" in warning
    assert f"'{'k' * (MAX_ECHO_CHARS - 1)}…' is not an input" in warning


def test_many_ignored_keys_are_counted_not_all_listed():
    at = open_app(params={f"junk{i}": "1" for i in range(10)})
    warning = _warning(at)
    assert warning.count("is not an input") == MAX_LISTED
    assert f"and {10 - MAX_LISTED} more" in warning


def test_three_thousand_junk_keys_in_a_saved_scenario_make_one_short_warning():
    junk = "&".join(f"junk{i}=1" for i in range(3000))
    at = open_app("pages/compare.py", {"saved": f"name=big&{junk}"})
    assert len(at.warning) == 1
    assert "and 2994 more" in at.warning[0].value  # 3,000 listed as 6, then the rest
    assert list(at.session_state["saved_scenarios"]) == ["big"]


@pytest.mark.parametrize(
    ("page", "key", "raw", "reason"),
    [
        ("pages/power.py", "power_year", "1999", "outside 2,025 to 2,040"),
        ("pages/power.py", "power_year", "next", "not a number"),
        ("pages/power.py", "power_load_gw", "nan", "outside 0 to 100,000"),
        ("pages/power.py", "power_load_gw", "-1", "outside 0 to 100,000"),
        ("pages/growth.py", "show_bands", "maybe", "expected true or false"),
        ("pages/compare.py", "compare_year", "2041", "outside 2,025 to 2,040"),
        ("pages/compare.py", "compare_year", "soon", "not a number"),
    ],
)
def test_a_bad_page_view_setting_gets_the_same_message_as_an_input(page, key, raw, reason):
    at = open_app(page, {key: raw})
    echoed = f"{fmt.plain(key)}={fmt.plain(raw)}"
    assert f"'{echoed}' ({fmt.plain(reason)}); using the default" in _warning(at)
    assert at.session_state[key] == link.VIEW_BY_NAME[key].default


def test_the_pages_use_the_view_settings_defaults_of_the_link_table():
    power = open_app("pages/power.py")
    assert power.select_slider(key="power_year").value == link.VIEW_BY_NAME["power_year"].default
    assert power.number_input(key="power_load_gw").value == 1.0
    growth = open_app("pages/growth.py")
    assert growth.toggle(key="show_bands").value is False  # 0.3.1: off until asked
    # A 0.3.0 link without show_bands was made while the bands showed: they do.
    old = open_app("pages/growth.py", {"v": "0.3.0", "pue": "1.3"})
    assert old.toggle(key="show_bands").value is True
    assert len(old.get("plotly_chart")) == len(growth.get("plotly_chart")) + 3  # MC's three


def test_echo_shortens_escapes_and_shows_invisible_characters():
    assert echo("a" * MAX_ECHO_CHARS) == "a" * MAX_ECHO_CHARS
    assert echo("a" * (MAX_ECHO_CHARS + 1)) == "a" * (MAX_ECHO_CHARS - 1) + "…"
    assert echo("<b>") == "\\<b\\>"
    assert echo("a\u200bb\u202e") == "a\\[U\\+200B\\]b\\[U\\+202E\\]"


# --- Versions ----------------------------------------------------------------------------


def test_links_and_notices_carry_the_version_pyproject_states(tmp_path, monkeypatch):
    # Bumping [project] version in pyproject.toml is all a release needs: the share link
    # and the notice of an older link say the new version.
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\nname = "x"\nversion = "9.8.7"\n')
    monkeypatch.setattr(version, "PYPROJECT", pyproject)
    version.app_version.cache_clear()
    try:
        at = open_app(params={link.VERSION_PARAM: "0.1.0"})
        assert _share_query(at)["v"] == "9.8.7"
        assert any("model version 9.8.7" in i.value for i in at.info)
    finally:
        version.app_version.cache_clear()


def test_a_link_from_an_older_version_says_so_and_shows_what_changed_since():
    at = open_app(params={link.VERSION_PARAM: "0.1.0"})
    running = app_version()
    assert [i.value for i in at.info] == [
        f"This link was made with version 0\\.1\\.0; the numbers now come from model version "
        f"{running}. See what changed below."
    ]
    (expander,) = [e for e in at.expander if e.label.startswith("What changed since")]
    assert expander.label == "What changed since version 0\\.1\\.0"
    text = " ".join(m.value for m in expander.markdown)
    assert f"#### {running}" in text  # the running version's entry, headings demoted
    assert "#### 0.1.0" not in text  # not the entry of the link's own version


def test_a_link_from_a_newer_version_says_so_without_a_changelog():
    at = open_app(params={link.VERSION_PARAM: "99.0.0"})
    assert any("newer than this dashboard" in i.value for i in at.info)
    assert not [e for e in at.expander if e.label.startswith("What changed since")]


def test_the_changelog_has_an_entry_for_the_running_version_with_a_model_section():
    entries = dict(changelog.sections(changelog.changelog_text()))
    assert app_version() in entries
    assert "### Model" in entries[app_version()]
    assert "0.1.0" in entries


def test_changes_since_lists_only_newer_versions():
    text = "# Log\n\n## 0.3.0\n### Model\n- c\n\n## 0.2.0\n- b\n\n## 0.1.0\n- a\n"
    newer = "#### 0.3.0\n##### Model\n- c\n\n#### 0.2.0\n- b"
    assert changelog.changes_since("0.1.0", text) == newer
    assert changelog.changes_since("0.3.0", text) == ""
    assert "#### 0.1.0" in changelog.changes_since("not a version", text)
    assert changelog.version_key("0.10.0") > changelog.version_key("0.9.1")


def test_a_retired_key_in_a_link_is_explained_and_every_other_input_opens(monkeypatch):
    note = "'old_knob' was retired in version 9.9; 'new_knob' replaced it"
    monkeypatch.setattr(scenario_io, "RETIRED_INPUTS", {"old_knob": note})
    at = open_app(params={"old_knob": "2", "pue": "1.5"})
    assert at.session_state["scenario"] == dataclasses.replace(Scenario(), pue=1.5)
    assert _warning(at) == f"Some link parameters were ignored: {fmt.plain(note)}."


def test_a_link_to_a_methods_section_is_not_reported_and_stays_in_the_address_bar():
    at = open_app("pages/methods.py", {"methods_tab": "Glossary", "pue": "1.5"})
    assert not at.warning
    sidebar_input(at, "pue").set_value(1.3).run()
    assert at.query_params["methods_tab"] == "Glossary"
    assert at.query_params["pue"] == "1.3"


# --- Back and Forward ------------------------------------------------------------------


def test_back_restores_the_scenario_of_the_history_entry(monkeypatch):
    # The browser's Back button reruns with the earlier entry's address; the inputs it
    # does not carry go back to their defaults, view settings too.
    at = open_app("pages/power.py", {"pue": "1.3"})
    sidebar_input(at, "mix_coal").set_value(0.0).run()
    at.select_slider(key="power_year").set_value(2035).run()
    assert dict(at.query_params) == {"pue": "1.3", "mix_coal": "0", "power_year": "2035"}
    monkeypatch.setattr(url, "history_navigation", lambda: True)
    at.query_params.clear()
    at.query_params.update({"pue": "1.3"})
    at.run()
    assert at.session_state["scenario"] == dataclasses.replace(Scenario(), pue=1.3)
    assert at.select_slider(key="power_year").value == 2030
    assert dict(at.query_params) == {"pue": "1.3"}
    monkeypatch.setattr(url, "history_navigation", lambda: False)
    at.run()  # an ordinary rerun after it keeps the restored scenario
    assert at.session_state["scenario"] == dataclasses.replace(Scenario(), pue=1.3)


def test_a_streamlit_without_the_history_flag_fails_loudly(monkeypatch):
    fields = dict(ScriptRunContext.__dataclass_fields__)
    del fields[ui.page.HISTORY_FLAG]
    monkeypatch.setattr(ScriptRunContext, "__dataclass_fields__", fields)
    with pytest.raises(RuntimeError, match="is_history_navigation"):
        ui.page.check_history_flag()
