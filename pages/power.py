"""Power it: a generation mix for new AI power -> emissions, cost, GW to build, arrival."""

from __future__ import annotations

import streamlit as st

from charts import power as power_charts
from model import equivalents, grid
from model.link import VIEW_BY_NAME
from model.scenario import BASE_YEAR, END_YEAR
from ui import cache_pages
from ui.data import catalog, projection_frame
from ui.glossary import jargon_help, terms_note
from ui.page import page_scenario
from ui.plot import plot
from ui.power_text import (
    build_inputs_text,
    contrast_text,
    firm_power_text,
    lead_time_text,
    render_mix_metrics,
    render_preset_picker,
)

scenario = page_scenario()
cat = catalog()
sources, limits = cat["generation_sources"], cat["build_limits"]
labels = cache_pages.source_labels()

st.title("Power it")
st.markdown(
    "Where should the electricity for new AI come from? Pick a preset or move the weights "
    "under **Generation mix** in the sidebar (they are normalised to 100%), and see "
    "what the mix emits, costs, how much must be built and when it can deliver. The same "
    "mix feeds the supply on *Growth vs power*, and *Train a model* when its grid is 'My mix'."
)
render_preset_picker(scenario)
shares = grid.normalise_shares(scenario.mix_weights(), sources)  # weights: current_scenario
mix = shares.to_dict()

mix_bar = power_charts.mix_bar_figure(shares, labels)
plot(mix_bar)
terms_note(figures=(mix_bar,))  # the sources' short names: CCGT, SMR...
intensity = grid.mix_intensity_g_per_kwh(mix, sources)
cost_low, cost_high = grid.mix_cost_usd_per_mwh(mix, sources)
per_gw = float(grid.nameplate_gw(1.0, mix, sources, limits).sum())
year_view, load_view = VIEW_BY_NAME["power_year"], VIEW_BY_NAME["power_load_gw"]
first = cache_pages.build_by_source(scenario, BASE_YEAR)["first_year_delivers"]  # any year's
render_mix_metrics(intensity, (cost_low, cost_high), per_gw, grid.last_first_power_year(first))

left, right = st.columns(2)
# Defaults and ranges live in model.link, which reads and writes these settings in a link.
year = left.select_slider(
    "AI power (Growth vs power) in year",
    list(range(int(year_view.min), int(year_view.max) + 1)),
    year_view.default,
    key="power_year",
    persist_state="session",
)
user_gw = right.number_input(
    "Your own load (GW, average)",
    load_view.min,
    load_view.max,
    float(load_view.default),
    0.5,
    key="power_load_gw",
    persist_state="session",
)
at_year = projection_frame(scenario).set_index("year").loc[year]
wants, gets = f"AI wants {year}", f"AI gets {year}"
loads = {
    wants: float(at_year["power_demand_gw"]),
    gets: float(at_year["power_achieved_gw"]),
    "your load": float(user_gw),
}
summary, plates = grid.load_outputs(loads, mix, sources, limits, equivalents.reactor_gw(cat))
st.dataframe(power_charts.load_table(summary), width="stretch")
firm = firm_power_text(wants, gets, per_gw, equivalents.reactor_gw(cat))
st.markdown(firm, help=jargon_help(firm))

in_mix = tuple(str(sid) for sid, share in mix.items() if share > 0)
spans = grid.lead_times(cache_pages.lead_time_table(scenario), in_mix)  # the inputs' spans
leads = power_charts.lead_time_figure(spans, plates[wants].to_dict(), labels)
plot(leads)
words = lead_time_text(spans, year)
st.markdown(words, help=jargon_help(words, figures=(leads,)))
table = power_charts.source_table(spans, mix, labels, plates, first.to_dict(), END_YEAR)
st.dataframe(table, hide_index=True)

st.subheader("What the build inputs do to this mix")
build = cache_pages.build_by_source(scenario, year)
st.dataframe(power_charts.build_table(build, labels, year), hide_index=True)
words = build_inputs_text(scenario, year)
st.markdown(words, help=jargon_help(words))

charts = cache_pages.source_comparison_charts(in_mix)
st.subheader("Every source compared", help=cache_pages.source_comparison_help(in_mix))
for pair in (charts[:2], charts[2:]):  # two by two on a desktop, one under another on a phone
    for column, figure in zip(st.columns(2), pair, strict=True):
        plot(figure, column, share=0.5)
words = contrast_text(cache_pages.source_contrasts())
st.markdown(words, help=jargon_help(words))
