"""The question: the thesis, the current scenario's headline numbers, where to go next."""

from __future__ import annotations

import streamlit as st

from charts.style import STEP_NAMES
from model.answer import power_split, value_in_year
from model.projection import growth_decomposition, wall_year
from model.scenario import END_YEAR
from ui import format as fmt
from ui.data import home_results, monte_carlo, power_chart
from ui.glossary import define
from ui.growth_text import power_text
from ui.headline import binding_text, ranges_text, summary_for, wall_text
from ui.home_links import render_claim_cards, render_page_links
from ui.page import page_scenario
from ui.plot import plot
from ui.url import VIEW_BY_NAME, share_query

scenario = page_scenario()
frame, verdicts = home_results(scenario)  # one batched projection for both

st.title("Is energy the rate-limiting step for scaling AI?")
st.markdown(
    "Frontier AI training compute has grown about 4x a year, and the power of the largest "
    "training runs about 2x a year (Epoch AI). Power plants, grid connections and turbines "
    "take years to build, so at some point the electricity that can actually be delivered, "
    "not chips or money, may set how fast AI can grow."
)
# The Monte Carlo runs only when the reader asks for its ranges (Growth has them by default).
show_bands = st.toggle(
    "Show uncertainty (10,000 Monte Carlo samples)",
    value=VIEW_BY_NAME["home_bands"].default,
    key="home_bands",
    bind="query-params",
)
mc = monte_carlo(scenario) if show_bands else None
summary = summary_for(frame, mc)
split = power_split(frame, summary.year)
st.subheader(binding_text(summary))
st.subheader(wall_text(summary))
year = summary.year
wall = wall_year(frame)
# Two rows of four metrics of a fixed width in wrapping rows: four across on a desktop,
# two across on a 390 px phone (2 x 165 px and a small gap fit its 358 px; st.columns
# would stack all eight in one column there). Labels are short enough not to be cut at
# that width; the year is said once, above them.
st.markdown(
    f"**In {year}.** *Achieved*: what the limits allow. *Wanted*: what the trend asks "
    "for if nothing stops it."
)
METRIC_WIDTH = 165
with st.container(horizontal=True, gap="small"):
    st.metric(
        "Largest run, achieved",
        fmt.power(split.run_achieved_gw),
        help=f"Wall-plug power of the largest training run the limits allow in {year}.\n\n"
        + define("Achieved", "Wall-plug power"),
        width=METRIC_WIDTH,
    )
    st.metric(
        "Largest run, wanted",
        fmt.power(split.run_wanted_gw),
        help=f"Power the largest run would need in {year} if compute kept its trend "
        "(Epoch AI/EPRI: 4-16 GW likely).\n\n" + define("Wanted", "Frontier run"),
        width=METRIC_WIDTH,
    )
    st.metric(
        "Run FLOP, achieved",
        fmt.scientific(value_in_year(frame, "compute_achieved_flop", year)),
        help="Training compute of that run: the smallest of the six limits.\n\n"
        + define("FLOP", "Binding step"),
        width=METRIC_WIDTH,
    )
    st.metric(
        "Run FLOP, wanted",
        fmt.scientific(value_in_year(frame, "compute_demand_flop", year)),
        help="Training compute on the trend.\n\n" + define("Trend"),
        width=METRIC_WIDTH,
    )
with st.container(horizontal=True, gap="small"):
    st.metric(
        "All-AI power, wanted",
        fmt.power(split.wanted_gw),
        help=f"Serving, smaller AI and the frontier runs the other limits allow, average "
        f"power in {year}.\n\n" + define("Average power", "Inference"),
        width=METRIC_WIDTH,
    )
    st.metric(
        "Binding step",
        STEP_NAMES[summary.step_in_year],
        help=f"The step (trend, power, chips, capital, data, latency) that allows the largest "
        f"run the least in {year}.\n\n" + define("Binding step"),
        width=METRIC_WIDTH,
    )
    st.metric(
        "Wall year",
        str(wall) if wall else f"None by {END_YEAR}",
        help=define("The wall"),
        width=METRIC_WIDTH,
    )
    st.metric(
        "Run power growth",
        f"{fmt.sig(growth_decomposition(scenario)['power_growth'])}x/yr",
        help="How fast the largest run's wanted power grows: compute growth / (efficiency "
        "growth x run-length growth).\n\n" + define("FLOP per joule"),
        width=METRIC_WIDTH,
    )

chart, text = st.columns([3, 1])
plot(power_chart(scenario, mc is not None, frame), chart)
text.markdown(f"{power_text(split, scenario.frontier_runs, wall)} {ranges_text(mc is not None)}")

render_claim_cards(verdicts, share_query(scenario))
render_page_links()
