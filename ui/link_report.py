"""What a reader is told about the link they opened: what it could not use, what moved to
a slider step, and which version made it (model/link.py finds these; this words them)."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

import streamlit as st

from model.link import INVISIBLE, Decoded, Problem, Snapped
from ui import changelog
from ui import format as fmt
from ui.sidebar import link_choices, reason_text
from ui.version import app_version

#: Longest piece of a reader's key or value repeated in a message; a link can carry 100 kB.
MAX_ECHO_CHARS = 40
#: Most problems listed before "and N more".
MAX_LISTED = 6
#: Streamlit ignores a whole query string of more than this many parameters, so the
#: server sees none of them (streamlit.runtime.state.query_params).
STREAMLIT_MAX_PARAMS = 1000
#: Shown by the browser when a link opened empty because it had too many parameters: only
#: the browser still sees them. Our own fixed words: no text from the link is inserted.
TOO_MANY_PARAMS_HTML = f"""<div id="too-many-params" role="alert" style="display: none;
 padding: 0.75rem 1rem; border-radius: 0.5rem; background: #fff8e1; color: #5d4037"></div>
<script>(() => {{
  const count = Array.from(new URLSearchParams(window.location.search)).length;
  if (count <= {STREAMLIT_MAX_PARAMS}) return;
  const box = document.getElementById("too-many-params");
  box.textContent = "This link has " + count.toLocaleString("en") + " parameters, more " +
    "than the {STREAMLIT_MAX_PARAMS:,} the dashboard can read, so none of them was used: " +
    "the page shows the default scenario. Remove the parameters that are not inputs.";
  box.style.display = "block";
}})();</script>"""


def visible(text: str) -> str:
    """Text with every invisible character (bidirectional controls such as U+202E,
    zero-width spaces, control characters) shown as its code point, [U+202E], so a link
    cannot reverse or hide the words around it."""
    return "".join(
        f"[U+{ord(ch):04X}]" if unicodedata.category(ch) in INVISIBLE else ch for ch in text
    )


def echo(text: str) -> str:
    """A reader's text to repeat in a message: invisible characters made visible, at most
    MAX_ECHO_CHARS, escaped for Markdown."""
    shown = visible(text)
    short = shown if len(shown) <= MAX_ECHO_CHARS else shown[: MAX_ECHO_CHARS - 1] + "…"
    return fmt.plain(short)


def problem_text(problem: Problem) -> str:
    """One problem as a clause of the warning (escaped)."""
    key = echo(problem.key)
    if problem.kind == "retired":
        text = fmt.plain(problem.reason)
    elif problem.kind == "unknown":
        text = f"'{key}' is not an input of this dashboard"
    elif problem.kind == "repeated":
        text = f"'{key}' is given {problem.reason} times; using the default"
    elif problem.kind == "too_many":
        return f"{problem.value} more saved scenarios left out (a link restores {problem.reason})"
    elif problem.kind == "left_out":
        return f"saved scenario '{echo(problem.saved)}' left out: {fmt.plain(problem.reason)}"
    else:
        why = reason_text(problem.reason, problem.bounds)
        text = f"'{key}={echo(problem.value)}' ({fmt.plain(why)}); using the default"
    return f"in saved scenario '{echo(problem.saved)}': {text}" if problem.saved else text


def listed(parts: Sequence[str]) -> str:
    """The first MAX_LISTED parts joined, then "and N more"."""
    shown = list(parts[:MAX_LISTED])
    if len(parts) > MAX_LISTED:
        shown.append(f"and {len(parts) - MAX_LISTED} more")
    return "; ".join(shown)


def ignored_message(problems: Sequence[Problem]) -> str:
    """One sentence listing what the link could not use (escaped)."""
    return f"Some link parameters were ignored: {listed([problem_text(p) for p in problems])}."


def snapped_message(snapped: Sequence[Snapped]) -> str:
    """One sentence naming the link's numbers moved to a slider step (escaped)."""
    labels = link_choices()
    parts = [
        f"'{echo(item.key)}={echo(item.value)}' is now {fmt.plain(labels[item.key][item.step])}"
        for item in snapped
    ]
    return f"Link values moved to the nearest slider step: {listed(parts)}."


def version_message(link_version: str, running: str) -> str:
    """What a link made with another version tells the reader (escaped)."""
    if changelog.is_newer(link_version, running):
        return (
            f"This link was made with version {echo(link_version)}, newer than this "
            f"dashboard's {running}; inputs it added are ignored and numbers may differ."
        )
    return (
        f"This link was made with version {echo(link_version)}; the numbers now come from "
        f"model version {running}. See what changed below."
    )


def show_link_report(decoded: Decoded | None) -> None:
    """The opening link's report: one warning, one note of moved values, the version; for
    a link that reached the app empty, the browser's check for too many parameters."""
    if decoded is None:
        return
    if decoded == Decoded({}, {}, (), ()):
        st.html(TOO_MANY_PARAMS_HTML, unsafe_allow_javascript=True)
    if decoded.problems:
        st.warning(ignored_message(decoded.problems), icon=":material/link_off:")
    if decoded.snapped:
        st.info(snapped_message(decoded.snapped), icon=":material/straighten:")
    running = app_version()
    if not decoded.version or decoded.version == running:
        return
    st.info(version_message(decoded.version, running), icon=":material/history:")
    changes = (
        ""
        if changelog.is_newer(decoded.version, running)
        else changelog.changes_since(decoded.version)
    )
    if changes:
        with st.expander(f"What changed since version {echo(decoded.version)}"):
            st.markdown(changes)
