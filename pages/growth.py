"""Growth vs power: what limits the largest run, how often, what moves the wall, and the
power, compute, decomposition and wall-year charts."""

from __future__ import annotations

import streamlit as st

from charts import growth as charts
from model.answer import power_split, shares_in_year, tornado_lead
from model.equivalents import average_power_gw
from model.projection import growth_after_wall, growth_decomposition, wall_year
from model.scenario import END_YEAR
from ui import growth_text as text
from ui.data import catalog, history, monte_carlo, projection_frame, tornado_table
from ui.headline import binding_text, summary_for, wall_text
from ui.page import page_scenario
from ui.plot import plot
from ui.url import VIEW_BY_NAME

scenario = page_scenario()
frame = projection_frame(scenario)
wall = wall_year(frame)

st.title("Growth vs power")
st.markdown(
    "If frontier training compute keeps growing at its historical pace, what stops it "
    "first: power, chips, money, data or latency? And when does all of AI want more power "
    "than can be built? Change the inputs in the sidebar."
)
show_bands = st.toggle(
    "Show uncertainty (10,000 Monte Carlo samples)",
    value=VIEW_BY_NAME["show_bands"].default,
    key="show_bands",
    bind="query-params",
)
mc = monte_carlo(scenario) if show_bands else None
summary = summary_for(frame, mc)
split = power_split(frame, summary.year)
st.subheader(binding_text(summary))
st.subheader(wall_text(summary))


def chart_with_text(figure: object, words: str) -> None:
    """A chart with its explanation beside it (below it on a phone)."""
    chart, side = st.columns([3, 1])
    plot(figure, chart)
    side.markdown(words)


chart_with_text(charts.limits_figure(frame), text.limits_text(summary, split))
if mc is not None:
    chart_with_text(
        charts.binding_shares_figure(mc.binding_shares, len(mc.wall_years)),
        text.shares_text(shares_in_year(mc.binding_shares, summary.year), summary.year),
    )
tornado = tornado_table(scenario)
chart_with_text(
    charts.tornado_figure(tornado, wall, END_YEAR), text.tornado_text(tornado_lead(tornado), wall)
)
chart_with_text(
    charts.power_figure(
        frame,
        mc.bands if mc else None,
        history(),
        wall,
        world_average_gw=average_power_gw("world", catalog()),
    ),
    text.power_text(split, scenario.frontier_runs, wall),
)
chart_with_text(
    charts.compute_figure(frame, mc.bands if mc else None, history(), wall),
    text.compute_text(summary, scenario.compute_growth, growth_after_wall(frame)),
)
decomp = growth_decomposition(scenario)
chart_with_text(charts.decomposition_figure(decomp), text.decomposition_text(decomp))
if mc is not None:
    chart_with_text(
        charts.wall_distribution_figure(mc.wall_years, END_YEAR),
        text.wall_distribution_text(mc.share_with_wall(), summary),
    )
else:
    st.caption(
        "Turn on uncertainty to see how often each step binds and the distribution of "
        "the wall year."
    )
