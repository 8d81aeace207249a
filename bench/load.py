"""Many readers at once: slider-to-chart time, server memory and CPU under load, against the
plain page (bench/baseline_app.py) under the same load, on 1 and 2 replicas behind nginx.

Run on demand from the repository root, after `bash scripts/test.sh` (not part of CI)::

    python bench/load.py                          # N = 1, 5, 20, 50 on 1 and 2 replicas
    python bench/load.py --readers 5,20 --replicas 2 --seconds 20
    python bench/load.py --json /tmp/load.json    # the figures as JSON too
    python bench/load.py --client protocol --readers 1,5,20,50,100  # no Chromium

deploy/serve.py starts, for each replica count, the app and the plain page, each as that
many `streamlit run` processes behind their own nginx; all run from start to end (an idle
one costs memory, not CPU). One headless Chromium holds every reader, each in its own
browser context (its own cookies, so the balancer spreads them over the replicas). For
each N, and each replica count in turn: N readers open the app's home page, each with its
own scenario in the link (a PUE and a chip efficiency growth no other reader has), and
every `--interval` seconds each drags the frontier compute growth slider to a value it has
not used before, alternately low and high; then N readers do the same on the plain page.
Taking the replica counts in turn for each N puts a busy spell of the machine on all of
them rather than on one.
A drag is timed from releasing the mouse to the first chart whose drawn data differ (as in
bench/run.py); a drag with no changed chart within 20 s counts as missed.

After each phase every app reader's address bar is read as numbers: its PUE and efficiency
growth must be its own, and the compute growth must equal what its slider shows (the
isolation check). Server memory is the peak of the replicas' summed resident memory, read
from /proc once a second; CPU is user + system time from /proc, split into the servers
(replicas and nginx), the client (Chromium and playwright) and every other process of the
machine (the rest of /proc/stat's busy time), as a percentage of one core (200% is both
cores of a 2-core machine).

Two more phases, on the app only:

- hostile (`--hostile-at N`): N readers as above, plus two that keep opening bad links (a
  value that is not a number, more than 1,000 parameters) and a link over the balancer's
  16 kB request line. Each must get its message (the app's warning, the browser's note,
  nginx's 414) and the others' times are compared with the plain N-reader phase.
- kill (`--kill-at N`, 2 or more replicas): a third of the way through, replica r1 gets
  SIGKILL, the supervisor of deploy/serve.py restarts it, and its readers reconnect
  through nginx. At the end each reader must pass the isolation check and have seen a
  changed chart after the kill; the readers of r1 that do "survived".

The machine running this is both client and server: on 2 cores, Chromium drawing N pages
takes most of the CPU from N = 5 on, so every time here includes waiting for a core, and
the app's pages (several charts) cost the client far more than the plain page's one. The
client's CPU share is printed beside each row to show how much. `--client protocol` puts
the servers under the same load without Chromium: each reader is bench/ws_reader.py, a
websocket that asks for the same runs as the browser and draws nothing (about 2% of a
core for 50 readers). Its time runs from sending the new value to receiving the first
chart that differs; its isolation check reads every run's new link (no hostile or kill
phase: those need a browser).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import random
import statistics
import sys
import time
from collections.abc import Callable, Coroutine, Iterator
from contextlib import ExitStack, suppress
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as `python bench/load.py`: make the repo importable
    sys.path.insert(0, str(ROOT))

from playwright.async_api import Browser, BrowserContext, Page, async_playwright  # noqa: E402
from playwright.async_api import Error as PlaywrightError  # noqa: E402

from bench import ws_reader  # noqa: E402
from bench.run import ARM_JS, BASELINE_KEY, BASELINE_LABEL, BASELINE_SCRIPT, CHANGED_JS  # noqa: E402
from deploy.serve import MAX_REQUEST_LINE_BYTES, Cluster, serving, supervising  # noqa: E402
from model.scenario import INPUTS_BY_NAME  # noqa: E402
from tests.browser.helpers import (  # noqa: E402
    CHARTS,
    CHROMIUM_ARGS,
    CHROMIUM_PATH,
    DESKTOP,
    MAIN,
    THUMB_BOX_JS,
    slider_label,
)

#: The slider every app reader drags, on the home page (its group is open there).
DRAGGED = "compute_growth"
#: Milliseconds to wait for a changed chart before the drag counts as missed.
CHANGE_TIMEOUT_MS = 20_000
#: Milliseconds to wait for a reader's page to open and draw (50 pages open at once).
OPEN_TIMEOUT_MS = 180_000
#: Pages opening at the same time while a phase starts.
OPEN_CONCURRENCY = 4
#: Milliseconds between two reads of "has a chart changed" in each page (not per frame:
#: Chromium may not draw frames for every one of 50 pages).
POLL_MS = 20
CLOCK_TICKS_PER_S = os.sysconf("SC_CLK_TCK")
PAGE_SIZE_BYTES = os.sysconf("SC_PAGE_SIZE")
WARNING = f'{MAIN} [data-testid="stAlertContentWarning"]'
#: Rendered: the run is over and a chart has data (tests/browser/helpers.wait_rendered).
RENDERED_JS = """sel => !document.querySelector('[data-testid="stStatusWidget"]')
    && document.querySelector('[data-testid="stMain"] h1')
    && Array.from(document.querySelectorAll(sel)).some(g => g.data)"""


@dataclass(frozen=True)
class Target:
    """What one phase's readers open and drag: the app or the plain page."""

    name: str
    label: str
    key: str
    #: Lowest value of the low and of the high drags (each reader alternates, 0.1 apart).
    low: float
    high: float
    own_scenario: bool


APP = Target("app", slider_label(DRAGGED), DRAGGED, 2.0, 3.4, True)  # below 5x: the chart moves
PLAIN = Target("plain", BASELINE_LABEL, BASELINE_KEY, 2.0, 6.0, False)


def drag_value(target: Target, k: int) -> float:
    """The value of a reader's `k`-th drag: low and high in turn, 20 values before one
    comes back (a 30 s phase at one drag per 2 s uses 15)."""
    base = target.low if k % 2 == 0 else target.high
    return round(base + 0.1 * ((k // 2) % 10), 1)


def reader_scenario(index: int) -> dict[str, float]:
    """The inputs of the `index`-th app reader of a run: no two alike up to 5,600, and none
    at its default (which the link would leave out)."""
    return {
        "pue": round(1.21 + 0.01 * (index % 79), 2),
        "hardware_efficiency_growth": round(1.29 + 0.01 * (index // 79), 2),
    }


def linked_value(numbers: dict[str, float], key: str) -> float:
    """An input's value in a link read as numbers: the default if the link leaves it out."""
    return numbers.get(key, float(INPUTS_BY_NAME[key].default))


@dataclass
class Reader:
    """One browser context on one page, with the scenario it opened."""

    context: BrowserContext
    page: Page
    scenario: dict[str, float]
    replica: str = ""
    changes: list[tuple[float, float]] = field(default_factory=list)  # (at, seconds)
    missed: int = 0
    #: Missed drags after which the slider no longer showed the value it was dropped at.
    reverted: int = 0
    drags: int = 0
    #: What the isolation check found, if it failed.
    not_own: str = ""


# --- measuring the processes --------------------------------------------------------------


def _stat_fields(pid: int) -> list[str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text[text.rindex(")") + 2 :].split()


def descendants(pid: int) -> set[int]:
    """Every process below `pid` (from /proc's parent ids)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            fields = _stat_fields(int(entry.name))
            if fields:
                children.setdefault(int(fields[1]), []).append(int(entry.name))
    found: set[int] = set()
    todo = [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def cpu_s(pids: set[int]) -> dict[int, float]:
    """User + system CPU seconds of each live process of `pids`."""
    out = {}
    for pid in pids:
        fields = _stat_fields(pid)
        if fields:
            out[pid] = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS_PER_S
    return out


def rss_mb(pids: set[int]) -> float:
    """Summed resident memory of `pids`. [MB]"""
    total = 0
    for pid in pids:
        with suppress(OSError, IndexError):
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1])
    return total * PAGE_SIZE_BYTES / 1e6


def server_pids(cluster: Cluster) -> tuple[set[int], set[int]]:
    """The replicas' process ids, and nginx's (master and workers)."""
    replicas = {r.proc.pid for r in cluster.replicas if r.proc is not None}
    nginx = set() if cluster.nginx is None else {cluster.nginx.pid} | descendants(cluster.nginx.pid)
    return replicas, nginx


@dataclass
class Usage:
    """CPU seconds used during a phase, and the peak memory seen."""

    server_cpu_s: float = 0.0
    client_cpu_s: float = 0.0
    #: Every other process of the machine (other people's work on a shared host).
    other_cpu_s: float = 0.0
    replicas_rss_peak_mb: float = 0.0
    nginx_rss_peak_mb: float = 0.0
    client_rss_peak_mb: float = 0.0


class UsageMeter:
    """Samples /proc once a second while a phase runs (a task on the event loop): the
    servers of `measured`, and the client (this process's other descendants, but the
    servers of `idle`)."""

    def __init__(self, measured: Cluster, idle: list[Cluster]) -> None:
        self.measured = measured
        self.idle = idle
        self.usage = Usage()
        self.start: dict[int, float] = {}
        self.last: dict[int, float] = {}
        self.servers: set[int] = set()

    def _sample(self) -> None:
        replicas, nginx = server_pids(self.measured)
        self.servers |= replicas | nginx
        others: set[int] = set()
        for cluster in self.idle:
            others = others.union(*server_pids(cluster))
        client = ({os.getpid()} | descendants(os.getpid())) - replicas - nginx - others
        first = not self.start
        for pid, seconds in cpu_s(replicas | nginx | client).items():
            # A process that appears later (a renderer, a restarted replica) counts whole.
            self.start.setdefault(pid, seconds if first else 0.0)
            self.last[pid] = seconds
        u = self.usage
        u.replicas_rss_peak_mb = max(u.replicas_rss_peak_mb, rss_mb(replicas))
        u.nginx_rss_peak_mb = max(u.nginx_rss_peak_mb, rss_mb(nginx))
        u.client_rss_peak_mb = max(u.client_rss_peak_mb, rss_mb(client))

    async def run(self, stop: asyncio.Event) -> Usage:
        busy_s = machine_busy_s()
        self._sample()
        while not stop.is_set():
            with suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=1.0)
            self._sample()
        busy_s = machine_busy_s() - busy_s
        used = {pid: self.last[pid] - self.start[pid] for pid in self.last}
        u = self.usage
        u.server_cpu_s = sum(v for p, v in used.items() if p in self.servers)
        u.client_cpu_s = sum(v for p, v in used.items() if p not in self.servers)
        u.other_cpu_s = max(0.0, busy_s - u.server_cpu_s - u.client_cpu_s)
        return u


def machine_busy_s() -> float:
    """CPU seconds all cores have spent busy since boot (/proc/stat: all but idle and
    iowait)."""
    ticks = [int(x) for x in Path("/proc/stat").read_text().split("\n")[0].split()[1:9]]
    return (sum(ticks) - ticks[3] - ticks[4]) / CLOCK_TICKS_PER_S


# --- one reader ---------------------------------------------------------------------------


async def wait_idle(page: Page, quiet_ms: int = 300, timeout_ms: int = 60_000) -> None:
    """Wait until no script run has been in progress for `quiet_ms` in a row."""
    deadline = time.monotonic() + timeout_ms / 1000
    quiet_since: float | None = None
    while time.monotonic() < deadline:
        running = await page.locator('[data-testid="stStatusWidget"]').count() > 0
        now = time.monotonic()
        if running:
            quiet_since = None
        elif quiet_since is None:
            quiet_since = now
        elif (now - quiet_since) * 1000 >= quiet_ms:
            return
        await asyncio.sleep(0.05)


async def drag(page: Page, label: str, target: float) -> None:
    """Press the mouse on slider `label`'s thumb and move it to `target`, leaving the
    button down (tests/browser/helpers.drag_slider, with the async API)."""
    block = (
        page.locator('[data-testid="stSidebar"] [data-testid="stSlider"]')
        .filter(has=page.get_by_label(label, exact=True))
        .first
    )
    await block.scroll_into_view_if_needed()
    box = await block.locator('input[type="range"]').evaluate(THUMB_BOX_JS)
    for _ in range(30):  # until the slider has stopped moving (an opening expander)
        await asyncio.sleep(0.1)
        again = await block.locator('input[type="range"]').evaluate(THUMB_BOX_JS)
        if again == box:
            break
        box = again
    fraction = (target - box["min"]) / (box["max"] - box["min"])
    await page.mouse.move(box["x"], box["y"])
    await page.mouse.down()
    await page.mouse.move(box["left"] + fraction * box["width"], box["y"], steps=8)


async def timed_drag(page: Page, label: str, target: float) -> float | None:
    """Seconds from releasing a drag to a changed chart; None if none changed in time."""
    await page.evaluate(ARM_JS, CHARTS)
    await drag(page, label, target)
    t0 = time.perf_counter()
    await page.mouse.up()
    try:
        await page.wait_for_function(
            CHANGED_JS, arg=CHARTS, polling=POLL_MS, timeout=CHANGE_TIMEOUT_MS
        )
    except PlaywrightError:
        return None
    return time.perf_counter() - t0


async def shown_value(page: Page, label: str) -> float:
    """The value the sidebar slider `label` shows."""
    block = (
        page.locator('[data-testid="stSidebar"] [data-testid="stSlider"]')
        .filter(has=page.get_by_label(label, exact=True))
        .first
    )
    return float(await block.locator('input[type="range"]').input_value())


async def drag_once(reader: Reader, target: Target) -> bool:
    """The reader's next drag, recorded; True if a chart changed."""
    value = drag_value(target, reader.drags)
    reader.drags += 1
    try:
        await wait_idle(reader.page)
        elapsed = await timed_drag(reader.page, target.label, value)
        if elapsed is None and abs(await shown_value(reader.page, target.label) - value) > 0.051:
            reader.reverted += 1
    except PlaywrightError:
        elapsed = None  # e.g. the page is reconnecting
    if elapsed is None:
        reader.missed += 1
        return False
    reader.changes.append((time.monotonic(), elapsed))
    return True


async def drive(reader: Reader, target: Target, end: float, interval_s: float) -> None:
    """Drag every `interval_s` (after the last drag is drawn) until `end`."""
    await asyncio.sleep(random.uniform(0, interval_s))  # readers out of step
    while time.monotonic() < end:
        tick = time.monotonic()
        await drag_once(reader, target)
        await asyncio.sleep(max(0.0, tick + interval_s - time.monotonic()))


def link_numbers(href: str) -> dict[str, float]:
    """The link's parameters read as numbers (those given once and numeric)."""
    out = {}
    for key, values in parse_qs(urlsplit(href).query).items():
        try:
            out[key] = float(values[0]) if len(values) == 1 else math.nan
        except ValueError:
            out[key] = math.nan
    return out


#: Seconds a reader's link and slider may take to agree after its last drag (a run can
#: still be on its way when a phase ends on a saturated machine).
SETTLE_S = 10.0


async def isolated(reader: Reader) -> bool:
    """True if the reader's address bar holds its own scenario and the compute growth its
    slider shows (numbers compared, not strings), within SETTLE_S; what differed is kept
    in `reader.not_own`."""
    deadline = time.monotonic() + SETTLE_S
    while True:
        await wait_idle(reader.page)
        numbers = link_numbers(reader.page.url)
        shown = await shown_value(reader.page, APP.label)
        linked = linked_value(numbers, DRAGGED)
        own = all(math.isclose(linked_value(numbers, k), v) for k, v in reader.scenario.items())
        if own and math.isclose(linked, shown):
            return True
        if time.monotonic() > deadline:
            reader.not_own = f"link {numbers}, slider {shown}, scenario {reader.scenario}"
            return False
        await asyncio.sleep(0.5)


async def open_reader(
    browser: Browser, url: str, scenario: dict[str, float], gate: asyncio.Semaphore
) -> Reader:
    """A new context with one page at `url` (+ the scenario's link), drawn."""
    async with gate:
        context = await browser.new_context(viewport=DESKTOP)
        page = await context.new_page()
        link = f"{url}/?{urlencode(scenario)}" if scenario else f"{url}/"
        await page.goto(link, timeout=OPEN_TIMEOUT_MS)
        await page.wait_for_function(RENDERED_JS, arg=CHARTS, timeout=OPEN_TIMEOUT_MS)
        cookies = await context.cookies()
        replica = next((c["value"] for c in cookies if c["name"] == "dashboard_replica"), "")
        return Reader(context, page, scenario, replica)


# --- hostile links ------------------------------------------------------------------------


def hostile_links(url: str) -> list[tuple[str, str]]:
    """(kind, link): a value that is not a number, more than 1,000 parameters, and a
    request line over the balancer's cap."""
    many = "&".join(f"j{i}=1" for i in range(1001))
    return [
        ("bad value", f"{url}/?pue=abc&compute_growth=3"),
        ("1,002 parameters", f"{url}/?pue=1.5&{many}"),
        ("over 16 kB", f"{url}/?pue=1.5&saved={'x' * MAX_REQUEST_LINE_BYTES}"),
    ]


async def got_message(page: Page, kind: str, link: str) -> bool:
    """Open `link` and wait for the message its kind should get."""
    response = await page.goto(link, timeout=OPEN_TIMEOUT_MS)
    if kind == "over 16 kB":
        text = await page.locator("body").inner_text()
        return response is not None and response.status == 414 and "too long" in text
    if kind == "bad value":
        warning = page.locator(WARNING).filter(has_text="abc")
        await warning.first.wait_for(timeout=OPEN_TIMEOUT_MS)
        return True
    await page.locator("#too-many-params").wait_for(state="visible", timeout=OPEN_TIMEOUT_MS)
    return True


async def hostile(
    browser: Browser, url: str, end: float, interval_s: float, counts: dict[str, list[int]]
) -> None:
    """Open the hostile links in turn, one every `interval_s`, until `end`; count [got
    the message, opened] of each kind."""
    context = await browser.new_context(viewport=DESKTOP)
    page = await context.new_page()
    k = random.randrange(3)
    try:
        while time.monotonic() < end:
            tick = time.monotonic()
            kind, link = hostile_links(url)[k % 3]
            try:
                ok = await got_message(page, kind, link)
            except PlaywrightError:
                ok = False
            tally = counts.setdefault(kind, [0, 0])
            tally[0] += int(ok)
            tally[1] += 1
            k += 1
            await asyncio.sleep(max(0.0, tick + interval_s - time.monotonic()))
    finally:
        await context.close()


# --- one phase ----------------------------------------------------------------------------


@dataclass
class Phase:
    """One row of the table."""

    page: str
    replicas: int
    readers: int
    kind: str  # "", "hostile" or "kill"
    seconds: float
    latencies_ms: list[float]
    missed: int
    isolated: int
    usage: Usage
    notes: dict[str, Any] = field(default_factory=dict)
    #: "browser" (Chromium pages) or "protocol" (bench/ws_reader.py).
    client: str = "browser"

    @property
    def drags(self) -> int:
        return len(self.latencies_ms) + self.missed

    def percentile_ms(self, p: int) -> float:
        if not self.latencies_ms:
            return math.nan
        if len(self.latencies_ms) == 1:
            return self.latencies_ms[0]
        return statistics.quantiles(self.latencies_ms, n=100, method="inclusive")[p - 1]


@dataclass
class Run:
    """Everything a phase needs from the run around it."""

    browser: Browser
    #: By page ("app" or "plain") and number of replicas.
    clusters: dict[tuple[str, int], Cluster]
    seconds: float
    interval_s: float
    next_index: Iterator[int]


async def open_readers(run: Run, url: str, target: Target, n: int) -> list[Reader]:
    gate = asyncio.Semaphore(OPEN_CONCURRENCY)
    scenarios = [
        reader_scenario(next(run.next_index)) if target.own_scenario else {} for _ in range(n)
    ]
    return list(await asyncio.gather(*(open_reader(run.browser, url, s, gate) for s in scenarios)))


#: Something that runs beside a phase's readers, from its start to its end (monotonic
#: seconds), and returns notes for its row.
During = Callable[[float, float, list[Reader]], Coroutine[Any, Any, dict[str, Any]]]


async def nothing(start: float, end: float, readers: list[Reader]) -> dict[str, Any]:
    return {}


async def phase(
    run: Run, target: Target, replicas: int, n: int, kind: str = "", during: During = nothing
) -> Phase:
    """Open `n` readers of `target` on `replicas` replicas, let them drag for run.seconds
    (and run `during` beside them), then check them and close them."""
    print(f"  {target.name}, {replicas} replica(s), N={n} {kind}", file=sys.stderr, flush=True)
    cluster = run.clusters[(target.name, replicas)]
    readers = await open_readers(run, cluster.url, target, n)
    stop = asyncio.Event()
    idle = [c for c in run.clusters.values() if c is not cluster]
    metering = asyncio.create_task(UsageMeter(cluster, idle).run(stop))
    start = time.monotonic()
    end = start + run.seconds
    side = asyncio.create_task(during(start, end, readers))
    await asyncio.gather(*(drive(r, target, end, run.interval_s) for r in readers))
    notes = await side
    elapsed = time.monotonic() - start
    stop.set()
    usage = await metering
    latencies_ms = [1000 * s for r in readers for _, s in r.changes]
    missed = sum(r.missed for r in readers)
    if any(r.reverted for r in readers):
        notes["reverted"] = sum(r.reverted for r in readers)
    if kind == "kill":
        notes |= await kill_outcome(readers, notes["killed"], notes.pop("killed_at"))
    checks = [await isolated(r) for r in readers] if target.own_scenario else []
    if not all(checks):
        notes["not_own"] = [r.not_own for r in readers if r.not_own]
    for r in readers:
        await r.context.close()
    return Phase(
        target.name, replicas, n, kind, elapsed, latencies_ms, missed, sum(checks), usage, notes
    )


async def protocol_drive(
    reader: ws_reader.ProtocolReader,
    target: Target,
    scenario: dict[str, float],
    end: float,
    interval_s: float,
    out: dict[str, Any],
) -> None:
    """bench/ws_reader.py's reader: a run with a new slider value every `interval_s` until
    `end`; each run's link is checked against the reader's scenario and the value sent."""
    await asyncio.sleep(random.uniform(0, interval_s))
    k = 0
    while time.monotonic() < end:
        tick = time.monotonic()
        value = drag_value(target, k)
        k += 1
        result = await ws_reader.rerun(reader, {target.key: value})
        out["received_bytes"] += result.received_bytes
        if result.to_changed_chart_s is None:
            out["missed"] += 1
        else:
            out["latencies_ms"].append(1000 * result.to_changed_chart_s)
        if target.own_scenario and not link_is_own(reader.query, scenario, value):
            out["not_own"] += 1
            out["examples"].append(f"sent {value}, link {reader.query!r}")
        await asyncio.sleep(max(0.0, tick + interval_s - time.monotonic()))


def k_runs(out: dict[str, Any]) -> int:
    """How many runs a protocol phase's readers asked for."""
    return len(out["latencies_ms"]) + int(out["missed"])


def link_is_own(query: str, scenario: dict[str, float], dragged: float) -> bool:
    """True if a link (query string) holds the scenario and the dragged value, as numbers."""
    numbers = link_numbers("?" + query)
    own = all(math.isclose(linked_value(numbers, k), v) for k, v in scenario.items())
    return own and math.isclose(linked_value(numbers, DRAGGED), dragged)


async def protocol_phase(run: Run, target: Target, replicas: int, n: int) -> Phase:
    """As `phase`, with bench/ws_reader.py's readers instead of browser pages."""
    print(f"  {target.name}, {replicas} replica(s), N={n} (protocol)", file=sys.stderr, flush=True)
    cluster = run.clusters[(target.name, replicas)]
    scenarios = [
        reader_scenario(next(run.next_index)) if target.own_scenario else {} for _ in range(n)
    ]
    readers = [(await ws_reader.open_reader(cluster.url, urlencode(s)))[0] for s in scenarios]
    stop = asyncio.Event()
    idle = [c for c in run.clusters.values() if c is not cluster]
    metering = asyncio.create_task(UsageMeter(cluster, idle).run(stop))
    out: dict[str, Any] = {
        "latencies_ms": [],
        "missed": 0,
        "not_own": 0,
        "examples": [],
        "received_bytes": 0,
    }
    start = time.monotonic()
    end = start + run.seconds
    await asyncio.gather(
        *(
            protocol_drive(r, target, s, end, run.interval_s, out)
            for r, s in zip(readers, scenarios, strict=True)
        )
    )
    elapsed = time.monotonic() - start
    stop.set()
    usage = await metering
    for r in readers:
        await r.ws.close()
    spread = [r.replica for r in readers]
    notes = {
        "not_own_runs": out["not_own"],
        "not_own_examples": out["examples"][:3],
        "kB_per_run": round(out["received_bytes"] / 1000 / max(1, k_runs(out)), 1),
        "on": {x: spread.count(x) for x in sorted(set(spread))},
    }
    own = n if out["not_own"] == 0 else 0
    return Phase(
        target.name,
        replicas,
        n,
        "",
        elapsed,
        out["latencies_ms"],
        out["missed"],
        own,
        usage,
        notes,
        client="protocol",
    )


def with_hostile_readers(run: Run, replicas: int) -> During:
    """Two readers opening hostile links beside the others."""

    async def during(start: float, end: float, readers: list[Reader]) -> dict[str, Any]:
        counts: dict[str, list[int]] = {}
        url = run.clusters[("app", replicas)].url
        links = (hostile(run.browser, url, end, run.interval_s, counts) for _ in range(2))
        await asyncio.gather(*links)
        return {"hostile": counts}

    return during


def with_a_kill(run: Run, replicas: int) -> During:
    """SIGKILL to the app's replica r1 a third of the way in, with deploy/serve.py's
    supervisor restarting it."""
    cluster = run.clusters[("app", replicas)]

    async def during(start: float, end: float, readers: list[Reader]) -> dict[str, Any]:
        with supervising(cluster) as restarted:
            await asyncio.sleep((end - start) / 3)
            victim = cluster.replicas[0]
            on_victim = sum(r.replica == victim.name for r in readers)
            killed_at = time.monotonic()
            if victim.proc is not None:
                victim.proc.kill()
            await asyncio.sleep(max(0.0, end - time.monotonic()))
            return {
                "killed": victim.name,
                "killed_at": killed_at,
                "readers_on_killed": on_victim,
                "restarts": list(restarted),
            }

    return during


async def survived(reader: Reader, killed_at: float) -> bool:
    """True if the reader is on a live session (a chart changed after the kill, in the
    phase or in up to two more drags now) and passes the isolation check."""
    for _ in range(2):
        if any(at > killed_at for at, _ in reader.changes):
            break
        await drag_once(reader, APP)
    return any(at > killed_at for at, _ in reader.changes) and await isolated(reader)


async def kill_outcome(readers: list[Reader], killed: str, killed_at: float) -> dict[str, Any]:
    """How the killed replica's readers fared (see `survived`)."""
    victims = [r for r in readers if r.replica == killed]
    in_phase = [r for r in victims if any(at > killed_at for at, _ in r.changes)]
    kept = [await survived(r, killed_at) for r in victims]
    now_on = []
    for r in victims:
        cookies = await r.context.cookies()
        now_on.append(next((c["value"] for c in cookies if c["name"] == "dashboard_replica"), ""))
    first_after = [min(at for at, _ in r.changes if at > killed_at) - killed_at for r in in_phase]
    return {
        "survived": sum(kept),
        "changed_in_phase_after_kill": len(in_phase),
        "now_on": {name: now_on.count(name) for name in sorted(set(now_on))},
        "first_change_after_kill_s": sorted(round(s, 1) for s in first_after),
        "reverted_drags": sum(r.reverted for r in victims),
    }


async def warm(run: Run) -> None:
    """Open each replica's home page once (a fresh server runs deep links differently until
    app.py has run once, see tests/browser/conftest.py) and draw it."""
    for cluster in run.clusters.values():
        for replica in cluster.replicas:
            context = await run.browser.new_context(viewport=DESKTOP)
            host = urlsplit(cluster.url).hostname or "127.0.0.1"
            await context.add_cookies(
                [{"name": "dashboard_replica", "value": replica.name, "domain": host, "path": "/"}]
            )
            page = await context.new_page()
            await page.goto(cluster.url + "/", timeout=OPEN_TIMEOUT_MS)
            await page.wait_for_function(RENDERED_JS, arg=CHARTS, timeout=OPEN_TIMEOUT_MS)
            await context.close()


def keep(rows: list[Phase], path: Path | None, row: Phase) -> None:
    """Add a row, and write every row so far to `path` (a run cut short keeps them)."""
    rows.append(row)
    if path:
        path.write_text(json.dumps(as_json(rows), indent=1))


async def phases(clusters: dict[tuple[str, int], Cluster], args: argparse.Namespace) -> list[Phase]:
    """Every phase, in one Chromium: for each N, the app then the plain page on each
    replica count in turn (so a busy spell of the machine falls on all of them), then the
    hostile and the kill phases."""
    out: list[Phase] = []
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM_PATH, args=list(CHROMIUM_ARGS))
        counter = iter(range(10**6))
        run = Run(browser, clusters, args.seconds, args.interval, counter)
        await warm(run)
        for n in args.readers:
            for replicas in args.replicas:
                for target in (APP, PLAIN):
                    if args.client == "protocol":
                        keep(out, args.json, await protocol_phase(run, target, replicas, n))
                    else:
                        keep(out, args.json, await phase(run, target, replicas, n))
            print(table(out), file=sys.stderr, flush=True)
        if args.client == "protocol":
            await browser.close()
            return out
        for replicas in args.replicas if args.hostile_at else []:
            hostile_links_too = with_hostile_readers(run, replicas)
            keep(
                out,
                args.json,
                await phase(run, APP, replicas, args.hostile_at, "hostile", hostile_links_too),
            )
        for replicas in [r for r in args.replicas if r >= 2] if args.kill_at else []:
            kill = with_a_kill(run, replicas)
            keep(out, args.json, await phase(run, APP, replicas, args.kill_at, "kill", kill))
        await browser.close()
    return out


# --- the table ----------------------------------------------------------------------------


def p95_of(rows: list[Phase], row: Phase, page: str) -> float:
    """p95 of the phase without hostile readers or a kill of `page` with the replicas,
    readers and client of `row`."""
    for r in rows:
        if (r.page, r.kind) == (page, "") and (r.replicas, r.readers, r.client) == (
            row.replicas,
            row.readers,
            row.client,
        ):
            return r.percentile_ms(95)
    return math.nan


def table(rows: list[Phase]) -> str:
    head = (
        f"{'client':<8} {'page':<6} {'repl':>4} {'N':>3} {'kind':<8} {'drags':>5} "
        f"{'p50 ms':>7} {'p95 ms':>7} {'p95/plain':>9} {'missed':>6} {'RSS MB':>7} "
        f"{'srv CPU':>7} {'cli CPU':>7} {'oth CPU':>7} {'own':>6}"
    )
    lines = [head, "-" * len(head)]
    for r in rows:
        wall_s = r.seconds
        plain = p95_of(rows, r, "plain")
        ratio = r.percentile_ms(95) / plain if r.page == "app" else math.nan
        own = f"{r.isolated}/{r.readers}" if r.page == "app" else "-"
        lines.append(
            f"{r.client:<8} {r.page:<6} {r.replicas:>4} {r.readers:>3} {r.kind:<8} {r.drags:>5} "
            f"{r.percentile_ms(50):7.0f} {r.percentile_ms(95):7.0f} "
            f"{'' if math.isnan(ratio) else f'{ratio:.2f}x':>9} {r.missed:>6} "
            f"{r.usage.replicas_rss_peak_mb:7.0f} "
            f"{100 * r.usage.server_cpu_s / wall_s:6.0f}% "
            f"{100 * r.usage.client_cpu_s / wall_s:6.0f}% "
            f"{100 * r.usage.other_cpu_s / wall_s:6.0f}% "
            f"{own:>6}"
        )
    notes = [
        f"{r.kind}, {r.replicas} replica(s), N={r.readers}: p95 "
        f"{r.percentile_ms(95) / p95_of(rows, r, 'app'):.2f}x the app's without it; {r.notes}"
        for r in rows
        if r.kind
    ]
    notes += [
        f"{r.page}, {r.replicas} replica(s), N={r.readers}: {r.notes}"
        for r in rows
        if r.client == "protocol"
    ]
    notes += [
        f"{r.page}, {r.replicas} replica(s), N={r.readers}: {r.notes['reverted']} missed "
        "drag(s) after which the slider no longer showed the value it was dropped at"
        for r in rows
        if not r.kind and "reverted" in r.notes
    ]
    return "\n".join([*lines, *notes])


def as_json(rows: list[Phase]) -> list[dict[str, Any]]:
    out = []
    for r in rows:
        item = asdict(r)
        item.pop("latencies_ms")
        item |= {"drags": r.drags, "p50_ms": r.percentile_ms(50), "p95_ms": r.percentile_ms(95)}
        out.append(item)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ints = lambda text: [int(x) for x in text.split(",") if x]  # noqa: E731
    parser.add_argument("--readers", type=ints, default=[1, 5, 20, 50], help="e.g. 1,5,20,50")
    parser.add_argument("--replicas", type=ints, default=[1, 2], help="e.g. 1,2")
    parser.add_argument("--seconds", type=float, default=30.0, help="dragging time per phase")
    parser.add_argument("--interval", type=float, default=2.0, help="seconds between drags")
    parser.add_argument("--hostile-at", type=int, default=20, help="readers (0: no phase)")
    parser.add_argument("--kill-at", type=int, default=20, help="readers (0: no phase)")
    parser.add_argument("--json", type=Path, default=None, help="write the rows here too")
    parser.add_argument(
        "--client",
        choices=("browser", "protocol"),
        default="browser",
        help="readers in Chromium, or bench/ws_reader.py's (no hostile or kill phase)",
    )
    args = parser.parse_args(argv)
    random.seed(20)  # the readers' offsets, the same each run
    with ExitStack() as stack:
        clusters = {
            (target.name, replicas): stack.enter_context(serving(replicas, script))
            for replicas in args.replicas
            for target, script in ((APP, "app.py"), (PLAIN, BASELINE_SCRIPT))
        }
        rows = asyncio.run(phases(clusters, args))
    print(table(rows))
    if args.json:
        args.json.write_text(json.dumps(as_json(rows), indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
