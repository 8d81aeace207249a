"""What every page calls first: the scenario that app.py built for this run."""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from model.scenario import Scenario


def page_scenario() -> Scenario:
    """The current Scenario; if app.py did not run, rerun through it first.

    On a freshly started server, Streamlit treats a folder named pages/ as an old-style
    multipage app until st.navigation has been called once, so the very first visit to a
    deep link (say /power) runs that page alone, without app.py and its sidebar. Switching
    that mode off (as st.navigation itself does) and rerunning sends the run through
    app.py, which then lands on the same page.
    """
    if "scenario" not in st.session_state:
        PagesManager.uses_pages_directory = False
        st.rerun()
    scenario: Scenario = st.session_state["scenario"]
    return scenario
