"""Every axis's text shows whole and clear of the legend, on the 1400 px desktop and on
a 390 px phone: with automargin off (charts/style.py sizes the margins), a margin too small would
cut a tick label or an axis title off at the chart's edge, or plotly would hide the
label; and a legend pinned below a chart must not sit on its x-axis title."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, ViewportSize

from charts import style
from tests.browser.helpers import (
    DESKTOP,
    PHONE,
    wait_for_chart_text,
    wait_rendered,
    wait_until_idle,
)

pytestmark = pytest.mark.browser

#: For each chart: every tick label or axis title that plotly hid (its "hide past div"
#: for a label past the chart's edge), that reaches outside the chart's svg (by more than
#: half a pixel, for rounding), or an axis title that meets a tick label of its axis.
PROBLEMS_JS = """() => Array.from(document.querySelectorAll(
        '[data-testid="stMain"] .js-plotly-plot')).flatMap(gd => {
    const name = (gd.querySelector('.gtitle') || {}).textContent || '?';
    const svg = gd.querySelector('.main-svg').getBoundingClientRect();
    const out = [];
    const ticks = Array.from(gd.querySelectorAll(
        '.xaxislayer-above text, .yaxislayer-above text'));
    const titles = Array.from(gd.querySelectorAll(
        'text.xtitle, text.x2title, text.ytitle, text.y2title'));
    const meets = (a, b) => !(a.right <= b.left || b.right <= a.left ||
                              a.bottom <= b.top || b.bottom <= a.top);
    for (const text of [...ticks, ...titles]) {
        const what = name + ': ' + (text.getAttribute('class') || 'tick') + ' ' +
            JSON.stringify(text.textContent);
        if (text.style.display === 'none') { out.push(what + ' hidden'); continue; }
        const b = text.getBoundingClientRect();
        if (b.width === 0 || !text.textContent) continue;
        if (b.left < svg.left - 0.5 || b.right > svg.right + 0.5 ||
            b.top < svg.top - 0.5 || b.bottom > svg.bottom + 0.5) {
            out.push(what + ' cut off');
        }
    }
    for (const title of titles) {
        const b = title.getBoundingClientRect();
        if (b.width === 0) continue;
        // Its own axis's labels: "ytitle" goes with the layer of the y axis ('y', 'y2').
        const axis = title.getAttribute('class').replace('title', '');
        const own = Array.from(gd.querySelectorAll('.' + axis + 'tick text'));
        if (own.some(t => t.style.display !== 'none' && meets(b, t.getBoundingClientRect()))) {
            out.push(name + ': ' + axis + ' title meets its tick labels');
        }
    }
    return out;
})"""

#: Each chart's x-axis titles whose box meets its legend's box.
OVERLAPS_JS = """() => Array.from(document.querySelectorAll('.js-plotly-plot')).flatMap(gd => {
    const legend = gd.querySelector('.legend');
    if (!legend) return [];
    const a = legend.getBoundingClientRect();
    const name = (gd.querySelector('.gtitle') || {}).textContent || '';
    return Array.from(gd.querySelectorAll('.xtitle')).filter(t => {
        const b = t.getBoundingClientRect();
        if (b.width === 0) return false;
        return !(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top);
    }).map(t => name + ': ' + t.textContent);
})"""

#: Each chart whose legend is pinned to its bottom and whose axes plotly need not measure
#: (no category axis): its bottom margin as given and as plotly drew it, and the gap from
#: its lowest x-axis text to the legend. [px]
LEGEND_ROOM_JS = """() => Array.from(document.querySelectorAll(
        '[data-testid="stMain"] .js-plotly-plot')).filter(gd =>
    gd.layout.legend && gd.layout.legend.yref === 'container' && gd.querySelector('.legend') &&
    !Object.keys(gd._fullLayout).some(k => /^[xy]axis/.test(k) &&
                                           gd._fullLayout[k].type === 'category')
).map(gd => {
    const name = (gd.querySelector('.gtitle') || {}).textContent || '?';
    const legend = gd.querySelector('.legend').getBoundingClientRect();
    const texts = Array.from(gd.querySelectorAll('.xtitle, .xaxislayer-above text'))
        .map(t => t.getBoundingClientRect()).filter(b => b.width > 0);
    const lowest = Math.max(...texts.map(b => b.bottom));
    return [name, gd.layout.margin.b, gd._fullLayout._size.b, legend.top - lowest];
})"""

#: Every page with charts, with the charts it draws at the default scenario (each claim
#: in its own tab, drawn only while open); uncertainty on, for the growth page's percent
#: axes and wall years.
PAGES = (
    ("/", 1),
    *((f"/claims?claim_tab=Claim+{claim_id}", 1) for claim_id in range(1, 6)),
    ("/growth?show_bands=true", 9),
    ("/train", 1),
    ("/serve", 2),
    ("/power", 6),
    ("/compare", 1),
)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize(("path", "charts"), PAGES, ids=[p for p, _ in PAGES])
def test_every_axis_label_and_title_shows_whole_and_clear_of_the_legend(
    browser: Browser, app_url: str, path: str, charts: int, viewport: ViewportSize
) -> None:
    context = browser.new_context(viewport=viewport)
    try:
        page = context.new_page()
        page.goto(app_url + path)
        wait_rendered(page, min_charts=charts)
        wait_until_idle(page)
        wait_for_chart_text(page)
        assert page.evaluate(PROBLEMS_JS) == []
        assert page.evaluate(OVERLAPS_JS) == []
        if viewport == DESKTOP:
            assert_legends_drawn_once(page.evaluate(LEGEND_ROOM_JS))
    finally:
        context.close()


def assert_legends_drawn_once(charts: list[list]) -> None:
    """At the reference desktop each bottom legend had its room in the margin given
    (charts.style.with_legend_room): plotly grew no margin, so it drew the chart once;
    and no row was given too many: the x-axis text stands about 19 px above the legend
    (the gap it has when plotly sizes the margin itself), where a spare row adds 19."""
    for name, given_b, drawn_b, gap in charts:
        assert drawn_b == given_b, f"{name}: plotly grew the bottom margin {given_b} -> {drawn_b}"
        assert gap < 19 + style.LEGEND_ROW_PX / 2, f"{name}: {gap:.0f} px above the legend"
