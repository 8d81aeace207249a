"""Serve it: energy per query and for a whole fleet, beside published figures."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from charts.serve import datacenter_figure, per_query_figure
from model import inference
from ui import cache_pages
from ui import format as fmt
from ui.data import catalog, projection_frame
from ui.page import page_scenario

scenario = page_scenario()
cat = catalog()
result = inference.estimate_serving(scenario, cat)
totals = cache_pages.electricity_totals()
(us_twh, us_year), (world_twh, world_year) = totals["us"], totals["world"]

st.title("Serve it")
st.markdown(
    "Training gets the headlines, but every answer a model gives costs energy too. Set the "
    "model, the prompt and the traffic under **Serving (inference)** in the sidebar (chip, "
    "PUE and server overhead are under **Chips & facility**)."
)
st.caption(
    f"{fmt.short_count(scenario.active_params)} active parameters, "
    f"{fmt.count(scenario.input_tokens)} input + {fmt.count(scenario.output_tokens)} output "
    f"tokens, {fmt.count(scenario.queries_per_day)} queries a day, on {fmt.plain(result.chip)} "
    f"at {scenario.inference_utilization:.0%} utilization, server overhead "
    f"{scenario.server_overhead:.2f}x, PUE {scenario.pue:.2f}."
)
row = st.columns(3)
row[0].metric(
    "Energy per query",
    fmt.energy(result.wh_per_query / 1e6),
    help=f"{fmt.flop(result.flop_per_query)} per query (2 x active parameters x "
    f"tokens) at {fmt.scientific(result.efficiency_flop_per_j)} FLOP per joule",
)
row[1].metric("Fleet energy per day", fmt.energy(result.mwh_per_day))
row[2].metric("Fleet energy per year", fmt.energy(result.twh_per_year * 1e6))
row = st.columns(3)
row[0].metric("Average power", fmt.power(result.average_gw), help="Energy per day / 24 h")
row[1].metric(
    "Share of US electricity",
    f"{fmt.sig(result.share_us * 100, 2)}%",
    help=f"Of {fmt.count(us_twh)} TWh in {us_year} (EIA)",
)
row[2].metric(
    "Share of world electricity",
    f"{fmt.sig(result.share_world * 100, 2)}%",
    help=f"Of {fmt.count(world_twh)} TWh in {world_year} (Ember)",
)

published = cache_pages.published_per_query()
chart, text = st.columns([3, 2])
figure = per_query_figure(cache_pages.per_query_traces(), result.wh_per_query)
chart.plotly_chart(figure, width="stretch")
ml_energy = cache_pages.measured_j_per_token("mlenergy_llama31_8b_h100")
own_8b = inference.energy_per_token_j(8e9, result.efficiency_flop_per_j)
text.markdown(
    "**Why the published figures differ by more than 10x.** They count different things. "
    "Google's 0.24 Wh is a *measured median* of short Gemini prompts and includes idle "
    "machines, host CPUs and cooling. Epoch AI's 0.3 Wh is *modelled*, deliberately "
    "pessimistic, for ~500 output tokens; with 10k tokens of input it gives ~2.5 Wh. The "
    "older ~3 Wh (de Vries 2023, quoted by EPRI) assumed older chips and less batching. "
    "Long prompts and hidden *reasoning* tokens multiply everything: ML.ENERGY measured "
    "25x more energy per response for reasoning than for chat. Batching many users per GPU "
    "raises utilization, which is why the estimate moves so much with that slider.\n\n"
    f"Check per token: ML.ENERGY measured {fmt.sig(ml_energy)} J per token for Llama 3.1 8B "
    f"on an H100 (GPU only, batch 64); these settings give {fmt.sig(own_8b)} J for an 8B "
    "model, overheads included."
)
with st.expander("Published figures with their sources"):
    st.dataframe(
        published,
        hide_index=True,
        column_config={"wh_per_query": st.column_config.NumberColumn("Wh/query", format="%.3g")},
    )

frame = projection_frame(scenario)
scenario_ai = pd.DataFrame(
    {"year": frame["year"], "twh": inference.average_gw_to_twh_per_year(frame["power_demand_gw"])}
)
context = cache_pages.datacenter_traces()
chart, text = st.columns([3, 1])
chart.plotly_chart(datacenter_figure(context, scenario_ai, result.twh_per_year), width="stretch")
text.markdown(
    "All data centres used 415 TWh in 2024, about 1.5% of the world's electricity; the IEA "
    "expects ~945 TWh by 2030. LBNL puts US data centres at 176 TWh in 2023 and 325-580 TWh "
    "in 2028; EPRI's scenarios (shares of US electricity, converted at the 2024 US total) "
    "span a similar range. **Red** is your scenario's all-AI demand (Growth page); the star "
    "is the serving fleet above. Hover for sources."
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
    st.markdown(
        "This treats serving as compute-bound at a chosen utilization; real decoding is "
        "often limited by memory bandwidth, which the low default utilization stands in for. "
        "It ignores idle capacity kept for peaks, which Google's measurement includes."
    )
