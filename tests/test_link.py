"""The link codec (model/link.py): what each text means, by hand and by docs/url-format.md;
any query decodes without raising; every scenario the sidebar can hold round-trips."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote_plus, urlencode

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model import link, scenario_io
from model.link import (
    FIELDS,
    MAX_SAVED,
    SAVED_PARAM,
    VERSION_PARAM,
    VIEW_BY_NAME,
    Problem,
    Snapped,
    decode,
    decode_saved,
    encode,
    encode_saved,
    query_params,
)
from model.scenario import INPUTS, INPUTS_BY_NAME, InputSpec, Scenario, scenario_from_mapping
from tests.edge_scenarios import CHANGED
from ui.sidebar import link_choices

ROOT = Path(__file__).resolve().parent.parent
CHOICES = link_choices()


def _decode(query: str) -> link.Decoded:
    return decode(query_params(query), CHOICES)


# --- What each text means ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "key", "value"),
    [
        ("params=405B", "params", 405e9),  # B = 10^9
        ("params=70b", "params", 70e9),  # the suffix in any case
        ("params=7e10", "params", 7e10),  # a plain number on the 70B step
        ("tokens=15T", "tokens", 15e12),  # T = 10^12
        ("input_tokens=500", "input_tokens", 500.0),
        ("custom_efficiency_x_h100=2.5x", "custom_efficiency_x_h100", 2.5),
        ("frontier_flop_base=4.64e26", "frontier_flop_base", 4.64e26),
        ("pue=1.5", "pue", 1.5),
        ("training_sites=2.5", "training_sites", 2),  # cut to its whole part
        ("compute_optimal=TRUE", "compute_optimal", True),  # any case
        ("frontier_basis=Model+size", "frontier_basis", "params"),  # the label
        ("frontier_basis=params", "frontier_basis", "params"),  # or the plain id
        ("grid=My+mix+%28set+under+Power+supply+%26+mix%29", "grid", "my_mix"),  # 0.2.0's label
    ],
)
def test_a_link_text_means_its_value(query, key, value):
    decoded = _decode(query)
    assert decoded.values == {key: value}
    assert decoded.problems == ()
    assert decoded.snapped == ()


def test_a_number_between_steps_moves_to_the_nearest_on_a_log_scale():
    # 7.3e10 lies between the 70B and 80B steps: log10(7.3/7) = 0.018 < log10(8/7.3) = 0.040.
    decoded = _decode("params=7.3e10")
    assert decoded.values == {"params": 7e10}
    assert decoded.snapped == (Snapped("params", "7.3e10", 7e10),)
    # 7.6e10: log10(7.6/7) = 0.036 > log10(8/7.6) = 0.022, so up to 80B.
    assert _decode("params=7.6e10").values == {"params": 8e10}


def test_view_settings_are_read_like_inputs_and_kept_apart():
    decoded = _decode("power_year=2033&power_load_gw=2.5&region=US&show_bands=false&pue=1.3")
    assert decoded.values == {"pue": 1.3}
    assert decoded.view == {
        "power_year": 2033,
        "power_load_gw": 2.5,
        "region": "US",
        "show_bands": False,
    }


@pytest.mark.parametrize(
    ("query", "reason", "bounds"),
    [
        ("pue=abc", "not a number", None),
        ("pue=99", "outside 1 to 2", (1.0, 2.0)),  # PUE's range in the inputs table
        ("pue=nan", "not a finite number", (1.0, 2.0)),
        ("params=12", "outside 1e+08 to 1e+14", (1e8, 1e14)),  # below 100M parameters
        ("params=lots", "not one of the slider's steps", None),
        ("compute_optimal=maybe", "expected true or false", None),
        ("chip=Nope", "not one of the options", None),
        ("training_sites=25", "outside 1 to 20", (1.0, 20.0)),
        ("power_year=1999", "outside 2025 to 2040", (2025.0, 2040.0)),
        ("power_load_gw=" + "9" * 50_000, "not a finite number", (0.0, 1e5)),  # float: inf
        ("show_bands=NaN", "expected true or false", None),
        ("region=Mars", "expected World or US", None),
        ("frontier_basis=FLOP", "expected Training FLOP or Model size", None),
    ],
)
def test_a_value_its_row_cannot_take_is_a_problem_not_a_value(query, reason, bounds):
    key, raw = query.split("=", 1)
    decoded = _decode(query)
    assert decoded.values == {}
    assert decoded.view == {}
    assert decoded.problems == (Problem("value", key, reason, raw, bounds),)


def test_unknown_retired_and_repeated_keys_are_problems_and_the_rest_applies():
    decoded = _decode("pue=1.5&pue=1.5&utilization=0.5&nope=1&frontier_runs=5")
    assert decoded.values == {"utilization": 0.5}
    assert decoded.problems == (
        Problem("repeated", "pue", "2"),
        Problem("unknown", "nope"),
        Problem("retired", "frontier_runs", scenario_io.RETIRED_INPUTS["frontier_runs"]),
    )


def test_streamlit_keys_and_the_version_are_not_problems():
    decoded = _decode("embed=true&methods_tab=Glossary&v=0.1.0")
    # The view: a 0.1.0 link's Growth page showed its bands (see the test below).
    assert decoded == link.Decoded({}, {"show_bands": True}, (), (), "0.1.0", {})


# --- What the app writes ------------------------------------------------------------------


def test_encode_writes_only_what_differs_from_the_defaults_in_table_order():
    scenario = dataclasses.replace(Scenario(), params=1e12, pue=1.5)
    view = {"power_year": 2030, "region": "US"}  # 2030 is power_year's default
    pairs = encode(scenario, view, CHOICES, version="9.9.9")
    order = [s.name for s in INPUTS]
    pue_first = order.index("pue") < order.index("params")
    expected = (
        [("pue", "1.5"), ("params", "1T")] if pue_first else [("params", "1T"), ("pue", "1.5")]
    )
    assert pairs == [*expected, ("region", "US"), (VERSION_PARAM, "9.9.9")]
    assert encode(Scenario(), {}, CHOICES) == []


@pytest.mark.parametrize(
    ("name", "value", "text"),
    [
        ("pue", 1.5, "1.5"),
        ("mix_coal", 0.0, "0"),  # no trailing .0
        ("training_sites", 3, "3"),
        ("compute_optimal", True, "true"),
        ("params", 4.05e11, "405B"),
        ("frontier_flop_base", 2e27, "2e27"),
        ("custom_efficiency_x_h100", 2.5, "2.5x"),
        ("frontier_basis", "params", "Model size"),
    ],
)
def test_a_value_is_written_as_the_document_says(name, value, text):
    assert link.text_of(FIELDS[name], value, CHOICES) == text


def test_every_input_changed_at_once_round_trips():
    decoded = _decode(urlencode(encode(CHANGED, {}, CHOICES)))
    assert decoded.problems == ()
    assert scenario_from_mapping(decoded.values) == CHANGED


def _spec_values(spec: InputSpec) -> st.SearchStrategy[Any]:
    """Values the sidebar can give an input: a step of a log-scale slider, an option, any
    number in range (a linear slider's value can come from a file or a preset)."""
    if spec.kind == "bool":
        return st.booleans()
    if spec.kind == "choice" or spec.log:
        return st.sampled_from(list(CHOICES.get(spec.name) or spec.options))
    if spec.kind == "int":
        return st.integers(int(spec.min or 0), int(spec.max or 0))
    return st.floats(spec.min, spec.max, allow_nan=False)


SCENARIOS = st.fixed_dictionaries({s.name: _spec_values(s) for s in INPUTS}).map(
    lambda values: Scenario(**values)
)
VIEWS = st.fixed_dictionaries({s.name: _spec_values(s) for s in link.VIEW_SETTINGS})


@settings(max_examples=150, deadline=None)
@given(SCENARIOS, VIEWS)
def test_decode_of_encode_gives_back_every_scenario_and_view(scenario, view):
    decoded = _decode(urlencode(encode(scenario, view, CHOICES)))
    assert decoded.problems == ()
    assert decoded.snapped == ()
    assert scenario_from_mapping(decoded.values) == scenario
    assert {**{s.name: s.default for s in link.VIEW_SETTINGS}, **decoded.view} == view


KEYS = st.sampled_from([*FIELDS, "v", "saved", "embed", "nope", "", "frontier_runs"])
TEXT = st.text(max_size=30) | st.sampled_from(["1e999", "nan", "-0", "70B", "true", "2.5x"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(KEYS | st.text(max_size=10), TEXT), max_size=12))
def test_any_query_decodes_or_yields_problems_and_never_raises(pairs):
    params = query_params(urlencode(pairs))
    decoded = decode(params, CHOICES)
    used = set(decoded.values) | set(decoded.view)
    refused = {p.key for p in decoded.problems if not p.saved and p.kind != "too_many"}
    own = set(params) - link.STREAMLIT_PARAMS - {VERSION_PARAM, SAVED_PARAM}
    assert used | refused == own  # every key is either used or named
    assert not used & refused


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_raw_query_string_decodes_without_raising(query):
    _decode(query)


# --- Saved scenarios -----------------------------------------------------------------------


def test_saved_scenarios_round_trip_in_order():
    first = dataclasses.replace(Scenario(), pue=1.5, params=1e12)
    second = dataclasses.replace(Scenario(), grid="my_mix", mix_coal=0.0)
    values = [encode_saved("Mine & co", first, CHOICES), encode_saved("Two", second, CHOICES)]
    assert decode_saved(values, CHOICES) == ({"Mine & co": first, "Two": second}, [])


def test_a_saved_scenario_keeps_what_it_can_and_names_the_rest():
    saved, problems = decode_saved(["name=Mine&pue=99&compute_growth=3&junk=1"], CHOICES)
    assert saved == {"Mine": dataclasses.replace(Scenario(), compute_growth=3.0)}
    assert problems == [
        Problem("value", "pue", "outside 1 to 2", "99", (1.0, 2.0), saved="Mine"),
        Problem("unknown", "junk", saved="Mine"),
    ]


def test_saved_scenarios_past_the_limit_are_one_problem_that_counts_them():
    values = [f"name=S{i}" for i in range(1000)]
    saved, problems = decode_saved(values, CHOICES)
    assert list(saved) == [f"S{i}" for i in range(MAX_SAVED)]
    assert problems == [Problem("too_many", SAVED_PARAM, f"at most {MAX_SAVED}", "996")]


def test_a_taken_name_or_an_empty_mix_leaves_the_scenario_out():
    zero_mix = "&".join(f"{s.name}=0" for s in INPUTS if s.name.startswith("mix_"))
    saved, problems = decode_saved(["name=A", "name=A&pue=1.5", f"name=B&{zero_mix}"], CHOICES)
    assert saved == {"A": Scenario()}
    assert [(p.kind, p.saved, p.reason) for p in problems] == [
        ("left_out", "A", "that name is already taken"),
        ("left_out", "B", "every mix weight is zero"),
    ]


def test_a_saved_name_is_one_trimmed_line_and_never_a_row_of_the_table():
    assert link.clean_name("  a \n b  ", "x") == "a b"
    assert link.clean_name("", "Scenario 3") == "Scenario 3"
    assert link.clean_name("Default", "x") == "Default (saved)"
    assert len(link.clean_name("n" * 100, "x")) == scenario_io.MAX_NAME_CHARS


# --- The document ------------------------------------------------------------------------

DOC = (ROOT / "docs" / "url-format.md").read_text(encoding="utf-8")


def _doc_meanings() -> list[tuple[str, str, str]]:
    """(key, link text, value) from the doc's table "What each example means"."""
    section = DOC.split("### What each example means", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `([a-z_0-9]+)=([^`]*)` \| (.+?) \|$", section, re.MULTILINE)
    return [(key, unquote_plus(raw), value) for key, raw, value in rows]


def _meaning(spec: InputSpec, words: str) -> Any:
    """The value a row of the doc's table states: the text after its last '=' and before
    any remark in brackets, as a number, a switch or an option."""
    text = words.split(" (")[0].split("= ")[-1].replace(",", "").strip()
    if spec.kind == "bool":
        return {"true": True, "false": False}[text]
    if spec.kind == "choice":
        return text
    return float(text)


def test_the_document_states_a_meaning_for_every_example_it_gives():
    examples = set(re.findall(r"`([a-z_0-9]+=[^`&]+)`", DOC))
    stated = {f"{key}={raw}" for key, raw, _ in _doc_meanings()}
    # Every example link text in the doc's prose and tables has a row in the meanings
    # table (written URL-encoded or not), bar the one it gives as refused (*params=12*).
    loose = {e for e in examples if e.split("=")[0] in FIELDS}
    assert {unquote_plus(e) for e in loose} <= stated | {"params=12"}
    assert len(stated) >= 25


@pytest.mark.parametrize(("key", "raw", "words"), _doc_meanings(), ids=lambda v: str(v)[:30])
def test_every_example_in_the_document_means_what_it_says(key, raw, words):
    decoded = decode({key: [raw]}, CHOICES)
    assert decoded.problems == ()
    got = {**decoded.values, **decoded.view}[key]
    assert got == _meaning(FIELDS[key], words)


def test_every_input_the_document_calls_retired_is_retired():
    section = DOC.split("Retired so far:", 1)[1].split("\n- ", 1)[0]
    named = set(re.findall(r"`([a-z_0-9]+)`", section))
    assert named
    assert named <= set(scenario_io.RETIRED_INPUTS)
    assert not named & set(INPUTS_BY_NAME)


def test_the_document_names_every_view_setting():
    for name in VIEW_BY_NAME:
        assert f"`{name}`" in DOC


def test_a_saved_name_loses_the_characters_that_would_reverse_or_hide_text():
    # U+202E (right-to-left override) reverses what follows; U+200B is a zero-width space.
    assert link.clean_name("\u202e1.5 is fine\u200b", "x") == "1.5 is fine"
    saved, _ = decode_saved(["name=%E2%80%AEevil&pue=1.5"], CHOICES)
    assert list(saved) == ["evil"]


def test_a_link_from_before_a_views_default_changed_opens_as_it_did():
    # 0.3.1 turned Growth's Monte Carlo off by default (was on): a 0.3.0 link that leaves
    # show_bands out was made while the bands showed, so it opens with them.
    assert _decode("pue=1.3&v=0.3.0").view == {"show_bands": True}
    assert _decode("pue=1.3&v=0.2.0").view == {"show_bands": True}
    # Set in the link, its own value holds; from 0.3.1 on, or with no version, the
    # default (off) holds and the view is not set.
    assert _decode("show_bands=false&v=0.3.0").view == {"show_bands": False}
    assert _decode("pue=1.3&v=0.3.1").view == {}
    assert _decode("pue=1.3").view == {}
    assert _decode("pue=1.3&v=banana").view == {}
    assert link.VIEW_BY_NAME["show_bands"].default is False
