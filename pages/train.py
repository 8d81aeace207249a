"""Train a model: one run's compute, time, energy, power, emissions and cost."""

from __future__ import annotations

import streamlit as st

from charts.training import runs_figure
from model import equivalents
from model.constants import CHINCHILLA_TOKENS_PER_PARAM
from model.training import estimate_run
from ui import format as fmt
from ui.data import catalog, published_run_traces
from ui.methods_tables import render_doc
from ui.page import page_scenario
from ui.plot import plot

scenario = page_scenario()
cat = catalog()
result = estimate_run(scenario, cat)

st.title("Train a model")
st.markdown(
    "How much electricity does one training run take? Set the model, the data and the "
    "hardware under **Training run** and **Chips & facility** in the sidebar; every "
    "number below follows from them by the equations at the bottom of the page."
)

tokens_note = (
    f" (compute-optimal: {CHINCHILLA_TOKENS_PER_PARAM:.0f} per parameter)"
    if scenario.compute_optimal
    else ""
)
st.caption(
    f"{fmt.short_count(scenario.params)} parameters, {fmt.short_count(result.tokens)} tokens"
    f"{tokens_note}, on {fmt.count(scenario.cluster_size)} x {fmt.plain(scenario.chip)} "
    f"at {scenario.utilization:.0%} utilization, PUE {scenario.pue:.2f}, server overhead "
    f"{scenario.server_overhead:.2f}x."
)

# Wrapping rows: two metrics a line on a phone, four on a desktop.
row = st.container(horizontal=True)
row.metric(
    "Training compute (FLOP)",
    fmt.scientific(result.training_flop),
    help="6 x parameters x tokens",
    width="content",
)
row.metric("Accelerator-hours", fmt.count(result.accelerator_hours), width="content")
row.metric("Time on the cluster", f"{fmt.sig(result.days)} days", width="content")
row.metric("Energy", fmt.energy(result.energy_mwh), help="At the facility meter", width="content")
row = st.container(horizontal=True)
row.metric(
    "Facility power",
    fmt.power(result.facility_power_gw),
    help="Average draw of the whole cluster while training",
    width="content",
)
row.metric(
    "Emissions",
    fmt.mass_co2(result.emissions_tco2e),
    help=f"At {fmt.sig(result.carbon_intensity_g_per_kwh)} gCO2e/kWh",
    width="content",
)
row.metric(
    "Electricity cost",
    fmt.usd(result.cost_usd),
    help=f"At ${fmt.sig(scenario.price_usd_per_mwh)}/MWh",
    width="content",
)
row.metric(
    "Chip efficiency",
    f"{fmt.sig(result.efficiency_x_h100)}x H100",
    help=f"{fmt.scientific(result.efficiency_flop_per_j)} useful FLOP per joule "
    "at the wall, at these utilization, overhead and PUE settings",
    width="content",
)

homes = equivalents.us_home_years(result.energy_mwh, cat)
reactor = equivalents.reactor_days(result.energy_mwh, cat)
st.info(
    f"**In everyday terms:** the electricity of **{fmt.count(homes)} US homes for a year** "
    f"(EIA: {fmt.sig(equivalents.us_home_mwh_per_year(cat))} MWh per home per year), or "
    f"**{fmt.sig(reactor)} days** of a {fmt.power(equivalents.reactor_gw(cat))} reactor's "
    "full output.",
    icon=":material/home:",
)

chart, text = st.columns([3, 1])
runs = runs_figure(published_run_traces(), result.training_flop, result.energy_mwh)
plot(runs, chart, share=0.75)
text.markdown(
    "**Reading the chart.** Each grey dot is a published training run: energy from the "
    "paper or model card (filled) or from Epoch AI's power estimate times the run's "
    "length (open). Hover for the source. The red star is your run, drawn as an "
    "outline so a published run under it stays visible.\n\n"
    "Runs on one diagonal use the same energy per FLOP; newer chips sit lower. The "
    "spread at equal compute is the chips, utilization and data-centre overheads."
)

with st.expander("How this is computed"):
    render_doc("train")  # short equations, each term of art defined where it is used
