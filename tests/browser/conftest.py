"""Fixtures for the real-browser tests: one app server and one Chromium for the session.

The server is `streamlit run app.py` on a free port of 127.0.0.1, started once and
stopped at the end. The browser is Debian's chromium (/usr/bin/chromium) driven by the
playwright package; `playwright install` is never used. Screenshots go to a pytest
temporary folder, never into the repository.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from tests.browser.helpers import (
    CHROMIUM_ARGS,
    CHROMIUM_PATH,
    DESKTOP,
    ConsoleLog,
    start_server,
    stop_server,
    wait_rendered,
)


@pytest.fixture(scope="session")
def server_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the session server writes its output (shown when a test fails)."""
    return tmp_path_factory.mktemp("server") / "streamlit.log"


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Debian Chromium for the whole session."""
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM_PATH, args=list(CHROMIUM_ARGS))
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def app_url(server_log: Path, browser: Browser) -> Iterator[str]:
    """Base URL of one app server shared by every browser test, opened once at "/".

    The first visit goes to the home page so the other tests do not depend on which page
    they happen to open first: on a newly started server Streamlit runs a page of the
    `pages/` folder directly until app.py has called st.navigation once (see
    test_share_link_to_a_page_works_on_a_fresh_server, which checks that case itself).
    """
    proc, url = start_server(server_log)
    try:
        ctx = browser.new_context(viewport=DESKTOP)
        warm = ctx.new_page()
        warm.goto(url + "/")
        wait_rendered(warm, min_charts=1)
        ctx.close()
        yield url
    finally:
        stop_server(proc)


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    """A fresh browser context (own cookies and storage) with a desktop viewport."""
    ctx = browser.new_context(viewport=DESKTOP)
    yield ctx
    ctx.close()


@pytest.fixture
def console(context: BrowserContext, app_url: str) -> ConsoleLog:
    """Console errors and uncaught page errors from every page of `context`."""
    log = ConsoleLog(app_url)

    def watch(page: Page) -> None:
        page.on("console", lambda msg: log.add_console(msg))
        page.on("pageerror", lambda err: log.add_page_error(err))

    context.on("page", watch)
    return log


@pytest.fixture
def page(context: BrowserContext, console: ConsoleLog) -> Page:
    """A page in the test's context, watched by `console`."""
    return context.new_page()


@pytest.fixture(scope="session")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Folder for screenshots (pytest's temporary directory, not the repository)."""
    return tmp_path_factory.mktemp("screenshots")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """On a failed browser test, attach the end of the server log to the report."""
    outcome = yield
    report = outcome.get_result()
    if report.when == "call" and report.failed and "server_log" in item.funcargs:
        log_path = item.funcargs["server_log"]
        if isinstance(log_path, Path) and log_path.exists():
            tail = log_path.read_text(errors="replace")[-4000:]
            report.sections.append(("streamlit server log (tail)", tail))
