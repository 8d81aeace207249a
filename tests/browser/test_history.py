"""Back and Forward restore the scenario of the history entry they land on (ui/url.py
reads its link again), page and inputs, instead of leaving the latest one in place."""

from __future__ import annotations

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


def test_back_and_forward_restore_the_scenario_of_each_entry(page: Page, app_url: str) -> None:
    page.goto(app_url + "/?pue=1.3")
    wait_rendered(page, 1)
    first = _drag(page, 3.0)
    second = _drag(page, 2.5)
    page.locator(NAV_LINK, has_text="Growth vs power").click()
    page.wait_for_function("() => location.pathname.endsWith('/growth')")
    wait_until_idle(page)
    third = _drag(page, 6.0)
    assert (first, second, third) == (3.0, 2.5, 6.0)

    page.go_back()
    assert poll_until_equal(page, lambda: _where(page), ("/growth", 2.5)) == ("/growth", 2.5)
    # Back past the page change (Streamlit gives it an entry of its own) to the home page:
    # the scenario of the home page's second drag.
    for _ in range(3):
        page.go_back()
        wait_until_idle(page)
        if page.evaluate("location.pathname") == "/":
            break
    assert poll_until_equal(page, lambda: _where(page), ("/", 2.5)) == ("/", 2.5)
    page.go_back()
    assert poll_until_equal(page, lambda: _where(page), ("/", 3.0)) == ("/", 3.0)
    assert "pue=1.3" in str(page.evaluate("location.search"))  # the rest of the link stays
    page.go_forward()
    assert poll_until_equal(page, lambda: _where(page), ("/", 2.5)) == ("/", 2.5)
