"""A server restart in the middle of a session keeps the reader's scenario and saved
scenarios, whatever they do first: the sidebar's page links carry the link (ui/url.py),
where Streamlit's own navigation would drop every parameter no widget is bound to."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.helpers import (
    DESKTOP,
    MAIN,
    NAV_LINK,
    drag_slider,
    free_port,
    poll_until_equal,
    slider_label,
    start_server,
    stop_server,
    wait_rendered,
    wait_until_idle,
)

pytestmark = pytest.mark.browser

#: What Streamlit shows while the page has lost its server.
CONNECTING = '[data-testid="stConnectionStatus"]'


def test_a_restart_then_a_page_change_keeps_inputs_and_saved_scenarios(
    browser: Browser, tmp_path: Path
) -> None:
    port = free_port()
    log = tmp_path / "server.log"
    proc, url = start_server(log, port=port)
    ctx = browser.new_context(viewport=DESKTOP)
    try:
        page = ctx.new_page()
        page.goto(url + "/compare?pue=1.5&mix_nuclear_large=40")
        wait_rendered(page, 1)
        box = page.get_by_label("Name for the current scenario")
        box.fill("mine")
        box.press("Enter")
        wait_until_idle(page)
        save = page.locator(f"{MAIN} button", has_text="Save (")
        expect(save).to_have_count(1)  # a rerun's old button can stand beside the new one
        save.click()
        page.wait_for_function("() => location.search.includes('saved=')")
        page.locator(NAV_LINK, has_text="Growth vs power").click()
        page.wait_for_function("() => location.pathname.endsWith('/growth')")
        wait_until_idle(page)
        drag_slider(page, slider_label("compute_growth"), 3.0)
        page.wait_for_function("() => location.search.includes('compute_growth=3')")
        wait_until_idle(page)
        before = urlsplit(str(page.evaluate("location.href"))).query

        stop_server(proc)
        page.wait_for_selector(CONNECTING)  # the page knows its server is gone
        proc, _ = start_server(log, port=port)
        page.wait_for_selector(CONNECTING, state="detached", timeout=60_000)

        # The first thing the reader does after the restart: change page.
        page.locator(NAV_LINK, has_text="Compare & share").click()
        page.wait_for_function("() => location.pathname.endsWith('/compare')")
        wait_rendered(page, 1)
        wait_until_idle(page)
        assert urlsplit(str(page.evaluate("location.href"))).query == before
        listed = lambda: "1. mine" in page.locator(f"{MAIN} p").all_inner_texts()  # noqa: E731
        assert poll_until_equal(page, listed, True)  # the saved scenario, in the list
        shared = page.locator(f"{MAIN} [data-testid='stCode']").first.inner_text()
        for kept in ("pue=1.5", "compute_growth=3", "mix_nuclear_large=40", "saved="):
            assert kept in shared
    finally:
        ctx.close()
        stop_server(proc)
