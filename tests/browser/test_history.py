"""History: a slider move replaces the current entry, a page change or an explicit action
(a preset, reset) pushes one (ui/history.py), and Back and Forward restore the scenario of
the entry they land on (ui/url.py reads its link again), page and inputs."""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest
from playwright.sync_api import Page

from tests.browser.helpers import (
    NAV_LINK,
    drag_slider,
    poll_until_equal,
    slider_label,
    slider_value,
    wait_rendered,
    wait_until_idle,
)

pytestmark = pytest.mark.browser


def _where(page: Page) -> tuple[str, float]:
    """The page's path and the compute-growth slider's value."""
    return str(page.evaluate("location.pathname")), slider_value(page, "compute_growth")


def _drag(page: Page, target: float) -> float:
    drag_slider(page, slider_label("compute_growth"), target)
    page.wait_for_function(f"() => location.search.includes('compute_growth={target:g}')")
    wait_until_idle(page)
    return slider_value(page, "compute_growth")


def _length(page: Page) -> int:
    return int(page.evaluate("history.length"))


def _query(page: Page) -> dict[str, list[str]]:
    """The address bar's parameters, parsed (order does not matter)."""
    return parse_qs(str(page.evaluate("location.search")).lstrip("?"))


def test_slider_moves_replace_the_entry_and_a_page_change_pushes_one(
    page: Page, app_url: str
) -> None:
    page.goto(app_url + "/?pue=1.3")
    wait_rendered(page, 1)
    wait_until_idle(page)
    opened = _length(page)
    assert (_drag(page, 3.0), _drag(page, 2.5)) == (3.0, 2.5)
    # Two drags, no new entry: before ui/history.py each drag pushed one (opened + 2).
    assert _length(page) == opened
    page.locator(NAV_LINK, has_text="Growth vs power").click()
    page.wait_for_function("() => location.pathname.endsWith('/growth')")
    wait_until_idle(page)
    # The page change is one entry, though Streamlit first pushes the bare path and then
    # the app writes its link (two pushes before).
    assert _length(page) == opened + 1
    assert _drag(page, 6.0) == 6.0
    assert _length(page) == opened + 1

    page.go_back()  # one Back: the home page as the reader left it
    assert poll_until_equal(page, lambda: _where(page), ("/", 2.5)) == ("/", 2.5)
    assert _query(page)["pue"] == ["1.3"]
    page.go_forward()
    assert poll_until_equal(page, lambda: _where(page), ("/growth", 6.0)) == ("/growth", 6.0)


def test_an_explicit_action_pushes_one_entry_that_back_undoes(page: Page, app_url: str) -> None:
    page.goto(app_url + "/compare?pue=1.3")
    wait_rendered(page)
    wait_until_idle(page)
    before, opened = _query(page), _length(page)
    # The first preset is the defaults' own trend; from the defaults, it drops pue=1.3.
    page.get_by_text("From the defaults (resets every other input)").click()
    wait_until_idle(page)
    assert _length(page) == opened  # choosing the mode changes no link
    page.get_by_role("button", name="Apply to the sidebar").click()
    page.wait_for_function(f"() => history.length === {opened + 1}")
    wait_until_idle(page)
    applied = _query(page)
    assert "pue" not in applied
    assert before["pue"] == ["1.3"]
    assert _length(page) == opened + 1
    page.go_back()
    assert poll_until_equal(page, lambda: _query(page), before) == before
    page.go_forward()
    assert poll_until_equal(page, lambda: _query(page), applied) == applied
