"""The question: the thesis, the current scenario's headline numbers, where to go next."""

from __future__ import annotations

import streamlit as st

from charts.style import FLEET_NAMES, STEP_NAMES
from model.answer import power_split, value_in_year
from model.link import VIEW_BY_NAME
from model.projection import wall_year
from model.scenario import END_YEAR
from ui import format as fmt
from ui.data import home_results, monte_carlo, power_chart
from ui.glossary import define
from ui.growth_text import power_text
from ui.headline import binding_text, fleet_text, ranges_text, summary_for, wall_text
from ui.home_links import render_claim_cards, render_page_links
from ui.page import page_scenario, region_switch
from ui.plot import plot
from ui.url import address_query

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
    persist_state="session",
)
mc = monte_carlo(scenario) if show_bands else None
summary = summary_for(frame, mc)
split = power_split(frame, summary.year)
st.markdown(f"#### {binding_text(summary)}")
st.markdown(f"#### {fleet_text(summary)}")
st.markdown(f"#### {wall_text(summary, scenario.wall_threshold_share)}")
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
        "Sets the largest run",
        STEP_NAMES[summary.step_in_year],
        help=f"The step that allows the largest run the least in {year}: the trend, the "
        "largest single site, the power that can be built, chips, money, data or latency."
        "\n\n" + define("Binding step"),
        width=METRIC_WIDTH,
    )
    st.metric(
        "Holds AI's chips back",
        FLEET_NAMES[summary.fleet_step_in_year],
        help=f"The step that limits all of AI's new accelerators in {year}: demand (none "
        "of the others), chips made, money, or the power that can be built.",
        width=METRIC_WIDTH,
    )
    st.metric(
        "Wall year",
        str(wall) if wall else f"None by {END_YEAR}",
        help=define("The wall"),
        width=METRIC_WIDTH,
    )

region = region_switch()
chart, text = st.columns([3, 1])
plot(power_chart(scenario, mc is not None, frame, region), chart)
text.markdown(
    f"{power_text(power_split(frame, year, region), wall)} {ranges_text(mc is not None, region)}"
)

render_claim_cards(verdicts, address_query())
render_page_links(address_query())
