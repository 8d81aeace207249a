"""What every page calls first: the scenario that app.py built for this run.

Why a page can run without app.py: Streamlit reads a folder named pages/ next to the entry
script as an old-style (v1) multipage app. It records that in the class attribute
`PagesManager.uses_pages_directory`, and only the first st.navigation call switches it
off. So on a freshly started server the very first visit to a deep link (say /power) runs
pages/power.py alone, without app.py and its sidebar. Upstream: streamlit/streamlit#9624
(st.navigation deep links on first load) and the review of streamlit/streamlit#10276
("a pages folder + MPAv2 ... sometimes completely switches back to MPAv1"). The flag is
private, so its presence is checked when this module is imported (the first page run of
the server) and the app stops with a clear error if a Streamlit upgrade removed it. The
same goes for `ScriptRunContext.is_history_navigation`, the only place Streamlit says that
the browser's Back or Forward button started a run (ui/url.py reads the link again then).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner_utils.script_run_context import (
    ScriptRunContext,
    get_script_run_ctx,
)

from model.scenario import Scenario

#: The private PagesManager attribute that says "run pages/ as a v1 multipage app".
PAGES_FLAG = "uses_pages_directory"
#: Session-state key set when this session has already rerun through app.py once.
RERUN_KEY = "_rerun_through_app"
#: What a visitor sees if the rerun through app.py did not give this page a scenario.
NO_SCENARIO_ERROR = (
    "This page was started without the app's entry script, so its inputs are missing. "
    "Open the home page of the dashboard (the address without the page name); if this "
    "message stays, the installed Streamlit version is not one this app was tested with."
)


def check_pages_flag() -> None:
    """Raise RuntimeError if Streamlit no longer has the private flag the workaround sets."""
    if not hasattr(PagesManager, PAGES_FLAG):
        raise RuntimeError(
            f"streamlit.runtime.pages_manager.PagesManager.{PAGES_FLAG} does not exist in "
            f"this Streamlit version, so ui/page.py cannot send deep links on a fresh server "
            "through app.py. Pin the Streamlit version in requirements.txt or update "
            "use_navigation_mode (see streamlit/streamlit#9624)."
        )


def use_navigation_mode() -> None:
    """Tell Streamlit this app uses st.navigation, not the pages/ folder (as st.navigation
    itself does on its first call); the one place the private flag is written."""
    check_pages_flag()
    setattr(PagesManager, PAGES_FLAG, False)


def page_scenario() -> Scenario:
    """The current Scenario; if app.py did not run, rerun through it once.

    A second run without a scenario (the flag did not take) shows an error and stops the
    page instead of rerunning forever.
    """
    if "scenario" in st.session_state:
        scenario: Scenario = st.session_state["scenario"]
        return scenario
    if st.session_state.get(RERUN_KEY):
        st.error(NO_SCENARIO_ERROR, icon="⚠️")
        st.stop()
    st.session_state[RERUN_KEY] = True
    use_navigation_mode()
    st.rerun()


#: The regions the power charts can show: the switch's words (which the link carries, as
#: Streamlit writes a bound widget's shown label) and the model's region ids.
REGION_IDS = {"World": "world", "US": "us"}


def region_switch() -> str:
    """The power charts' region ("world" or "us"), from a switch whose value the link
    carries (the `region` view setting of ui/url.py: region=US)."""
    choice = st.radio(
        "Power charts show",
        options=tuple(REGION_IDS),
        horizontal=True,
        key="region",
        persist_state="session",
        help="World: all AI's power. US: the US region alone, with its own grid inputs "
        "(the sidebar's US power inputs); Monte Carlo bands are drawn for the world only.",
    )
    return REGION_IDS[str(choice)]


#: The private run-context field that says Back or Forward started this run.
HISTORY_FLAG = "is_history_navigation"


def check_history_flag() -> None:
    """Raise RuntimeError if Streamlit's run context no longer says what started a run."""
    if HISTORY_FLAG not in getattr(ScriptRunContext, "__dataclass_fields__", {}):
        raise RuntimeError(
            f"streamlit's ScriptRunContext has no field {HISTORY_FLAG} in this version, so "
            "ui/url.py cannot tell a Back or Forward from a rerun; pin the Streamlit "
            "version of requirements.txt or update ui/url.history_navigation."
        )


def history_navigation() -> bool:
    """Whether the browser's Back or Forward button started this run."""
    ctx = get_script_run_ctx()
    return bool(ctx is not None and getattr(ctx, HISTORY_FLAG))


def page_links(where: Any, pages: Sequence[Any], query: dict[str, list[str]]) -> None:
    """A link to each page that carries `query` (the address bar's link). Streamlit's own
    navigation keeps only parameters bound to a widget, which is enough while the session
    holds the scenario but not after a server restart: a page change would open defaults."""
    for page in pages:
        where.page_link(page, query_params=query, width="stretch")


# Fail at the first page run of a server, not on a visitor's deep link (or a reader's
# Back button) some day later.
check_pages_flag()
check_history_flag()
