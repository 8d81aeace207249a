"""Shared test setup: the path of app.py for AppTest, and one AppTest fix-up."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.apptest_support import keep_navigation_mode

#: Absolute path of the entry script (AppTest resolves relative paths against the caller).
APP_PATH = str(Path(__file__).resolve().parent.parent / "app.py")


@pytest.fixture(autouse=True)
def _navigation_mode_as_on_a_server():
    """AppTest reruns go through app.py, as on a server (see tests/apptest_support.py)."""
    undo = keep_navigation_mode()
    yield
    undo()
