"""What readers hit (issue 18): one walk per reader through the tasks the issue names, each
at a 1440 px desktop and on a 390 px touch phone, in one browser context per reader.

The features have their own focused tests (test_copy_link.py, test_compare_saved.py,
test_training_chart.py, test_axis_text.py, test_toolbar.py, test_phone.py); these walks
check that a reader can do each task as described, one step after the other.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, Locator, Page, ViewportSize

from model.claims import RULES, flip_names
from model.scenario import GROUP_PAGES, GROUPS, INPUTS, INPUTS_BY_NAME, Scenario
from tests.browser.helpers import (
    CHARTS,
    MAIN,
    METRIC_VALUES,
    NAV_LINK,
    PHONE,
    RENDER_TIMEOUT_MS,
    SUBHEADERS,
    THUMB_BOX_JS,
    close_sidebar,
    drag_slider,
    open_expander,
    show_toolbar,
    sidebar_slider,
    slider_label,
    slider_value,
    wait_for_chart_text,
    wait_rendered,
    wait_until_idle,
)
from tests.browser.test_compare_saved import _apply_preset, _save
from tests.browser.test_copy_link import _copy, _open_sidebar
from tests.browser.test_training_chart import BOXES_JS, _overlap
from ui.headline import RUN_WORDS
from ui.sidebar import GROUP_TITLES, SUBGROUP_HEADINGS

pytestmark = pytest.mark.browser

DESKTOP_1440: ViewportSize = {"width": 1440, "height": 900}
VIEWPORTS = [pytest.param(DESKTOP_1440, id="1440px"), pytest.param(PHONE, id="390px")]
#: Below this width Streamlit lays the page out for a phone (the sidebar opens over it).
NARROW_PX = 640


@pytest.fixture(params=VIEWPORTS)
def reader(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    """One page in a fresh context of the viewport: a desktop, or a touch phone, both
    allowed to read and write the clipboard (the copy buttons)."""
    viewport: ViewportSize = request.param
    phone = viewport["width"] < NARROW_PX
    ctx = browser.new_context(
        viewport=viewport,
        has_touch=phone,
        is_mobile=phone,
        permissions=["clipboard-read", "clipboard-write"],
    )
    yield ctx.new_page()
    ctx.close()


def _phone(page: Page) -> bool:
    return bool(page.viewport_size and page.viewport_size["width"] < NARROW_PX)


def _name(page: Page) -> str:
    return "390" if _phone(page) else "1440"


def _open(page: Page, url: str, charts: int = 0) -> None:
    """Go to `url` and wait for its charts; on a phone, with the sidebar closed (a phone
    keeps it open from one page to the next once the reader has opened it)."""
    page.goto(url)
    wait_rendered(page, min_charts=charts)
    wait_until_idle(page)
    if _phone(page):
        close_sidebar(page)


def _go(page: Page, title: str, path: str, charts: int = 0) -> None:
    """Go to another page by its link in the sidebar, as a reader does (the link carries
    the scenario), and wait for its charts; on a phone the sidebar is opened for it and
    closed after."""
    _open_sidebar(page)
    page.locator(NAV_LINK, has_text=title).click()
    page.wait_for_function("path => location.pathname === path", arg=path)
    wait_rendered(page, min_charts=charts)
    wait_until_idle(page)
    if _phone(page):
        close_sidebar(page)


def _in_view(target: Locator) -> bool:
    """True if the element lies wholly inside the viewport as it is now."""
    return bool(
        target.evaluate(
            """el => { const r = el.getBoundingClientRect();
                return r.width > 0 && r.top >= 0 && r.left >= 0
                    && r.bottom <= innerHeight && r.right <= innerWidth; }"""
        )
    )


def _on_top(target: Locator) -> bool:
    """True if the point at the element's centre belongs to it (nothing covers it)."""
    return bool(
        target.evaluate(
            """el => { const r = el.getBoundingClientRect();
                const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                return el.contains(hit); }"""
        )
    )


_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
_SCALE = {"": 1.0, "%": 1.0, "W": 1.0, "kW": 1e3, "MW": 1e6, "GW": 1e9, "TW": 1e12}
_QUANTITY = re.compile(r"(\d[\d,]*(?:\.\d+)?)(?: × 10(-?\d+))?(?:\s*(kW|MW|GW|TW|W|%))?")


def numbers(text: str) -> list[float]:
    """Every number in `text`, parsed: '7.9 × 10²⁸' is 7.9e28, '1.5 GW' is 1.5e9 (watts),
    '62%' is 62, '$0.0283' is 0.0283, '2,987' is 2987."""
    plain = text.translate(_SUPERSCRIPTS)
    found = []
    for digits, power, unit in _QUANTITY.findall(plain):
        value = float(digits.replace(",", "")) * (10.0 ** int(power) if power else 1.0)
        found.append(value * _SCALE[unit])
    return found


# --- The journalist ------------------------------------------------------------------------

#: Each headline metric with the caption under it (its P10-P90 range once uncertainty is on).
HEADLINES_JS = """() => Array.from(document.querySelectorAll(
    '[data-testid="stMain"] [data-testid="stMetric"]')).map(m => {
  const box = m.closest('[data-testid="stVerticalBlock"]');
  const cap = box.querySelector('[data-testid="stCaptionContainer"]');
  const r = m.getBoundingClientRect(), c = cap && cap.getBoundingClientRect();
  return {label: m.querySelector('[data-testid="stMetricLabel"]').innerText.trim(),
          value: m.querySelector('[data-testid="stMetricValue"]').innerText.trim(),
          caption: cap ? cap.innerText.trim() : null,
          below: c ? c.top >= r.bottom - 1 : false};
})"""


def _headlines(page: Page) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = page.evaluate(HEADLINES_JS)
    return found


def _parsed(headlines: list[dict[str, Any]]) -> list[tuple[str, list[float], list[float]]]:
    """Each metric's label with its value's and its caption's numbers (a word value such
    as 'Power' is kept in the label's place, as its numbers are none)."""
    return [
        (
            f"{h['label']}: {h['value'] if not numbers(h['value']) else ''}",
            numbers(h["value"]),
            numbers(h["caption"] or ""),
        )
        for h in headlines
    ]


def test_journalist(reader: Page, app_url: str, shots: Path) -> None:
    page = reader
    _open(page, app_url + "/", charts=1)
    # The first screen gives the answer: the first headline sentence names the step that
    # holds the largest run back, and it is in view without scrolling.
    answer = page.locator(SUBHEADERS).first
    assert _in_view(answer), answer.bounding_box()
    sentence = answer.inner_text()
    held_by = sentence.split("then is held by", 1)
    assert len(held_by) == 2, sentence
    limits = [w for k, w in RUN_WORDS.items() if k != "trend" and w in held_by[1]]
    assert limits, sentence

    # Uncertainty on: every headline number has its range in a caption under it.
    page.get_by_text("Show uncertainty (10,000 Monte Carlo samples)").click()
    page.wait_for_function(
        """() => document.querySelectorAll(
            '[data-testid="stMain"] [data-testid="stCaptionContainer"]').length >= 8""",
        timeout=RENDER_TIMEOUT_MS,
    )
    wait_until_idle(page)
    page.screenshot(path=shots / f"journalist_{_name(page)}.png")
    with_ranges = _headlines(page)
    assert len(with_ranges) == 8
    for h in with_ranges:
        assert h["caption"], h
        assert h["below"], h
        caption = h["caption"]
        if caption.startswith("P10-P90:"):  # 'P10-P90: 640 MW to 1.76 GW', '2026-2029'
            low_high = numbers(caption.removeprefix("P10-P90:"))
            assert len(low_high) in (1, 2), h  # one number: every sample walls the same year
            assert low_high == sorted(low_high), h
        else:  # 'In 62% of samples': how often the step named binds
            assert re.fullmatch(r"In \d+% of samples", caption), h
            assert 0 <= numbers(caption)[0] <= 100, h

    # A scenario of the reader's own: frontier compute growth 4x -> 3x a year.
    _open_sidebar(page)
    drag_slider(page, slider_label("compute_growth"), 3.0)
    page.wait_for_function("() => location.search.includes('compute_growth=3')")
    wait_until_idle(page)
    assert slider_value(page, "compute_growth") == 3.0
    mine = _headlines(page)
    # Run FLOP wanted in 2030: the 2025 run, 4.64e26 FLOP, times the growth for 5 years:
    # 4.64e26 x 4^5 = 4.75e29 ("4.8 x 10^29") at 4x, 4.64e26 x 3^5 = 1.13e29 at 3x.
    flop_wanted = {h["label"]: numbers(h["value"]) for h in mine}["Run FLOP, wanted"]
    assert flop_wanted == [pytest.approx(1.1e29)]
    assert {h["label"]: numbers(h["value"]) for h in with_ranges}["Run FLOP, wanted"] == [
        pytest.approx(4.8e29)
    ]

    # "Copy link" at the top of the sidebar: the link reopens this view, in a new page.
    link = _copy(page, "#copy-link-sidebar")
    query = parse_qs(urlsplit(link).query)
    assert urlsplit(link).path in ("", "/"), link  # the home page
    assert query["compute_growth"] == ["3"], link
    assert query["home_bands"] == ["true"], link  # the view: uncertainty on
    viewport = page.viewport_size
    assert viewport is not None
    fresh = page.context.browser.new_context(  # type: ignore[union-attr]
        viewport=viewport, has_touch=_phone(page), is_mobile=_phone(page)
    )
    try:
        other = fresh.new_page()
        _open(other, link, charts=1)
        other.wait_for_function(
            """() => document.querySelectorAll(
                '[data-testid="stMain"] [data-testid="stCaptionContainer"]').length >= 8""",
            timeout=RENDER_TIMEOUT_MS,
        )
        assert _parsed(_headlines(other)) == _parsed(mine)
        assert numbers(other.locator(SUBHEADERS).first.inner_text()) == numbers(
            page.locator(SUBHEADERS).first.inner_text()
        )
    finally:
        fresh.close()

    # A claim card opens its claim in this tab, with this scenario.
    if _phone(page):
        close_sidebar(page)  # it covers the page
    popups: list[Page] = []
    page.context.on("page", lambda new: popups.append(new))
    card = page.locator(f'{MAIN} a[href*="#claim-4"]')
    assert card.get_attribute("target") == "_self"
    card.click()
    page.wait_for_url("**/claims?*", timeout=RENDER_TIMEOUT_MS)
    page.wait_for_selector("#claim-4", timeout=RENDER_TIMEOUT_MS)  # its tab opens
    wait_rendered(page, min_charts=1)
    wait_until_idle(page)
    assert popups == []
    assert len(page.context.pages) == 1
    assert page.evaluate("location.hash") == "#claim-4"

    # The Copy link beside claim 4's verdict: this claim's tab and anchor, this scenario.
    claim_link = _copy(page, "#copy-link-claim-4")
    assert urlsplit(claim_link).path == "/claims"
    assert urlsplit(claim_link).fragment == "claim-4"
    assert parse_qs(urlsplit(claim_link).query)["compute_growth"] == ["3"]
    assert parse_qs(urlsplit(claim_link).query)["claim_tab"] == ["Claim 4"]


# --- The analyst ---------------------------------------------------------------------------


def _mix_caption(page: Page, key: str) -> str:
    """The '% of the mix' caption right under a mix slider."""
    block = sidebar_slider(page, slider_label(key))
    box = block.locator("xpath=ancestor::*[@data-testid='stVerticalBlock'][1]")
    return box.locator('[data-testid="stCaptionContainer"]').inner_text().strip()


def _drag_main_slider(page: Page, label: str, fraction: float) -> None:
    """Drag the thumb of the main area's slider `label` with the mouse to `fraction` of
    its track (a slider commits its value when the mouse is released)."""
    block = page.locator(f'{MAIN} [data-testid="stSlider"]').filter(has_text=label).first
    block.scroll_into_view_if_needed()
    box: dict[str, Any] = block.locator('input[type="range"]').evaluate(THUMB_BOX_JS)
    page.mouse.move(box["x"], box["y"])
    page.mouse.down()
    page.mouse.move(box["left"] + fraction * box["width"], box["y"], steps=8)
    page.mouse.up()


#: The compare table's cells the grid has drawn (it draws only the columns in view):
#: headers by column, cells by their id 'glide-cell-<column>-<row>'.
GRID_JS = """() => {
  const grid = document.querySelector('[data-testid="stMain"] [data-testid="stDataFrame"]');
  const text = e => e.innerText.trim();
  return {
    heads: Object.fromEntries(Array.from(grid.querySelectorAll('[role="columnheader"]'))
      .map(h => [Number(h.getAttribute('aria-colindex')) - 1, text(h)])),
    cells: Object.fromEntries(Array.from(grid.querySelectorAll('[role="gridcell"]'))
      .map(c => [c.id, text(c)])),
    more: grid.querySelector('.dvn-scroller').scrollWidth
      - grid.querySelector('.dvn-scroller').clientWidth,
  };
}"""


#: Scroll the compare table's grid to its right end.
SCROLL_GRID_JS = """() => {
  const scroller = document.querySelector('[data-testid="stMain"] .dvn-scroller');
  scroller.scrollLeft = scroller.scrollWidth;
}"""
#: True once the grid has drawn the header of column `n` (counted from 0).
HEADER_DRAWN_JS = """n => !!document.querySelector(
  `[data-testid="stMain"] [role="columnheader"][aria-colindex="${n + 1}"]`)"""


def _grid(page: Page) -> dict[str, dict[str, str]]:
    """The compare table as {row label: {column: cell}}; on a narrow screen the grid is
    scrolled to its right end to draw the columns past the screen's edge."""
    seen = page.evaluate(GRID_JS)
    heads = {int(k): v for k, v in seen["heads"].items()}
    cells = dict(seen["cells"])
    if seen["more"] > 1:
        page.evaluate(SCROLL_GRID_JS)
        page.wait_for_function(HEADER_DRAWN_JS, arg=max(heads) + 1)
        more = page.evaluate(GRID_JS)
        heads |= {int(k): v for k, v in more["heads"].items()}
        cells |= more["cells"]
    rows: dict[str, dict[str, str]] = {}
    for cell_id, label in cells.items():
        column, row = map(int, cell_id.removeprefix("glide-cell-").split("-"))
        if column == 0:
            rows[label] = {
                heads[c]: cells[f"glide-cell-{c}-{row}"]
                for c in heads
                if c > 0 and f"glide-cell-{c}-{row}" in cells
            }
    return rows


#: The label of a tornado row, with the sidebar group of its input: the input's own label
#: (the chip stock's row adds ", with 2025's power"), and the two rows that swing a whole
#: group (charts/growth.py, model/uncertainty.tornado_swings).
GROUP_ROWS = {"Lead times (every source)": "leads", "Generation mix": "mix"}


def _row_group(label: str) -> str | None:
    if label in GROUP_ROWS:
        return GROUP_ROWS[label]
    for spec in INPUTS:
        if label == spec.label or label.startswith(spec.label + ", with"):
            return spec.group
    return None


#: The first line (the input's name, in bold) of each label of the tornado chart.
TORNADO_JS = """() => {
  const gd = Array.from(document.querySelectorAll('.js-plotly-plot')).find(
    g => (g.querySelector('.gtitle') || {}).textContent === 'Which inputs move the wall most');
  if (!gd) return null;
  // A row's label is two lines: its name, then 'low -> high' (other notes have one).
  return Array.from(gd.querySelectorAll('.annotation-text')).map(
    a => Array.from(a.querySelectorAll('tspan.line')).map(l => l.textContent.trim())
  ).filter(lines => lines.length === 2 && lines[1].includes('→')).map(lines => lines[0]);
}"""


def test_analyst(reader: Page, app_url: str, shots: Path) -> None:
    page = reader
    # Power it: a Generation mix slider moves its share of the mix.
    _open(page, app_url + "/power", charts=2)
    _open_sidebar(page)
    open_expander(page, "Generation mix")
    # The default weights: coal 34, gas 22, nuclear 9, hydro 14.3, wind 8.1, solar 6.9,
    # 94.3 in all: nuclear 9 / 94.3 = 9.5%, coal 34 / 94.3 = 36.1%.
    assert _mix_caption(page, "mix_nuclear_large") == "9.5% of the mix"
    assert _mix_caption(page, "mix_coal") == "36.1% of the mix"
    drag_slider(page, slider_label("mix_nuclear_large"), 100.0)  # the end of its track
    page.wait_for_function("() => location.search.includes('mix_nuclear_large=100')")
    wait_until_idle(page)
    assert slider_value(page, "mix_nuclear_large") == 100.0
    # Nuclear 100 of 100 + 85.3 (the others) = 185.3: 54.0%; coal 34 / 185.3 = 18.3%.
    assert _mix_caption(page, "mix_nuclear_large") == "54.0% of the mix"
    assert _mix_caption(page, "mix_coal") == "18.3% of the mix"
    page.screenshot(path=shots / f"analyst_power_{_name(page)}.png")

    # Growth vs power: the tornado names an input of every group that can move the wall.
    _go(page, "Growth vs power", "/growth", charts=6)
    rows = page.evaluate(TORNADO_JS)
    assert rows, "no tornado chart"
    tornado = page.locator(CHARTS).filter(has_text="Which inputs move the wall most")
    tornado.scroll_into_view_if_needed()
    page.screenshot(path=shots / f"analyst_growth_{_name(page)}.png")
    for label in ("Lead times (every source)", "AI's share of the world's build, US"):
        assert label in rows
    assert "Generation mix" in rows
    groups = {_row_group(label) for label in rows}
    assert None not in groups, rows  # every row is an input (or a group) of the sidebar
    # Training run and Serving move only Train a model and Serve it (GROUP_PAGES), never
    # the wall; every other group has a row.
    can_move_the_wall = {g for g in GROUPS if "growth" in GROUP_PAGES[g]}
    assert can_move_the_wall == set(GROUPS) - {"train", "serve"}
    assert groups == can_move_the_wall, rows

    # Compare & share: two saved scenarios, a year other than 2030, the export.
    _go(page, "Compare & share", "/compare", charts=1)
    _apply_preset(page, "Nuclear bet")
    _save(page, "Nuclear")
    _apply_preset(page, "Gas bridge")
    _save(page, "Gas")
    # The year slider runs 2025-2040 (16 years): 2035 is 10/15 of its track.
    _drag_main_slider(page, "Year of the table", 10 / 15)
    page.get_by_text("Each scenario in 2035:").wait_for(timeout=RENDER_TIMEOUT_MS)
    wait_until_idle(page)
    table = page.locator(f'{MAIN} [data-testid="stDataFrame"]')
    table.scroll_into_view_if_needed()
    page.screenshot(path=shots / f"analyst_compare_{_name(page)}.png")
    rows_by_name = _grid(page)
    assert {"Power short", "Compute lost to power"} <= set(rows_by_name), rows_by_name
    wanted_2035 = rows_by_name["All-AI power, wanted"]
    assert {"Nuclear", "Gas"} <= set(wanted_2035), wanted_2035

    with page.expect_download(timeout=RENDER_TIMEOUT_MS) as download:
        page.locator(f"{MAIN} button", has_text="Download scenario and 2 saved").click()
    with zipfile.ZipFile(download.value.path()) as archive:
        names = set(archive.namelist())
        assert {"saved_inputs.csv", "saved_timeseries.csv", "methods.md"} <= names, names
        inputs = list(csv.DictReader(io.StringIO(archive.read("saved_inputs.csv").decode())))
        series = list(csv.reader(io.StringIO(archive.read("saved_timeseries.csv").decode())))
        methods = archive.read("methods.md").decode()
    # Side by side: a column of inputs per saved scenario, with each default's source.
    nuclear_row = next(r for r in inputs if r["input"] == "mix_nuclear_large")
    assert float(nuclear_row["Nuclear"]) > float(nuclear_row["Gas"]), nuclear_row
    assert all(r["source_of_default"] for r in inputs)
    assert "source" in methods.lower()
    # The series: one block of columns per scenario (two header rows); each scenario's
    # all-AI power wanted in 2035 is the table's, in GW.
    scenario_row, column_row = series[0], series[1]
    year_row = next(r for r in series[2:] if r[0] == "2035")
    for name in ("Nuclear", "Gas"):
        column = next(
            i
            for i, (s, c) in enumerate(zip(scenario_row, column_row, strict=True))
            if s == name and c == "power_demand_gw"
        )
        shown = numbers(wanted_2035[name])[0] / 1e9
        assert float(year_row[column]) == pytest.approx(shown, rel=0.01), name


# --- The ML engineer -----------------------------------------------------------------------

#: The symbol plotly drew for the reader's run (the chart's last trace).
RUN_SYMBOL_JS = """sel => { const gd = document.querySelector(sel);
  const run = gd.data[gd.data.length - 1]; return [run.name, run.marker.symbol]; }"""


def test_ml_engineer(reader: Page, app_url: str, shots: Path) -> None:
    page = reader
    # Train a model: the run is an open star; the labels clear it and each other.
    _open(page, app_url + "/train", charts=1)
    wait_for_chart_text(page)
    assert page.evaluate(RUN_SYMBOL_JS, CHARTS) == ["Your run", "star-open"]
    # Plotly's toolbar: always shown on a touch phone, under the pointer on a desktop.
    chart = page.locator(CHARTS).first
    chart.scroll_into_view_if_needed()
    if not _phone(page):
        chart.hover()
    page.wait_for_function(
        "el => getComputedStyle(el.querySelector('.modebar')).opacity === '1'",
        arg=chart.element_handle(),
    )
    found = page.evaluate(BOXES_JS, CHARTS)
    assert found["toolbar"] is not None
    assert not _overlap(found["star"], found["toolbar"])
    assert found["fill"] == "none" or float(found["fillOpacity"]) == 0.0, found
    labels = found["labels"]
    assert len(labels) == 6, labels  # the named published runs
    for i, (text, box) in enumerate(labels):
        assert not _overlap(box, found["star"]), text
        assert not _overlap(box, found["toolbar"]), text
        for other, other_box in labels[i + 1 :]:
            assert not _overlap(box, other_box), (text, other)
    page.screenshot(path=shots / f"ml_engineer_train_{_name(page)}.png")

    # Serve it: $ per query and $ per million tokens, and the service beside all of AI.
    _go(page, "Serve it", "/serve", charts=1)
    values = dict(
        zip(
            [
                t.strip()
                for t in page.locator(f"{MAIN} [data-testid='stMetricLabel']").all_inner_texts()
            ],
            [t.strip() for t in page.locator(METRIC_VALUES).all_inner_texts()],
            strict=True,
        )
    )
    per_query, per_million = values["Power bill per query"], values["Per million tokens"]
    assert per_query.startswith("$"), values
    assert per_million.startswith("$"), values
    # 0.354 Wh a query at $80/MWh: 0.354e-6 MWh x 80 = $0.0000283; a query is 500 + 500
    # tokens, so a million tokens are 1,000 queries: $0.0283.
    assert numbers(per_query) == [pytest.approx(0.0000283)]
    assert numbers(per_million) == [pytest.approx(0.0283)]
    sentence = page.get_by_text("This is one service at these settings")
    sentence.scroll_into_view_if_needed()
    page.screenshot(path=shots / f"ml_engineer_serve_{_name(page)}.png")
    text = sentence.inner_text()
    # 'This is one service ...: 36.8 MW. All of AI's serving ... draw 18 GW in 2025 ...,
    # so this fleet is 0.2% of it.': 36.8 MW / 18 GW = 0.20%.
    service_w, all_ai_w, year, share = numbers(text)
    assert service_w == numbers(values["Average power"])[0]
    assert year == 2025
    assert share == pytest.approx(100 * service_w / all_ai_w, abs=0.05), text


# --- The sceptic ---------------------------------------------------------------------------

#: Per claim section (from its heading to the next): the rule's text and top, the top of
#: its first number, and the line naming the inputs that can flip it.
CLAIMS_JS = """() => {
  const heads = Array.from(document.querySelectorAll('[data-testid="stMain"] h2[id^="claim-"]'));
  const after = (a, b) => a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING;
  const inside = (i, el) => after(heads[i], el)
    && (i + 1 === heads.length || after(el, heads[i + 1]));
  const all = sel => Array.from(document.querySelectorAll('[data-testid="stMain"] ' + sel));
  return heads.map((h, i) => {
    const ps = all('[data-testid="stMarkdownContainer"] p').filter(p => inside(i, p));
    const rule = ps.find(p => p.innerText.startsWith('The rule:'));
    const flips = ps.find(p => p.innerText.startsWith('What would change the verdict:'));
    const metric = all('[data-testid="stMetric"]').find(m => inside(i, m));
    return {id: h.id, rule: rule ? rule.innerText : null,
            ruleBottom: rule ? rule.getBoundingClientRect().bottom : null,
            metricTop: metric ? metric.getBoundingClientRect().top : null,
            flips: flips ? flips.innerText : null};
  });
}"""

#: Claim 5's chart: the dashed band of Cottier et al.'s 2-6% and where the right axis
#: puts 2% and 6% (pixels from the top of the plot area).
BAND_JS = """() => {
  const gd = Array.from(document.querySelectorAll('.js-plotly-plot')).find(
    g => (g.querySelector('.gtitle') || {}).textContent === 'What the price changes');
  const shape = (gd.layout.shapes || [])[0];
  const r = gd.querySelector('.shapelayer path').getBoundingClientRect();
  const top = gd.getBoundingClientRect().top, y2 = gd._fullLayout.yaxis2;
  return {y0: shape.y0, y1: shape.y1, yref: shape.yref, height: r.height, width: r.width,
          top: r.top - top, bottom: r.bottom - top,
          at6: y2._offset + y2.l2p(6), at2: y2._offset + y2.l2p(2)};
}"""

#: Each chart's axis titles whose box meets its legend's (test_axis_text.py checks the x
#: axis on every page; here both axes of the claims' charts).
AXIS_LEGEND_JS = """() => Array.from(document.querySelectorAll('.js-plotly-plot')).flatMap(gd => {
  const legend = gd.querySelector('.legend');
  if (!legend) return [];
  const a = legend.getBoundingClientRect();
  return Array.from(gd.querySelectorAll('.xtitle, .ytitle, .y2title')).filter(t => {
    const b = t.getBoundingClientRect();
    return b.width > 0 && !(a.right <= b.left || b.right <= a.left || a.bottom <= b.top
                            || b.bottom <= a.top);
  }).map(t => (gd.querySelector('.gtitle') || {}).textContent + ': ' + t.textContent);
})"""

_FLIP_ITEM = re.compile(r"(.+?) \(sidebar: (.+)\)")


def _where(key: str) -> str:
    """Where the input is in the sidebar, as a claim names it: group › sub-group heading."""
    spec = INPUTS_BY_NAME[key]
    heading = SUBGROUP_HEADINGS.get(spec.subgroup)
    return GROUP_TITLES[spec.group] + (f" › {heading}" if heading else "")


def test_sceptic(reader: Page, app_url: str, shots: Path) -> None:
    page = reader
    _open(page, app_url + "/claims", charts=1)
    default = Scenario()
    for rule in RULES:  # each claim in its own tab, opened as a reader does: a click
        if rule.claim_id > 1:
            page.get_by_role("tab", name=f"Claim {rule.claim_id}").click()
        page.wait_for_selector(f"#claim-{rule.claim_id}", timeout=RENDER_TIMEOUT_MS)
        wait_rendered(page, min_charts=1)
        wait_until_idle(page)
        wait_for_chart_text(page)
        (section,) = page.evaluate(CLAIMS_JS)  # only the open tab's claim is drawn
        assert section["id"] == f"claim-{rule.claim_id}"
        # Each input that can flip the claim, named with its sidebar group.
        flips = section["flips"].removeprefix("What would change the verdict:").strip(" .")
        named = [_FLIP_ITEM.fullmatch(item.strip()) for item in flips.split(";")]
        assert all(named), section["flips"]
        want = [(INPUTS_BY_NAME[k].label, _where(k)) for k in flip_names(default, rule.claim_id)]
        assert [(m.group(1), m.group(2)) for m in named if m] == want
        # The rule: one plain sentence, above the claim's numbers.
        sentence = section["rule"].removeprefix("The rule:").strip()
        assert sentence.endswith("."), sentence
        assert not re.search(r"[.!?] [A-Z]", sentence), sentence  # no second sentence
        assert section["ruleBottom"] <= section["metricTop"], section
        assert page.evaluate(AXIS_LEGEND_JS) == [], rule.claim_id

    # Claim 5's chart (the tab open last) draws the cited 2-6% band on its right axis.
    page.locator(CHARTS).filter(has_text="What the price changes").scroll_into_view_if_needed()
    band = page.evaluate(BAND_JS)
    assert (band["y0"], band["y1"], band["yref"]) == (2, 6, "y2"), band
    assert band["width"] > 0, band
    assert band["height"] > 0, band
    # Its drawn edges sit where the right axis puts 6% (top) and 2% (bottom).
    assert band["top"] == pytest.approx(band["at6"], abs=2)
    assert band["bottom"] == pytest.approx(band["at2"], abs=2)
    page.screenshot(path=shots / f"sceptic_{_name(page)}.png")


# --- The phone visitor ---------------------------------------------------------------------

#: Each chart's title, and whether the toolbar (the modebar) is shown and covers it.
TOOLBAR_JS = """() => Array.from(document.querySelectorAll('.js-plotly-plot')).map(gd => {
  const title = gd.querySelector('.gtitle'), bar = gd.querySelector('.modebar');
  const a = title.getBoundingClientRect();
  const b = bar ? bar.getBoundingClientRect() : null;
  const shown = !!b && b.width > 0 && getComputedStyle(bar).opacity !== '0';
  const apart = !b || a.right <= b.left || b.right <= a.left || a.bottom <= b.top
    || b.bottom <= a.top;
  return {title: title.textContent, shown, covered: shown && !apart};
})"""

#: The compare table's grid: how far it scrolls sideways, and whether the line under it
#: saying so ("Scroll or swipe the table sideways...", ui/scroll_hints.py) is shown.
TABLE_HINT_JS = """() => {
  const grid = document.querySelector('[data-testid="stMain"] .dvn-scroller');
  const box = grid.closest('[data-testid="stElementContainer"]');
  const line = getComputedStyle(box, '::after');
  return {overflow: grid.scrollWidth - grid.clientWidth,
          hint: line.content.includes('sideways') && line.visibility === 'visible'
                && parseFloat(line.fontSize) >= 10};
}"""
#: Two saved scenarios in a shared link: the compare table gets a column for each.
SAVED_LINK = "/compare?saved=name%3DNuclear%26pue%3D1.5&saved=name%3DGas%26pue%3D1.8"


def test_phone_visitor(reader: Page, app_url: str, shots: Path) -> None:
    page = reader
    phone = _phone(page)
    _open(page, app_url + SAVED_LINK, charts=1)
    # Toolbars: a touch phone always shows plotly's; a desktop shows it under the pointer.
    show_toolbar(page, page.locator(CHARTS).first, phone)
    bars = page.evaluate(TOOLBAR_JS)
    assert bars
    assert all(b["shown"] for b in bars), bars
    assert [b["title"] for b in bars if b["covered"]] == []

    # The table with three scenarios: on a phone it scrolls sideways and says so; on a
    # desktop it fits and says nothing.
    table = page.locator(f'{MAIN} [data-testid="stDataFrame"]')
    table.scroll_into_view_if_needed()
    page.screenshot(path=shots / f"phone_visitor_table_{_name(page)}.png")
    hint = page.evaluate(TABLE_HINT_JS)
    if phone:
        assert hint["overflow"] > 1, hint
        assert hint["hint"], hint
    else:
        assert hint["overflow"] <= 1, hint
        assert not hint["hint"], hint

    # A change in the sidebar is echoed in view, above the sidebar that covers the page.
    _open_sidebar(page)
    open_expander(page, "Chips & facility")
    # The phone's sidebar can leave the slider under the screen's edge once the group has
    # drawn its inputs: put it in the middle of the screen before the drag.
    sidebar_slider(page, slider_label("pue")).evaluate("el => el.scrollIntoView({block: 'center'})")
    wait_until_idle(page)
    drag_slider(page, slider_label("pue"), 1.6)
    toast = page.locator('[data-testid="stToast"]', has_text="Changed: PUE")
    toast.wait_for(timeout=RENDER_TIMEOUT_MS)
    page.screenshot(path=shots / f"phone_visitor_toast_{_name(page)}.png")
    assert "(was 1.2)" in toast.inner_text()
    assert _in_view(toast)
    assert _on_top(toast)
