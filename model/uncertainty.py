"""Monte Carlo over the projection's uncertain inputs (all samples at once), and a tornado
of which inputs move the wall most."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from model import fleet, projection
from model.catalog import Catalog, default_catalog
from model.scenario import END_YEAR, INPUTS_BY_NAME, Scenario


@dataclass(frozen=True)
class Spread:
    """A lognormal spread around the scenario's value: P90 / median = `p90_factor`."""

    name: str
    p90_factor: float
    source: str
    #: Growth multipliers are kept at or above 1 (no shrinking trend).
    at_least_one: bool = False


#: The sampled inputs and why each spread is what it is.
SPREADS: tuple[Spread, ...] = (
    Spread(
        "compute_growth",
        1.2,
        "Epoch AI's 4-5x/yr frontier range is about x/÷ 1.12 around 4.5; widened to 1.2 for "
        "the short post-2025 record",
        at_least_one=True,
    ),
    Spread(
        "efficiency_doubling_years",
        1.3,
        "Sources span 1.5 y (Epoch AI 2024) to 2.8 y (hardware alone, 1.28x/yr). x/÷ 1.3 "
        "around 1.5 y gives P10-P90 1.15-1.95 y; hardware alone lies beyond the P90",
    ),
    Spread(
        "other_ai_compute_growth",
        1.15,
        "Default 2.0x/yr follows IEA 2025; x/÷ 1.15 gives P10-P90 1.74-2.3x/yr, reaching "
        "Epoch AI's installed NVIDIA compute (2.3x/yr); EPRI/Epoch 2025 (2.5x/yr) lies beyond",
        at_least_one=True,
    ),
    Spread(
        "build_rate_gw_per_yr",
        1.5,
        "US additions swung from 48.6 GW (2024) to 63-64 GW planned (2025, EIA); a programme "
        "aimed at AI is less certain still: x/÷ 1.5",
    ),
    Spread(
        "chip_stock_growth",
        1.18,
        "Epoch AI chip sales: 3.3x/yr, 90% CI 2.7-4.1x (x/÷ 1.24 at P95, 1.18 at P90)",
        at_least_one=True,
    ),
    Spread(
        "run_budget_growth",
        1.15,
        "Cottier et al. 2024: 2.4x/yr, 90% CI 2.0-2.9x (x/÷ 1.2 at P95, 1.15 at P90)",
        at_least_one=True,
    ),
    Spread(
        "other_ai_power_base_gw",
        1.3,
        "Derived base-year figure (EPRI/Epoch, IEA): assumed x/÷ 1.3. The base-year supply "
        "moves with it (same draw): in 2025 AI drew what it had",
    ),
    Spread(
        "pipeline_gw",
        1.3,
        "LBNL 2024: US data-centre load 37-66 GW in 2028, x/÷ 1.3 around its middle",
    ),
    Spread(
        "frontier_runs",
        1.3,
        "Assumption: 2-3 runs above 1e26 FLOP were published in 2025 (Epoch AI); between 2 "
        "and 4 labs at the frontier at once (x/÷ 1.3 around 3)",
    ),
    Spread(
        "campus_growth",
        1.15,
        "Epoch AI 2024: a 1-5 GW largest campus by 2030 is 1.27-1.76x/yr from 0.3 GW; "
        "x/÷ 1.15 around 1.58 gives P10-P90 1.37-1.82x/yr",
        at_least_one=True,
    ),
    Spread(
        "data_stock_tokens",
        7.0,
        "Epoch AI 2024: 400 trillion to 20 quadrillion usable tokens, x/÷ 7 around the middle",
    ),
)
SPREADS_BY_NAME = {spread.name: spread for spread in SPREADS}
#: z-score of the 90th percentile of a standard normal.
Z90 = 1.2815515655446004
#: Projection columns given P10/P50/P90 bands (the ones the charts draw).
BANDED = (
    "power_demand_gw",
    "power_supply_gw",
    "power_achieved_gw",
    "compute_achieved_flop",
)
#: Samples the pages draw by default.
DEFAULT_SAMPLES = 10_000


@dataclass(frozen=True)
class MonteCarloResult:
    """Bands by year, the wall year per sample, and how often each step binds."""

    bands: pd.DataFrame  # year x (variable_p10, variable_p50, variable_p90)
    wall_years: npt.NDArray[np.float64]  # one per sample; NaN where there is no wall
    #: First year power sets the largest run, per sample; NaN where it never does.
    power_binding_years: npt.NDArray[np.float64]
    #: Index year; one column per step in projection.CONSTRAINTS; each row sums to 1.
    binding_shares: pd.DataFrame

    def wall_percentiles(self) -> tuple[float, float, float] | None:
        """P10, P50, P90 of the wall year, counting 'no wall' as later than any year."""
        return _percentiles(self.wall_years)

    def power_binding_percentiles(self) -> tuple[float, float, float] | None:
        """P10, P50, P90 of the first year power binds ('never' counts as latest)."""
        return _percentiles(self.power_binding_years)

    def share_with_wall(self) -> float:
        """Fraction of samples that hit the wall before the horizon ends. [fraction]"""
        return float(np.mean(~np.isnan(self.wall_years)))


def _percentiles(samples: npt.NDArray[np.float64]) -> tuple[float, float, float] | None:
    finite = np.where(np.isnan(samples), np.inf, samples)
    p10, p50, p90 = np.percentile(finite, [10, 50, 90], method="inverted_cdf")
    if not np.isfinite(p10):
        return None
    return float(p10), float(p50), float(p90)


def percentiles_by_year(samples: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """P10, P50, P90 of each column of (samples, years), by the inverted CDF.

    One sort per array is several times faster than np.percentile's partitions here; the
    k-th percentile is the sorted sample at index ceil(k/100 x n) - 1.
    """
    ordered = np.sort(samples, axis=0)
    n = ordered.shape[0]
    rows = [max(0, int(np.ceil(q * n)) - 1) for q in (0.1, 0.5, 0.9)]
    return ordered[rows]


def _lognormal(
    rng: np.random.Generator, median: float, p90_factor: float, n: int
) -> npt.NDArray[np.float64]:
    sigma = np.log(p90_factor) / Z90
    return median * np.exp(sigma * rng.standard_normal(n))


def _clip_to_range(name: str, values: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    spec = INPUTS_BY_NAME.get(name)
    if spec is None or spec.min is None or spec.max is None:
        return values
    return np.clip(values, spec.min, spec.max)


def sample_inputs(
    scenario: Scenario, n: int, seed: int, catalog: Catalog
) -> dict[str, npt.NDArray[np.float64]]:
    """Draw `n` samples of the uncertain inputs with a seeded Generator.

    Each input in SPREADS is lognormal around the scenario's value (kept inside the input's
    range); lead times are triangular(low, mid, high) per source from data/.
    """
    fixed = projection.fixed_inputs(scenario, catalog)
    return _draw(projection.scenario_values(scenario), fixed.sources, n, seed)


def _draw(
    values: dict[str, npt.NDArray[np.float64]], sources: fleet.Sources, n: int, seed: int
) -> dict[str, npt.NDArray[np.float64]]:
    """sample_inputs for the scenario's values and sources (already worked out)."""
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    rng = np.random.default_rng(seed)
    draws: dict[str, npt.NDArray[np.float64]] = {}
    for spread in SPREADS:
        drawn = _lognormal(rng, float(values[spread.name][0, 0]), spread.p90_factor, n)
        if spread.at_least_one:
            drawn = np.maximum(1.0, drawn)
        draws[spread.name] = _clip_to_range(spread.name, drawn)
    ratio = draws["other_ai_power_base_gw"] / float(values["other_ai_power_base_gw"][0, 0])
    draws["supply_base_gw"] = _clip_to_range(
        "supply_base_gw", float(values["supply_base_gw"][0, 0]) * ratio
    )
    low = sources.lead_time_low_years
    high = np.maximum(sources.lead_time_high_years, low + 1e-9)
    mode = np.clip(sources.lead_time_years, low, high)
    draws["lead_time_years"] = rng.triangular(low, mode, high, size=(n, len(low)))
    return draws


def _first_year(
    flags: npt.NDArray[np.bool_], yrs: npt.NDArray[np.int64]
) -> npt.NDArray[np.float64]:
    first = np.argmax(flags, axis=1)
    return np.where(flags.any(axis=1), yrs[first], np.nan).astype(float)


def binding_counts(binding_index: npt.NDArray[np.float64]) -> npt.NDArray[np.int64]:
    """How many samples each step binds in, per year: (years, steps), from a
    (samples, years) array of indices into projection.CONSTRAINTS."""
    steps = range(len(projection.CONSTRAINTS))
    return np.stack([np.count_nonzero(binding_index == i, axis=0) for i in steps], axis=1)


def binding_shares(counts: npt.NDArray[np.int64], samples: int) -> pd.DataFrame:
    """Share of samples in which each step binds, per year (rows sum to 1), from
    binding_counts over `samples` samples."""
    return pd.DataFrame(
        counts / samples,
        columns=list(projection.CONSTRAINTS),
        index=pd.Index(projection.years(), name="year"),
    )


#: Samples projected at a time. Every sample is projected on its own (nothing mixes
#: samples until the percentiles), so the batches only set how much memory is in use at
#: once: 2,000 samples keep a year-by-sample array at 250 kB, small enough to stay in the
#: processor's cache (one batch of 10,000 was about 1.5x slower on the benchmark machine).
BATCH_SAMPLES = 2_000


@dataclass(frozen=True)
class _Projected:
    """What run_monte_carlo keeps of the samples' projections."""

    banded: dict[str, npt.NDArray[np.float64]]  # BANDED columns, each (samples, years)
    wall_years: npt.NDArray[np.float64]
    power_binding_years: npt.NDArray[np.float64]
    binding_counts: npt.NDArray[np.int64]  # (years, steps)


def _project_samples(
    values: dict[str, npt.NDArray[np.float64]],
    draws: dict[str, npt.NDArray[np.float64]],
    fixed: projection.Fixed,
) -> _Projected:
    """projection.simulate of every drawn sample, batch by batch; each batch is reduced
    to what the result needs before the next one runs."""
    lead = draws["lead_time_years"]
    inputs = {name: drawn for name, drawn in draws.items() if name != "lead_time_years"}
    yrs = projection.years()
    power_index = projection.CONSTRAINTS.index("power")
    banded: dict[str, list[npt.NDArray[np.float64]]] = {name: [] for name in BANDED}
    walls, power, counts = [], [], np.zeros((yrs.size, len(projection.CONSTRAINTS)), int)
    for start in range(0, len(lead), BATCH_SAMPLES):
        batch = slice(start, start + BATCH_SAMPLES)
        sampled = values | {name: drawn[batch, None] for name, drawn in inputs.items()}
        out = projection.simulate(sampled, fixed, lead[batch])
        for name in BANDED:
            banded[name].append(out[name].T)  # (years, samples), as simulate made it
        walls.append(_first_year(out["energy_limited"] > 0, yrs))
        power.append(_first_year(out["binding_index"] == power_index, yrs))
        counts += binding_counts(out["binding_index"])
    return _Projected(
        {name: np.concatenate(parts, axis=1).T for name, parts in banded.items()},
        np.concatenate(walls),
        np.concatenate(power),
        counts,
    )


def run_monte_carlo(
    scenario: Scenario,
    n: int = DEFAULT_SAMPLES,
    seed: int = 0,
    catalog: Catalog | None = None,
    facts: fleet.SourceFacts | None = None,
) -> MonteCarloResult:
    """Project every sample; return bands, wall years and binding shares. `facts` are
    fleet.source_facts(catalog), when the caller has them already."""
    fixed = projection.fixed_inputs(scenario, catalog or default_catalog(), facts)
    values = projection.scenario_values(scenario)
    out = _project_samples(values, _draw(values, fixed.sources, n, seed), fixed)
    columns: dict[str, npt.NDArray[np.float64] | npt.NDArray[np.int64]] = {
        "year": projection.years()
    }
    for name in BANDED:
        p10, p50, p90 = percentiles_by_year(out.banded[name])
        columns |= {f"{name}_p10": p10, f"{name}_p50": p50, f"{name}_p90": p90}
    return MonteCarloResult(
        bands=pd.DataFrame(columns),
        wall_years=out.wall_years,
        power_binding_years=out.power_binding_years,
        binding_shares=binding_shares(out.binding_counts, n),
    )


def spread_ends(spread: Spread, median: float) -> tuple[float, float]:
    """An input's P10 and P90 as the tornado sets them: median / and x the factor, kept in
    the input's range, growths kept at or above 1, whole numbers rounded."""
    ends = []
    for factor in (1.0 / spread.p90_factor, spread.p90_factor):
        value = float(_clip_to_range(spread.name, np.array([median * factor]))[0])
        if spread.at_least_one:
            value = max(1.0, value)
        if INPUTS_BY_NAME[spread.name].kind == "int":
            value = float(round(value))
        ends.append(value)
    return ends[0], ends[1]


def tornado(
    scenario: Scenario, catalog: Catalog, facts: fleet.SourceFacts | None = None
) -> pd.DataFrame:
    """Each sampled input at its P10 and P90 (the rest at the scenario's values): the wall
    year and the first year power binds. 'None' counts as END_YEAR + 1. Sorted by how far
    the input moves the wall, then how far it moves power's binding year.

    The 2 x len(SPREADS) variants run as the samples of one projection: none of these
    inputs changes what `projection.fixed_inputs` takes from the scenario. `facts` are
    fleet.source_facts(catalog), when the caller has them already.
    """
    base = projection.scenario_values(scenario)
    variants = [
        (spread, value)
        for spread in SPREADS
        for value in spread_ends(spread, float(base[spread.name][0, 0]))
    ]
    values = {name: np.repeat(array, len(variants), axis=0) for name, array in base.items()}
    for i, (spread, value) in enumerate(variants):
        values[spread.name][i, 0] = value
    fixed = projection.fixed_inputs(scenario, catalog, facts)
    lead = np.repeat(fixed.sources.lead_time_years[None, :], len(variants), axis=0)
    out = projection.simulate(values, fixed, lead)
    yrs = projection.years()
    walls = _first_year(out["energy_limited"] > 0, yrs)
    power = _first_year(out["binding_index"] == projection.CONSTRAINTS.index("power"), yrs)
    after = float(END_YEAR + 1)
    walls, power = np.nan_to_num(walls, nan=after), np.nan_to_num(power, nan=after)
    rows: list[dict[str, Any]] = []
    for i, spread in enumerate(SPREADS):
        low, high = 2 * i, 2 * i + 1
        rows.append(
            {
                "input": spread.name,
                "label": INPUTS_BY_NAME[spread.name].label,
                "unit": INPUTS_BY_NAME[spread.name].unit,
                "low_value": variants[low][1],
                "high_value": variants[high][1],
                "wall_low": int(walls[low]),
                "wall_high": int(walls[high]),
                "power_binds_low": int(power[low]),
                "power_binds_high": int(power[high]),
                "wall_swing_years": int(abs(walls[high] - walls[low])),
                "power_swing_years": int(abs(power[high] - power[low])),
            }
        )
    ordered = sorted(rows, key=_swing_first)
    return pd.DataFrame(ordered)


def _swing_first(row: dict[str, Any]) -> tuple[int, int]:
    """Sort key of a tornado row: the largest wall swing first, then the largest swing in
    power's binding year; sorted() is stable, so ties keep SPREADS' order (as pandas'
    stable sort_values(ascending=False) does: tests/test_uncertainty_tornado.py)."""
    return (-row["wall_swing_years"], -row["power_swing_years"])
