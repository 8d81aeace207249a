"""The browser's history: one entry per page change or explicit action, not per slider move.

Streamlit's frontend pushes a history entry every time the server changes the query
string (its handlePageInfoChanged calls window.history.pushState), and ui/url.py changes
it on every run that changes the scenario. So every slider move became an entry, and Back
walked through each drag. The rule the script below installs in the reader's page:

- a change made with an input (a slider, a number or text box, a select box, a radio, a
  checkbox or toggle) replaces the current entry;
- any other action that changes the address (a page link, a preset, reset, restore, a
  button) pushes one entry, and every further address change of that same action
  (Streamlit first pushes the bare page path, then our full link) replaces it;
- choosing a preset from a select box (the keys in PUSH_KEYS) counts as an action.

Back and Forward then land on entries whose link ui/url.read_link reads again. Nothing of
the reader's is inserted into the script: it is a fixed string.
"""

from __future__ import annotations

import streamlit as st

#: Widgets whose change replaces the history entry (Streamlit 1.67's data-testid values).
INPUT_TESTIDS = (
    "stSlider",
    "stNumberInput",
    "stTextInput",
    "stSelectbox",
    "stMultiSelect",
    "stRadio",
    "stCheckbox",
    "stToggle",
)
#: Keys of select boxes that apply a preset: choosing one is an action, so it pushes.
PUSH_KEYS = ("power_preset",)
#: A select box's options open in a floating list outside the widget; a pick there belongs
#: to the widget the reader opened it from.
OPTION_LIST = '[role="listbox"], [data-baseweb="popover"]'

_INPUTS = ", ".join(f'[data-testid="{testid}"]' for testid in INPUT_TESTIDS)
_PUSH = ", ".join(f".st-key-{key}" for key in PUSH_KEYS)

HISTORY_SCRIPT = f"""<script>(() => {{
  if (window.__energyHistoryRule) return;
  window.__energyHistoryRule = true;
  const push = window.history.pushState.bind(window.history);
  const replace = window.history.replaceState.bind(window.history);
  // "input": the last action was a change to an input; "pushed": this action already
  // made its entry. A page load counts as an action that has made its entry.
  let last = {{ input: false, pushed: true }};
  const note = (event) => {{
    const target = event.target instanceof Element ? event.target : null;
    if (!target || target.closest('{OPTION_LIST}')) return;
    const input = !!target.closest('{_INPUTS}') && !target.closest('{_PUSH}');
    last = {{ input, pushed: false }};
  }};
  document.addEventListener("pointerdown", note, true);
  document.addEventListener("keydown", note, true);
  window.addEventListener("popstate", () => {{ last = {{ input: false, pushed: true }}; }});
  window.history.pushState = (state, title, url) => {{
    const next = new URL(url, window.location.href);
    const samePage = next.pathname === window.location.pathname;
    if ((last.input && samePage) || last.pushed) return replace(state, title, url);
    last.pushed = true;
    return push(state, title, url);
  }};
}})();</script>"""


def install_history_rule() -> None:
    """Put the history rule into the reader's page (once per page load; drawn at the foot
    of the sidebar, where its empty block is out of the way)."""
    st.sidebar.html(HISTORY_SCRIPT, unsafe_allow_javascript=True)
