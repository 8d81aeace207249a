"""The answer in words, for the home and growth pages: which step binds the largest run
and when, and the wall. The numbers come from model/answer.py; this module only phrases."""

from __future__ import annotations

import pandas as pd

from charts.style import STEP_NAMES
from model.answer import BindingSummary, YearSpread, binding_summary, year_spread
from model.scenario import END_YEAR
from model.uncertainty import MonteCarloResult
from ui import format as fmt


def summary_for(frame: pd.DataFrame, mc: MonteCarloResult | None) -> BindingSummary:
    """model.answer.binding_summary of the projection, with the Monte Carlo's spreads."""
    if mc is None:
        return binding_summary(frame)
    return binding_summary(
        frame,
        power_spread=year_spread(mc.power_binding_percentiles()),
        wall_spread=year_spread(mc.wall_percentiles()),
    )


def year_or_none(year: int | None) -> str:
    """'2033', or 'none by 2040'."""
    return str(year) if year is not None else f"none by {END_YEAR}"


def spread_text(spread: YearSpread | None, label: str = "P10-P90") -> str:
    """' (P10-P90: 2026-2040)', ' (P10-P90: 2028-after 2040)'; '' without a Monte Carlo."""
    if spread is None:
        return ""
    low = str(spread.p10) if spread.p10 is not None else f"after {END_YEAR}"
    high = str(spread.p90) if spread.p90 is not None else f"after {END_YEAR}"
    return f" ({label}: {low})" if low == high else f" ({label}: {low}-{high})"


def ratio(value: float) -> str:
    """A multiple to two significant figures: 4.3x, 12x, 51,000x."""
    return f"{fmt.sig(float(f'{value:.2g}'), 2)}x"


def _name(step: str) -> str:
    return STEP_NAMES[step].lower()


def _in_year(s: BindingSummary) -> str:
    """What sets the run in the summary year, and how far the next limit is."""
    runner = f"the next limit, {_name(s.runner_up)}, would allow {ratio(s.runner_up_ratio)}"
    if s.step_in_year == "trend":
        return (
            f"in {s.year} the run still follows the trend, and the nearest limit, "
            f"{_name(s.runner_up)}, is {ratio(s.runner_up_ratio)} above it"
        )
    if s.step_in_year == s.first_step:
        return f"{runner} as much in {s.year}"
    return f"in {s.year} {_name(s.step_in_year)} sets it, and {runner} as much"


def binding_text(s: BindingSummary) -> str:
    """'Power limits the largest run from 2027 (P10-P90: 2026-2040); the next limit,
    capital, would allow 4.3x as much in 2030.'"""
    if s.first_step is None:
        return f"No step limits the largest run before {END_YEAR}; {_in_year(s)}."
    verb = "limit" if s.first_step == "chips" else "limits"
    lead = f"{STEP_NAMES[s.first_step]} {verb} the largest run from {s.first_year}"
    if s.first_step == "power":
        return f"{lead}{spread_text(s.power_spread)}; {_in_year(s)}."
    power = (
        f"power from {s.power_year}" if s.power_year is not None else f"power not before {END_YEAR}"
    )
    return f"{lead}, {power}{spread_text(s.power_spread)}; {_in_year(s)}."


def wall_text(s: BindingSummary) -> str:
    """'All-AI demand outgrows supply in 2033 (P10-P90: 2028-after 2040).'"""
    if s.wall is None:
        return (
            f"All-AI demand stays within supply to {END_YEAR}"
            f"{spread_text(s.wall_spread, 'wall P10-P90')}."
        )
    return f"All-AI demand outgrows supply in {s.wall}{spread_text(s.wall_spread)}."


def ranges_text(shown: bool) -> str:
    """Where the home page's chart says its ranges are: drawn, or one switch away."""
    if shown:
        return (
            "Bands: 10th-90th percentiles of 10,000 Monte Carlo samples. Every input is in "
            "the sidebar, with its source on the **?**."
        )
    return (
        "These are the central scenario's numbers, without ranges: turn on *Show "
        "uncertainty* above for the 10th-90th percentiles of 10,000 Monte Carlo samples, "
        "or see *Growth vs power*, which shows them. Every input is in the sidebar, with "
        "its source on the **?**."
    )
