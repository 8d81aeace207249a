"""The address bar carries an input moved on one page to every other page (ui/url.py
writes it; a closed sidebar group does not draw the input, so Streamlit cannot)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.helpers import (
    DESKTOP,
    EXCEPTION,
    METRIC_VALUES,
    NAV_LINK,
    drag_slider,
    poll_until_equal,
    slider_label,
    slider_value,
    texts,
    wait_rendered,
    wait_until_idle,
)

pytestmark = pytest.mark.browser


def _href(page: Page) -> str:
    return str(page.evaluate("location.href"))  # page.url can miss replaceState updates


def test_an_input_moved_on_power_stays_in_the_url_on_other_pages(
    page: Page, browser: Browser, app_url: str
) -> None:
    page.goto(app_url + "/power")
    wait_rendered(page, 1)
    drag_slider(page, slider_label("mix_nuclear_large"), 60.0)
    page.wait_for_function("() => location.href.includes('mix_nuclear_large=')")
    wait_until_idle(page)
    weight = slider_value(page, "mix_nuclear_large")
    carbon = texts(page, METRIC_VALUES)
    assert weight != 9.0  # moved off the default (9, Ember 2024's share)

    # Train a model opens Training run, not the mix: the weight's slider is not drawn
    # there, and the address bar still carries it.
    page.locator(NAV_LINK, has_text="Train a model").click()
    page.wait_for_function("() => location.pathname.endsWith('/train')")
    wait_until_idle(page)
    assert (
        page.locator('[data-testid="stSidebar"]')
        .get_by_label(slider_label("mix_nuclear_large"), exact=True)
        .count()
        == 0
    )
    link = _href(page)
    assert f"mix_nuclear_large={weight:g}" in link
    assert page.locator(EXCEPTION).count() == 0

    # That link, opened on Power it in a fresh browser, shows the same mix.
    fresh = browser.new_context(viewport=DESKTOP)
    try:
        other = fresh.new_page()
        other.goto(link.replace("/train", "/power"))
        wait_rendered(other, 1)
        wait_until_idle(other)
        assert slider_value(other, "mix_nuclear_large") == weight
        assert poll_until_equal(other, lambda: texts(other, METRIC_VALUES), carbon) == carbon
    finally:
        fresh.close()
