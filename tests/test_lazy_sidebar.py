"""The sidebar draws only open groups, and the address bar still carries every input.

A closed group's inputs are not drawn (issue 12: drawing all of them cost about 30 ms a
rerun), so Streamlit cannot bind them to the URL; ui/url.write_link does.
"""

from __future__ import annotations

import re
from pathlib import Path

from model.scenario import INPUTS, Scenario
from tests.apptest_support import open_app, open_group, sidebar_input
from ui.sidebar import GROUP_TITLES

#: "under **Training run** and **Chips & facility**", "the sidebar's *Lead times by source*"
GROUP_REFERENCE = re.compile(
    r"under \*\*([^*]+)\*\*(?: and \*\*([^*]+)\*\*)?|sidebar's \*([^*]+)\*"
)


def _drawn_keys(at) -> set[str]:
    widgets = (*at.slider, *at.select_slider, *at.selectbox, *at.toggle)
    return {w.key for w in widgets if w.key}


def _group_names(group: str) -> set[str]:
    return {s.name for s in INPUTS if s.group == group}


def test_only_the_open_groups_draw_their_inputs():
    at = open_app("pages/train.py")
    drawn = _drawn_keys(at)
    # Train opens "Training run" only: all of its inputs, none of Growth & demand's.
    assert _group_names("train") <= drawn
    assert not _group_names("growth") & drawn
    open_group(at, "growth")
    assert _group_names("growth") <= _drawn_keys(at)


def test_each_page_opens_its_own_group_the_first_time():
    at = open_app("pages/power.py")
    drawn = _drawn_keys(at)
    assert _group_names("mix") <= drawn  # Power it opens the generation mix
    assert not _group_names("leads") & drawn
    at.switch_page("pages/train.py").run()
    drawn = _drawn_keys(at)
    assert _group_names("train") <= drawn
    assert not _group_names("mix") & drawn


def test_a_page_shown_anew_opens_its_own_group_again():
    at = open_app("pages/train.py")
    open_group(at, "growth")
    assert "compute_growth" in _drawn_keys(at)
    at.switch_page("pages/power.py").run()
    at.switch_page("pages/train.py").run()
    drawn = _drawn_keys(at)
    assert "compute_growth" not in drawn
    assert _group_names("train") <= drawn


def test_a_value_in_a_closed_group_stays_in_the_scenario_and_the_url():
    at = open_app("pages/power.py")
    sidebar_input(at, "mix_coal").set_value(0.0).run()
    # Train does not open the mix: the slider is gone, its value is not.
    at.switch_page("pages/train.py").run()
    assert "mix_coal" not in _drawn_keys(at)
    assert at.session_state["scenario"].mix_coal == 0.0
    assert at.query_params["mix_coal"] == "0"
    # Another input moved on this page keeps both in the URL.
    sidebar_input(at, "params").set_value(1e12).run()
    assert at.query_params["params"] == "1T"
    assert at.query_params["mix_coal"] == "0"


def test_an_input_back_at_its_default_leaves_the_url():
    at = open_app("pages/train.py", {"pue": "1.5"})
    assert at.query_params["pue"] == "1.5"
    sidebar_input(at, "pue").set_value(Scenario().pue).run()
    assert "pue" not in at.query_params


def test_a_plain_number_in_a_link_is_written_back_as_its_step():
    # params=7.3e10 lies between the 70B and 80B steps; 7.3e10 / 7e10 = 1.043 is nearer
    # on a log scale than 8e10 / 7.3e10 = 1.096, so it becomes 70B, and the address bar
    # says so (before issue 12, Streamlit dropped the key from the address bar).
    at = open_app("pages/train.py", {"params": "7.3e10"})
    assert at.session_state["scenario"].params == 7e10
    assert at.query_params["params"] == "70B"


def test_the_0_2_0_label_of_my_mix_still_opens():
    at = open_app("pages/train.py", {"grid": "My mix (set under Power supply & mix)"})
    assert at.session_state["scenario"].grid == "my_mix"
    assert not at.warning
    assert at.query_params["grid"] == "My mix (set under Generation mix)"


def test_a_preset_that_moves_closed_groups_updates_the_url():
    at = open_app("pages/compare.py")
    at.selectbox(key="compare_preset").set_value("Nuclear bet").run()
    at.button(key="compare_apply_preset").click().run()
    # Compare opens no group; the preset's mix weights are in the address bar anyway.
    assert not _group_names("mix") & _drawn_keys(at)
    assert at.query_params["mix_nuclear_large"] == "70"


def test_page_text_names_sidebar_groups_as_they_are_titled():
    # Prose that sends the reader to a group ("under **Generation mix**") must use a title
    # the sidebar shows; the supply group was split in three and renamed.
    root = Path(__file__).resolve().parents[1]
    sources = [*root.glob("pages/*.py"), *root.glob("ui/*.py")]
    named = [
        name
        for path in sources
        for match in GROUP_REFERENCE.finditer(path.read_text())
        for name in match.groups()
        if name
    ]
    assert len(named) >= 6  # train, serve and power pages each name groups
    assert set(named) <= set(GROUP_TITLES.values())
