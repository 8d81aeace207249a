"""Compare & share in Chromium: saved scenarios survive a reload and a page change, and
the page fits a phone (tables scroll instead of being cut)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.browser.helpers import (
    MAIN,
    NAV_LINK,
    PHONE,
    close_sidebar,
    poll_until_equal,
    wait_rendered,
    wait_until_idle,
)

pytestmark = pytest.mark.browser


def _saved_names(page: Page) -> list[str]:
    """The saved scenarios as the page lists them ('1. Name')."""
    texts = page.locator(f'{MAIN} [data-testid="stMarkdownContainer"] p').all_inner_texts()
    return [
        t.split(". ", 1)[1].removesuffix(" (in the sidebar)")
        for t in texts
        if t[:1].isdigit() and ". " in t[:4]
    ]


def _apply_preset(page: Page, name: str) -> None:
    box = page.locator(f'{MAIN} [data-testid="stSelectbox"]').first
    option = page.get_by_role("option", name=name, exact=True)
    for _ in range(3):  # a rerun that redraws the box closes its open list
        box.click()
        try:
            option.wait_for(state="visible", timeout=5000)
            break
        except PlaywrightTimeoutError:
            wait_until_idle(page)
    option.click()
    wait_until_idle(page)
    apply = page.locator(f"{MAIN} button", has_text="Apply to the sidebar")
    expect(apply).to_have_count(1)
    apply.click()
    wait_until_idle(page)


def _save(page: Page, name: str) -> None:
    box = page.get_by_label("Name for the current scenario")
    box.fill(name)
    box.press("Enter")
    wait_until_idle(page)
    save = page.locator(f"{MAIN} button", has_text="Save (")
    # While a rerun redraws the page its old button can stand beside the new one.
    expect(save).to_have_count(1)
    save.click()
    wait_until_idle(page)


def test_saved_scenarios_survive_a_reload_and_a_page_change(page: Page, app_url: str):
    page.goto(f"{app_url}/compare")
    wait_rendered(page, min_charts=1)
    _apply_preset(page, "Nuclear bet")
    _save(page, "Nuclear & <b>co</b>")
    _apply_preset(page, "Gas bridge")
    _save(page, "Gas")
    want = ["Nuclear & <b>co</b>", "Gas"]
    assert poll_until_equal(page, lambda: _saved_names(page), want) == want
    assert "saved=" in page.url

    page.reload()
    wait_rendered(page, min_charts=1)
    assert poll_until_equal(page, lambda: _saved_names(page), want) == want

    # Another page and back: the saved scenarios stay, in the URL too.
    page.locator(NAV_LINK, has_text="Power it").click()
    wait_rendered(page)
    page.locator(NAV_LINK, has_text="Compare & share").click()
    wait_rendered(page, min_charts=1)
    assert poll_until_equal(page, lambda: _saved_names(page), want) == want
    assert "saved=" in page.url


def test_the_compare_page_fits_a_phone(browser, app_url: str):
    ctx = browser.new_context(viewport=PHONE)
    try:
        page = ctx.new_page()
        page.goto(f"{app_url}/compare")
        wait_rendered(page, min_charts=1)
        close_sidebar(page)
        # Nothing in the main area is wider than the screen: wide content scrolls inside
        # its own box (the table, the link) instead of widening or being cut.
        overflow = page.evaluate(
            """() => {
                const main = document.querySelector('[data-testid="stMain"]');
                return main.scrollWidth - main.clientWidth;
            }"""
        )
        assert overflow <= 1
        # The chart's title is drawn whole inside the chart.
        fits = page.evaluate(
            """() => Array.from(document.querySelectorAll('.js-plotly-plot')).map(gd => {
                const title = gd.querySelector('.gtitle');
                const box = gd.getBoundingClientRect();
                const t = title.getBoundingClientRect();
                return t.left >= box.left - 1 && t.right <= box.right + 1;
            })"""
        )
        assert fits
        assert all(fits)
    finally:
        ctx.close()
