"""Every input survives a trip through the URL; bad URL values fall back with a message."""

from __future__ import annotations

import dataclasses
import re
from typing import Any
from urllib.parse import parse_qsl

import pytest
from streamlit.testing.v1 import AppTest

from model.scenario import CUSTOM_CHIP, INPUTS, INPUTS_BY_NAME, InputSpec, Scenario
from tests.apptest_support import open_app
from ui import format as fmt
from ui.sidebar import choice_options
from ui.url import APP_VERSION, VERSION_PARAM, parse_url_value, share_query, url_value


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
        ("frontier_runs", "25"),  # above the maximum of 20
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
    at = _run_with_params({"frontier_runs": "2.5"})
    assert at.session_state["scenario"].frontier_runs == 2
    assert parse_url_value(INPUTS_BY_NAME["frontier_runs"], "2.5") == 2
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
