"""Growth vs power: the projection, the wall, the decomposition and Monte Carlo bands."""

from __future__ import annotations

import streamlit as st

from charts.growth import (
    compute_figure,
    decomposition_figure,
    power_figure,
    wall_distribution_figure,
)
from model.equivalents import average_power_gw
from model.projection import growth_after_wall, growth_decomposition, wall_year
from model.scenario import END_YEAR
from ui import format as fmt
from ui.data import catalog, history, monte_carlo, projection_frame
from ui.headline import headline_text
from ui.page import page_scenario

scenario = page_scenario()
frame = projection_frame(scenario)
world_gw = average_power_gw("world", catalog())
wall = wall_year(frame)

st.title("Growth vs power")
st.markdown(
    "If frontier training compute keeps growing at its historical pace, how much power "
    "does AI want, and how much can actually be built? Change the growth, efficiency, "
    "build rate and generation mix in the sidebar."
)
show_bands = st.toggle(
    "Show uncertainty (10,000 Monte Carlo samples)",
    value=True,
    key="show_bands",
    bind="query-params",
)
mc = monte_carlo(scenario) if show_bands else None
st.subheader(headline_text(frame, mc))

chart, text = st.columns([3, 1])
power = power_figure(frame, mc.bands if mc else None, history(), wall, world_average_gw=world_gw)
chart.plotly_chart(power, width="stretch")
text.markdown(
    "**Red**: power all AI would draw if frontier compute kept its trend (inference and "
    "smaller training grow on their own path). **Blue**: power that can be delivered: "
    "today's supply, the pipeline already being built, and new plants arriving after "
    "their lead times. **Purple dots**: past frontier runs (Epoch AI estimates) on the "
    "same axes as the largest-run line.\n\nThe wall is the first year red exceeds blue."
)

chart, text = st.columns([3, 1])
chart.plotly_chart(
    compute_figure(frame, mc.bands if mc else None, history(), wall), width="stretch"
)
after = growth_after_wall(frame)
text.markdown(
    "Before the wall the largest run follows the trend "
    f"({fmt.sig(scenario.compute_growth)}x per year). After it, AI gets only the power "
    "that exists, shared in proportion, so compute grows with supply x efficiency x run "
    "length" + (f": **{fmt.sig(after)}x per year** on average to {END_YEAR}." if after else ".")
)

chart, text = st.columns([3, 1])
decomp = growth_decomposition(scenario)
chart.plotly_chart(decomposition_figure(decomp), width="stretch")
text.markdown(
    "Epoch AI's identity: the power of the largest run grows by compute growth divided "
    "by efficiency growth and run-length growth. "
    f"Here {fmt.sig(decomp['compute_growth'])} / ({fmt.sig(decomp['efficiency_growth'])} "
    f"x {fmt.sig(decomp['run_length_growth'])}) = **{fmt.sig(decomp['power_growth'])}x per "
    "year**. Epoch AI measured 2.1-2.2x per year for 2010-2025."
)

if mc is not None:
    chart, text = st.columns([3, 1])
    chart.plotly_chart(wall_distribution_figure(mc.wall_years, END_YEAR), width="stretch")
    text.markdown(
        "Each sample draws compute growth, efficiency doubling time, other-AI growth and "
        "build rate "
        "(lognormal around your settings) and each source's lead time (triangular, from "
        "data/generation_sources.csv). Bars: share of samples whose wall falls in each "
        "year. See *Methods & sources* for the distributions."
    )
else:
    st.caption("Turn on uncertainty to see the distribution of the wall year.")
