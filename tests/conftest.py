"""Shared test setup: the path of app.py for AppTest, and one AppTest fix-up."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.runtime.pages_manager import PagesManager

#: Absolute path of the entry script (AppTest resolves relative paths against the caller).
APP_PATH = str(Path(__file__).resolve().parent.parent / "app.py")


@pytest.fixture(autouse=True)
def _navigation_mode_as_on_a_server(monkeypatch):
    """Keep Streamlit in st.navigation mode across AppTest reruns, as a server does.

    A server sets PagesManager.uses_pages_directory to False on the first st.navigation
    call and keeps it. AppTest resets it to None before every run, and a new PagesManager
    then sets it to True because a pages/ folder exists; from the second run on, AppTest
    would run the page file alone, skipping app.py (and so the sidebar with every input).
    """
    original = PagesManager.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)
