"""At phone width (390 px) no text is cut on any page or Methods section; on a desktop
visitors see no "Deploy" button, and the sidebar's first input is a few Tab presses away."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from tests.browser.helpers import (
    DESKTOP,
    PHONE,
    close_sidebar,
    wait_for_chart_text,
    wait_rendered,
    wait_until_idle,
)
from tests.browser.layout import clipped, tabs_to_first_sidebar_input

pytestmark = pytest.mark.browser

#: Every page, and each Methods section that holds tables (the section is in the URL).
PHONE_PAGES = (
    "/",
    "/claims",
    "/growth",
    "/train",
    "/serve",
    "/power",
    "/compare",
    "/methods",
    "/methods?methods_tab=Glossary",
    "/methods?methods_tab=Assumptions",
    "/methods?methods_tab=Uncertainty",
    "/methods?methods_tab=Validation",
    "/methods?methods_tab=Disagreements",
)
#: Tab presses from page load to the first sidebar input on the home page, measured with
#: Streamlit 1.67: the skip link, eight page links, the "Copy link to this view" button
#: (issue 18: sharing at the top of the sidebar), two closed sidebar groups, the open
#: group's first control, the input's help button, the input. A budget, so it only falls.
TAB_BUDGET = 15


@pytest.fixture
def phone(browser: Browser) -> Iterator[BrowserContext]:
    ctx = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True)
    yield ctx
    ctx.close()


def _name(path: object) -> str:
    return str(path).strip("/").replace("?methods_tab=", "-") or "home"


def _open(page: Page, url: str) -> None:
    page.goto(url)
    wait_rendered(page)
    wait_until_idle(page, quiet_ms=1000)
    wait_for_chart_text(page)  # plotly lays out its text again after the first draw


@pytest.mark.parametrize("path", PHONE_PAGES, ids=_name)
def test_no_chart_title_axis_title_or_table_cell_is_cut_on_a_phone(
    phone: BrowserContext, app_url: str, path: str, shots: Path
) -> None:
    page = phone.new_page()
    _open(page, app_url + path)
    # The sidebar starts closed on a phone (off the screen), so it covers nothing until the
    # reader opens it.
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert sidebar.get_attribute("data-collapsed") == "true"
    assert sidebar.evaluate("e => e.getBoundingClientRect().right") <= 0
    close_sidebar(page)
    page.screenshot(path=shots / f"{_name(path)}-phone.png", full_page=True)
    assert clipped(page) == []


def test_home_metrics_sit_two_across_on_a_phone(phone: BrowserContext, app_url: str) -> None:
    page = phone.new_page()
    _open(page, app_url + "/")
    tops = page.locator('[data-testid="stMain"] [data-testid="stMetric"]').evaluate_all(
        "els => els.map(e => Math.round(e.getBoundingClientRect().top))"
    )
    assert len(tops) == 8
    assert len(set(tops)) == 4, tops  # four rows of two


def test_a_visitor_sees_no_deploy_button(page: Page, app_url: str) -> None:
    _open(page, app_url + "/")
    assert page.locator('[data-testid="stAppDeployButton"]').count() == 0
    assert page.get_by_role("button", name="Deploy").count() == 0


def test_the_first_sidebar_input_is_within_the_tab_budget(browser: Browser, app_url: str) -> None:
    ctx = browser.new_context(viewport=DESKTOP)
    try:
        page = ctx.new_page()
        _open(page, app_url + "/")
        presses, stops = tabs_to_first_sidebar_input(page)
        assert presses <= TAB_BUDGET, stops
        assert stops[0].endswith("Skip to main content")  # Streamlit's skip link comes first
    finally:
        ctx.close()
