"""Test the claims in Chromium: a link to one claim opens that claim's tab, with its
scenario, and so does a link made before the claims had tabs (#claim-5 alone)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.helpers import DESKTOP, EXCEPTION, MAIN, texts, wait_rendered, wait_until_idle

pytestmark = pytest.mark.browser


def summary_verdict(page: Page, claim_id: int) -> str:
    """The verdict after the summary line's link to the claim: '4. Nuclear ...: Partly'."""
    item = page.locator(f'{MAIN} a[href$="#claim-{claim_id}"]').first.locator("xpath=..")
    return item.inner_text().rsplit(":", 1)[1].strip()


def test_a_link_to_one_claim_opens_it_with_its_scenario_in_a_fresh_browser(
    browser: Browser, app_url: str
) -> None:
    # AI spending growing 1.05x a year: money binds and claim 5 turns Partly.
    fresh = browser.new_context(viewport=DESKTOP)
    try:
        page = fresh.new_page()
        # A link from before the tabs: no claim_tab, only the anchor. Claim 5's tab opens.
        page.goto(f"{app_url}/claims?ai_capex_growth=1.05#claim-5")
        page.wait_for_selector("#claim-5", timeout=30_000)
        wait_rendered(page, min_charts=1)
        wait_until_idle(page)
        assert page.locator(EXCEPTION).count() == 0, texts(page, EXCEPTION)
        top = page.evaluate(
            "sel => document.querySelector(sel).getBoundingClientRect().top", "#claim-5"
        )
        assert 0 <= top <= DESKTOP["height"] / 2, top  # scrolled to the claim
        assert summary_verdict(page, 5) == "Partly"
        assert "ai_capex_growth=1.05" in page.evaluate("location.href")
        # The tab is in the address bar now, so a reload or a copied address keeps it.
        assert "claim_tab=Claim+5" in page.evaluate("location.href")
    finally:
        fresh.close()


def test_the_summary_links_open_and_jump_to_their_claim(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}/claims")
    wait_rendered(page, min_charts=1)
    wait_until_idle(page)
    assert page.locator("#claim-4").count() == 0  # claim 1's tab is open
    page.locator(f'{MAIN} a[href$="#claim-4"]').first.click()
    page.wait_for_function(
        "() => { const e = document.querySelector('#claim-4'); if (!e) return false;"
        " const r = e.getBoundingClientRect();"
        " return r.top >= 0 && r.top < window.innerHeight / 2; }",
        timeout=10_000,
    )
    assert summary_verdict(page, 4) in ("Supported", "Partly", "Not supported", "Cannot judge")


def test_each_claims_share_link_ends_with_its_anchor(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}/claims?build_rate_gw_per_yr_us=60")
    wait_rendered(page, min_charts=1)
    wait_until_idle(page)
    page.get_by_role("tab", name="Claim 3").click()
    page.wait_for_selector("#claim-3", timeout=30_000)
    wait_until_idle(page)
    page.get_by_text("Sources and the link to this claim").first.click()
    code = page.locator(f"{MAIN} code").filter(has_text="#claim-3").first
    link = code.inner_text().strip()
    assert link.endswith("claim_tab=Claim+3#claim-3")
    assert "build_rate_gw_per_yr_us=60" in link
    assert link.startswith(app_url + "/claims?")
