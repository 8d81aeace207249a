"""Two replicas behind deploy/'s nginx: when the replica serving a reader dies, the page
reconnects to the other one and the reader's scenario comes back from the address bar."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from deploy.serve import Cluster, kill_replica, serving
from tests.browser.helpers import (
    DESKTOP,
    drag_slider,
    open_expander,
    poll_until_equal,
    slider_label,
    slider_value,
    wait_rendered,
    wait_until_idle,
)

pytestmark = pytest.mark.browser

#: What Streamlit shows while the page has lost its server.
CONNECTING = '[data-testid="stConnectionStatus"]'
SCENARIO = {"pue": 1.5, "compute_growth": 3.0}


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    with serving(2) as running:
        yield running


def _numbers(page: Page) -> dict[str, float]:
    """The address bar's parameters, read as numbers (each key once)."""
    query = parse_qs(urlsplit(str(page.evaluate("location.href"))).query)
    return {key: float(values[0]) for key, values in query.items() if len(values) == 1}


def _replica_cookie(context: BrowserContext) -> str:
    return next(c["value"] for c in context.cookies() if c["name"] == "dashboard_replica")


def test_a_killed_replica_s_reader_gets_its_scenario_back_from_the_other(
    browser: Browser, cluster: Cluster
) -> None:
    context = browser.new_context(viewport=DESKTOP)
    try:
        page = context.new_page()
        page.goto(cluster.url + "/growth?pue=1.5&compute_growth=3")
        wait_rendered(page, 1)
        wait_until_idle(page)
        first = _replica_cookie(context)
        assert slider_value(page, "compute_growth") == 3.0

        kill_replica(cluster, first)
        page.wait_for_selector(CONNECTING)  # the page knows its server is gone
        page.wait_for_selector(CONNECTING, state="detached", timeout=30_000)
        wait_until_idle(page)
        assert _replica_cookie(context) != first
        assert cluster.replica(first).proc.poll() is not None  # type: ignore[union-attr]

        # The first thing the reader does on the new replica: move another slider.
        drag_slider(page, slider_label("hardware_efficiency_growth"), 1.4)
        moved = lambda: "hardware_efficiency_growth" in _numbers(page)  # noqa: E731
        assert poll_until_equal(page, moved, True)
        wait_until_idle(page)
        numbers = _numbers(page)
        assert {key: numbers.get(key) for key in SCENARIO} == SCENARIO
        assert numbers["hardware_efficiency_growth"] == slider_value(
            page, "hardware_efficiency_growth"
        )
        assert slider_value(page, "compute_growth") == 3.0
        open_expander(page, "Chips & facility")
        assert slider_value(page, "pue") == 1.5
    finally:
        context.close()
