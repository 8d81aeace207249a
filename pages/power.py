"""Power it: a generation mix for new AI power -> emissions, cost, GW to build, arrival."""

from __future__ import annotations

import numpy as np
import streamlit as st

from charts import power as power_charts
from model import grid
from model.constants import HOURS_PER_YEAR
from model.presets import mix_changes
from model.scenario import BASE_YEAR
from ui import cache_pages
from ui import format as fmt
from ui.data import catalog, projection_frame
from ui.page import page_scenario
from ui.url import VIEW_BY_NAME

scenario = page_scenario()
cat = catalog()
sources, presets = cat["generation_sources"], cat["mix_presets"]
labels = cache_pages.source_labels()
preset_rows = cache_pages.preset_rows()


def apply_preset() -> None:
    """Set every mix weight to the chosen preset's (0 for sources it leaves out)."""
    if chosen := st.session_state.get("power_preset"):
        for name, weight in mix_changes(chosen, presets):
            st.session_state[name] = weight


st.title("Power it")
st.markdown(
    "Where should the electricity for new AI come from? Pick a preset or move the weights "
    "under **Power supply & mix** in the sidebar (they are normalised to 100%), and see "
    "what the mix emits, costs, how much must be built and when it can deliver. The same "
    "mix feeds the supply on *Growth vs power*, and *Train a model* when its grid is 'My mix'."
)
choice = st.selectbox(
    "Start from a preset mix",
    list(preset_rows.index),
    index=None,
    key="power_preset",
    placeholder="Choose a preset (it sets the sidebar weights)",
    format_func=lambda p: preset_rows.loc[p, "label"],
    on_change=apply_preset,
)
if choice:
    now = {k: v for k, v in scenario.mix_weights().items() if v > 0}
    edited = "" if grid.preset_weights(choice, presets) == now else " (weights since changed)"
    st.caption(f"Source: {fmt.plain(preset_rows.loc[choice, 'source'])}.{edited}")
try:
    shares = grid.normalise_shares(scenario.mix_weights(), sources)
except ValueError as err:
    st.warning(f"No mix to show: {err}, or choose a preset above.", icon=":material/warning:")
    st.stop()
mix = shares.to_dict()

st.plotly_chart(power_charts.mix_bar_figure(shares, labels), width="stretch")
intensity = grid.mix_intensity_g_per_kwh(mix, sources)
cost_low, cost_high = grid.mix_cost_usd_per_mwh(mix, sources)
arrivals = grid.arrival_years(BASE_YEAR, mix, sources)
last = np.floor(arrivals[["first_year_low", "first_year_mid", "first_year_high"]].max())
plate_per_gw = grid.nameplate_gw(1.0, mix, sources)  # per source, per GW of load
per_gw = float(plate_per_gw.sum())
row = st.columns(4)
row[0].metric("Carbon intensity (gCO2e/kWh)", fmt.sig(intensity), help="IPCC AR5 medians")
row[1].metric(
    "Cost (USD/MWh)", f"{fmt.sig(cost_low)}-{fmt.sig(cost_high)}", help="Lazard LCOE+ 2025"
)
row[2].metric("Nameplate per GW of load", fmt.power(per_gw), help="Share / capacity factor")
span = f"{last.iloc[0]:.0f} at the fastest lead times, {last.iloc[2]:.0f} at the slowest"
row[3].metric("Last part delivers", f"{last.iloc[1]:.0f}", help=f"Ordered {BASE_YEAR}: {span}")

left, right = st.columns(2)
# Defaults and ranges live in ui.url, which checks these settings' values in a link.
year_view, load_view = VIEW_BY_NAME["power_year"], VIEW_BY_NAME["power_load_gw"]
year = left.select_slider(
    "AI demand (Growth vs power) in year",
    list(range(int(year_view.min), int(year_view.max) + 1)),
    year_view.default,
    key="power_year",
    bind="query-params",
)
user_gw = right.number_input(
    "Your own load (GW, average)",
    load_view.min,
    load_view.max,
    float(load_view.default),
    0.5,
    key="power_load_gw",
    bind="query-params",
)
demand_gw = float(projection_frame(scenario).set_index("year").loc[year, "power_demand_gw"])
loads = {f"all AI in {year}": demand_gw, "your load": float(user_gw)}
plates = {name: plate_per_gw * gw for name, gw in loads.items()}  # linear in the load
mt = {name: float(grid.annual_emissions_mt(gw, intensity)) for name, gw in loads.items()}
mwh = {name: gw * HOURS_PER_YEAR * 1000.0 for name, gw in loads.items()}
usd = {name: (e * cost_low, e * cost_high) for name, e in mwh.items()}
chart, text = st.columns([3, 2])
chart.dataframe(power_charts.load_table(loads, plates, mt, usd), width="stretch")
text.markdown(
    "**Nameplate** is what must be built to deliver an average load: each source's share "
    f"of the energy / its capacity factor; here {fmt.power(per_gw)} per GW. Reactors and "
    "gas plants are counted in 1 GW units. Emissions are lifecycle (construction and fuel); "
    "cost is energy x LCOE."
)

arrivals["nameplate_gw"] = plates[f"all AI in {year}"][arrivals.index]
chart, text = st.columns([3, 1])
chart.plotly_chart(power_charts.arrival_figure(arrivals, labels, BASE_YEAR), width="stretch")
text.markdown(
    "Each bar runs from the fastest to the slowest lead time in the sources (tick: mid) "
    f"for plants ordered in {BASE_YEAR}; labels are the nameplate to build for all AI in "
    f"{year}. Solar and onshore wind can deliver in 2-4 years; a large reactor takes 6-10 "
    "years of construction alone (Vogtle 4: 10.4), before licensing."
)
st.dataframe(power_charts.source_table(arrivals, labels, plates), hide_index=True, width="stretch")

chart, text = st.columns([3, 1])
used = tuple(sorted(map(str, arrivals.index)))
chart.plotly_chart(cache_pages.source_comparison_chart(used), width="stretch")
text.markdown(
    "The trade-off in one picture: nuclear is the cleanest firm power but the slowest and "
    "dearest to build; gas is quick and cheap but emits 10-45x more per kWh than solar, "
    "wind or nuclear; solar and wind "
    "are cheapest and fastest but deliver a quarter to a third of their nameplate, so more "
    "must be built and firmed. Sources: IPCC AR5, Lazard 2025, EIA; hover for values."
)
