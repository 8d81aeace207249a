"""What the phone and keyboard browser tests read out of a page: text that is cut, and
the Tab presses it takes to reach the sidebar's first input."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page

#: Every piece of text a reader may find cut, with how many pixels stick out:
#: - Plotly draws titles, axis titles, legend entries, tick labels and annotations as SVG
#:   text, which is not clipped by CSS but cut at the edge of the plot's SVG: each one's
#:   box must lie inside the plot's box.
#: - HTML text that overflows its own box (hidden or ellipsed): table cells and headers,
#:   metric labels and values, headings, paragraphs (scrollWidth > clientWidth).
#: - A table wider than the screen, or wider than its box without scrolling sideways.
CLIPPED_JS = """
() => {
  const out = [];
  const main = document.querySelector('[data-testid="stMain"]');
  const view = document.documentElement.clientWidth;
  const text = (e) => (e.textContent || '').trim().slice(0, 60);
  const svgText = '.gtitle, .xtitle, .ytitle, .legendtext, .annotation-text, '
    + '.xtick text, .ytick text';
  for (const gd of main.querySelectorAll('.js-plotly-plot')) {
    const box = gd.getBoundingClientRect();
    if (box.width === 0) continue;
    const chart = text(gd.querySelector('.gtitle') || gd);
    for (const t of gd.querySelectorAll(svgText)) {
      const r = t.getBoundingClientRect();
      if (r.width === 0) continue;
      const over = Math.max(box.left - r.left, r.right - box.right,
                            box.top - r.top, r.bottom - box.bottom);
      if (over > 1) out.push({what: t.getAttribute('class'), chart, text: text(t),
                              px: Math.round(over)});
    }
  }
  const html = '[data-testid="stTable"] td, [data-testid="stTable"] th, '
    + '[data-testid="stMetricLabel"] p, [data-testid="stMetricValue"] > div, '
    + 'h1, h2, h3, [data-testid="stMarkdownContainer"] p';
  for (const e of main.querySelectorAll(html)) {
    const over = e.scrollWidth - e.clientWidth;
    if (over > 1) out.push({what: e.tagName.toLowerCase(), text: text(e), px: over});
  }
  for (const t of main.querySelectorAll('[data-testid="stTable"]')) {
    const over = t.getBoundingClientRect().right - view;
    if (over > 1) out.push({what: 'table past the screen', text: text(t), px: Math.round(over)});
    // A table wider than its box must scroll sideways inside it, not be cut.
    const inner = t.querySelector('table');
    const scroller = inner && inner.parentElement;
    const wide = inner && inner.scrollWidth - scroller.clientWidth;
    const scrolls = scroller && ['auto', 'scroll'].includes(getComputedStyle(scroller).overflowX);
    if (wide > 1 && !scrolls) {
      out.push({what: 'wide table that does not scroll', text: text(t), px: wide});
    }
  }
  return out;
}
"""

#: Every box of the main area that a phone cuts: one that reaches past the screen's edge
#: and is not inside a box that scrolls sideways, and every box that scrolls sideways
#: (a table, a grid, an equation) whose hint, the line ui/scroll_hints.py shows above or
#: under it ("...sideways..."), is not shown. Streamlit's tab bar counts as hinted by its
#: own arrow buttons; plotly's SVG is left out (CLIPPED_JS checks its text).
UNHINTED_JS = """
() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const view = document.documentElement.clientWidth;
  const text = (e) => (e.textContent || '').trim().slice(0, 60);
  const sideways = (e) => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX);
  const hinted = (e) => {
    if (e.getAttribute('role') === 'tablist') {  // Streamlit's own arrow buttons
      const tabs = e.closest('[data-testid="stTabs"]');
      return !!tabs.querySelector('button[aria-label^="Scroll tabs"]');
    }
    const box = e.closest('[data-testid="stElementContainer"]');
    if (!box) return false;
    return ['::before', '::after'].some((where) => {
      const line = getComputedStyle(box, where);
      return line.content.includes('sideways') && parseFloat(line.fontSize) >= 10
        && line.visibility === 'visible';
    });
  };
  const skip = (e) => e.closest('.js-plotly-plot, .katex-mathml');
  const out = [];
  for (const e of main.querySelectorAll('*')) {
    const r = e.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || !e.checkVisibility() || skip(e)) continue;
    if (sideways(e) && e.scrollWidth > e.clientWidth + 1 && !hinted(e)) {
      out.push({what: 'scrolls sideways with no hint', tag: e.tagName.toLowerCase(),
                text: text(e), px: e.scrollWidth - e.clientWidth});
    }
    if (r.right > view + 1 || r.left < -1) {
      let up = e.parentElement;
      while (up && up !== main && !sideways(up)) up = up.parentElement;
      if (!up || up === main) {
        out.push({what: 'past the screen', tag: e.tagName.toLowerCase(), text: text(e),
                  px: Math.round(Math.max(r.right - view, -r.left))});
      }
    }
  }
  return out;
}
"""

#: What has the keyboard focus: a short description, and whether it is a sidebar input.
FOCUS_JS = """
() => {
  const e = document.activeElement;
  if (!e || e === document.body) return ['(nothing)', false];
  const inSidebar = !!e.closest('[data-testid="stSidebar"]');
  const inputs = 'input, textarea, select, [role=slider], [role=combobox], [role=switch]';
  const name = e.getAttribute('aria-label') || (e.innerText || '').trim().slice(0, 40);
  return [`${e.tagName.toLowerCase()} ${name}`.replace(/\\s+/g, ' '),
          inSidebar && e.matches(inputs)];
}
"""


def clipped(page: Page) -> list[dict[str, Any]]:
    """Every piece of text on the page's main area that is cut (see CLIPPED_JS)."""
    found: list[dict[str, Any]] = page.evaluate(CLIPPED_JS)
    return found


def unhinted(page: Page) -> list[dict[str, Any]]:
    """Every box of the main area wider than the screen with no sign that it scrolls
    (see UNHINTED_JS)."""
    found: list[dict[str, Any]] = page.evaluate(UNHINTED_JS)
    return found


def tabs_to_first_sidebar_input(page: Page, limit: int = 80) -> tuple[int, list[str]]:
    """Press Tab from a freshly loaded page (nothing clicked) until a sidebar input has
    the focus; return how many presses it took and what each press focused (limit + 1 if
    none is reached)."""
    stops = []
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        name, is_input = page.evaluate(FOCUS_JS)
        stops.append(name)
        if is_input:
            return presses, stops
    return limit + 1, stops
