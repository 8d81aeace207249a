"""The question: the thesis, the current scenario's headline numbers, where to go next."""

from __future__ import annotations

import streamlit as st

from charts.growth import power_figure
from model.equivalents import average_power_gw
from model.projection import growth_decomposition, wall_year
from ui import format as fmt
from ui.data import catalog, history, monte_carlo, projection_frame
from ui.headline import headline_text
from ui.page import page_scenario

scenario = page_scenario()
frame = projection_frame(scenario)
world_gw = average_power_gw("world", catalog())
mc = monte_carlo(scenario)
at_2030 = frame.set_index("year").loc[2030]

st.title("Is energy the rate-limiting step for scaling AI?")
st.markdown(
    "Frontier AI training compute has grown about 4x a year, and the power of the largest "
    "training runs about 2x a year (Epoch AI). Power plants, grid connections and turbines "
    "take years to build, so at some point the electricity that can actually be delivered, "
    "not chips or money, may set how fast AI can grow."
)
st.subheader(headline_text(frame, mc))

cols = st.columns(4)
wall = wall_year(frame)
cols[0].metric(
    "Wall year",
    str(wall) if wall else "None by 2040",
    help="First year all-AI power demand exceeds what can be supplied",
)
cols[1].metric(
    "Largest run in 2030",
    fmt.power(at_2030["frontier_run_power_gw"]),
    help="Wall-plug power of the largest training run (Epoch AI/EPRI: 4-16 GW likely)",
)
cols[2].metric(
    "All-AI demand in 2030",
    fmt.power(at_2030["power_demand_gw"]),
    help="Inference and all training, average power",
)
cols[3].metric(
    "Run power growth",
    f"{fmt.sig(growth_decomposition(scenario)['power_growth'])}x per year",
    help="Compute growth / (efficiency growth x run-length growth)",
)

chart, text = st.columns([3, 1])
power = power_figure(frame, mc.bands, history(), wall, world_average_gw=world_gw)
chart.plotly_chart(power, width="stretch")
text.markdown(
    "Red is the power AI would want if today's trends continue; blue is what can be "
    "built; the shaded bands are the 10th-90th percentiles of 10,000 Monte Carlo samples. "
    "Every input is in the sidebar, with its source on the **?**."
)

st.markdown("#### Test a claim")
links = st.columns(3)
with links[0]:
    st.page_link("pages/growth.py", label="Growth vs power", icon=":material/trending_up:")
    st.caption("When does power run out, and how fast can AI grow after that?")
    st.page_link("pages/train.py", label="Train a model", icon=":material/model_training:")
    st.caption("'Training a frontier model takes a town's worth of power.'")
with links[1]:
    st.page_link("pages/power.py", label="Power it", icon=":material/electric_bolt:")
    st.caption("'Nuclear will power AI.' Emissions, cost and years to build, by mix.")
    st.page_link("pages/serve.py", label="Serve it", icon=":material/chat:")
    st.caption("Energy per query and for a whole fleet, beside published measurements.")
with links[2]:
    st.page_link("pages/compare.py", label="Compare & share", icon=":material/compare_arrows:")
    st.caption("Presets, saved scenarios side by side, links and downloads.")
    st.page_link("pages/methods.py", label="Methods & sources", icon=":material/menu_book:")
    st.caption("Equations, every source, and how far the model is from published figures.")
