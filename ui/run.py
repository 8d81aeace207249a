"""One run of the app after navigation: the sidebar's inputs, the scenario, then the page,
in the order that gets a changed chart to the browser soonest."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import streamlit as st

from model.scenario import Scenario
from ui.history import install_history_rule
from ui.link_report import show_link_report
from ui.page import page_links
from ui.share import address_pairs, render_share_control
from ui.sidebar import (
    SCENARIO_KEY,
    current_scenario,
    entered_scenario,
    render_inputs,
    rerun_once_if_changed,
)
from ui.url import address_query, write_link


@dataclass(frozen=True)
class SidebarPlan:
    """Where the sidebar goes and what it shows for this page."""

    nav: Any  #: container at the top of the sidebar for the page links
    share_top: Any  #: container under it for the copy-link control
    pages: Sequence[Any]  #: the st.Page of every page, in the sidebar's order
    open_group: str | None  #: the input group this page opens the first time
    page_id: str  #: this page's id (model.scenario.PAGE_IDS)
    titles: dict[str, str]  #: each page's title, by id


def publish(entered: Scenario) -> None:
    """Put the scenario as entered in the address bar, and the one the pages use in the
    session (ui/page.page_scenario)."""
    show_link_report(write_link(address_pairs(entered)))
    st.session_state[SCENARIO_KEY] = current_scenario(entered)


def draw_inputs(plan: SidebarPlan) -> Scenario:
    """The input groups; the scenario as entered once they are drawn."""
    return render_inputs(plan.open_group, plan.page_id, plan.titles)


def draw_links_and_share(plan: SidebarPlan) -> None:
    """The page links and the copy-link control at the top of the sidebar."""
    page_links(plan.nav, plan.pages, address_query())
    render_share_control(st.session_state[SCENARIO_KEY], plan.share_top)
    install_history_rule()


def run_page(page: Any, plan: SidebarPlan) -> None:
    """Draw the sidebar and run `page` (st.navigation's page) with the scenario.

    A session's first run draws the inputs first: after a reconnect to a new server the
    browser may hold values that only a drawn widget makes readable. Every later run (a
    moved input, another page) runs the page first, from the values the session already
    holds, and draws the sidebar after it. Streamlit sends elements in the order they are
    drawn, and the browser redraws a chart only once it has taken in the elements sent
    before it, so the changed chart no longer waits behind the sidebar's fifty elements
    (docs/benchmarks.md). A page must therefore not call st.stop(), which would leave
    the sidebar undrawn for that run.
    """
    if SCENARIO_KEY not in st.session_state:
        publish(draw_inputs(plan))
        draw_links_and_share(plan)
        page.run()
        return
    entered = entered_scenario()
    publish(entered)
    try:
        page.run()
    finally:
        drawn = draw_inputs(plan)
        draw_links_and_share(plan)
    rerun_once_if_changed(entered, drawn)
