"""The address bar: the one reader and writer of st.query_params (model/link.py is the format).

A session's first run, and a run the browser's Back or Forward button started, put the
link into the session before any widget is drawn; every run then writes the whole state
back (inputs, view settings, saved scenarios), so the address bar on any page is a link to
what the page shows. No widget is bound to the URL but the Methods page's tabs, which
Streamlit keeps itself (model.link.STREAMLIT_PARAMS).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import streamlit as st

from model import link
from ui.page import history_navigation
from ui.sidebar import link_choices

#: Session-state key of the saved scenarios (name -> Scenario, in order).
SAVED_KEY = "saved_scenarios"
#: Session-state key of the opening link: what it could not use, and the state it opened as.
LINK_KEY = "_opening_link"
Pairs = Sequence[tuple[str, str]]


@dataclass(frozen=True)
class OpeningLink:
    """The link a session opened with: its report (None once the state changed), and the
    pairs the address bar held after the first run."""

    decoded: link.Decoded | None
    pairs: tuple[tuple[str, str], ...] | None = None


def _params() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


def view_values() -> dict[str, Any]:
    """The pages' view settings as this session holds them (a default if never set)."""
    return {spec.name: st.session_state.get(spec.name, spec.default) for spec in link.VIEW_SETTINGS}


def read_link() -> None:
    """On a session's first run: the link's inputs, view settings and saved scenarios go
    into the session before any widget is drawn, and what it could not use is kept. After
    Back or Forward: the inputs and view settings of that history entry's link (what it
    leaves out at its default), the saved scenarios kept."""
    params = _params()
    # A page change first pushes a history entry without our parameters (Streamlit keeps
    # only URL-bound widgets' ones), then this writer pushes the full link: Back onto that
    # bare entry keeps the scenario rather than resetting every input.
    back = history_navigation() and bool(set(params) - link.STREAMLIT_PARAMS)
    if LINK_KEY in st.session_state and not back:
        return
    decoded = link.decode(params, link_choices())
    if back:
        for spec in link.FIELDS.values():
            st.session_state[spec.name] = spec.default
    for key, value in (decoded.values | decoded.view).items():
        st.session_state[key] = value
    st.session_state.setdefault(SAVED_KEY, decoded.saved)
    st.session_state[LINK_KEY] = OpeningLink(decoded)


def write_link(pairs: Pairs) -> link.Decoded | None:
    """Make the address bar hold `pairs` (model.link.encode's, and the saved scenarios),
    keeping Streamlit's own parameters; return the opening link's report while the state
    is still the one it opened as (once per link: the first change ends it)."""
    wanted: dict[str, list[str]] = {}
    for key, value in pairs:
        wanted.setdefault(key, []).append(value)
    now = _params()
    kept = {key: values for key, values in now.items() if key in link.STREAMLIT_PARAMS}
    if now != kept | wanted:
        if link.TAB_PARAMS & set(kept):  # bound to their tabs: keys from_dict may not set
            for key in set(now) - set(kept) - set(wanted):
                del st.query_params[key]
            st.query_params.update(wanted)
        else:
            st.query_params.from_dict(kept | wanted)
    opening: OpeningLink = st.session_state[LINK_KEY]
    if opening.pairs is None:
        opening = replace(opening, pairs=tuple(pairs))
    elif opening.decoded is not None and opening.pairs != tuple(pairs):
        opening = replace(opening, decoded=None)
    st.session_state[LINK_KEY] = opening
    return opening.decoded


def address_query() -> dict[str, list[str]]:
    """The link the address bar holds (after write_link): every parameter but Streamlit's."""
    return {key: values for key, values in _params().items() if key not in link.STREAMLIT_PARAMS}
