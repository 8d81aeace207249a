"""The training-runs chart in Chromium (issue 18): with the reader's run on the published
Llama 3.1 70B point, the run is an outline, and the labels Chromium draws cover neither
each other nor the run, nor does plotly's toolbar cover them, on a desktop and on a touch
phone."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, ViewportSize

from tests.browser.helpers import (
    CHARTS,
    PHONE,
    show_toolbar,
    wait_for_chart_text,
    wait_rendered,
    wait_until_idle,
)

pytestmark = pytest.mark.browser

DESKTOP_1440: ViewportSize = {"width": 1440, "height": 900}
#: Llama 3.1 70B: 70B parameters on 15T tokens.
LLAMA_RUN = "/train?params=70B&tokens=15T&compute_optimal=false"
#: The boxes of the drawn labels (the chart's annotations: the named published runs) and
#: of the run's marker (the last trace's point), in page pixels, with the run's fill.
BOXES_JS = """sel => {
  const chart = document.querySelector(sel);
  const box = el => { const r = el.getBoundingClientRect();
    return [r.left, r.top, r.right, r.bottom]; };
  const labels = Array.from(chart.querySelectorAll('.annotation .annotation-text'))
    .filter(t => t.textContent.trim()).map(t => [t.textContent, box(t)]);
  const traces = Array.from(chart.querySelectorAll('.scatterlayer .trace'));
  const star = traces[traces.length - 1].querySelector('.point');
  const bar = chart.querySelector('.modebar');
  return {labels, star: box(star), fill: getComputedStyle(star).fill,
          fillOpacity: getComputedStyle(star).fillOpacity,
          toolbar: bar && getComputedStyle(bar).opacity === '1' ? box(bar) : null};
}"""


def _overlap(a: list[float], b: list[float], tolerance_px: float = 1.0) -> bool:
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    return width > tolerance_px and height > tolerance_px


@pytest.mark.parametrize("viewport", [DESKTOP_1440, PHONE], ids=["1440px", "390px"])
def test_the_labels_stay_clear_of_each_other_and_of_the_run(
    browser: Browser, app_url: str, viewport: ViewportSize
) -> None:
    # A phone is a touch screen, where plotly always shows its toolbar; on a desktop it
    # shows while the pointer is over the chart.
    phone = viewport["width"] < 640
    ctx = browser.new_context(viewport=viewport, has_touch=phone, is_mobile=phone)
    try:
        page = ctx.new_page()
        page.goto(app_url + LLAMA_RUN)
        wait_rendered(page, min_charts=1)
        wait_until_idle(page)
        wait_for_chart_text(page)
        show_toolbar(page, page.locator(CHARTS).first, phone)
        found = page.evaluate(BOXES_JS, CHARTS)
        labels = found["labels"]
        assert "Llama 3.1 70B" in [text for text, _ in labels]
        assert len(labels) == 6
        assert found["toolbar"] is not None
        assert not _overlap(found["star"], found["toolbar"])
        for i, (text, box) in enumerate(labels):
            assert not _overlap(box, found["star"]), text
            assert not _overlap(box, found["toolbar"]), text  # Grok-3's, on a phone
            for other, other_box in labels[i + 1 :]:
                assert not _overlap(box, other_box), (text, other)
        # An open symbol: plotly draws it without a fill, so the point under it shows.
        assert found["fill"] == "none" or float(found["fillOpacity"]) == 0.0, found
    finally:
        ctx.close()
