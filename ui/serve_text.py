"""What Serve it shows beside its charts: metric rows and sentences from the model's numbers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import streamlit as st

from model.inference import ServingResult
from model.scenario import INPUTS_BY_NAME, Scenario
from ui import format as fmt
from ui.methods_tables import render_doc

GRID_LABEL = INPUTS_BY_NAME["grid"].label
PRICE_LABEL = INPUTS_BY_NAME["price_usd_per_mwh"].label


def settings_caption(scenario: Scenario, result: ServingResult) -> str:
    """The settings behind the numbers, in one line."""
    return (
        f"{fmt.short_count(scenario.active_params)} active parameters, "
        f"{fmt.count(scenario.input_tokens)} input + {fmt.count(scenario.output_tokens)} "
        f"output tokens, {fmt.count(scenario.queries_per_day)} queries a day, on "
        f"{fmt.plain(result.chip)} at {scenario.inference_utilization:.0%} utilization, "
        f"server overhead {scenario.server_overhead:.2f}x, PUE {scenario.pue:.2f}; "
        f"electricity at {fmt.sig(result.carbon_intensity_g_per_kwh)} gCO2e/kWh "
        f"({GRID_LABEL}) and ${fmt.sig(scenario.price_usd_per_mwh)}/MWh ({PRICE_LABEL})."
    )


def render_query_metrics(scenario: Scenario, result: ServingResult) -> None:
    """One query's energy, emissions and cost, in a row that wraps on a phone."""
    st.markdown("**One query**")
    row = st.container(horizontal=True)
    row.metric(
        "Energy per query",
        fmt.energy(result.mwh_per_query),
        help=f"{fmt.flop(result.flop_per_query)} per query (2 x active parameters x "
        f"tokens) at {fmt.scientific(result.efficiency_flop_per_j)} FLOP per joule",
        width="content",
    )
    row.metric(
        "Emissions per query",
        f"{fmt.sig(result.g_co2e_per_query)} gCO2e",
        help=f"Energy x {fmt.sig(result.carbon_intensity_g_per_kwh)} gCO2e/kWh ({GRID_LABEL})",
        width="content",
    )
    usd_per_query = result.cents_per_query / 100.0
    tokens = scenario.input_tokens + scenario.output_tokens
    row.metric(
        "Power bill per query",
        fmt.usd(usd_per_query),
        help=f"Electricity only: energy x ${fmt.sig(scenario.price_usd_per_mwh)}/MWh "
        f"({PRICE_LABEL}). Chips, staff and margins, most of a query's price, are not in it.",
        width="content",
    )
    row.metric(
        "Per million tokens",
        fmt.usd(usd_per_query / tokens * 1e6),
        help=f"The power bill per query over its {fmt.count(tokens)} tokens (input and "
        "output), times a million: comparable with API prices per million tokens.",
        width="content",
    )


def one_service_text(service_gw: float, all_serving_gw: float, year: int) -> str:
    """Why this fleet is small beside all of AI's serving: one service against all."""
    share = service_gw / all_serving_gw if all_serving_gw > 0 else 0.0
    return (
        f"This is **one service** at these settings: {fmt.power(service_gw)}. All of AI's "
        f"serving and smaller models draw {fmt.power(all_serving_gw)} in {year} on *Growth "
        f"vs power* (every chatbot, search, recommendation and fine-tuning job), so this "
        f"fleet is {fmt.sig(100 * share, 2)}% of it."
    )


def render_fleet_metrics(
    scenario: Scenario, result: ServingResult, totals: dict[str, tuple[float, int]]
) -> None:
    """The whole fleet's energy, emissions, bill, power and shares of electricity."""
    (us_twh, us_year), (world_twh, world_year) = totals["us"], totals["world"]
    st.markdown(f"**The fleet**, at {fmt.count(scenario.queries_per_day)} queries a day")
    row = st.container(horizontal=True)
    row.metric("Energy per day", fmt.energy(result.mwh_per_day), width="content")
    row.metric("Energy per year", fmt.energy(result.mwh_per_year), width="content")
    row.metric("Emissions per year", fmt.mass_co2(result.tco2e_per_year), width="content")
    row.metric("Bill per year", fmt.usd(result.usd_per_year), width="content")
    row.metric(
        "Average power", fmt.power(result.average_gw), help="Energy per day / 24 h", width="content"
    )
    row.metric(
        "Of US electricity",
        f"{fmt.sig(result.share_us_percent, 2)}%",
        help=f"Of {fmt.count(us_twh)} TWh in {us_year} (EIA)",
        width="content",
    )
    row.metric(
        "Of world electricity",
        f"{fmt.sig(result.share_world_percent, 2)}%",
        help=f"Of {fmt.count(world_twh)} TWh in {world_year} (Ember)",
        width="content",
    )


def published_emissions_text(published: Sequence[Mapping[Any, Any]], result: ServingResult) -> str:
    """Published emissions per query (rows of model.inference.published_emissions_per_query)
    beside this estimate."""
    return (
        "**Published emissions per query.** "
        + " ".join(
            f"{fmt.plain(r['label'])}: {fmt.sig(float(r['g_co2e_per_query']))} gCO2e for "
            f"{fmt.sig(float(r['wh_per_query']))} Wh, i.e. "
            f"{fmt.sig(float(r['implied_g_per_kwh']))} gCO2e/kWh on the company's own "
            "reckoning of its supply."
            for r in published
        )
        + f" These settings: {fmt.sig(result.g_co2e_per_query)} gCO2e for "
        f"{fmt.energy(result.mwh_per_query)} at {fmt.sig(result.carbon_intensity_g_per_kwh)} "
        "gCO2e/kWh. Choose a grid under **Training run** to compare at equal intensity."
    )


def why_they_differ_text(
    anchors: tuple[float, ...], reasoning_x: float, check: dict[str, Any]
) -> str:
    """Why published per-query figures differ, and the per-token check. `anchors` are
    Google's, Epoch AI's and EPRI's Wh per query, in that order."""
    gemini, epoch, epri = anchors
    return (
        "**Why the published figures differ by more than 10x.** They count different "
        f"things. Google's {fmt.sig(gemini)} Wh is a *measured median* of short Gemini "
        "prompts and includes idle machines, host CPUs and cooling. Epoch AI's "
        f"{fmt.sig(epoch)} Wh is *modelled*, deliberately pessimistic, for ~500 output "
        f"tokens, and grows with long inputs. EPRI's {fmt.sig(epri)} Wh (after de Vries "
        "2023) assumed older chips and less batching. Long prompts and hidden *reasoning* "
        f"tokens multiply everything: ML.ENERGY measured {fmt.sig(reasoning_x)}x more energy "
        "per response for reasoning than for chat. Batching many users per GPU raises "
        "utilization, which is why the estimate moves so much with that slider.\n\n"
        f"Check per token: ML.ENERGY measured {fmt.sig(check['measured_j_per_token'])} J "
        f"per token for Llama 3.1 {fmt.short_count(check['params'])} on an H100 (GPU only, "
        f"batch 64); these settings give {fmt.sig(check['estimate_j_per_token'])} J for a "
        f"{fmt.short_count(check['params'])} model, overheads included."
    )


def datacenter_text(dc: dict[str, float]) -> str:
    """Beside the data-centre chart: the published totals and what the lines are."""
    return (
        f"All data centres used {fmt.count(dc['world_2024_twh'])} TWh in 2024, "
        f"{dc['world_2024_share']:.1%} of the world's {fmt.count(dc['world_total_twh'])} "
        f"TWh (IEA, Ember); the IEA expects ~{fmt.count(dc['world_2030_twh'])} TWh by 2030. "
        f"LBNL puts US data centres at {fmt.count(dc['us_2023_twh'])} TWh in 2023 and "
        f"{fmt.count(dc['us_2028_low_twh'])}-{fmt.count(dc['us_2028_high_twh'])} TWh in "
        "2028; EPRI's scenarios (shares of US electricity, converted at the latest US total) "
        "span a similar range. *Your scenario: all AI wants* is what all AI asks for in "
        "your scenario (Growth vs power); the star is the serving fleet above. Hover for "
        "sources."
    )


def render_method() -> None:
    """The equations behind the page (docs/methods/serve.md), in an expander."""
    with st.expander("How this is computed"):
        render_doc("serve")
