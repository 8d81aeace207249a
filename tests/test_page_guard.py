"""The pages/ workaround (ui/page.py): one rerun through app.py at most, then a clear error;
a loud failure if Streamlit drops the private flag; the fresh-server browser test runs by
default."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

import ui.page
from model.scenario import Scenario

REPO = Path(__file__).resolve().parent.parent


def _page_alone() -> None:
    # Stands for a page that Streamlit ran without app.py (a deep link on a fresh server);
    # AppTest reruns the same function, just as the flag failing to take would.
    import streamlit as st

    from ui.page import page_scenario

    page_scenario()
    st.write("page body ran")


def _page_with_scenario() -> None:
    import streamlit as st

    from ui.page import page_scenario

    st.write(f"pue {page_scenario().pue}")


def test_a_page_without_a_scenario_reruns_once_then_shows_an_error_instead_of_looping():
    at = AppTest.from_function(_page_alone, default_timeout=30)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert [e.value for e in at.error] == [ui.page.NO_SCENARIO_ERROR]
    assert at.session_state[ui.page.RERUN_KEY] is True
    assert not any("page body ran" in m.value for m in at.markdown)
    # Another run of the same session does not rerun again: the same error, still stopped.
    at.run()
    assert [e.value for e in at.error] == [ui.page.NO_SCENARIO_ERROR]


def test_a_page_with_a_scenario_runs_without_rerunning():
    at = AppTest.from_function(_page_with_scenario, default_timeout=30)
    at.session_state["scenario"] = Scenario(pue=1.5)
    at.run()
    assert not at.exception
    assert [m.value for m in at.markdown] == ["pue 1.5"]
    assert ui.page.RERUN_KEY not in at.session_state
    assert not at.error


def test_the_workaround_sets_streamlits_flag_to_navigation_mode(monkeypatch):
    monkeypatch.setattr(PagesManager, ui.page.PAGES_FLAG, True)
    ui.page.use_navigation_mode()
    assert PagesManager.uses_pages_directory is False


def test_a_streamlit_without_the_private_flag_fails_loudly_at_import(monkeypatch):
    monkeypatch.delattr(PagesManager, ui.page.PAGES_FLAG)
    with pytest.raises(RuntimeError, match="uses_pages_directory does not exist"):
        ui.page.use_navigation_mode()
    with pytest.raises(RuntimeError, match="streamlit/streamlit#9624"):
        importlib.reload(ui.page)
    monkeypatch.undo()
    importlib.reload(ui.page)  # leave a working module for the other tests


def test_the_fresh_server_deep_link_browser_test_is_in_the_default_run():
    # A plain `pytest` (what scripts/test.sh runs, with the pyproject options) collects
    # the browser test of a deep link on a fresh server and deselects nothing.
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    fresh = "tests/browser/test_pages.py::test_share_link_to_a_page_works_on_a_fresh_server"
    assert fresh in done.stdout.splitlines()
    assert "deselected" not in done.stdout
