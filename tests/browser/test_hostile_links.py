"""Hostile links in Chromium: a flood of unknown keys in a saved scenario draws one short
warning and loads about as fast as Compare does; more parameters than Streamlit reads
give a message instead of a silent reset (issue 21)."""

from __future__ import annotations

import time
from urllib.parse import quote

import pytest
from playwright.sync_api import Page

from tests.browser.helpers import MAIN, wait_rendered, wait_until_idle

pytestmark = pytest.mark.browser

WARNING = f'{MAIN} [data-testid="stAlertContentWarning"]'


def _load_s(page: Page, url: str) -> float:
    start = time.perf_counter()
    page.goto(url)
    wait_rendered(page, 1)
    wait_until_idle(page)
    return time.perf_counter() - start


def test_three_thousand_junk_keys_in_saved_draw_one_warning_and_load_quickly(
    page: Page, app_url: str
) -> None:
    _load_s(page, app_url + "/compare")  # warm the server's caches
    plain = min(_load_s(page, app_url + "/compare") for _ in range(2))
    junk = "&".join(f"junk{i}=1" for i in range(3000))
    flooded = _load_s(page, f"{app_url}/compare?saved={quote('name=big&' + junk)}")
    warnings = page.locator(WARNING).all_inner_texts()
    assert len(warnings) == 1, warnings
    assert "and 2994 more" in warnings[0]
    assert len(warnings[0]) < 600
    assert flooded < 2 * plain + 1.0, (flooded, plain)  # a second of slack for a busy host


def test_more_parameters_than_streamlit_reads_give_a_message(page: Page, app_url: str) -> None:
    query = "pue=1.5&" + "&".join(f"j{i}=1" for i in range(1001))
    page.goto(f"{app_url}/?{query}")
    wait_rendered(page, 1)
    box = page.locator("#too-many-params")
    box.wait_for(state="visible")
    assert "1,002 parameters" in box.inner_text()
    page.goto(app_url + "/?pue=1.5")
    wait_rendered(page, 1)
    wait_until_idle(page)
    assert not page.locator("#too-many-params").is_visible()
