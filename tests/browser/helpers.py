"""What the browser tests and the benchmarks share: launching Chromium, reading the app's
state out of the page, and moving a sidebar slider with the mouse.

Selectors follow Streamlit 1.67's DOM: a slider is `[data-testid="stSlider"]` holding a
visually hidden `<input type="range">` whose grandparent is the thumb and whose
great-grandparent is the track; charts are `.js-plotly-plot` inside
`[data-testid="stPlotlyChart"]`; metrics are `[data-testid="stMetricValue"]`.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from playwright.sync_api import ConsoleMessage, Error, Locator, Page, ViewportSize

from deploy.serve import streamlit_command
from model.scenario import INPUTS_BY_NAME
from ui.sidebar import widget_label

REPO = Path(__file__).resolve().parents[2]
#: Seconds to wait for `streamlit run` to answer its health check.
SERVER_START_TIMEOUT_S = 60.0
CHROMIUM_PATH = "/usr/bin/chromium"
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
T = TypeVar("T")

DESKTOP: ViewportSize = {"width": 1400, "height": 900}
PHONE: ViewportSize = {"width": 390, "height": 844}
#: Milliseconds to wait for a page or a rerun (a cold page draws 10,000 Monte Carlo samples).
RENDER_TIMEOUT_MS = 30_000

MAIN = '[data-testid="stMain"]'
CHARTS = f'{MAIN} [data-testid="stPlotlyChart"] .js-plotly-plot'
#: The sidebar's link to each page (ui/url.page_links: each carries the scenario's link).
NAV_LINK = '[data-testid="stSidebar"] [data-testid="stPageLink-NavLink"]'
EXCEPTION = '[data-testid="stException"]'
METRIC_VALUES = f'{MAIN} [data-testid="stMetricValue"]'
#: The answer's sentences (the run, all of AI, the wall), drawn as level-4 headings.
SUBHEADERS = f"{MAIN} h4"
TABLE_CELLS = f'{MAIN} [data-testid="stTable"] td'
#: Cells of an st.dataframe grid (the Compare & share table).
DATAFRAME_CELLS = f'{MAIN} [data-testid="stDataFrame"] [role="gridcell"]'

#: A fingerprint per chart on the page: the JSON of the traces plotly.js drew
#: (typed arrays, which plotly.py 6+ sends for numeric columns, turned into lists).
CHART_DATA_JS = """
() => Array.from(document.querySelectorAll(arguments_selector)).map(gd =>
  JSON.stringify(gd.data || [], (k, v) => ArrayBuffer.isView(v) ? Array.from(v) : v))
"""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_healthy(url: str, proc: subprocess.Popen[bytes], timeout_s: float) -> None:
    """Poll Streamlit's health endpoint until it answers 'ok' or the process dies."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with code {proc.returncode} before serving")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
                if resp.read().strip() == b"ok":
                    return
        except OSError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"streamlit did not answer at {url} within {timeout_s} s")


def launch_server(
    script: str, log_path: Path, port: int | None = None
) -> tuple[subprocess.Popen[bytes], str]:
    """Start `streamlit run script` on `port` (a free local one if None); return the
    process and its URL.

    Returns as soon as the process is spawned; call `wait_healthy` before using it.
    """
    port = port or free_port()
    cmd = streamlit_command(script, port)
    with log_path.open("ab") as log:
        proc = subprocess.Popen(cmd, cwd=REPO, stdout=log, stderr=subprocess.STDOUT, env=os.environ)
    return proc, f"http://127.0.0.1:{port}"


def start_server(
    log_path: Path, script: str = "app.py", port: int | None = None
) -> tuple[subprocess.Popen[bytes], str]:
    """Start the app (or `script`) and wait until it serves; return the process and URL."""
    proc, url = launch_server(script, log_path, port)
    try:
        wait_healthy(url, proc, SERVER_START_TIMEOUT_S)
    except RuntimeError:
        stop_server(proc)
        raise
    return proc, url


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    """Stop a server started here (by its own process handle, nothing else)."""
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


def chart_fingerprints(page: Page) -> list[str]:
    """The data of every plotly chart in the main area, one JSON string per chart."""
    js = CHART_DATA_JS.replace("arguments_selector", repr(CHARTS))
    return list(page.evaluate(js))


def texts(page: Page, selector: str) -> list[str]:
    """Inner text of every element matching `selector`, in page order."""
    return [t.strip() for t in page.locator(selector).all_inner_texts()]


def wait_rendered(page: Page, min_charts: int = 0, timeout_ms: int = RENDER_TIMEOUT_MS) -> None:
    """Wait until the script run has finished and `min_charts` charts have been drawn.

    Streamlit marks a finished run by removing its running indicator; plotly marks a
    drawn chart by giving its div a `data` array.
    """
    page.wait_for_selector(f"{MAIN} h1", timeout=timeout_ms)
    page.wait_for_function(
        """([sel, n]) => {
            const running = document.querySelector('[data-testid="stStatusWidget"]');
            const drawn = Array.from(document.querySelectorAll(sel)).filter(g => g.data);
            return !running && drawn.length >= n;
        }""",
        arg=[CHARTS, min_charts],
        timeout=timeout_ms,
    )


#: True once the text of every chart (titles, ticks, legends) has kept its place for
#: `frames` animation frames in a row: plotly lays text out again after its first draw
#: (automargins), so a chart that has data may still be moving its labels.
_TEXT_SETTLED_JS = """([sel, frames]) => {
    const boxes = Array.from(document.querySelectorAll(sel + ' svg text')).map(t => {
        const r = t.getBoundingClientRect();
        return [r.x, r.y, r.width, r.height].map(Math.round).join(',');
    }).join(';');
    const same = boxes === window.__chartText;
    window.__chartText = boxes;
    window.__chartTextSame = same ? (window.__chartTextSame || 0) + 1 : 0;
    return window.__chartTextSame >= frames;
}"""


def wait_for_chart_text(page: Page, frames: int = 10, timeout_ms: int = RENDER_TIMEOUT_MS) -> None:
    """Wait until every chart's text has stopped moving (checked once per animation frame)."""
    page.wait_for_function(
        _TEXT_SETTLED_JS, arg=[CHARTS, frames], polling="raf", timeout=timeout_ms
    )


def wait_until_idle(page: Page, quiet_ms: int = 300, timeout_ms: int = RENDER_TIMEOUT_MS) -> None:
    """Wait until no script run has been in progress for `quiet_ms` in a row."""
    deadline = time.monotonic() + timeout_ms / 1000
    quiet_since: float | None = None
    while time.monotonic() < deadline:
        running = page.locator('[data-testid="stStatusWidget"]').count() > 0
        now = time.monotonic()
        if running:
            quiet_since = None
        elif quiet_since is None:
            quiet_since = now
        elif (now - quiet_since) * 1000 >= quiet_ms:
            return
        page.wait_for_timeout(50)
    raise TimeoutError(f"the app was still running after {timeout_ms} ms")


def poll_until_changed(
    page: Page, read: Callable[[], T], old: T, timeout_ms: int = RENDER_TIMEOUT_MS
) -> T:
    """Call `read` every 50 ms until it returns something other than `old` (or time out).

    Returns the last value read; the caller asserts on it, so a timeout reads as a plain
    test failure ("no chart changed") rather than a timeout error.
    """
    deadline = time.monotonic() + timeout_ms / 1000
    value = read()
    while value == old and time.monotonic() < deadline:
        page.wait_for_timeout(50)
        value = read()
    return value


def poll_until_equal(page: Page, read: Callable[[], T], want: T, timeout_ms: int = 10_000) -> T:
    """Call `read` every 50 ms until it returns `want` (or time out); return the last value.

    The caller asserts on the result, so a timeout reads as a plain mismatch.
    """
    deadline = time.monotonic() + timeout_ms / 1000
    value = read()
    while value != want and time.monotonic() < deadline:
        page.wait_for_timeout(50)
        value = read()
    return value


def open_tab(page: Page, label: str) -> None:
    """Click the tab `label` of the main area and wait until its panel shows."""
    page.locator(f'{MAIN} [role="tab"]', has_text=label).first.click()
    page.wait_for_function(
        """label => Array.from(document.querySelectorAll('[role="tab"]')).some(
            t => t.textContent.includes(label) && t.getAttribute('aria-selected') === 'true')""",
        arg=label,
        timeout=RENDER_TIMEOUT_MS,
    )


def slider_label(key: str) -> str:
    """The sidebar label of an input, as ui.sidebar writes it (with its unit)."""
    return widget_label(INPUTS_BY_NAME[key])


def sidebar_slider(page: Page, label: str) -> Locator:
    """The `stSlider` block in the sidebar whose label reads `label`."""
    return (
        page.locator('[data-testid="stSidebar"] [data-testid="stSlider"]')
        .filter(has=page.get_by_label(label, exact=True))
        .first
    )


#: Any input widget of the sidebar.
INPUT_WIDGETS = '[data-testid="stSlider"], [data-testid="stSelectbox"], [data-testid="stCheckbox"]'


def open_expander(page: Page, title: str) -> None:
    """Open the sidebar expander `title` if it is closed, and wait for its inputs (a
    closed group draws none: opening it reruns the app, which draws them)."""
    details = page.locator('[data-testid="stSidebar"] [data-testid="stExpander"] details').filter(
        has=page.locator("summary", has_text=title)
    )
    if details.get_attribute("open") is None:
        details.locator("summary").click()
        page.wait_for_function(
            "el => el.open", arg=details.element_handle(), timeout=RENDER_TIMEOUT_MS
        )
    details.locator(INPUT_WIDGETS).first.wait_for(timeout=RENDER_TIMEOUT_MS)


def close_sidebar(page: Page) -> None:
    """Collapse the sidebar if it is open (a phone starts with it closed; a reader opens
    it over the page). Streamlit 1.67 marks the state in `data-collapsed` (the sidebar has
    no aria-expanded)."""
    sidebar = page.locator('[data-testid="stSidebar"]')
    if sidebar.get_attribute("data-collapsed") == "false":
        sidebar.hover()
        page.locator('[data-testid="stSidebarCollapseButton"] button').click()
        # Collapsed, and its slide-out transition over (no animation left on it or inside).
        page.wait_for_function(
            """el => el.getAttribute('data-collapsed') === 'true'
                && el.getAnimations({subtree: true}).length === 0""",
            arg=sidebar.element_handle(),
            timeout=RENDER_TIMEOUT_MS,
        )


def slider_value(page: Page, key: str) -> float:
    """The value the slider `key` shows now."""
    block = sidebar_slider(page, slider_label(key))
    return float(block.locator('input[type="range"]').input_value())


#: Where a slider's thumb and track are on screen, and its range, from its range input
#: (shared with bench/load.py, which drags with playwright's async API).
THUMB_BOX_JS = """input => {
    const thumb = input.parentElement.parentElement;
    const track = thumb.parentElement;
    const t = thumb.getBoundingClientRect(), r = track.getBoundingClientRect();
    return {x: t.x + t.width / 2, y: t.y + t.height / 2,
            left: r.x, width: r.width,
            min: Number(input.min), max: Number(input.max)};
}"""


def _thumb_box(block: Locator) -> dict[str, Any]:
    """Where the slider's thumb and track are on screen, and the slider's range."""
    box: dict[str, Any] = block.locator('input[type="range"]').evaluate(THUMB_BOX_JS)
    return box


def drag_slider(page: Page, label: str, target: float, release: bool = True) -> None:
    """Drag the thumb of the sidebar slider `label` with the mouse to `target`.

    Arrow keys move the thumb but do not commit the value in Streamlit 1.67, so the test
    presses the mouse on the thumb, moves it in small steps and releases it, as a person
    would. The value lands on the nearest step the track's pixels allow. With
    `release=False` the mouse button stays down (the caller releases it, e.g. to time it).
    """
    block = sidebar_slider(page, label)
    block.scroll_into_view_if_needed()
    # An expander that has just opened (or the sidebar scrolling) still moves the slider
    # for a few hundred ms: measure until two readings 100 ms apart agree.
    box = _thumb_box(block)
    for _ in range(30):
        page.wait_for_timeout(100)
        again = _thumb_box(block)
        if again == box:
            break
        box = again
    fraction = (target - box["min"]) / (box["max"] - box["min"])
    if not 0.0 <= fraction <= 1.0:
        raise ValueError(f"{target} is outside {label}'s range {box['min']}-{box['max']}")
    page.mouse.move(box["x"], box["y"])
    page.mouse.down()
    page.mouse.move(box["left"] + fraction * box["width"], box["y"], steps=8)
    if release:
        page.mouse.up()


@dataclass(frozen=True)
class SliderCase:
    """A sidebar slider to drag on a page, and where its effect shows.

    `targets` are values to drag to in turn (the tests use the first; the benchmark
    cycles through them); `expander` is the sidebar group to open first (None when the
    page opens it already); `headline` selects the headline numbers that must change.
    """

    path: str
    key: str
    targets: tuple[float, ...]
    expander: str | None
    headline: str
    #: A tab of the page to open before reading the headline (None: the first tab).
    tab: str | None = None
    #: False for a page that draws no chart (then only the headline must change).
    has_chart: bool = True


#: PUE values to drag to, away from the 1.2 default (each drag to a new value).
PUE_TARGETS = (1.6, 1.3, 1.7, 1.4, 1.8, 1.5, 1.9)

#: One row per page: to cover a new page, add its row here (tests and bench use it).
SLIDER_CASES = (
    # Compute growth moves the years each step holds the run and the 2030 run (the answer
    # and the metrics), and the largest run's line on the power chart; each target draws
    # a different chart.
    SliderCase(
        "/",
        "compute_growth",
        (3.5, 2.5, 4.5, 3.0, 3.8, 2.2, 3.2),
        None,
        f"{SUBHEADERS}, {METRIC_VALUES}",
    ),
    # Compute growth moves claim 3's average growth and claim 1's run energy (numbers
    # shown as metrics) and their charts.
    SliderCase(
        "/claims",
        "compute_growth",
        (3.5, 2.5, 4.5, 3.0, 3.8, 2.2, 3.2),
        None,
        METRIC_VALUES,
    ),
    # Chip efficiency growth moves how much power AI's chips need: from 1.4x a year on
    # there is no wall, below it the share of compute power costs AI changes (the wall
    # sentence), and the fleet and power charts move.
    SliderCase(
        "/growth",
        "hardware_efficiency_growth",
        (1.4, 1.2, 1.45, 1.25, 1.5, 1.22, 1.35),
        None,
        SUBHEADERS,
    ),
    # PUE 1.2 -> ~1.6 scales the facility energy by 1.6 / 1.2 = 1.33 (Energy metric)
    # and moves the red star of the runs chart up.
    SliderCase("/train", "pue", PUE_TARGETS, "Chips & facility", METRIC_VALUES),
    # Serving utilization 0.20 -> ~0.5 divides GPU-seconds per query by ~2.5: the
    # energy-per-query metric falls and the star on the per-query chart moves left.
    SliderCase(
        "/serve",
        "inference_utilization",
        (0.5, 0.3, 0.6, 0.35, 0.7, 0.4, 0.75),
        None,
        METRIC_VALUES,
    ),
    # Large nuclear weight 9 -> ~60 raises the nuclear bar of the mix chart and lowers
    # the mix's carbon intensity metric (nuclear's lifecycle gCO2e/kWh is far below coal's).
    SliderCase(
        "/power",
        "mix_nuclear_large",
        (60.0, 30.0, 70.0, 40.0, 80.0, 50.0, 90.0),
        None,
        METRIC_VALUES,
    ),
    # PUE 1.2 -> ~1.6 raises the largest run's power and all-AI demand: the current
    # scenario's row of the headline table and its line in the overlay chart move.
    SliderCase("/compare", "pue", PUE_TARGETS, "Chips & facility", DATAFRAME_CELLS),
    # The assumptions table shows each input's current setting beside its default.
    SliderCase(
        "/methods",
        "pue",
        PUE_TARGETS,
        "Chips & facility",
        TABLE_CELLS,
        tab="Assumptions",
        has_chart=False,
    ),
)


@dataclass
class ConsoleLog:
    """Console errors and uncaught exceptions that come from the app.

    Ignored, because it is not the app's doing: a 404 for `<app>/<page>/_stcore/health` or
    `/_stcore/host-config`. When a page is opened at a path such as /growth, Streamlit's
    frontend first tries that path as the server's base URL, gets a 404, and then uses
    the root; the app works either way.
    """

    app_url: str
    errors: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)

    def is_noise(self, text: str, url: str) -> bool:
        """True for the console errors listed in the class docstring.

        A resource from another host is not noise: the app requests none
        (test_page_makes_no_request_to_another_host).
        """
        if not text.startswith("Failed to load resource") or not url.startswith(self.app_url):
            return False
        path = url[len(self.app_url) :]
        probe = path.endswith("/_stcore/health") or path.endswith("/_stcore/host-config")
        return probe and "404" in text and path.count("/") >= 3

    def add_console(self, msg: ConsoleMessage) -> None:
        """Record `msg` if it is an error from the app (see `is_noise`)."""
        if msg.type != "error":
            return
        url = str(msg.location.get("url", ""))
        line = f"{msg.text} ({url})"
        (self.ignored if self.is_noise(msg.text, url) else self.errors).append(line)

    def add_page_error(self, err: Error) -> None:
        """Record an uncaught exception thrown in the page; these always count."""
        self.errors.append(f"uncaught: {err.message}")


def show_toolbar(page: Page, chart: Locator, phone: bool) -> None:
    """Bring plotly's toolbar of `chart` into view, as a reader sees it: a touch phone
    always shows it; a desktop shows it while the pointer is over the chart."""
    chart.scroll_into_view_if_needed()
    if not phone:
        chart.hover()
    page.wait_for_function(
        "el => getComputedStyle(el.querySelector('.modebar')).opacity === '1'",
        arg=chart.element_handle(),
    )
