"""The question: the thesis, the current scenario's headline numbers, where to go next."""

from __future__ import annotations

import streamlit as st

from model.answer import power_split
from model.link import VIEW_BY_NAME
from model.projection import wall_year
from ui.data import home_results, monte_carlo, power_chart
from ui.glossary import jargon_help
from ui.growth_text import power_text
from ui.headline import binding_text, fleet_text, ranges_text, summary_for, wall_text
from ui.home_links import render_claim_cards, render_page_links
from ui.home_metrics import headlines, render_headlines
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
# The Monte Carlo runs only when the reader asks for its ranges (as on Growth vs power).
show_bands = st.toggle(
    "Show uncertainty (10,000 Monte Carlo samples)",
    value=VIEW_BY_NAME["home_bands"].default,
    key="home_bands",
    persist_state="session",
)
mc = monte_carlo(scenario) if show_bands else None
summary = summary_for(frame, mc)
split = power_split(frame, summary.year)
wall_share = scenario.wall_threshold_share
for sentence in (binding_text(summary), fleet_text(summary), wall_text(summary, wall_share)):
    st.markdown(f"#### {sentence}", help=jargon_help(sentence))  # e.g. P10-P90, latency
year = summary.year
wall = wall_year(frame)
st.markdown(
    f"**In {year}.** *Achieved*: what the limits allow. *Wanted*: what the trend asks "
    "for if nothing stops it." + (" Under each number, its P10-P90 range." if mc else "")
)
render_headlines(headlines(frame, summary, split, mc, wall))

region = region_switch()
chart, text = st.columns([3, 1])
bands = mc is not None
figure = power_chart(scenario, bands, frame, region)
plot(figure, chart, share=0.75)
words = f"{power_text(power_split(frame, year, region), wall)} {ranges_text(bands, region)}"
text.markdown(words, help=jargon_help(words, figures=(figure,)))

render_claim_cards(verdicts, address_query())
render_page_links(address_query())
