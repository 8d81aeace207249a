"""The explanation beside each growth-versus-power chart, with the scenario's own numbers
(picked by model/answer.py; phrased here)."""

from __future__ import annotations

from charts.growth import input_text
from charts.style import STEP_NAMES
from model.answer import BindingSummary, PowerSplit, TornadoLead
from model.scenario import END_YEAR
from ui import format as fmt
from ui.headline import ratio, spread_text, year_or_none


def _steps_years(s: BindingSummary) -> str:
    parts = [
        f"{STEP_NAMES[step].lower()} {n}"
        for step, n in sorted(s.years_binding.items(), key=lambda item: -item[1])
    ]
    return ", ".join(parts)


def limits_text(s: BindingSummary, split: PowerSplit) -> str:
    """Beside the limits chart: how to read it, and what sets the run here."""
    cap = (
        "the largest site then" if split.site_bound else "its share of the power left after serving"
    )
    return (
        "Each line is the largest run one step would allow: power (what one site, or its "
        "share of AI's power, can feed), chips, capital, data, latency. The **bold line** "
        "is the run achieved, the smallest of them; the shading shows which step sets it.\n\n"
        f"Years each step sets the run to {END_YEAR}: {_steps_years(s)}. In {s.year} the "
        f"compute wanted on the trend is {ratio(s.trend_ratio)} the compute achieved; one run "
        f"can draw at most {fmt.power(split.run_cap_gw)}, {cap}."
    )


def shares_text(shares: list[tuple[str, float]], year: int) -> str:
    """Beside the binding-shares chart: the split in `year`."""
    parts = [f"{STEP_NAMES[step].lower()} in {share:.0%}" for step, share in shares]
    return (
        "Each Monte Carlo sample draws the uncertain inputs (growth rates, efficiency, "
        "build rate, chip stock, budgets, data, lead times) and projects again. "
        f"In {year} the step setting the run is {', '.join(parts)} of samples."
    )


def tornado_text(lead: TornadoLead | None, wall: int | None) -> str:
    """Beside the tornado: how it is made, and the input that moves the wall most."""
    how = (
        "Each input is set to its low (P10) and high (P90) value, the others kept at your "
        f"settings, and the wall year recomputed. This scenario's wall: {year_or_none(wall)}."
    )
    if lead is None:
        return how + " None of the sampled inputs moves it on its own."
    return (
        f"{how}\n\n**{lead.label}** moves it most: {year_or_none(lead.wall_low)} at "
        f"{input_text(lead.low_value, lead.unit)}, {year_or_none(lead.wall_high)} at "
        f"{input_text(lead.high_value, lead.unit)} ({lead.swing_years} years apart)."
    )


def power_text(split: PowerSplit, runs: int, wall: int | None) -> str:
    """Beside the power chart: wanted, available and achieved in one year (the legend's
    words), and how the achieved power splits."""
    short = f", **{fmt.power(split.shortfall_gw)} short**." if split.shortfall_gw > 1e-9 else "."
    return (
        f"In {split.year}, all AI: **{fmt.power(split.wanted_gw)} wanted** (dashed), "
        f"{fmt.power(split.supply_gw)} available, **{fmt.power(split.achieved_gw)} "
        f"achieved** (bold){short} Of the power achieved, serving and smaller AI take "
        f"{fmt.power(split.serving_gw)} and the {runs} frontier runs "
        f"{fmt.power(split.training_gw)}. The largest run: "
        f"{fmt.power(split.run_wanted_gw)} wanted on the trend, "
        f"{fmt.power(split.run_achieved_gw)} achieved.\n\n"
        f"The wall, the first year wanted exceeds available: {year_or_none(wall)}. "
        "Dots: past frontier runs (Epoch AI)."
    )


def compute_text(s: BindingSummary, growth: float, after: float | None) -> str:
    """Beside the compute chart: the trend, the gap it opens, growth after the wall."""
    tail = (
        f" From the wall to {END_YEAR} achieved compute grows **{fmt.sig(after)}x per "
        "year** on average."
        if after
        else ""
    )
    return (
        f"Until a step binds, the largest run follows the trend ({fmt.sig(growth)}x per "
        f"year). By {END_YEAR} the compute wanted on the trend is "
        f"{ratio(s.trend_ratio_end)} the compute achieved.{tail}"
    )


def decomposition_text(decomp: dict[str, float]) -> str:
    """Beside the decomposition chart: Epoch AI's identity with the scenario's numbers."""
    return (
        "Epoch AI's identity: the power the trend's run wants grows by compute growth "
        "divided by efficiency growth and run-length growth. "
        f"Here {fmt.sig(decomp['compute_growth'])} / ({fmt.sig(decomp['efficiency_growth'])} "
        f"x {fmt.sig(decomp['run_length_growth'])}) = **{fmt.sig(decomp['power_growth'])}x "
        "per year**. Epoch AI measured 2.1-2.2x per year for 2010-2025."
    )


def wall_distribution_text(share_with_wall: float, s: BindingSummary) -> str:
    """Beside the wall-year distribution: how many samples hit the wall, and when."""
    return (
        f"{share_with_wall:.0%} of samples hit the wall by {END_YEAR}"
        f"{spread_text(s.wall_spread)}. Bars: share of samples whose wall falls in each "
        "year. The distributions are on *Methods & sources*."
    )
