"""On Power it, no chart's axis title or label runs into another panel of the chart, or
into another title: at 1440 px and on 390 px and 320 px phones (issue 18: "Every source
compared" merged its axis titles and ran its labels into the next panel on a phone)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, ViewportSize

from tests.browser.helpers import (
    DESKTOP,
    PHONE,
    close_sidebar,
    wait_for_chart_text,
    wait_rendered,
    wait_until_idle,
)

pytestmark = pytest.mark.browser

SMALL_PHONE: ViewportSize = {"width": 320, "height": 640}

#: Each collision in the main area's charts, as 'chart: what runs into what'. A panel is a
#: subplot (its plot area is plotly's drag rectangle, `.nsewdrag[data-subplot="x2y2"]`);
#: an axis title belongs to the panels whose id names its axis ("x2title" to "x2y2").
#: - an axis title must not meet another panel's plot area, another axis title, the
#:   chart's title or an annotation (a panel title);
#: - a bar's text or a tick label must not meet another panel's plot area.
COLLISIONS_JS = """() => {
  const meet = (a, b) => !(a.right <= b.left || b.right <= a.left
                           || a.bottom <= b.top || b.bottom <= a.top);
  const box = (e) => e.getBoundingClientRect();
  const shown = (e) => { const r = box(e); return r.width > 0 && r.height > 0; };
  const out = [];
  for (const gd of document.querySelectorAll('[data-testid="stMain"] .js-plotly-plot')) {
    const name = ((gd.querySelector('.gtitle') || {}).textContent || '?').slice(0, 40);
    const panels = Array.from(gd.querySelectorAll('.nsewdrag[data-subplot]'))
      .map(r => ({id: r.getAttribute('data-subplot'), box: box(r)}));
    const axes = (id) => id.match(/^(x\\d*)(y\\d*)$/).slice(1);
    const titles = Array.from(gd.querySelectorAll('.infolayer text')).filter(shown)
      .map(t => ({e: t, cls: t.getAttribute('class') || '', box: box(t)}));
    for (const t of titles) {
      const axis = (t.cls.match(/^([xy]\\d*)title$/) || [])[1];
      if (!axis) continue;
      for (const p of panels) {
        if (!axes(p.id).includes(axis) && meet(t.box, p.box)) {
          out.push(`${name}: axis title '${t.e.textContent}' meets panel ${p.id}`);
        }
      }
      for (const o of titles) {
        if (o.e !== t.e && meet(t.box, o.box)) {
          out.push(`${name}: axis title '${t.e.textContent}' meets '${o.e.textContent}'`);
        }
      }
    }
    for (const sub of gd.querySelectorAll('g.subplot')) {
      const id = Array.from(sub.classList).find(c => /^x\\d*y\\d*$/.test(c));
      const labels = sub.querySelectorAll('.bartext, .xtick text, .ytick text');
      for (const l of Array.from(labels).filter(shown)) {
        for (const p of panels) {
          if (p.id !== id && meet(box(l), p.box)) {
            out.push(`${name}: label '${l.textContent}' of ${id} meets panel ${p.id}`);
          }
        }
      }
    }
  }
  return out;
}"""


@pytest.mark.parametrize(
    "viewport", [DESKTOP, PHONE, SMALL_PHONE], ids=["desktop", "phone", "small-phone"]
)
def test_no_axis_title_or_label_runs_into_another_panel_on_power_it(
    browser: Browser, app_url: str, viewport: ViewportSize
) -> None:
    phone = viewport["width"] < 800
    context = browser.new_context(viewport=viewport, is_mobile=phone, has_touch=phone)
    try:
        page = context.new_page()
        page.goto(app_url + "/power")
        wait_rendered(page, min_charts=3)  # the mix, first power, every source compared
        wait_until_idle(page)
        if phone:
            close_sidebar(page)
        wait_for_chart_text(page)
        assert page.evaluate(COLLISIONS_JS) == []
    finally:
        context.close()
