"""The question's eight headline numbers for one year, each with its Monte Carlo range
under it when the reader has turned uncertainty on (P10-P90 of the 10,000 samples, or how
many of them a step binds in)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd
import streamlit as st

from charts.style import FLEET_NAMES, STEP_NAMES
from model.answer import BindingSummary, PowerSplit, value_in_year
from model.scenario import END_YEAR
from model.uncertainty import MonteCarloResult
from ui import format as fmt
from ui.glossary import define
from ui.headline import spread_text

#: Fixed width of a metric: four across on a desktop, two across on a 390 px phone (2 x
#: 165 px and a small gap fit its 358 px; st.columns would stack all eight there).
METRIC_WIDTH = 165


@dataclass(frozen=True)
class Headline:
    """One metric: its label, value, range under it (None without a Monte Carlo), help."""

    label: str
    value: str
    spread: str | None
    help: str


def _number(cell: object) -> float:
    return float(np.asarray(cell, dtype=float))


def band_text(
    mc: MonteCarloResult | None, column: str, year: int, shown: Callable[[float], str]
) -> str | None:
    """'P10-P90: 640 MW to 1.76 GW': the samples' spread of a banded column in `year`."""
    if mc is None:
        return None
    row = mc.bands.set_index("year").loc[year]
    low, high = _number(row[f"{column}_p10"]), _number(row[f"{column}_p90"])
    return f"P10-P90: {shown(low)} to {shown(high)}"


def share_text(mc: MonteCarloResult | None, shares: str, step: str, year: int) -> str | None:
    """'In 62% of samples': how often the step named binds in `year`."""
    if mc is None:
        return None
    table: pd.DataFrame = getattr(mc, shares)
    return f"In {_number(table.loc[year, step]):.0%} of samples"


def wall_spread_text(summary: BindingSummary) -> str | None:
    """'P10-P90: 2026-after 2040' from the summary's wall spread."""
    text = spread_text(summary.wall_spread)
    return text.strip(" ()") or None


def headlines(
    frame: pd.DataFrame,
    summary: BindingSummary,
    split: PowerSplit,
    mc: MonteCarloResult | None,
    wall: int | None,
) -> tuple[Headline, ...]:
    """The eight numbers of summary.year, in the order they are shown."""
    year = summary.year
    power, flop = fmt.power, fmt.scientific
    return (
        Headline(
            "Largest run, achieved",
            power(split.run_achieved_gw),
            band_text(mc, "frontier_run_power_achieved_gw", year, power),
            f"Wall-plug power of the largest training run the limits allow in {year}.\n\n"
            + define("Achieved", "Wall-plug power"),
        ),
        Headline(
            "Largest run, wanted",
            power(split.run_wanted_gw),
            band_text(mc, "frontier_run_power_gw", year, power),
            f"Power the largest run would need in {year} if compute kept its trend "
            "(Epoch AI/EPRI: 4-16 GW likely).\n\n" + define("Wanted", "Frontier run"),
        ),
        Headline(
            "Run FLOP, achieved",
            flop(value_in_year(frame, "compute_achieved_flop", year)),
            band_text(mc, "compute_achieved_flop", year, flop),
            "Training compute of that run: the smallest of the six limits.\n\n"
            + define("FLOP", "Binding step"),
        ),
        Headline(
            "Run FLOP, wanted",
            flop(value_in_year(frame, "compute_demand_flop", year)),
            band_text(mc, "compute_demand_flop", year, flop),
            "Training compute on the trend.\n\n" + define("Trend"),
        ),
        Headline(
            "All-AI power, wanted",
            power(split.wanted_gw),
            band_text(mc, "power_demand_gw", year, power),
            f"Serving, smaller AI and the frontier runs the other limits allow, average "
            f"power in {year}.\n\n" + define("Average power", "Inference"),
        ),
        Headline(
            "Sets the largest run",
            STEP_NAMES[summary.step_in_year],
            share_text(mc, "binding_shares", summary.step_in_year, year),
            f"The step that allows the largest run the least in {year}: the trend, the "
            "largest single site, the power that can be built, chips, money, data or "
            "latency.\n\n" + define("Binding step"),
        ),
        Headline(
            "Holds AI's chips back",
            FLEET_NAMES[summary.fleet_step_in_year],
            share_text(mc, "fleet_binding_shares", summary.fleet_step_in_year, year),
            f"The step that limits all of AI's new accelerators in {year}: demand (none "
            "of the others), chips made, money, or the power that can be built.",
        ),
        Headline(
            "Wall year",
            str(wall) if wall else f"None by {END_YEAR}",
            wall_spread_text(summary) if mc is not None else None,
            define("The wall"),
        ),
    )


def render_headlines(numbers: tuple[Headline, ...]) -> None:
    """Two rows of four metrics of a fixed width in wrapping rows, each range in a caption
    under its number (a caption wraps; a metric's delta would cut the range short)."""
    for start in (0, 4):
        with st.container(horizontal=True, gap="small"):
            for number in numbers[start : start + 4]:
                with st.container(width=METRIC_WIDTH, gap=None):
                    st.metric(
                        number.label,
                        number.value,
                        help=number.help + ("\n\n" + define("P10-P90") if number.spread else ""),
                    )
                    if number.spread:
                        st.caption(number.spread)
