"""What Power it says beside its tables and charts: sentences built from the model's numbers,
its metric row and its preset picker."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from model import grid
from model.presets import mix_changes
from model.scenario import BASE_YEAR, END_YEAR, INPUTS_BY_NAME, Scenario
from ui import cache_pages
from ui import format as fmt
from ui.data import catalog
from ui.glossary import define

#: Supply inputs that act on this page only through the projection's demand in a year.
ELSEWHERE = ("supply_base_gw", "pipeline_gw", "flexible_headroom_gw")
ELSEWHERE_PRICE = ("scarcity_adder_usd_per_mwh", "price_scale")


def _apply_preset() -> None:
    """Set every mix weight to the chosen preset's (0 for sources it leaves out)."""
    if chosen := st.session_state.get("power_preset"):
        for name, weight in mix_changes(chosen, catalog()["mix_presets"]):
            st.session_state[name] = weight


def render_preset_picker(scenario: Scenario) -> None:
    """A preset mix to start from (choosing one sets the sidebar's weights), with its
    source and whether the weights have changed since."""
    labels = cache_pages.preset_labels()
    choice = st.selectbox(
        "Start from a preset mix",
        list(labels),
        index=None,
        key="power_preset",
        placeholder="Choose a preset (it sets the sidebar weights)",
        format_func=labels.__getitem__,
        on_change=_apply_preset,
    )
    if choice:
        now = {k: v for k, v in scenario.mix_weights().items() if v > 0}
        preset = grid.preset_weights(choice, catalog()["mix_presets"])
        edited = "" if preset == now else " (weights since changed)"
        source = cache_pages.preset_rows().loc[choice, "source"]
        st.caption(f"Source: {fmt.plain(source)}.{edited}")


def render_mix_metrics(
    intensity: float, cost: tuple[float, float], per_gw: float, last: int | None
) -> None:
    """The mix's four headline numbers, in a row that wraps (two a line on a phone);
    `last` is the latest first-power year among the mix's sources (None: some source
    delivers nothing by END_YEAR)."""
    row = st.container(horizontal=True)
    row.metric(
        "Carbon (gCO2e/kWh)",
        fmt.sig(intensity),
        help="Lifecycle carbon intensity: IPCC AR5 medians",
        width="content",
    )
    row.metric(
        "Cost (USD/MWh)",
        f"{fmt.sig(cost[0])}-{fmt.sig(cost[1])}",
        help="Levelised cost of electricity (LCOE): Lazard LCOE+ 2025.\n\n" + define("LCOE"),
        width="content",
    )
    row.metric(
        "Nameplate per GW",
        fmt.power(per_gw),
        help="Nameplate to build per GW of flat load: each source's share / its firm "
        "factor.\n\n" + define("Nameplate", "Firm power"),
        width="content",
    )
    row.metric(
        "Whole mix delivering",
        f"not by {END_YEAR}" if last is None else str(last),
        help="The latest of the mix's first-power years (the table below gives each "
        "source's).\n\n" + define("First power"),
        width="content",
    )


def firm_power_text(wants: str, gets: str, per_gw: float, reactor_gw: float) -> str:
    """What firm power and nameplate mean, and what the load table's columns are."""
    return (
        "**Firm power** is what a flat, around-the-clock load can count on from each GW built "
        "(data/build_limits.csv): a plant's availability if it can run at will, half the "
        "capacity factor for wind and solar without storage, since a 24/7 load uses about "
        "half of their output. **Nameplate** is what must be built: each source's share of "
        f"the load / its firm factor, here {fmt.power(per_gw)} per GW, as *Growth vs power* "
        f"counts it. *{wants}* is all-AI demand, *{gets}* the power it is supplied (Growth "
        f"vs power); reactors and gas units are counted at {fmt.power(reactor_gw)} each. "
        "Emissions are lifecycle (construction and fuel); cost is energy x LCOE."
    )


def lead_time_text(lead_times: pd.DataFrame, year: int) -> str:
    """Beside the lead-time chart: what the bars are, each source's lead times, and what
    the table's one first-power year adds to them."""
    spans = "; ".join(
        f"{r['label']} {fmt.sig(r['low'])}-{fmt.sig(r['high'])} years (mid {fmt.sig(r['mid'])})"
        for r in lead_times.to_dict("records")
    )
    return (
        "Each bar runs from the fastest to the slowest lead time in the sources (tick: mid); "
        f"under each source, the nameplate to build for what AI wants in {year}. Lead times "
        "(the sidebar's *Lead times by source*; ranges from data/generation_sources.csv): "
        f"{spans}. Nuclear counts construction only, before licensing. The table's *First "
        f"power* is the one year this dashboard uses: building starts in {BASE_YEAR}, and "
        "the mid lead time, or for a grid-connected plant the grid connection wait if longer, "
        "passes before a year counts the plant's power."
    )


def build_inputs_text(scenario: Scenario, year: int) -> str:
    """What each supply input does to the build table, and which act only elsewhere. The
    table is the world's: the US and the rest of the world each start their own builds."""
    names = {
        n: INPUTS_BY_NAME[f"{n}_us"].label.removesuffix(", US")
        for n in ELSEWHERE + ELSEWHERE_PRICE[:1]
    }
    names["price_scale"] = INPUTS_BY_NAME["price_scale"].label
    us, row = "_us", "_row"

    def both(name: str, show: Any) -> str:
        return (
            f"**{show(getattr(scenario, name + us))}** in the US and "
            f"**{show(getattr(scenario, name + row))}** in the rest of the world"
        )

    return (
        f"The projection starts {both('build_rate_gw_per_yr', fmt.power)} of nameplate a "
        "year for AI (*New capacity started for AI*, under each region's power inputs), "
        "split over the mix so each source delivers its share of firm power; the table adds "
        "the two regions. Each source is capped at "
        f"{both('build_cap_share', lambda v: f'{fmt.sig(v)}%')} of what the world builds "
        f"of it in a year (*AI's share of the world's build*), growing "
        f"{fmt.sig(scenario.build_cap_growth)}x a year; '(cap)' marks a source held back "
        f"in {BASE_YEAR}. Grid-connected builds wait at least "
        f"{both('queue_years', lambda v: f'{fmt.sig(v)} years')} (*Grid connection wait*); "
        f"the {both('behind_meter_share', lambda v: f'{fmt.sig(v)}%')} built behind the "
        "meter skip the wait (the table above gives each source's *First power*). "
        f"*{names['supply_base_gw']}*, "
        f"*{names['pipeline_gw']}* and *{names['flexible_headroom_gw']}* add supply that is "
        f"not built in this mix, and *{names['scarcity_adder_usd_per_mwh']}* and "
        f"*{names['price_scale']}* set the price of power: they change this page only "
        f"through what AI wants and gets in {year} (see *Growth vs power*)."
    )


def contrast_text(facts: dict[str, float]) -> str:
    """Beside the source comparison: the trade-off, with figures from the data."""
    return (
        "The trade-off in one picture (your mix in full colour, the rest faded; tick: mid "
        "lead time): nuclear is the cleanest firm power but the slowest and dearest to build; "
        f"gas is quick and cheap but emits {fmt.sig(facts['gas_vs_low_carbon_low'], 2)}-"
        f"{fmt.sig(facts['gas_vs_low_carbon_high'], 2)}x more per kWh than solar, wind or "
        "nuclear; solar and wind are cheapest and fastest but deliver "
        f"{facts['variable_cf_low']:.0%}-{facts['variable_cf_high']:.0%} of their nameplate "
        f"on average, and a flat load can count on {facts['variable_firm_low']:.0%}-"
        f"{facts['variable_firm_high']:.0%} without storage, so more must be built and "
        "firmed. Sources: IPCC AR5, Lazard 2025, EIA; hover for values."
    )
