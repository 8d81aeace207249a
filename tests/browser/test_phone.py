"""At phone width (390 px) no text is cut on any page or Methods section, and at 390 and
320 px nothing wider than the screen is cut without a sign that it scrolls; a change in
the sidebar, which covers the page on a phone, is echoed in view; on a desktop visitors
see no "Deploy" button, and the sidebar's first input is a few Tab presses away."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize

from tests.browser.helpers import (
    DESKTOP,
    MAIN,
    PHONE,
    RENDER_TIMEOUT_MS,
    close_sidebar,
    drag_slider,
    slider_label,
    wait_for_chart_text,
    wait_rendered,
    wait_until_idle,
)
from tests.browser.layout import clipped, tabs_to_first_sidebar_input, unhinted

pytestmark = pytest.mark.browser

#: Every page, and each Methods section that holds tables (the section is in the URL).
PHONE_PAGES = (
    "/",
    "/claims",
    "/claims?claim_tab=Claim+4",
    "/claims?claim_tab=Claim+5",
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
#: The other Methods sections, and the boxes a reader opens to see equations and tables.
MORE_PAGES = (
    "/methods?methods_tab=Left+out",
    "/methods?methods_tab=Data",
    "/methods?methods_tab=What+changed",
)
OPEN_FIRST = {
    "/train": ("How this is computed",),
    "/serve": ("How this is computed", "Published figures with their sources"),
}
SMALL_PHONE: ViewportSize = {"width": 320, "height": 640}
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


def _open_expanders(page: Page, titles: tuple[str, ...]) -> None:
    for title in titles:
        summary = page.locator(f"{MAIN} [data-testid='stExpander'] summary", has_text=title)
        summary.first.click()
        page.wait_for_function(
            "el => el.open", arg=summary.first.locator("xpath=..").element_handle()
        )
    wait_until_idle(page)


@pytest.mark.parametrize("viewport", [PHONE, SMALL_PHONE], ids=["390", "320"])
@pytest.mark.parametrize("path", PHONE_PAGES + MORE_PAGES, ids=_name)
def test_whatever_is_wider_than_a_phone_scrolls_and_says_so(
    browser: Browser, app_url: str, path: str, viewport: ViewportSize
) -> None:
    # A table, grid or equation wider than the screen scrolls sideways in its own box,
    # with a line above or under it saying so (ui/scroll_hints.py); nothing else reaches
    # past the screen's edge.
    ctx = browser.new_context(viewport=viewport, is_mobile=True, has_touch=True)
    try:
        page = ctx.new_page()
        _open(page, app_url + path)
        close_sidebar(page)
        _open_expanders(page, OPEN_FIRST.get(path, ()))
        assert unhinted(page) == []
    finally:
        ctx.close()


def test_a_change_in_the_sidebar_is_echoed_above_it_on_a_phone(
    phone: BrowserContext, app_url: str, shots: Path
) -> None:
    # The open sidebar covers 300 of 390 px, so what the change does happens out of sight:
    # a toast at the top of the screen, above the sidebar, says what changed.
    page = phone.new_page()
    _open(page, app_url + "/growth")
    page.locator('[data-testid="stExpandSidebarButton"]').click()
    sidebar = page.locator('[data-testid="stSidebar"]')
    page.wait_for_function(
        "el => el.getAttribute('data-collapsed') === 'false'", arg=sidebar.element_handle()
    )
    drag_slider(page, slider_label("compute_growth"), 3.0)
    toast = page.locator('[data-testid="stToast"]', has_text="Changed: Frontier compute growth")
    toast.wait_for(timeout=RENDER_TIMEOUT_MS)
    page.screenshot(path=shots / "toast-phone.png")
    assert "(was 4x per year)" in toast.inner_text()
    # In view, and on top: the point at its centre belongs to the toast, not the sidebar.
    on_top = toast.evaluate(
        """el => {
            const r = el.getBoundingClientRect();
            const centre = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            return r.top >= 0 && r.bottom <= innerHeight && r.left >= 0
                && r.right <= innerWidth && el.contains(centre);
        }"""
    )
    assert on_top


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
