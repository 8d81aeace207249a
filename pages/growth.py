"""Growth vs power: what limits the largest run, how often, what moves the wall, and the
power, compute, decomposition and wall-year charts."""

from __future__ import annotations

from typing import Any

import streamlit as st

from model.answer import power_split, shares_in_year, tornado_lead
from model.link import VIEW_BY_NAME
from model.projection import growth_after_wall, growth_decomposition, wall_year
from ui import growth_text as text
from ui.data import (
    growth_figures,
    limits_chart,
    monte_carlo,
    power_chart,
    projection_frame,
    tornado_table,
)
from ui.glossary import jargon_help
from ui.headline import binding_text, fleet_text, summary_for, wall_text
from ui.page import page_scenario, region_switch
from ui.plot import plot

scenario = page_scenario()
frame = projection_frame(scenario)
wall = wall_year(frame)
wall_share = scenario.wall_threshold_share

st.title("Growth vs power")
INTRO = (
    "If frontier training compute keeps growing at its historical pace, what stops it "
    "first: the largest single site, the power that can be built, chips, money, data or "
    "latency? And when does power start costing all of AI compute it could otherwise "
    "have? Change the inputs in the sidebar."
)
st.markdown(INTRO, help=jargon_help(INTRO))
show_bands = st.toggle(
    "Show uncertainty (10,000 Monte Carlo samples)",
    value=VIEW_BY_NAME["show_bands"].default,
    key="show_bands",
    persist_state="session",
)
answer = st.container()  # filled once the Monte Carlo (if on) has run, below


def chart_with_text(figure: Any, words: str) -> None:
    """A chart with its explanation beside it (below it on a phone)."""
    chart, side = st.columns([3, 1])
    plot(figure, chart, share=0.75)
    side.markdown(words, help=jargon_help(words, figures=(figure,)))  # the terms both use


# The first chart needs no Monte Carlo: it is drawn before the 10,000 samples run, so
# it follows a slider at once; the answer above it then gets its P10-P90 ranges.
central = summary_for(frame, None)
chart_with_text(limits_chart(scenario), text.limits_text(central, power_split(frame, central.year)))
mc = monte_carlo(scenario) if show_bands else None
summary = summary_for(frame, mc)
for sentence in (binding_text(summary), fleet_text(summary), wall_text(summary, wall_share)):
    answer.markdown(f"#### {sentence}", help=jargon_help(sentence))
figures = growth_figures(scenario, mc is not None)
chart_with_text(figures["fleet"], text.fleet_chart_text(summary))
if mc is not None:
    year = summary.year
    chart_with_text(
        figures["shares"], text.shares_text(shares_in_year(mc.binding_shares, year), year)
    )
    chart_with_text(
        figures["fleet_shares"],
        text.shares_text(shares_in_year(mc.fleet_binding_shares, year), year, fleet=True),
    )
chart_with_text(figures["tornado"], text.tornado_text(tornado_lead(tornado_table(scenario)), wall))
region = region_switch()
chart_with_text(
    power_chart(scenario, mc is not None, frame, region),
    text.power_text(power_split(frame, summary.year, region), wall),
)
chart_with_text(
    figures["compute"],
    text.compute_text(summary, scenario.compute_growth, growth_after_wall(frame)),
)
chart_with_text(figures["decomposition"], text.decomposition_text(growth_decomposition(scenario)))
if mc is not None:
    chart_with_text(figures["wall"], text.wall_distribution_text(summary))
else:
    st.caption(
        "Turn on uncertainty to see how often each step binds the run and all of AI, and "
        "the distribution of the wall year."
    )
