"""On a touch phone plotly always shows its toolbar: it must not cover a chart's title."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.browser.helpers import PHONE, wait_rendered, wait_until_idle

pytestmark = pytest.mark.browser

#: For each chart with a title and a toolbar: whether their boxes overlap.
OVERLAPS_JS = """() => Array.from(document.querySelectorAll('.js-plotly-plot')).map(gd => {
    const title = gd.querySelector('.gtitle'), bar = gd.querySelector('.modebar');
    if (!title || !bar) return null;
    const a = title.getBoundingClientRect(), b = bar.getBoundingClientRect();
    const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
    return {title: title.textContent, covered: !apart};
}).filter(x => x)"""


@pytest.mark.parametrize(("path", "charts"), [("/", 1), ("/growth?show_bands=false", 6)])
def test_the_toolbar_never_covers_a_chart_title_on_a_touch_phone(
    browser: Browser, app_url: str, path: str, charts: int
) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        page.goto(app_url + path)
        wait_rendered(page, min_charts=charts)
        wait_until_idle(page)
        found = page.evaluate(OVERLAPS_JS)
        assert len(found) >= charts
        assert [f["title"] for f in found if f["covered"]] == []
    finally:
        context.close()
