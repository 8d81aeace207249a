"""Shared test setup: AppTest reruns go through app.py (tests/apptest_support.py)."""

from __future__ import annotations

import pytest

from tests.apptest_support import keep_navigation_mode


@pytest.fixture(autouse=True)
def _navigation_mode_as_on_a_server():
    """AppTest reruns go through app.py, as on a server (see tests/apptest_support.py)."""
    undo = keep_navigation_mode()
    yield
    undo()
