"""Every input survives a trip through the URL; bad URL values fall back with a message."""

from __future__ import annotations

import dataclasses
import re
import tomllib
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote_plus

import pytest
from streamlit.testing.v1 import AppTest

from model import scenario_io
from model.scenario import CUSTOM_CHIP, INPUTS, INPUTS_BY_NAME, InputSpec, Scenario
from tests.apptest_support import open_app, sidebar_input
from ui import changelog
from ui import format as fmt
from ui.sidebar import choice_options
from ui.url import (
    APP_VERSION,
    MAX_ECHO_CHARS,
    MAX_LISTED,
    VERSION_PARAM,
    VIEW_BY_NAME,
    IgnoredParam,
    echo,
    parse_url_value,
    share_query,
    still_ignored,
    url_value,
)
from ui.version import app_version

REPO = Path(__file__).resolve().parent.parent


def non_default_value(spec: InputSpec) -> Any:
    """A valid value other than the default: another option, the other end of the range."""
    if spec.kind == "bool":
        return not spec.default
    if spec.kind == "choice":
        if spec.name == "chip":
            return CUSTOM_CHIP  # also enables the custom-efficiency input
        return next(o for o in choice_options(spec) if o != spec.default)
    if spec.log:
        options = fmt.log_options(spec)
        return next(o for o in options if o != spec.default)
    low = int(spec.min) if spec.kind == "int" else float(spec.min)
    high = int(spec.max) if spec.kind == "int" else float(spec.max)
    return low if low != spec.default else high


#: A scenario in which every input differs from its default.
CHANGED = Scenario(**{spec.name: non_default_value(spec) for spec in INPUTS})


def _run_with_params(params: dict[str, str]) -> AppTest:
    return open_app(params=params)


def test_every_input_differs_in_the_changed_scenario():
    assert all(getattr(CHANGED, s.name) != s.default for s in INPUTS)


@pytest.mark.parametrize("spec", INPUTS, ids=lambda s: s.name)
def test_url_text_parses_back_to_the_value(spec):
    value = getattr(CHANGED, spec.name)
    assert parse_url_value(spec, url_value(spec, value)) == value


def test_opening_a_link_with_every_input_reproduces_the_scenario():
    params = {s.name: url_value(s, getattr(CHANGED, s.name)) for s in INPUTS}
    at = _run_with_params(params)
    assert at.session_state["scenario"] == CHANGED
    assert not at.warning  # nothing was ignored


def test_share_query_of_the_changed_scenario_opens_the_same_scenario():
    params = dict(parse_qsl(share_query(CHANGED)))
    assert params.pop(VERSION_PARAM) == APP_VERSION
    at = _run_with_params(params)
    assert at.session_state["scenario"] == CHANGED


def test_share_query_of_the_defaults_holds_only_the_version():
    assert share_query(Scenario()) == f"{VERSION_PARAM}={APP_VERSION}"


def test_share_query_holds_only_changed_inputs():
    scenario = dataclasses.replace(Scenario(), pue=1.5, params=1e12)
    assert dict(parse_qsl(share_query(scenario))) == {
        "pue": "1.5",
        "params": "1T",
        VERSION_PARAM: APP_VERSION,
    }


@pytest.mark.parametrize(
    ("key", "raw"),
    [
        ("pue", "abc"),  # not a number
        ("pue", "99"),  # above the maximum of 2
        ("pue", "nan"),
        ("chip", "Nope"),  # not a catalog chip
        ("params", "12"),  # not one of the slider's steps
        ("compute_optimal", "maybe"),
        ("training_sites", "25"),  # above the maximum of 20
    ],
)
def test_a_bad_url_value_falls_back_to_the_default_and_is_named(key, raw):
    at = _run_with_params({key: raw})
    assert getattr(at.session_state["scenario"], key) == INPUTS_BY_NAME[key].default
    warning = " ".join(w.value for w in at.warning)
    assert "ignored" in warning
    assert fmt.plain(f"{key}={raw}") in warning


def test_a_fractional_count_is_read_as_the_widget_reads_it():
    # Streamlit's int slider truncates 2.5 to 2; parse_url_value agrees, so nothing is
    # reported as ignored and the scenario holds the value the slider shows.
    at = _run_with_params({"training_sites": "2.5"})
    assert at.session_state["scenario"].training_sites == 2
    assert parse_url_value(INPUTS_BY_NAME["training_sites"], "2.5") == 2
    assert not at.warning


def test_bad_and_unknown_params_are_all_listed_while_good_ones_apply():
    at = _run_with_params({"pue": "abc", "chip": "Nope", "unknown": "1", "utilization": "0.5"})
    scenario = at.session_state["scenario"]
    assert scenario.pue == 1.2
    assert scenario.chip == INPUTS_BY_NAME["chip"].default
    assert scenario.utilization == 0.5
    warning = at.warning[0].value
    for name in ("pue", "chip", "unknown"):
        assert f"'{name}" in warning
    assert "utilization" not in warning


def test_a_link_from_another_version_says_so():
    at = _run_with_params({VERSION_PARAM: "0.0.1", "pue": "1.5"})
    assert at.session_state["scenario"].pue == 1.5
    assert any("0\\.0\\.1" in i.value and APP_VERSION in i.value for i in at.info)


def test_a_link_from_this_version_has_no_version_notice():
    at = _run_with_params({VERSION_PARAM: APP_VERSION})
    assert not any("model version" in i.value for i in at.info)


def test_user_text_in_the_url_is_escaped_in_the_warning():
    at = _run_with_params({"<img src=x onerror=alert(1)>": "1"})
    warning = at.warning[0].value
    assert re.search(r"(?<!\\)<", warning) is None  # every < is escaped as \<
    assert "\\<img" in warning


def test_page_view_settings_come_from_the_link_and_are_not_reported_as_ignored():
    at = open_app("pages/power.py", {"power_year": "2035", "power_load_gw": "2.5"})
    assert not at.warning, [w.value for w in at.warning]
    assert at.select_slider(key="power_year").value == 2035
    assert at.number_input(key="power_load_gw").value == 2.5
    # The share link carries them: share_query keeps the page's view settings.
    query = dict(parse_qsl(share_query(Scenario(), {"power_year": "2035", "nope": "1"})))
    assert query["power_year"] == "2035"
    assert "nope" not in query


# --- Bad values that used to get through -------------------------------------------------


def _warning(at: AppTest) -> str:
    return " ".join(w.value for w in at.warning)


def test_a_key_given_twice_is_named_and_falls_back_while_other_keys_apply():
    at = open_app("pages/train.py", {"pue": ["1.5", "1.5"], "utilization": "0.5"})
    scenario = at.session_state["scenario"]
    assert scenario.pue == INPUTS_BY_NAME["pue"].default  # Streamlit binds one value
    assert scenario.utilization == 0.5
    assert "'pue' is given 2 times; using the default" in _warning(at)
    assert "utilization" not in _warning(at)


def test_a_100_kb_key_or_value_is_echoed_shortened():
    at = _run_with_params({"pue": "9" * 100_000, "k" * 100_000: "1"})
    warning = _warning(at)
    assert len(warning) < 400
    assert f"'pue={'9' * (MAX_ECHO_CHARS - 1)}…'" in warning
    assert f"'{'k' * (MAX_ECHO_CHARS - 1)}…' is not an input" in warning


def test_many_ignored_keys_are_counted_not_all_listed():
    at = _run_with_params({f"junk{i}": "1" for i in range(10)})
    warning = _warning(at)
    assert warning.count("is not an input") == MAX_LISTED
    assert f"and {10 - MAX_LISTED} more" in warning


def test_the_warning_stays_until_the_bad_input_is_set_again():
    at = open_app("pages/train.py", {"pue": "abc"})
    assert "pue=abc" in _warning(at)
    sidebar_input(at, "utilization").set_value(0.5).run()  # another input: pue still defaulted
    assert "pue=abc" in _warning(at)
    sidebar_input(at, "pue").set_value(1.5).run()
    assert not at.warning
    sidebar_input(at, "pue").set_value(INPUTS_BY_NAME["pue"].default).run()
    assert not at.warning  # a value the user chose, not a fallback: no warning again


def test_an_unknown_key_is_reported_until_the_url_drops_it():
    at = open_app(params={"unknown": "1"})
    assert "'unknown' is not an input" in _warning(at)
    at.run()
    assert "'unknown' is not an input" in _warning(at)
    del at.query_params["unknown"]
    at.run()
    assert not at.warning


@pytest.mark.parametrize(
    ("page", "key", "raw", "reason"),
    [
        ("pages/power.py", "power_year", "1999", "outside 2025 to 2040"),
        ("pages/power.py", "power_year", "next", "not a whole year"),
        ("pages/power.py", "power_load_gw", "nan", "outside 0 to 100,000"),
        ("pages/power.py", "power_load_gw", "-1", "outside 0 to 100,000"),
        ("pages/growth.py", "show_bands", "maybe", "expected true or false"),
    ],
)
def test_a_bad_page_view_setting_gets_the_same_message_as_an_input(page, key, raw, reason):
    at = open_app(page, {key: raw})
    echoed = f"{fmt.plain(key)}={fmt.plain(raw)}"
    assert f"'{echoed}' ({reason}); using the default" in _warning(at)
    assert at.session_state[key] == VIEW_BY_NAME[key].default


def test_the_pages_use_the_view_settings_defaults_that_the_url_check_assumes():
    power = open_app("pages/power.py")
    assert power.select_slider(key="power_year").value == VIEW_BY_NAME["power_year"].default
    assert power.number_input(key="power_load_gw").value == VIEW_BY_NAME["power_load_gw"].default
    growth = open_app("pages/growth.py")
    assert growth.toggle(key="show_bands").value == VIEW_BY_NAME["show_bands"].default


def _ignored(key: str, *values: str) -> IgnoredParam:
    return IgnoredParam(key, values, f"reason for {key}")


def test_still_ignored_keeps_an_input_that_still_holds_its_fallback_default():
    item = _ignored("pue", "abc")
    default = INPUTS_BY_NAME["pue"].default
    assert still_ignored([item], {}, {"pue": default}) == [item]  # URL cleaned, value default
    assert still_ignored([item], {"pue": ["abc"]}, {"pue": default}) == [item]
    assert still_ignored([item], {}, {"pue": 1.5}) == []  # the user set it
    assert still_ignored([item], {"pue": ["1.5"]}, {"pue": default}) == []  # URL has another


def test_still_ignored_drops_a_view_setting_once_its_page_is_left():
    item = _ignored("power_year", "1999")
    assert still_ignored([item], {}, {}) == [item]  # its page not shown yet
    (shown,) = still_ignored([item], {}, {"power_year": 2030})
    assert shown.seen
    assert still_ignored([shown], {}, {"power_year": 2030}) == [shown]
    assert still_ignored([shown], {}, {}) == []  # the page was left
    assert still_ignored([shown], {}, {"power_year": 2035}) == []  # the user set it


def test_still_ignored_keeps_an_unknown_key_while_the_url_has_it():
    item = _ignored("junk", "1")
    assert still_ignored([item], {"junk": ["1"]}, {}) == [item]
    assert still_ignored([item], {}, {}) == []


def test_echo_shortens_and_escapes():
    assert echo("a" * MAX_ECHO_CHARS) == "a" * MAX_ECHO_CHARS
    assert echo("a" * (MAX_ECHO_CHARS + 1)) == "a" * (MAX_ECHO_CHARS - 1) + "…"
    assert echo("<b>") == "\\<b\\>"


# --- Versions ----------------------------------------------------------------------------


def test_the_version_comes_from_pyproject():
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    assert app_version() == project["version"] == APP_VERSION


def test_no_python_file_writes_a_version_of_its_own():
    # The version is read from pyproject.toml everywhere; a literal "0.2.0" in code would
    # drift from it at the next bump.
    literal = re.compile(r"""["']\d+\.\d+\.\d+["']""")
    folders = ("ui", "pages", "model", "charts")
    files = [REPO / "app.py", *(f for d in folders for f in (REPO / d).rglob("*.py"))]
    offenders = [str(f) for f in files if literal.search(f.read_text())]
    assert offenders == []


def test_a_link_from_an_older_version_says_so_and_shows_what_changed_since():
    at = _run_with_params({VERSION_PARAM: "0.1.0"})
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
    at = _run_with_params({VERSION_PARAM: "99.0.0"})
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
    at = _run_with_params({"old_knob": "2", "pue": "1.5"})
    assert at.session_state["scenario"] == dataclasses.replace(Scenario(), pue=1.5)
    assert _warning(at) == f"Some link parameters were ignored: {fmt.plain(note)}."


def test_every_example_in_the_url_format_doc_opens_as_documented():
    # docs/url-format.md promises these forms; each example must be one the app reads.
    doc = (REPO / "docs" / "url-format.md").read_text()
    pairs = [
        (key, unquote_plus(value))
        for key, value in (p.split("=", 1) for p in re.findall(r"`([a-z_0-9]+=[^`&]+)`", doc))
        if key in INPUTS_BY_NAME
    ]
    assert {"params", "tokens", "queries_per_day", "grid", "chip"} <= {k for k, _ in pairs}
    for key, raw in pairs:
        parse_url_value(INPUTS_BY_NAME[key], raw)  # raises ValueError if not readable
    params = {key: raw for key, raw in pairs if key != "grid"}  # one value per key
    at = _run_with_params({**params, "grid": "us"})
    assert not at.warning, [w.value for w in at.warning]
    scenario = at.session_state["scenario"]
    for key, raw in params.items():
        assert getattr(scenario, key) == parse_url_value(INPUTS_BY_NAME[key], raw)
    assert scenario.grid == "us"  # the plain id, as the doc says


def test_a_link_to_a_methods_section_is_not_reported_as_ignored():
    # methods_tab is the Methods page's own bound widget, not an unknown input.
    at = open_app("pages/methods.py", {"methods_tab": "Glossary"})
    assert "methods_tab" not in " ".join(w.value for w in at.warning)
