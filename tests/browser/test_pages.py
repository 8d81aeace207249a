"""Every page in headless Chromium: it loads cleanly and requests nothing from other hosts,
a slider moved with the mouse changes a chart and a headline number, the share link
reproduces it, and it fits a phone.

To cover a new page or a different slider, add a row to SLIDER_CASES in
tests/browser/helpers.py (the benchmarks use the same table).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page

from model.scenario import INPUTS_BY_NAME
from tests.browser.helpers import (
    DESKTOP,
    EXCEPTION,
    MAIN,
    PHONE,
    SLIDER_CASES,
    ConsoleLog,
    SliderCase,
    chart_fingerprints,
    close_sidebar,
    drag_slider,
    open_expander,
    open_tab,
    poll_until_changed,
    poll_until_equal,
    slider_label,
    slider_value,
    start_server,
    stop_server,
    texts,
    wait_rendered,
    wait_until_idle,
)

pytestmark = pytest.mark.browser


@dataclass(frozen=True)
class AppPage:
    """A page of the app and how many charts it draws at the default scenario."""

    path: str
    min_charts: int


PAGES = (
    AppPage("/", 1),
    # One chart: only the open claim's tab is drawn (claim 1 first; claim 5's has the
    # right axis).
    AppPage("/claims", 1),
    AppPage("/claims?claim_tab=Claim+5", 1),
    # Six charts; the Monte Carlo's three more once uncertainty is on (off until asked).
    AppPage("/growth", 6),
    AppPage("/growth?show_bands=true", 9),
    AppPage("/train", 1),
    AppPage("/serve", 0),
    AppPage("/power", 0),
    AppPage("/compare", 0),
    AppPage("/methods", 0),
)


def page_id(case: AppPage | SliderCase) -> str:
    return case.path.strip("/").replace("?", "-") or "home"


def open_page(page: Page, url: str, min_charts: int) -> None:
    page.goto(url)
    wait_rendered(page, min_charts)


@pytest.mark.parametrize("case", PAGES, ids=page_id)
def test_page_loads_without_errors(
    page: Page, console: ConsoleLog, app_url: str, case: AppPage, shots: Path
) -> None:
    open_page(page, app_url + case.path, case.min_charts)
    page.screenshot(path=shots / f"{page_id(case)}-desktop.png", full_page=True)
    assert page.locator(EXCEPTION).count() == 0, texts(page, EXCEPTION)
    assert page.locator(f"{MAIN} h1").count() >= 1
    assert console.errors == []


@pytest.mark.parametrize("case", PAGES, ids=page_id)
def test_page_makes_no_request_to_another_host(page: Page, app_url: str, case: AppPage) -> None:
    """Visitors' browsers talk to the app's server only: no fonts, icons or scripts from
    elsewhere (a Material page icon used to fetch the favicon from fonts.gstatic.com)."""
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    open_page(page, app_url + case.path, case.min_charts)
    wait_until_idle(page)
    own = urlsplit(app_url).netloc
    elsewhere = [
        url
        for url in requested
        if urlsplit(url).scheme not in {"data", "blob"} and urlsplit(url).netloc != own
    ]
    assert requested, "no request was recorded at all"
    assert elsewhere == []


@pytest.mark.parametrize("case", SLIDER_CASES, ids=page_id)
def test_slider_moves_chart_and_headline_and_share_link_keeps_it(
    page: Page, console: ConsoleLog, browser: Browser, app_url: str, case: SliderCase
) -> None:
    open_page(page, app_url + case.path, 1 if case.has_chart else 0)
    if case.expander:
        open_expander(page, case.expander)
    if case.tab:
        open_tab(page, case.tab)
    before_value = slider_value(page, case.key)
    before_charts = chart_fingerprints(page)
    before_headline = texts(page, case.headline)

    drag_slider(page, slider_label(case.key), case.targets[0])
    # Streamlit updates the address bar with history.replaceState, which page.url and
    # wait_for_url do not always see: read location.href itself.
    page.wait_for_function("key => location.href.includes(key + '=')", arg=case.key)
    if case.has_chart:
        poll_until_changed(page, lambda: chart_fingerprints(page), before_charts)
    else:
        poll_until_changed(page, lambda: texts(page, case.headline), before_headline)
    wait_until_idle(page)
    # The slider moves no chart in or out: wait until plotly has drawn as many charts as
    # before (it can draw the last ones after the run has ended).
    poll_until_equal(page, lambda: len(chart_fingerprints(page)), len(before_charts))
    moved_value = slider_value(page, case.key)
    moved_charts = chart_fingerprints(page)
    # A grid redrawn with a new column (Compare & share's table) has no cells for a moment.
    moved_headline = poll_until_changed(page, lambda: texts(page, case.headline), [])

    # The drag landed near the target: within 3% of the slider's range (a track of about
    # 200 px puts one pixel at 0.5% of the range).
    spec = INPUTS_BY_NAME[case.key]
    assert moved_value != before_value
    assert abs(moved_value - case.targets[0]) <= 0.03 * (float(spec.max) - float(spec.min))
    if case.has_chart:
        assert moved_charts != before_charts, "no chart changed after the slider moved"
    assert moved_headline != before_headline, "no headline number changed"
    assert page.locator(EXCEPTION).count() == 0, texts(page, EXCEPTION)
    assert console.errors == []

    share_link = page.evaluate("location.href")  # page.url can miss pushState updates
    fresh = browser.new_context(viewport=DESKTOP)
    try:
        other = fresh.new_page()
        # Wait for every chart the moved page drew: Growth draws seven, and the Monte
        # Carlo ones come last on a fresh session (a busy CI machine took over 10 s).
        open_page(other, share_link, len(moved_charts) if case.has_chart else 0)
        wait_until_idle(other)
        if case.expander:
            open_expander(other, case.expander)
        if case.tab:
            open_tab(other, case.tab)
        assert slider_value(other, case.key) == moved_value
        # Elements can still be replaced just after a run ends: read until they settle.
        headline = poll_until_equal(other, lambda: texts(other, case.headline), moved_headline)
        assert headline == moved_headline
        charts = poll_until_equal(
            other, lambda: chart_fingerprints(other), moved_charts, timeout_ms=30_000
        )
        assert charts == moved_charts
    finally:
        fresh.close()


@pytest.mark.parametrize("case", PAGES, ids=page_id)
def test_phone_viewport_has_no_horizontal_overflow(
    browser: Browser, app_url: str, case: AppPage, shots: Path
) -> None:
    ctx = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True)
    try:
        page = ctx.new_page()
        open_page(page, app_url + case.path, case.min_charts)
        close_sidebar(page)
        page.screenshot(path=shots / f"{page_id(case)}-phone.png")
        widths = page.evaluate(
            """sel => {
                const main = document.querySelector(sel);
                return {doc: document.documentElement.scrollWidth, view: window.innerWidth,
                        main: main.scrollWidth, mainClient: main.clientWidth};
            }""",
            MAIN,
        )
        assert widths["doc"] <= widths["view"], widths
        assert widths["main"] <= widths["mainClient"], widths
        assert page.locator(EXCEPTION).count() == 0
    finally:
        ctx.close()


def test_share_link_to_a_page_works_on_a_fresh_server(browser: Browser, tmp_path: Path) -> None:
    """The first visitor of a newly started server may arrive by a link to any page."""
    proc, url = start_server(tmp_path / "fresh.log")
    try:
        ctx = browser.new_context(viewport=DESKTOP)
        try:
            page = ctx.new_page()
            page.goto(f"{url}/growth?compute_growth=5")
            page.wait_for_selector(f"{MAIN} h1, {EXCEPTION}", timeout=30_000)
            wait_until_idle(page)
            assert page.locator(EXCEPTION).count() == 0, texts(page, EXCEPTION)
            assert slider_value(page, "compute_growth") == 5.0
        finally:
            ctx.close()
    finally:
        stop_server(proc)
