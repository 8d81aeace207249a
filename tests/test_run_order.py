"""The order app.py draws in (ui/run.py): after a session's first run the page goes out
before the sidebar, so a moved slider's chart reaches the browser first. That the page
uses the moved value in the same run is what every AppTest that sets a sidebar slider and
reads a page metric checks (test_app_power_serve.py, for one)."""

from __future__ import annotations

from typing import Any

import pytest
from streamlit.runtime.forward_msg_queue import ForwardMsgQueue
from streamlit.testing.v1 import AppTest

from tests.apptest_support import open_app, sidebar_input

#: Streamlit's root containers, the first step of every element's delta path (2, the
#: event container, holds toasts and the scroll-hint style).
MAIN, SIDEBAR = 0, 1


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, str]]:
    """Every element Streamlit sends from here on, in order: (root container, type)."""
    order: list[tuple[int, str]] = []
    enqueue = ForwardMsgQueue.enqueue

    def record(self: ForwardMsgQueue, msg: Any) -> None:
        if msg.WhichOneof("type") == "delta" and msg.delta.WhichOneof("type") == "new_element":
            order.append((msg.metadata.delta_path[0], msg.delta.new_element.WhichOneof("type")))
        enqueue(self, msg)

    monkeypatch.setattr(ForwardMsgQueue, "enqueue", record)
    return order


def first(order: list[tuple[int, str]], root: int, kind: str) -> int:
    return order.index((root, kind))


def test_a_sessions_first_run_draws_the_inputs_before_the_page(sent):
    open_app()  # the home page: its first chart is the compute-vs-power one
    assert first(sent, SIDEBAR, "slider") < first(sent, MAIN, "plotly_chart")


def test_a_moved_slider_sends_the_page_chart_before_any_sidebar_input(sent):
    at = open_app("pages/growth.py")
    sidebar_input(at, "hardware_efficiency_growth")  # its group is open on this page
    del sent[:]
    at.slider(key="hardware_efficiency_growth").set_value(1.2).run()
    assert not at.exception
    # Nothing of the sidebar goes out before the page's first chart.
    chart = first(sent, MAIN, "plotly_chart")
    assert all(root != SIDEBAR for root, _ in sent[: chart + 1])
    assert chart < first(sent, SIDEBAR, "slider")
    # And the sidebar is still drawn whole after it, with the moved value.
    assert at.slider(key="hardware_efficiency_growth").value == pytest.approx(1.2)


def _rerun_count_script(differs_on: tuple[int, ...]) -> None:
    import dataclasses

    import streamlit as st

    from model.scenario import Scenario
    from ui.sidebar import rerun_once_if_changed

    st.session_state["runs"] = run = st.session_state.get("runs", 0) + 1
    used = Scenario()
    drawn = dataclasses.replace(used, pue=used.pue + 0.1) if run in differs_on else used
    rerun_once_if_changed(used, drawn)


@pytest.mark.parametrize(
    ("differs_on", "runs"),
    [
        ((), 1),  # the page and the sidebar agree: one run
        ((1,), 2),  # they differ once: one rerun, which agrees
        ((1, 2, 3), 2),  # they differ on every run: still only one rerun in a row
    ],
)
def test_the_inputs_rerun_the_page_once_when_drawing_them_changed_it(differs_on, runs):
    at = AppTest.from_function(_rerun_count_script, args=(differs_on,), default_timeout=30)
    at.run()
    assert not at.exception
    assert at.session_state["runs"] == runs


def test_a_rerun_that_agreed_leaves_the_next_difference_its_own_rerun():
    # Run 1 differs (rerun: run 2), run 2 agrees; the reader's next move (run 3) differs
    # again and gets its rerun (run 4): 4 runs, not 3.
    at = AppTest.from_function(_rerun_count_script, args=((1, 3),), default_timeout=30)
    at.run()
    assert at.session_state["runs"] == 2
    at.run()
    assert not at.exception
    assert at.session_state["runs"] == 4
