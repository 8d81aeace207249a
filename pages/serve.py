"""Serve it: energy, cost and emissions per query and for a whole fleet, beside published
figures."""

from __future__ import annotations

import streamlit as st

from charts.serve import datacenter_figure, per_query_figure
from model import inference
from model.scenario import BASE_YEAR
from ui import cache_pages
from ui.data import catalog, projection_frame
from ui.page import page_scenario
from ui.plot import plot
from ui.serve_text import (
    datacenter_text,
    one_service_text,
    published_emissions_text,
    render_fleet_metrics,
    render_method,
    render_query_metrics,
    settings_caption,
    why_they_differ_text,
)

scenario = page_scenario()
cat = catalog()
result = inference.estimate_serving(scenario, cat)

st.title("Serve it")
st.markdown(
    "Training gets the headlines, but every answer a model gives costs energy too. Set the "
    "model, the prompt and the traffic under **Serving (inference)** in the sidebar (chip, "
    "PUE and server overhead are under **Chips & facility**; the grid and the electricity "
    "price, shared with *Train a model*, under **Training run**)."
)
st.caption(settings_caption(scenario, result))
render_query_metrics(scenario, result)
render_fleet_metrics(scenario, result, cache_pages.electricity_totals())
serving_gw = float(projection_frame(scenario)["inference_power_achieved_gw"].iloc[0])
st.caption(one_service_text(result.average_gw, serving_gw, BASE_YEAR))
st.markdown(published_emissions_text(cache_pages.published_emissions_per_query(), result))

plot(per_query_figure(cache_pages.per_query_traces(), result.wh_per_query))
anchors, reasoning_x = cache_pages.why_figures()
check = inference.per_token_check(result.efficiency_flop_per_j, cat)
st.markdown(why_they_differ_text(anchors, reasoning_x, check))
with st.expander("Published figures with their sources"):
    st.dataframe(
        cache_pages.published_per_query(),
        hide_index=True,
        column_config={"wh_per_query": st.column_config.NumberColumn("Wh/query", format="%.3g")},
    )

scenario_ai = cache_pages.ai_demand_twh(scenario)
plot(datacenter_figure(cache_pages.datacenter_traces(), scenario_ai, result.twh_per_year))
st.markdown(datacenter_text(cache_pages.datacenter_facts()))
render_method()
