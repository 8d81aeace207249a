"""The explanation beside each growth-versus-power chart, with the scenario's own numbers
(picked by model/answer.py; phrased here)."""

from __future__ import annotations

from charts.growth import input_text
from charts.style import STEP_NAMES
from model.answer import BindingSummary, PowerSplit, TornadoLead
from model.scenario import END_YEAR
from ui import format as fmt
from ui.headline import FLEET_WORDS, RUN_WORDS, fleet_text, ratio, spread_text, year_or_none


def _steps_years(s: BindingSummary) -> str:
    parts = [
        f"{STEP_NAMES[step].lower()} {n}"
        for step, n in sorted(s.years_binding.items(), key=lambda item: -item[1])
    ]
    return ", ".join(parts)


def limits_text(s: BindingSummary, split: PowerSplit) -> str:
    """Beside the limits chart: how to read it, and what sets the run here."""
    return (
        "Each line is the largest run one step would allow: the largest single site "
        "(brown), the power that can be built (frontier training's share of all AI's "
        "power, orange), chips, money, data, latency. The **bold line** is the run "
        "achieved, the smallest of them; the shading shows which step sets it.\n\n"
        f"Years each step sets the run to {END_YEAR}: {_steps_years(s)}. In {s.year} the "
        f"compute wanted on the trend is {ratio(s.trend_ratio)} the compute achieved, and "
        f"{RUN_WORDS[split.run_step]} sets the run; the largest site can feed "
        f"{fmt.power(split.largest_site_gw)}."
    )


def fleet_chart_text(s: BindingSummary) -> str:
    """Beside the fleet chart: what each line is, and what holds AI back here."""
    return (
        "All of AI (serving, smaller models and the frontier runs) buys new accelerators "
        "each year. It gets the **smallest** of what its demand wants (dashed), the chips "
        "the industry makes, what money left after the electricity bill buys, and what the "
        "power still free can run. The black line is what is installed; the shading shows "
        f"which step held it.\n\n{fleet_text(s)} In {s.year}: "
        f"{FLEET_WORDS[s.fleet_step_in_year]}."
    )


def shares_text(shares: list[tuple[str, float]], year: int, fleet: bool = False) -> str:
    """Beside a binding-shares chart: the split in `year`, for the largest run or (with
    `fleet`) for all of AI's new accelerators."""
    words = FLEET_WORDS if fleet else RUN_WORDS
    # Steps in under half a percent of samples would read "in 0%": left out.
    parts = [f"{words[step]} in {share:.0%}" for step, share in shares if share >= 0.005]
    what = "holding all of AI's new chips back" if fleet else "setting the largest run"
    return (
        "Each Monte Carlo sample draws the uncertain inputs (growth rates, efficiency, "
        "build rate, chip production, spending, data, lead times) and projects again. "
        f"In {year} the step {what} is {', '.join(parts)} of samples."
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


def power_text(split: PowerSplit, wall: int | None) -> str:
    """Beside the power chart: wanted, available and achieved in one year (the legend's
    words), and how the achieved power splits."""
    short = f", **{fmt.power(split.shortfall_gw)} short**." if split.shortfall_gw > 1e-9 else "."
    where = "all AI" if split.region == "world" else f"AI in the {split.region.upper()}"
    split_text = (
        f"Of the power achieved, serving and smaller AI take {fmt.power(split.serving_gw)} "
        f"and frontier training {fmt.power(split.training_gw)}. "
        if split.region == "world"
        else ""
    )
    return (
        f"In {split.year}, {where}: **{fmt.power(split.wanted_gw)} wanted** (dashed), "
        f"{fmt.power(split.supply_gw)} available, **{fmt.power(split.achieved_gw)} "
        f"achieved** (bold){short} {split_text}The largest run: "
        f"{fmt.power(split.run_wanted_gw)} wanted on the trend, "
        f"{fmt.power(split.run_achieved_gw)} achieved.\n\n"
        "Wanted is what the chips AI buys would draw if power were no limit; achieved is "
        f"what the grid delivers. The wall (first year power costs AI its threshold share "
        f"of compute): {year_or_none(wall)}. Dots: past frontier runs (Epoch AI)."
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


def wall_distribution_text(s: BindingSummary) -> str:
    """Beside the wall-year distribution: how many samples hit the wall, and when."""
    by_headline = s.wall_share_by_headline or 0.0
    by_end = s.wall_share_by_end or 0.0
    return (
        f"{by_headline:.0%} of samples hit the wall by {s.year} and {by_end:.0%} by "
        f"{END_YEAR}{spread_text(s.wall_spread)}. Bars: share of samples whose wall falls "
        "in each year. The input distributions are on *Methods & sources*."
    )
