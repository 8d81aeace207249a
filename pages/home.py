"""The question: the thesis, the current scenario's headline numbers, where to go next."""

from __future__ import annotations

import streamlit as st

from charts.growth import power_figure
from charts.style import STEP_NAMES
from model.answer import power_split
from model.equivalents import average_power_gw
from model.projection import growth_decomposition, wall_year
from model.scenario import END_YEAR
from ui import format as fmt
from ui.data import catalog, claim_verdicts, history, monte_carlo, projection_frame
from ui.growth_text import power_text
from ui.headline import binding_text, summary_for, wall_text
from ui.home_links import render_claim_cards, render_page_links
from ui.page import page_scenario
from ui.url import share_query

scenario = page_scenario()
frame = projection_frame(scenario)
world_gw = average_power_gw("world", catalog())
mc = monte_carlo(scenario)
summary = summary_for(frame, mc)
split = power_split(frame, summary.year)
run = frame.set_index("year").loc[summary.year]

st.title("Is energy the rate-limiting step for scaling AI?")
st.markdown(
    "Frontier AI training compute has grown about 4x a year, and the power of the largest "
    "training runs about 2x a year (Epoch AI). Power plants, grid connections and turbines "
    "take years to build, so at some point the electricity that can actually be delivered, "
    "not chips or money, may set how fast AI can grow."
)
st.subheader(binding_text(summary))
st.subheader(wall_text(summary))

year = summary.year
cols = st.columns(4)
wall = wall_year(frame)
cols[0].metric(
    f"Largest run in {year} (achieved)",
    fmt.power(split.run_achieved_gw),
    help=f"Wall-plug power of the largest training run the limits allow in {year}",
)
cols[1].metric(
    f"Its FLOP in {year} (achieved)",
    fmt.scientific(run["compute_achieved_flop"]),
    help="Training compute of that run: the smallest of the six limits",
)
cols[2].metric(
    f"Set in {year} by",
    STEP_NAMES[summary.step_in_year],
    help="The step (trend, power, chips, capital, data, latency) that allows the least",
)
cols[3].metric(
    "Wall year",
    str(wall) if wall else f"None by {END_YEAR}",
    help="First year all-AI power demand exceeds what can be supplied",
)
cols = st.columns(4)
cols[0].metric(
    f"Largest run in {year} (wanted)",
    fmt.power(split.run_wanted_gw),
    help="Power the run would need if compute kept its trend (Epoch AI/EPRI: 4-16 GW likely)",
)
cols[1].metric(
    f"Its FLOP in {year} (wanted)",
    fmt.scientific(run["compute_demand_flop"]),
    help="Training compute on the trend",
)
cols[2].metric(
    f"All-AI power in {year} (wanted)",
    fmt.power(split.wanted_gw),
    help="Serving, smaller AI and the frontier runs the other limits allow, average power",
)
cols[3].metric(
    "Run power growth (wanted)",
    f"{fmt.sig(growth_decomposition(scenario)['power_growth'])}x per year",
    help="Compute growth / (efficiency growth x run-length growth)",
)

chart, text = st.columns([3, 1])
power = power_figure(frame, mc.bands, history(), wall, world_average_gw=world_gw)
chart.plotly_chart(power, width="stretch")
text.markdown(
    power_text(split, scenario.frontier_runs, wall)
    + " Bands: 10th-90th percentiles of 10,000 Monte Carlo samples. Every input is in the "
    "sidebar, with its source on the **?**."
)

render_claim_cards(claim_verdicts(scenario), share_query(scenario))
render_page_links()
