"""Whatever scrolls sideways says so: a table or equation wider than its column gets a line,
"Scroll or swipe sideways...", and only then.

A phone hides its scrollbars until the reader scrolls, so a table cut at the screen's edge
("your lo") reads as cut, not as one that scrolls. Which tables and equations are too
wide depends on the screen, so the server cannot know; the browser does, in CSS alone:
each sideways scroller (an st.table's box, an st.dataframe's grid, a display equation)
names a scroll timeline, and the line beside its element is shown by an animation on that
timeline, which is active only while the scroller has something to scroll to (CSS
scroll-driven animations: Chromium 115+, Safari 26+). A browser without them shows the
line beside every table on a narrow screen. Style-only HTML takes no room on the page
(Streamlit puts it in its event container).
"""

from __future__ import annotations

import streamlit as st

#: Below this width (px) a screen counts as narrow: Streamlit's own breakpoint, under which
#: the sidebar opens over the page.
NARROW_PX = 640
#: What the line under a scroller says.
TABLE_HINT = "Scroll or swipe the table sideways to see every column \u2192"
EQUATION_HINT = "Scroll or swipe sideways to see all of the equation \u2192"

_CONTAINER = '[data-testid="stMain"] [data-testid="stElementContainer"]'
_SCROLLERS = '.katex-display, [data-testid="stTable"] > div, .dvn-scroller'
_EQUATION_BOX = '[data-testid="stMain"] [data-testid="stMarkdown"] > div:has(.katex-display)'

#: The line's look when shown; hidden, it has no size (an element with display: none runs
#: no animation, so the line is there but zero-sized).
_SHOWN = "font-size: 0.875rem; line-height: 1.5; padding: 0.25rem 0; visibility: visible;"
#: The line: above an st.table (which may be long), under a grid (whose toolbar stands
#: over its top edge) and under an equation.
_TABLE_LINE = f'{_CONTAINER}:has([data-testid="stTable"])::before'
_GRID_LINE = f'{_CONTAINER}:has([data-testid="stDataFrame"])::after'
_EQUATION_LINE = f"{_CONTAINER}:has(.katex-display)::after"

STYLE = f"""<style>
@keyframes wide-hint {{ from, to {{ {_SHOWN} }} }}
{_CONTAINER}:has({_SCROLLERS}) {{ timeline-scope: --wide-x; }}
{_CONTAINER} :is({_SCROLLERS}) {{ scroll-timeline: --wide-x x; }}
{_TABLE_LINE}, {_GRID_LINE}, {_EQUATION_LINE} {{
  display: block; color: rgba(31, 41, 51, 0.6);
  font-size: 0; line-height: 0; padding: 0; visibility: hidden;
  animation: wide-hint linear both; animation-timeline: --wide-x;
}}
{_TABLE_LINE}, {_GRID_LINE} {{ content: "{TABLE_HINT}"; }}
{_EQUATION_LINE} {{ content: "{EQUATION_HINT}"; }}
@supports not (animation-timeline: scroll()) {{
  @media (max-width: {NARROW_PX}px) {{ {_TABLE_LINE}, {_GRID_LINE} {{ {_SHOWN} }} }}
}}
/* An equation's box as wide as its column (Streamlit fits it to the equation, which
   then overflows by a fraction of a pixel and would scroll), the equation centred in it. */
{_EQUATION_BOX} {{ width: 100%; margin: 0; }}
{_EQUATION_BOX} > [data-testid="stMarkdownContainer"] {{ flex: 1 1 auto; min-width: 0; }}
@media (max-width: {NARROW_PX}px) {{
  /* Equations at the size of the text around them (1.21x in KaTeX), so more fit. */
  [data-testid="stMain"] .katex-display > .katex {{ font-size: 1em; }}
}}
</style>"""


def add_scroll_hints() -> None:
    """Put the hints' style in the page (on every run: Streamlit drops what a run omits)."""
    st.html(STYLE)
