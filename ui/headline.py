"""The answer in words, for the home and growth pages: which step holds the largest run
and all of AI's chips back and when, and the wall. The numbers come from
model/answer.py; this module only phrases."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from model.answer import BindingSummary, YearSpread, binding_summary, year_spread
from model.compare import HEADLINE_YEAR
from model.scenario import END_YEAR
from model.uncertainty import MonteCarloResult
from ui import format as fmt


def summary_for(frame: pd.DataFrame, mc: MonteCarloResult | None) -> BindingSummary:
    """model.answer.binding_summary of the projection, with the Monte Carlo's spreads and
    the shares of its samples with a wall by the headline year and by END_YEAR."""
    if mc is None:
        return binding_summary(frame)
    return binding_summary(
        frame,
        power_spread=year_spread(mc.power_binding_percentiles()),
        wall_spread=year_spread(mc.wall_percentiles()),
        wall_shares=(mc.share_with_wall(HEADLINE_YEAR), mc.share_with_wall(END_YEAR)),
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


#: Each step that can set the largest run, in the words of the headline.
RUN_WORDS: dict[str, str] = {
    "trend": "the trend",
    "site": "the largest single site",
    "power": "the power that can be built",
    "chips": "chips",
    "capital": "money",
    "data": "data",
    "latency": "latency",
}
#: Each step that can limit all of AI's new accelerators, in the headline's words.
FLEET_WORDS: dict[str, str] = {
    "demand": "demand alone",
    "chips": "chips",
    "capital": "money",
    "power": "the power that can be built",
}
#: At most this many spans are listed in one sentence; later ones are summed up.
MAX_SPANS = 4


def years_text(first: int, last: int) -> str:
    """'2031', '2031-2038'."""
    return str(first) if first == last else f"{first}-{last}"


def _span_list(spans: Sequence[tuple[str, int, int]], words: dict[str, str]) -> str:
    """'the largest single site (2027-2028), the power that can be built (2029-2030) and
    chips (2031-2040)'."""
    parts = [f"{words[step]} ({years_text(first, last)})" for step, first, last in spans]
    if len(parts) > MAX_SPANS:
        parts = [*parts[: MAX_SPANS - 1], f"others to {spans[-1][2]}"]
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def binding_text(s: BindingSummary) -> str:
    """'The largest run follows the trend to 2026, then is held by the largest single site
    (2027-2028), the power that can be built (2029-2030) and chips (2031-2040).'"""
    spans = list(s.spans)
    if s.first_step is None or not spans:
        return f"The largest run follows the trend to {END_YEAR}: no step holds it back."
    if spans[0][0] == "trend":
        lead = f"The largest run follows the trend to {spans[0][2]}, then is held by "
        spans = spans[1:]
    else:
        lead = "The largest run is held by "
    power = spread_text(s.power_spread, "grid power first binds it, P10-P90")
    return f"{lead}{_span_list(spans, RUN_WORDS)}{power}."


def fleet_text(s: BindingSummary) -> str:
    """'All of AI: new chips are held back by the power that can be built (2025-2030),
    then by chips (2031-2040).'"""
    spans = list(s.fleet_spans)
    if all(step == "demand" for step, _, _ in spans):
        return f"All of AI gets every chip it wants to {END_YEAR}: demand alone sets the fleet."
    return f"All of AI: new chips are held back by {_span_list(spans, FLEET_WORDS)}."


def wall_text(s: BindingSummary, threshold_share: float) -> str:
    """'The wall: from 2027, power costs all of AI at least 5% of the compute that chips
    and money allow (P10-P90: 2026-2028; 86% of samples by 2030, 90% by 2040).'

    `threshold_share` is the scenario's wall threshold. [%]"""
    shares = ""
    if s.wall_share_by_headline is not None and s.wall_share_by_end is not None:
        shares = (
            f"{s.wall_share_by_headline:.0%} of samples by {s.year}, "
            f"{s.wall_share_by_end:.0%} by {END_YEAR}"
        )
    spread = spread_text(s.wall_spread)
    if spread and shares:
        extra = f"{spread[:-1]}; {shares})"
    else:
        extra = spread or (f" ({shares})" if shares else "")
    limit = f"{fmt.sig(threshold_share)}% of the compute that chips and money allow"
    if s.wall is None:
        return f"No wall: power never costs all of AI {limit} before {END_YEAR}{extra}."
    worst = ""
    if s.lost_peak_year is not None:
        worst = f" At worst {s.lost_share_peak:.0%} is lost, in {s.lost_peak_year}."
    return f"The wall: from {s.wall}, power costs all of AI at least {limit}{extra}.{worst}"


#: Where a reader finds the source of each input (the help mark Streamlit draws beside a
#: widget's label is a question mark in a circle).
SOURCES_NOTE = (
    "Every input is in the sidebar: hover over or tap the (?) mark beside an input to see "
    "its source."
)


def ranges_text(shown: bool, region: str = "world") -> str:
    """Where the home page's chart says its ranges are: drawn (for the world only), or
    one switch away; then where each input's source is."""
    if shown and region != "world":
        ranges = (
            "The Monte Carlo's bands are drawn for the world only: switch the chart to "
            "*World* to see them."
        )
    elif shown:
        ranges = "Bands: 10th-90th percentiles of 10,000 Monte Carlo samples."
    else:
        ranges = (
            "These are the central scenario's numbers, without ranges: turn on *Show "
            "uncertainty* above for the 10th-90th percentiles of 10,000 Monte Carlo "
            "samples, or see *Growth vs power*, which shows them."
        )
    return f"{ranges} {SOURCES_NOTE}"
