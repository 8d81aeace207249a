"""The numbers the pages' answer quotes: which step binds the largest run and when, the wall.

Pure number-picking from a projection frame (model.projection.project) and, optionally,
Monte Carlo percentiles and tables (model.uncertainty); ui/headline.py turns the result
into words.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from model.compare import HEADLINE_YEAR
from model.projection import (
    CONSTRAINTS,
    REGIONS,
    first_binding_year,
    limit_ratio,
    wall_year,
)
from model.scenario import END_YEAR

#: The steps other than the trend: the limits proper.
LIMITS = tuple(step for step in CONSTRAINTS if step != "trend")


@dataclass(frozen=True)
class YearSpread:
    """P10 and P90 of a year across Monte Carlo samples; None = not by END_YEAR."""

    p10: int | None
    p90: int | None


def year_spread(percentiles: Sequence[float] | None) -> YearSpread:
    """(P10, P50, P90) with inf or NaN for 'never' -> YearSpread.

    model.uncertainty's percentiles are None when even the P10 sample never reaches the
    event: a spread of (None, None), not by END_YEAR in at least 90% of samples.
    """
    if percentiles is None:
        return YearSpread(None, None)
    p10, _, p90 = percentiles

    def year(value: float) -> int | None:
        return int(value) if math.isfinite(value) and value <= END_YEAR else None

    return YearSpread(year(p10), year(p90))


@dataclass(frozen=True)
class BindingSummary:
    """Which step limits the largest run and all of AI, and when power starts to cost AI
    its threshold share of compute (the wall)."""

    #: The first step after the trend to set the largest run (None: the trend never stops).
    first_step: str | None
    first_year: int | None
    #: First year power sets the run, and its P10-P90 over Monte Carlo samples.
    power_year: int | None
    power_spread: YearSpread | None
    #: The year the comparison below is read at, and the step that sets the run then.
    year: int
    step_in_year: str
    #: The tightest other limit in `year` and how many times the achieved run it allows. [x]
    runner_up: str
    runner_up_ratio: float
    #: The trend's run in `year` and in END_YEAR as a multiple of the achieved run. [x]
    trend_ratio: float
    trend_ratio_end: float
    #: First year power costs all of AI its threshold share of compute, and its P10-P90.
    wall: int | None
    wall_spread: YearSpread | None
    #: Years (to END_YEAR) in which each step sets the run, for every step that does.
    years_binding: dict[str, int]
    #: The step that sets the run, as runs of years: (step, first year, last year).
    spans: tuple[tuple[str, int, int], ...] = ()
    #: The same for all of AI's new accelerators (model.economy.FLEET_STEPS).
    fleet_spans: tuple[tuple[str, int, int], ...] = ()
    #: The step that limits all of AI's new accelerators in `year`.
    fleet_step_in_year: str = "demand"
    #: The largest share of all-AI compute lost to power, and its year. [fraction]
    lost_share_peak: float = 0.0
    lost_peak_year: int | None = None
    #: Share of Monte Carlo samples with a wall by HEADLINE_YEAR and by END_YEAR (None
    #: without a Monte Carlo). [fraction]
    wall_share_by_headline: float | None = None
    wall_share_by_end: float | None = None


def _steps(frame: pd.DataFrame) -> list[str]:
    """The step that sets the run, year by year."""
    return [str(step) for step in frame["binding_constraint"]]


def _year_index(frame: pd.DataFrame, year: int) -> int:
    """The position of `year` in the projection; ValueError if it is not one of its years."""
    rows = np.flatnonzero(frame["year"].to_numpy() == year)
    if rows.size == 0:
        raise ValueError(f"{year} is not a year of the projection")
    return int(rows[0])


def value_in_year(frame: pd.DataFrame, column: str, year: int) -> float:
    """A projection column's value in `year` (ValueError if it is not one of its years)."""
    return float(frame[column].to_numpy()[_year_index(frame, year)])


def runner_up(frame: pd.DataFrame, year: int) -> tuple[str, float]:
    """The limit (not the trend) that allows the smallest run in `year`, other than the
    one that sets it, and how many times the achieved run it allows. [x]"""
    binding = _steps(frame)[_year_index(frame, year)]
    ratios = {step: limit_ratio(frame, year, step) for step in LIMITS if step != binding}
    step = min(ratios, key=lambda s: ratios[s])
    return step, ratios[step]


def spans(years: Sequence[int], steps: Sequence[str]) -> tuple[tuple[str, int, int], ...]:
    """Consecutive years with the same step, as (step, first year, last year)."""
    out: list[tuple[str, int, int]] = []
    for year, step in zip(years, steps, strict=True):
        if out and out[-1][0] == step:
            out[-1] = (step, out[-1][1], int(year))
        else:
            out.append((step, int(year), int(year)))
    return tuple(out)


def binding_summary(
    frame: pd.DataFrame,
    power_spread: YearSpread | None = None,
    wall_spread: YearSpread | None = None,
    year: int = HEADLINE_YEAR,
    wall_shares: tuple[float, float] | None = None,
) -> BindingSummary:
    """The answer for one projection; the spreads (from `year_spread` of the Monte Carlo's
    percentiles) and the shares of samples with a wall by `year` and by END_YEAR are
    passed through, None when no Monte Carlo was run.

    The limits' ratios, power's first year and the wall come from the projection's own
    look-ups (runner_up, limit_ratio, first_binding_year, wall_year): one definition each."""
    steps = _steps(frame)
    years = frame["year"].to_numpy()
    at = _year_index(frame, year)
    runner, runner_ratio = runner_up(frame, year)
    limited = [i for i, step in enumerate(steps) if step != "trend"]
    fleet = [str(step) for step in frame["fleet_binding"]]
    lost = frame["compute_lost_to_power_share"].to_numpy()
    peak = int(np.argmax(lost))
    return BindingSummary(
        first_step=steps[limited[0]] if limited else None,
        first_year=int(years[limited[0]]) if limited else None,
        power_year=first_binding_year(frame, "power"),
        power_spread=power_spread,
        year=year,
        step_in_year=steps[at],
        runner_up=runner,
        runner_up_ratio=runner_ratio,
        trend_ratio=limit_ratio(frame, year, "trend"),
        trend_ratio_end=limit_ratio(frame, int(years.max()), "trend"),
        wall=wall_year(frame),
        wall_spread=wall_spread,
        years_binding={s: steps.count(s) for s in CONSTRAINTS if s in steps},
        spans=spans(years.tolist(), steps),
        fleet_spans=spans(years.tolist(), fleet),
        fleet_step_in_year=fleet[at],
        lost_share_peak=float(lost[peak]),
        lost_peak_year=int(years[peak]) if lost[peak] > 0 else None,
        wall_share_by_headline=None if wall_shares is None else wall_shares[0],
        wall_share_by_end=None if wall_shares is None else wall_shares[1],
    )


def shares_in_year(binding_shares: pd.DataFrame, year: int) -> list[tuple[str, float]]:
    """The steps that bind in some sample in `year`, most frequent first. [fraction]"""
    row = binding_shares.loc[[year]].to_numpy(dtype=float)[0]
    shares = [(str(step), float(x)) for step, x in zip(binding_shares.columns, row, strict=True)]
    return sorted(((step, x) for step, x in shares if x > 0), key=lambda item: -item[1])


@dataclass(frozen=True)
class PowerSplit:
    """All-AI power in one year: wanted, supplied, achieved, and who gets it. [GW]"""

    year: int
    wanted_gw: float
    supply_gw: float
    achieved_gw: float
    serving_gw: float
    training_gw: float
    run_wanted_gw: float
    run_achieved_gw: float
    largest_site_gw: float
    #: The step that sets the largest run that year (model.projection.CONSTRAINTS).
    run_step: str
    #: "world", or the region (model.projection.REGIONS) whose power the first three
    #: numbers are; serving, training and the run are always the world's.
    region: str = "world"

    @property
    def shortfall_gw(self) -> float:
        """Power wanted but not delivered (0 when supply covers it). [GW]"""
        return self.wanted_gw - self.achieved_gw


def region_suffix(region: str) -> str:
    """The projection columns' suffix for a region: '' for the world, '_us', '_row'."""
    if region == "world":
        return ""
    if region not in REGIONS:
        raise ValueError(f"unknown region {region!r}; one of world, {', '.join(REGIONS)}")
    return f"_{region}"


def power_split(frame: pd.DataFrame, year: int, region: str = "world") -> PowerSplit:
    """The power chart's numbers in `year`: wanted, supplied and achieved for `region`."""
    row = frame.iloc[_year_index(frame, year)]
    end = region_suffix(region)
    return PowerSplit(
        year=year,
        wanted_gw=float(row[f"power_demand_gw{end}"]),
        supply_gw=float(row[f"power_supply_gw{end}"]),
        achieved_gw=float(row[f"power_achieved_gw{end}"]),
        serving_gw=float(row["inference_power_achieved_gw"]),
        training_gw=float(row["training_power_achieved_gw"]),
        run_wanted_gw=float(row["frontier_run_power_gw"]),
        run_achieved_gw=float(row["frontier_run_power_achieved_gw"]),
        largest_site_gw=float(row["largest_site_gw"]),
        run_step=str(row["binding_constraint"]),
        region=region,
    )


@dataclass(frozen=True)
class TornadoLead:
    """The input that moves the wall most, at its low and high values."""

    label: str
    unit: str
    #: A number in `unit`, or a named setting ("fastest" lead times, a preset's mix).
    low_value: float | str
    high_value: float | str
    #: Wall years at the low and high values; None = no wall by END_YEAR.
    wall_low: int | None
    wall_high: int | None
    swing_years: int


def _number_or_name(value: object) -> float | str:
    return value if isinstance(value, str) else float(value)  # type: ignore[arg-type]


def tornado_lead(table: pd.DataFrame) -> TornadoLead | None:
    """The first row of model.uncertainty.tornado (sorted by swing), None if it moves nothing."""
    if table.empty or int(table["wall_swing_years"].iloc[0]) == 0:
        return None
    row = table.iloc[0]

    def year(value: float) -> int | None:
        return None if int(value) > END_YEAR else int(value)

    return TornadoLead(
        label=str(row["label"]),
        unit=str(row["unit"]),
        low_value=_number_or_name(row["low_value"]),
        high_value=_number_or_name(row["high_value"]),
        wall_low=year(row["wall_low"]),
        wall_high=year(row["wall_high"]),
        swing_years=int(row["wall_swing_years"]),
    )
