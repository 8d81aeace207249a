"""The sidebar: reset and undo, typed numbers for log-scale inputs, disabled inputs the
model ignores, groups marked by the pages they move, labels that read well."""

from __future__ import annotations

import dataclasses

import pytest

from model.link import number_from_text
from model.scenario import INPUTS, INPUTS_BY_NAME, Scenario
from tests.apptest_support import open_app, open_group, sidebar_input
from ui.sidebar import widget_label


@pytest.mark.parametrize("spec", INPUTS, ids=lambda s: s.name)
def test_a_label_has_no_brackets_inside_brackets(spec):
    label = widget_label(spec)
    assert "((" not in label
    assert "))" not in label
    assert ") (" not in label
    depth = 0
    for ch in label:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        assert depth in (0, 1), label


@pytest.mark.parametrize(
    ("text", "number"),
    [("7e10", 7e10), ("70B", 7e10), ("70 b", 7e10), ("7,000", 7000.0), ("2.5x", 2.5)],
)
def test_a_typed_number_is_read_in_every_usual_notation(text, number):
    assert number_from_text(text) == number


@pytest.mark.parametrize("text", ["", "abc", "1e999", "nan"])
def test_a_typed_non_number_is_refused(text):
    with pytest.raises(ValueError, match="number"):
        number_from_text(text)


@pytest.mark.parametrize(
    ("key", "raw", "value"),
    [("queries_per_day", "1e9", 1e9), ("params", "7e10", 7e10), ("output_tokens", "7000", 7e3)],
)
def test_a_plain_number_on_a_step_opens_without_a_note(key, raw, value):
    at = open_app(params={key: raw})
    assert getattr(at.session_state["scenario"], key) == value
    assert not at.warning
    assert not [i for i in at.info if "nearest slider step" in i.value]


def test_a_plain_number_between_steps_moves_to_the_nearest_with_a_note():
    at = open_app(params={"params": "7.3e10", "queries_per_day": "1.1e9"})
    scenario = at.session_state["scenario"]
    assert scenario.params == 7e10
    assert scenario.queries_per_day == 1e9
    notes = " ".join(i.value for i in at.info)
    assert "nearest slider step" in notes
    assert "params=7\\.3e10" in notes
    assert not at.warning


def test_a_plain_number_outside_the_range_falls_back_with_a_warning():
    at = open_app(params={"params": "1e20"})
    assert at.session_state["scenario"].params == INPUTS_BY_NAME["params"].default
    assert "outside" in at.warning[0].value


def test_typing_a_number_moves_the_slider_to_the_nearest_step():
    at = open_app()
    open_group(at, "train")  # model size is under Training run, closed on this page
    at.text_input(key="_typed_params").input("7.3e10").run()
    assert at.session_state["scenario"].params == 7e10
    assert at.text_input(key="_typed_params").value == ""
    at.text_input(key="_typed_params").input("lots").run()
    assert at.session_state["scenario"].params == 7e10


def _button(at, label):
    return next(b for b in at.sidebar.button if b.label == label)


def test_reset_puts_every_input_back_and_undo_restores_them():
    changed = {"pue": "1.5", "params": "1T", "compute_optimal": "true"}
    at = open_app(params=changed)
    before = at.session_state["scenario"]
    assert before != Scenario()
    _button(at, "Reset to defaults").click().run()
    assert at.session_state["scenario"] == Scenario()
    assert _button(at, "Reset to defaults").disabled
    _button(at, "Undo reset").click().run()
    assert at.session_state["scenario"] == before


def test_the_input_the_chosen_basis_ignores_is_disabled():
    at = open_app()
    assert sidebar_input(at, "frontier_params").disabled
    assert not sidebar_input(at, "frontier_flop_base").disabled
    at = open_app(params={"frontier_basis": "Model size", "compute_optimal": "true"})
    assert sidebar_input(at, "frontier_flop_base").disabled
    assert not sidebar_input(at, "frontier_params").disabled
    assert sidebar_input(at, "tokens").disabled


def test_groups_that_change_nothing_on_a_page_say_which_pages_they_affect():
    at = open_app("pages/growth.py")
    notes = " ".join(c.value for c in at.sidebar.caption)
    assert "Not used on this page. Affects Train a model, Serve it" in notes
    at = open_app("pages/serve.py")
    assert "Not used on this page" not in " ".join(c.value for c in at.sidebar.caption)


def test_a_changed_scenario_keeps_its_inputs_across_pages_after_a_reset_undo():
    at = open_app(params={"pue": "1.5"})
    _button(at, "Reset to defaults").click().run()
    _button(at, "Undo reset").click().run()
    at.switch_page("pages/train.py").run()
    assert at.session_state["scenario"] == dataclasses.replace(Scenario(), pue=1.5)


def _mix_captions(at) -> list[str]:
    """The captions under the mix weights, in the sidebar's order."""
    return [c.value for c in at.sidebar.caption if "of the mix" in c.value or "No mix" in c.value]


def test_each_mix_weight_shows_its_share_of_the_mix_as_it_moves():
    at = open_app()
    sidebar_input(at, "mix_gas_ccgt").set_value(40.0).run()
    names = [s.name for s in INPUTS if s.name.startswith("mix_")]
    shown = _mix_captions(at)
    assert len(shown) == len(names) == 11
    captions = dict(zip(names, shown, strict=True))
    # Default weights with gas at 40: coal 34, gas 40, nuclear 9, hydro 14.3, onshore wind
    # 8.1, solar 6.9; the rest 0. Sum 112.3. Gas 40 / 112.3 = 35.62%, coal 34 / 112.3 =
    # 30.28%, solar 6.9 / 112.3 = 6.14%.
    assert captions["mix_gas_ccgt"] == "35.6% of the mix"
    assert captions["mix_coal"] == "30.3% of the mix"
    assert captions["mix_solar_pv_utility"] == "6.1% of the mix"
    assert captions["mix_geothermal"] == "0.0% of the mix"


def test_a_mix_of_zero_weights_says_there_is_no_mix_under_each_slider():
    zero = {spec.name: "0" for spec in INPUTS if spec.name.startswith("mix_")}
    at = open_app(params=zero)
    open_group(at, "mix")
    assert _mix_captions(at) == ["No mix: every weight is zero"] * 11
