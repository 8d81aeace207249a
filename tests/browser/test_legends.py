"""No chart's legend sits on its x-axis title, at 1440 px or on a 390 px phone."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, ViewportSize

from tests.browser.helpers import DESKTOP, PHONE, wait_rendered, wait_until_idle

pytestmark = pytest.mark.browser

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

#: Pages with the charts they draw at the default scenario.
PAGES = (
    ("/", 1),
    # Each claim in its own tab, drawn only while open.
    *((f"/claims?claim_tab=Claim+{claim_id}", 1) for claim_id in range(1, 6)),
    ("/growth?show_bands=false", 6),
    ("/train", 1),
    ("/serve", 2),
    ("/power", 2),
    ("/compare", 1),
)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize(("path", "charts"), PAGES, ids=[p for p, _ in PAGES])
def test_no_legend_covers_an_x_axis_title(
    browser: Browser, app_url: str, path: str, charts: int, viewport: ViewportSize
) -> None:
    context = browser.new_context(viewport=viewport)
    try:
        page = context.new_page()
        page.goto(app_url + path)
        wait_rendered(page, min_charts=charts)
        wait_until_idle(page)
        assert page.evaluate(OVERLAPS_JS) == []
    finally:
        context.close()
