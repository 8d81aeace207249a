"""Power it: a generation mix for new AI power -> emissions, cost, GW to build, arrival."""

from __future__ import annotations

import streamlit as st

from charts import power as power_charts
from model import equivalents, fleet, grid
from model.presets import mix_changes
from model.scenario import BASE_YEAR, INPUTS_BY_NAME
from ui import cache_pages
from ui import format as fmt
from ui.data import catalog, projection_frame
from ui.page import page_scenario
from ui.url import VIEW_BY_NAME

scenario = page_scenario()
cat = catalog()
sources, limits, presets = cat["generation_sources"], cat["build_limits"], cat["mix_presets"]
labels = cache_pages.source_labels()
preset_rows = cache_pages.preset_rows()
#: Supply inputs that act on this page only through the projection's demand in a year.
ELSEWHERE = ("supply_base_gw", "pipeline_gw", "flexible_headroom_gw")
ELSEWHERE_PRICE = ("scarcity_adder_usd_per_mwh", "price_scale")


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
leads = fleet.lead_time_table(scenario, cat)  # the lead-time inputs, spread following them
arrivals = grid.arrival_years(BASE_YEAR, mix, leads)
last = grid.last_arrival(arrivals)
per_gw = float(grid.nameplate_gw(1.0, mix, sources, limits).sum())
# A wrapping row: two metrics a line on a phone, four on a desktop.
row = st.container(horizontal=True)
row.metric(
    "Carbon (gCO2e/kWh)",
    fmt.sig(intensity),
    help="Lifecycle carbon intensity: IPCC AR5 medians",
    width=170,
)
row.metric(
    "Cost (USD/MWh)",
    f"{fmt.sig(cost_low)}-{fmt.sig(cost_high)}",
    help="Levelised cost of electricity (LCOE): Lazard LCOE+ 2025",
    width=170,
)
row.metric(
    "Nameplate per GW",
    fmt.power(per_gw),
    help="Nameplate to build per GW of flat load: each source's share / its firm factor",
    width=170,
)
row.metric(
    "Last part delivers",
    str(last["mid"]),
    help=f"Ordered {BASE_YEAR}: {last['fast']} at the fastest lead times, "
    f"{last['slow']} at the slowest",
    width=170,
)

left, right = st.columns(2)
# Defaults and ranges live in ui.url, which checks these settings' values in a link.
year_view, load_view = VIEW_BY_NAME["power_year"], VIEW_BY_NAME["power_load_gw"]
year = left.select_slider(
    "AI power (Growth vs power) in year",
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
at_year = projection_frame(scenario).set_index("year").loc[year]
wants, gets = f"AI wants {year}", f"AI gets {year}"
loads = {
    wants: float(at_year["power_demand_gw"]),
    gets: float(at_year["power_achieved_gw"]),
    "your load": float(user_gw),
}
summary, plates = grid.load_outputs(loads, mix, sources, limits, equivalents.reactor_gw(cat))
st.dataframe(power_charts.load_table(summary), width="stretch")
st.markdown(
    f"**Firm power** is what a flat, around-the-clock load can count on from each GW built "
    "(data/build_limits.csv): a plant's availability if it can run at will, half the "
    "capacity factor for wind and solar without storage, since a 24/7 load uses about half "
    "of their output. **Nameplate** is what must be built: each source's share of the "
    f"load / its firm factor, here {fmt.power(per_gw)} per GW, as *Growth vs power* "
    f"counts it. *{wants}* is all-AI demand, *{gets}* the power it is supplied (Growth vs "
    f"power); reactors and gas units are counted at {fmt.power(equivalents.reactor_gw(cat))} "
    "each. Emissions are lifecycle (construction and fuel); cost is energy x LCOE."
)

arrivals["nameplate_gw"] = plates[wants]
st.plotly_chart(power_charts.arrival_figure(arrivals, labels, BASE_YEAR), width="stretch")
shown = grid.lead_times(leads, tuple(arrivals.index))
spans = "; ".join(
    f"{r.label} {fmt.sig(r.low)}-{fmt.sig(r.high)} years (mid {fmt.sig(r.mid)})"
    for r in shown.itertuples()
)
st.markdown(
    f"Each bar runs from the fastest to the slowest lead time in the sources (tick: mid) "
    f"for plants ordered in {BASE_YEAR}; under each source, the nameplate to build for "
    f"what AI wants in {year}. Lead times (data/generation_sources.csv): {spans}. Nuclear "
    "counts construction only, before licensing."
)
st.dataframe(power_charts.source_table(arrivals, labels, plates), hide_index=True)

st.subheader("What the build inputs do to this mix")
build = grid.build_by_source(cache_pages.supply_by_source(scenario), year, BASE_YEAR)
st.dataframe(power_charts.build_table(build, labels, year), hide_index=True)
names = {n: INPUTS_BY_NAME[n].label for n in (*ELSEWHERE, *ELSEWHERE_PRICE)}
st.markdown(
    f"The projection starts **{fmt.power(scenario.build_rate_gw_per_yr)}** of nameplate a "
    "year for AI (*New capacity started for AI*), split over the mix so each source "
    "delivers its share of firm power. Each source is capped at "
    f"**{fmt.sig(scenario.build_cap_share)}%** of what the world builds of it in a year "
    f"(*AI's share of the world's build*), growing {fmt.sig(scenario.build_cap_growth)}x a "
    f"year; '(cap)' marks a source held back in {BASE_YEAR}. Grid-connected builds wait at "
    f"least **{fmt.sig(scenario.queue_years)} years** (*Grid connection wait*); the "
    f"**{fmt.sig(scenario.behind_meter_share)}%** built behind the meter skip the wait, so "
    "*First firm power* is the first year of the projection with power from new builds. "
    f"*{names['supply_base_gw']}*, *{names['pipeline_gw']}* and "
    f"*{names['flexible_headroom_gw']}* add supply that is not built in this mix, and "
    f"*{names['scarcity_adder_usd_per_mwh']}* and *{names['price_scale']}* set the price "
    f"of power: they change this page only through what AI wants and gets in {year} "
    "(see *Growth vs power*)."
)

st.plotly_chart(cache_pages.source_comparison_chart(tuple(map(str, arrivals.index))))
facts = grid.source_contrasts(sources, limits)
st.markdown(
    "The trade-off in one picture (your mix in full colour, the rest faded; tick: mid lead "
    "time): nuclear is the cleanest firm power but the slowest and dearest to build; gas is "
    f"quick and cheap but emits {fmt.sig(facts['gas_vs_low_carbon_low'], 2)}-"
    f"{fmt.sig(facts['gas_vs_low_carbon_high'], 2)}x more per kWh than solar, wind or "
    "nuclear; solar and wind are cheapest and fastest but deliver "
    f"{facts['variable_cf_low']:.0%}-{facts['variable_cf_high']:.0%} of their nameplate on "
    f"average, and a flat load can count on {facts['variable_firm_low']:.0%}-"
    f"{facts['variable_firm_high']:.0%} without storage, so more must be built and firmed. "
    "Sources: IPCC AR5, Lazard 2025, EIA; hover for values."
)
