"""Serve it: energy, cost and emissions per query and for a whole fleet, beside published
figures."""

from __future__ import annotations

import streamlit as st

from charts.serve import datacenter_figure, per_query_figure
from model import inference
from model.scenario import INPUTS_BY_NAME
from ui import cache_pages
from ui import format as fmt
from ui.data import catalog, projection_frame
from ui.page import page_scenario

scenario = page_scenario()
cat = catalog()
result = inference.estimate_serving(scenario, cat)
totals = cache_pages.electricity_totals()
(us_twh, us_year), (world_twh, world_year) = totals["us"], totals["world"]
grid_label, price_label = INPUTS_BY_NAME["grid"].label, INPUTS_BY_NAME["price_usd_per_mwh"].label

st.title("Serve it")
st.markdown(
    "Training gets the headlines, but every answer a model gives costs energy too. Set the "
    "model, the prompt and the traffic under **Serving (inference)** in the sidebar (chip, "
    "PUE and server overhead are under **Chips & facility**; the grid and the electricity "
    "price, shared with *Train a model*, under **Training run**)."
)
st.caption(
    f"{fmt.short_count(scenario.active_params)} active parameters, "
    f"{fmt.count(scenario.input_tokens)} input + {fmt.count(scenario.output_tokens)} output "
    f"tokens, {fmt.count(scenario.queries_per_day)} queries a day, on {fmt.plain(result.chip)} "
    f"at {scenario.inference_utilization:.0%} utilization, server overhead "
    f"{scenario.server_overhead:.2f}x, PUE {scenario.pue:.2f}; electricity at "
    f"{fmt.sig(result.carbon_intensity_g_per_kwh)} gCO2e/kWh ({grid_label}) and "
    f"${fmt.sig(scenario.price_usd_per_mwh)}/MWh ({price_label})."
)
# Wrapping rows: two metrics a line on a phone, four on a desktop.
st.markdown("**One query**")
row = st.container(horizontal=True)
row.metric(
    "Energy per query",
    fmt.energy(result.mwh_per_query),
    help=f"{fmt.flop(result.flop_per_query)} per query (2 x active parameters x "
    f"tokens) at {fmt.scientific(result.efficiency_flop_per_j)} FLOP per joule",
    width=170,
)
row.metric(
    "Emissions per query",
    f"{fmt.sig(result.g_co2e_per_query)} gCO2e",
    help=f"Energy x {fmt.sig(result.carbon_intensity_g_per_kwh)} gCO2e/kWh ({grid_label})",
    width=170,
)
row.metric(
    "Cost per query",
    f"{fmt.sig(result.cents_per_query)} ¢",
    help=f"Energy x ${fmt.sig(scenario.price_usd_per_mwh)}/MWh ({price_label})",
    width=170,
)
st.markdown(f"**The fleet**, at {fmt.count(scenario.queries_per_day)} queries a day")
row = st.container(horizontal=True)
row.metric("Energy per day", fmt.energy(result.mwh_per_day), width=170)
row.metric("Energy per year", fmt.energy(result.mwh_per_year), width=170)
row.metric("Emissions per year", fmt.mass_co2(result.tco2e_per_year), width=170)
row.metric("Bill per year", fmt.usd(result.usd_per_year), width=170)
row.metric("Average power", fmt.power(result.average_gw), help="Energy per day / 24 h", width=170)
row.metric(
    "Of US electricity",
    f"{fmt.sig(result.share_us_percent, 2)}%",
    help=f"Of {fmt.count(us_twh)} TWh in {us_year} (EIA)",
    width=170,
)
row.metric(
    "Of world electricity",
    f"{fmt.sig(result.share_world_percent, 2)}%",
    help=f"Of {fmt.count(world_twh)} TWh in {world_year} (Ember)",
    width=170,
)

published_co2 = cache_pages.published_emissions_per_query()
st.markdown(
    "**Published emissions per query.** "
    + " ".join(
        f"{fmt.plain(r.label)}: {fmt.sig(r.g_co2e_per_query)} gCO2e for "
        f"{fmt.sig(r.wh_per_query)} Wh, i.e. {fmt.sig(r.implied_g_per_kwh)} gCO2e/kWh "
        "on the company's own reckoning of its supply."
        for r in published_co2.itertuples()
    )
    + f" These settings: {fmt.sig(result.g_co2e_per_query)} gCO2e for "
    f"{fmt.energy(result.mwh_per_query)} at {fmt.sig(result.carbon_intensity_g_per_kwh)} "
    "gCO2e/kWh. Choose a grid under **Training run** to compare at equal intensity."
)

published = cache_pages.published_per_query()
figure = per_query_figure(cache_pages.per_query_traces(), result.wh_per_query)
st.plotly_chart(figure, width="stretch")
check = inference.per_token_check(result.efficiency_flop_per_j, cat)
anchors = published.set_index("label")["wh_per_query"]
reasoning_x = inference.published_value("mlenergy_reasoning_vs_chat", cat)
gemini, epoch, epri = (anchors[inference.PER_QUERY_ITEMS[i]] for i in inference.WHY_ITEMS)
st.markdown(
    "**Why the published figures differ by more than 10x.** They count different things. "
    f"Google's {fmt.sig(gemini)} Wh is a *measured median* of short Gemini prompts and "
    f"includes idle machines, host CPUs and cooling. Epoch AI's {fmt.sig(epoch)} Wh is "
    "*modelled*, deliberately pessimistic, for ~500 output tokens, and grows with long "
    f"inputs. EPRI's {fmt.sig(epri)} Wh (after de Vries 2023) assumed older chips and less "
    "batching. Long prompts and hidden *reasoning* tokens multiply everything: ML.ENERGY "
    f"measured {fmt.sig(reasoning_x)}x more energy per response for reasoning than for "
    "chat. Batching many "
    "users per GPU raises utilization, which is why the estimate moves so much with that "
    "slider.\n\n"
    f"Check per token: ML.ENERGY measured {fmt.sig(check['measured_j_per_token'])} J per "
    f"token for Llama 3.1 {fmt.short_count(check['params'])} on an H100 (GPU only, batch "
    f"64); these settings give {fmt.sig(check['estimate_j_per_token'])} J for a "
    f"{fmt.short_count(check['params'])} model, overheads included."
)
with st.expander("Published figures with their sources"):
    st.dataframe(
        published,
        hide_index=True,
        column_config={"wh_per_query": st.column_config.NumberColumn("Wh/query", format="%.3g")},
    )

scenario_ai = inference.ai_demand_twh(projection_frame(scenario))
context = cache_pages.datacenter_traces()
st.plotly_chart(datacenter_figure(context, scenario_ai, result.twh_per_year), width="stretch")
dc = cache_pages.datacenter_facts()
st.markdown(
    f"All data centres used {fmt.count(dc['world_2024_twh'])} TWh in 2024, "
    f"{dc['world_2024_share']:.1%} of the world's {fmt.count(dc['world_total_twh'])} TWh "
    f"(IEA, Ember); the IEA expects ~{fmt.count(dc['world_2030_twh'])} TWh by 2030. LBNL "
    f"puts US data centres at {fmt.count(dc['us_2023_twh'])} TWh in 2023 and "
    f"{fmt.count(dc['us_2028_low_twh'])}-{fmt.count(dc['us_2028_high_twh'])} TWh in 2028; "
    "EPRI's scenarios (shares of US electricity, converted at the latest US total) span a "
    "similar range. **Red** is what all AI wants in your scenario (Growth vs power); the "
    "star is the serving fleet above. Hover for sources."
)

with st.expander("How this is computed"):
    st.latex(
        r"\text{FLOP/query} = 2\,N_{\text{active}}\,(t_{\text{in}} + t_{\text{out}})"
        r"\quad\text{(Kaplan et al. 2020)}"
    )
    st.latex(
        r"\text{Wh/query} = \frac{\text{FLOP/query}\times W_{\text{TDP}}\times"
        r"\text{overhead}\times\text{PUE}}{\text{peak FLOP/s}\times u\times 3600}"
    )
    st.latex(r"\text{TWh/yr} = \text{Wh/query}\times\text{queries/day}\times 365 / 10^{12}")
    st.latex(
        r"\text{gCO}_2\text{e/query} = \text{Wh/query}\times\text{gCO}_2\text{e/kWh}/1000;"
        r"\quad \text{USD/yr} = \text{MWh/yr}\times\text{USD/MWh}"
    )
    st.markdown(
        "This treats serving as compute-bound at a chosen utilization; real decoding is "
        "often limited by memory bandwidth, which the low default utilization stands in for. "
        "It ignores idle capacity kept for peaks, which Google's measurement includes."
    )
