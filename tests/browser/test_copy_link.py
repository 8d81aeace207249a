"""Sharing in Chromium (issue 18): "Copy link" is in the first screen of the sidebar on a
desktop and a phone and copies a link to the view; a claim's own "Copy link" opens that
claim with the same verdict; the home page's claim cards open in the same tab."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize

from tests.browser.helpers import MAIN, PHONE, wait_rendered, wait_until_idle

pytestmark = pytest.mark.browser

#: The desktop the reader reported from, and a phone.
DESKTOP_1440: ViewportSize = {"width": 1440, "height": 900}
#: The sidebar's copy button (ui/share.render_share_control, ui/copy_link.py).
SIDEBAR_COPY = "#copy-link-sidebar"
#: Where a claim's section starts: its heading's anchor sits this near the top once the
#: page has scrolled to it (Streamlit leaves a margin above a heading). [px]
IN_VIEW_TOP_PX = 120


@pytest.fixture
def clipboard_context(browser: Browser, request: pytest.FixtureRequest) -> Iterator[BrowserContext]:
    """A fresh context of the parametrised viewport that may read and write the clipboard."""
    viewport = getattr(request, "param", DESKTOP_1440)
    ctx = browser.new_context(viewport=viewport, permissions=["clipboard-read", "clipboard-write"])
    yield ctx
    ctx.close()


def _open(page: Page, url: str, charts: int = 0) -> None:
    page.goto(url)
    wait_rendered(page, min_charts=charts)
    wait_until_idle(page)


def _open_sidebar(page: Page) -> None:
    """Open the sidebar if it is collapsed (a phone starts with it closed)."""
    sidebar = page.locator('[data-testid="stSidebar"]')
    if sidebar.get_attribute("data-collapsed") == "true":
        page.locator('[data-testid="stExpandSidebarButton"]').click()
        page.wait_for_function(
            "el => el.getAttribute('data-collapsed') === 'false'", arg=sidebar.element_handle()
        )
        # The sidebar slides in: wait until its left edge is on the screen.
        page.wait_for_function(
            "el => el.getBoundingClientRect().left >= 0", arg=sidebar.element_handle()
        )


def _copy(page: Page, selector: str) -> str:
    """Click a copy button and return what the clipboard then holds."""
    button = page.locator(selector)
    button.click()
    page.wait_for_function(
        "sel => document.querySelector(sel).textContent === 'Link copied'", arg=selector
    )
    return str(page.evaluate("navigator.clipboard.readText()"))


def _claim_top(page: Page, claim_id: int) -> float:
    return float(
        page.evaluate(
            "id => document.getElementById(id).getBoundingClientRect().top", f"claim-{claim_id}"
        )
    )


def _wait_claim_in_view(page: Page, claim_id: int) -> None:
    page.wait_for_function(
        """([id, most]) => { const el = document.getElementById(id);
            if (!el) return false; const top = el.getBoundingClientRect().top;
            return top >= 0 && top <= most; }""",
        arg=[f"claim-{claim_id}", IN_VIEW_TOP_PX],
        timeout=30_000,
    )


def _verdict(page: Page, claim_id: int) -> str:
    """The verdict box of a claim's section: the first alert after its heading."""
    heading = page.locator(f"#claim-{claim_id}")
    alert = heading.locator("xpath=following::*[@data-testid='stAlert'][1]")
    return alert.inner_text().strip()


@pytest.mark.parametrize(
    "clipboard_context", [DESKTOP_1440, PHONE], ids=["1440px", "390px"], indirect=True
)
def test_copy_link_is_in_the_sidebars_first_screen_and_copies_this_view(
    clipboard_context: BrowserContext, app_url: str
) -> None:
    page = clipboard_context.new_page()
    _open(page, f"{app_url}/growth?pue=1.3", charts=1)
    _open_sidebar(page)
    height = page.viewport_size["height"] if page.viewport_size else 0
    box = page.locator(SIDEBAR_COPY).bounding_box()
    assert box is not None
    assert box["y"] >= 0, box
    assert box["y"] + box["height"] <= height, box  # in the first screen: no scrolling
    assert page.locator(SIDEBAR_COPY).is_visible()
    link = _copy(page, SIDEBAR_COPY)
    assert link.startswith(f"{app_url}/growth?"), link
    assert "pue=1.3" in link
    assert "v=" in link
    # The link reopens the same page and scenario in a new visit.
    again = clipboard_context.browser.new_context(viewport=DESKTOP_1440)  # type: ignore[union-attr]
    try:
        other = again.new_page()
        _open(other, link, charts=1)
        assert other.evaluate("location.pathname") == "/growth"
        assert "pue=1.3" in other.evaluate("location.search")
    finally:
        again.close()


def test_a_claims_copy_link_opens_that_claim_with_the_same_verdict(
    clipboard_context: BrowserContext, app_url: str
) -> None:
    page = clipboard_context.new_page()
    # AI spending growing 1.05x a year: money binds and claim 5 turns Partly.
    _open(page, f"{app_url}/claims?ai_capex_growth=1.05&claim_tab=Claim+5", charts=1)
    verdict = _verdict(page, 5)
    assert "Partly" in verdict
    link = _copy(page, "#copy-link-claim-5")
    assert link.startswith(f"{app_url}/claims?"), link
    assert link.endswith("&claim_tab=Claim+5#claim-5")  # its tab, at its section
    assert "ai_capex_growth=1.05" in link
    fresh = clipboard_context.browser.new_context(viewport=DESKTOP_1440)  # type: ignore[union-attr]
    try:
        other = fresh.new_page()
        other.goto(link)
        wait_rendered(other, min_charts=1)
        _wait_claim_in_view(other, 5)
        wait_until_idle(other)
        assert 0 <= _claim_top(other, 5) <= IN_VIEW_TOP_PX
        assert _verdict(other, 5) == verdict
    finally:
        fresh.close()


def test_a_claim_card_on_the_home_page_opens_its_claim_in_the_same_tab(
    clipboard_context: BrowserContext, app_url: str
) -> None:
    page = clipboard_context.new_page()
    _open(page, f"{app_url}/?pue=1.3", charts=1)
    card = page.locator(f'{MAIN} a[href*="#claim-4"]')
    assert card.get_attribute("target") == "_self"
    card.click()
    page.wait_for_url("**/claims?*", timeout=30_000)
    wait_rendered(page, min_charts=1)
    _wait_claim_in_view(page, 4)
    assert len(clipboard_context.pages) == 1  # no new tab
    assert "pue=1.3" in page.evaluate("location.search")
    assert page.evaluate("location.hash") == "#claim-4"
