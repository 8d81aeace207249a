"""Monte Carlo over the projection's uncertain inputs (all samples at once), and a tornado
of which inputs move the wall most."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from model import fleet, presets, projection
from model.catalog import Catalog, default_catalog
from model.scenario import END_YEAR, INPUTS_BY_NAME, SOURCE_IDS, Scenario


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
        "hardware_efficiency_growth",
        1.05,
        "Epoch AI 2024: GPUs 1.28x/yr in FLOP per joule, leading chips ~1.4x/yr: x/÷ 1.05 "
        "gives P10-P90 1.22-1.34x/yr",
        at_least_one=True,
    ),
    Spread(
        "serving_compute_growth",
        1.15,
        "Default 2.0x/yr follows IEA 2025; x/÷ 1.15 gives P10-P90 1.74-2.3x/yr, reaching "
        "Epoch AI's installed NVIDIA compute (2.3x/yr); EPRI/Epoch 2025 (2.5x/yr) lies beyond",
        at_least_one=True,
    ),
    Spread(
        "serving_price_elasticity",
        2.0,
        "Assumption (no measured elasticity of AI compute demand): x/÷ 2 around 1, P10-P90 0.5-2",
    ),
    Spread(
        "build_rate_gw_per_yr_us",
        1.5,
        "US additions swung from 48.6 GW (2024) to 63-64 GW planned (2025, EIA); a programme "
        "aimed at AI is less certain still: x/÷ 1.5",
    ),
    Spread(
        "build_rate_gw_per_yr_row",
        1.5,
        "As the US figure, for want of a world series of additions: x/÷ 1.5",
    ),
    Spread(
        "pipeline_gw_us",
        1.3,
        "LBNL 2024: US data-centre load 37-66 GW in 2028, x/÷ 1.3 around its middle",
    ),
    Spread(
        "pipeline_gw_row",
        1.3,
        "As the US figure (LBNL covers only the US): x/÷ 1.3",
    ),
    Spread(
        "chip_stock_base_h100e",
        1.3,
        "Epoch AI chip sales give the 2025 stock from revenue; assumed x/÷ 1.3. The 2025 "
        "chips made, serving power and supply move with it (same draw): in 2025 AI drew "
        "what its chips needed",
    ),
    Spread(
        "chip_production_growth",
        1.15,
        "Epoch AI 2024: 100M H100e by 2030 (20M-400M); x/÷ 1.15 around 1.4x/yr gives "
        "P10-P90 1.22-1.61x/yr, about 70M-260M in service in 2030",
        at_least_one=True,
    ),
    Spread(
        "ai_capex_growth",
        1.1,
        "Reported 2024-25 growth +65% (company reports) against analysts' slower 2026-27 "
        "outlooks: x/÷ 1.1 around 1.3x/yr",
        at_least_one=True,
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
#: Inputs drawn with chip_stock_base_h100e (the same ratio): the base year's levels.
BASE_LEVELS = (
    "chip_production_base_h100e",
    "serving_power_base_gw_us",
    "serving_power_base_gw_row",
    "supply_base_gw_us",
    "supply_base_gw_row",
)
#: z-score of the 90th percentile of a standard normal.
Z90 = 1.2815515655446004
#: Projection columns given P10/P50/P90 bands (the ones the charts draw).
BANDED = (
    "power_demand_gw",
    "power_supply_gw",
    "power_achieved_gw",
    "compute_achieved_flop",
    # The rest of The question's headline numbers, for their ranges.
    "compute_demand_flop",
    "frontier_run_power_gw",
    "frontier_run_power_achieved_gw",
)
#: What run_monte_carlo reads of each sample's projection.
SIMULATED = (*BANDED, "energy_limited", "binding_index", "fleet_binding_index")
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
    #: The same for what limits the fleet's new accelerators (projection.FLEET_STEPS).
    fleet_binding_shares: pd.DataFrame

    def wall_percentiles(self) -> tuple[float, float, float] | None:
        """P10, P50, P90 of the wall year, counting 'no wall' as later than any year."""
        return _percentiles(self.wall_years)

    def power_binding_percentiles(self) -> tuple[float, float, float] | None:
        """P10, P50, P90 of the first year power binds ('never' counts as latest)."""
        return _percentiles(self.power_binding_years)

    def share_with_wall(self, by_year: int = END_YEAR) -> float:
        """Fraction of samples that hit the wall by `by_year` (the horizon's end by
        default). [fraction]"""
        return float(np.mean(np.nan_to_num(self.wall_years, nan=np.inf) <= by_year))


def _percentiles(samples: npt.NDArray[np.float64]) -> tuple[float, float, float] | None:
    finite = np.where(np.isnan(samples), np.inf, samples)
    p10, p50, p90 = np.percentile(finite, [10, 50, 90], method="inverted_cdf")
    if not np.isfinite(p10):
        return None
    return float(p10), float(p50), float(p90)


def percentiles_by_year(samples: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """P10, P50, P90 of each column of (samples, years), by the inverted CDF.

    The k-th percentile is the sample that would sit at index ceil(k/100 x n) - 1 if the
    column were sorted: np.partition puts just those three in place, about 1.5x faster
    than sorting the column (and several times faster than np.percentile). Numbers
    without a sign bit (every band the pages draw) order as their bits do read as
    integers, and integers partition another 1.5x faster; any other sample falls back to
    partitioning the floats.
    """
    n = samples.shape[0]
    rows = [max(0, int(np.ceil(q * n)) - 1) for q in (0.1, 0.5, 0.9)]
    if samples.dtype == np.float64 and not np.signbit(samples).any():
        return np.partition(samples.view(np.int64), rows, axis=0)[rows].view(np.float64)
    return np.partition(samples, rows, axis=0)[rows]


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
    ratio = draws["chip_stock_base_h100e"] / float(values["chip_stock_base_h100e"][0, 0])
    for name in BASE_LEVELS:
        draws[name] = _clip_to_range(name, float(values[name][0, 0]) * ratio)
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


def binding_counts(
    binding_index: npt.NDArray[np.float64], steps: int = len(projection.CONSTRAINTS)
) -> npt.NDArray[np.int64]:
    """How many samples each step binds in, per year: (years, steps), from a
    (samples, years) array of indices into a list of `steps` steps (one bincount over
    cells numbered year x steps + step)."""
    by_year = binding_index.T.astype(np.int64)  # (years, samples)
    years = by_year.shape[0]
    cells = by_year + steps * np.arange(years)[:, None]
    return np.bincount(cells.ravel(), minlength=years * steps).reshape(years, steps)


def binding_shares(
    counts: npt.NDArray[np.int64], samples: int, steps: tuple[str, ...] = projection.CONSTRAINTS
) -> pd.DataFrame:
    """Share of samples in which each step binds, per year (rows sum to 1), from
    binding_counts over `samples` samples."""
    return pd.DataFrame(
        counts / samples,
        columns=list(steps),
        index=pd.Index(projection.years(), name="year"),
    )


#: Samples projected at a time. Every sample is projected on its own (nothing mixes
#: samples until the percentiles), so the batches set how much memory is in use at once
#: (about 15 MB per 2,000 samples) and how often each numpy call's overhead is paid.
#: Two batches of 5,000 ran ~10% faster on the benchmark machine, but numpy's power of a
#: row by a column rounds some elements an ulp differently for another row length, so
#: the batch size stays the one the bands were always computed with (docs/benchmarks.md,
#: 2026-12-07).
BATCH_SAMPLES = 2_000


@dataclass(frozen=True)
class _Projected:
    """What run_monte_carlo keeps of the samples' projections."""

    banded: dict[str, npt.NDArray[np.float64]]  # BANDED columns, each (samples, years)
    wall_years: npt.NDArray[np.float64]
    power_binding_years: npt.NDArray[np.float64]
    binding_counts: npt.NDArray[np.int64]  # (years, steps)
    fleet_counts: npt.NDArray[np.int64]  # (years, fleet steps)


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
    fleet_counts = np.zeros((yrs.size, len(projection.FLEET_STEPS)), int)
    for start in range(0, len(lead), BATCH_SAMPLES):
        batch = slice(start, start + BATCH_SAMPLES)
        sampled = values | {name: drawn[batch, None] for name, drawn in inputs.items()}
        out = projection.simulate(sampled, fixed, lead[batch], SIMULATED)
        for name in BANDED:
            banded[name].append(out[name].T)  # (years, samples), as simulate made it
        walls.append(_first_year(out["energy_limited"] > 0, yrs))
        power.append(_first_year(out["binding_index"] == power_index, yrs))
        counts += binding_counts(out["binding_index"])
        fleet_counts += binding_counts(out["fleet_binding_index"], len(projection.FLEET_STEPS))
    return _Projected(
        {name: np.concatenate(parts, axis=1).T for name, parts in banded.items()},
        np.concatenate(walls),
        np.concatenate(power),
        counts,
        fleet_counts,
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
        fleet_binding_shares=binding_shares(out.fleet_counts, n, projection.FLEET_STEPS),
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


@dataclass(frozen=True)
class Swing:
    """One tornado row: a group of inputs at a low and a high setting."""

    input: str
    label: str
    unit: str
    low_value: float | str
    high_value: float | str
    low: Scenario
    high: Scenario


#: Inputs the tornado swings beyond the sampled ones, with the low and high it uses and
#: why: every sidebar group has a row (issue: the tornado considers every group).
EXTRA_SWINGS: tuple[tuple[str, float, float, str], ...] = (
    ("queue_years_us", 2.0, 8.0, "LBNL 2024: US waits of 2-8 years around the 5-year median"),
    ("behind_meter_share_us", 0.0, 60.0, "None to most of new US AI power on site"),
    ("build_cap_share_us", 10.0, 50.0, "AI claims a tenth to half of the world's build"),
    ("us_chip_share", 60.0, 90.0, "Epoch AI 2025: the US hosts ~75% of AI compute"),
    ("chip_lifetime_years", 4.0, 7.0, "Depreciation lives of 4-7 years (company reports)"),
    ("capex_gdp_cap_share", 1.0, 4.0, "Past investment booms at 1-4% of GDP"),
    ("training_share", 15.0, 50.0, "Frontier training a sixth to a half of AI compute"),
    ("price_scale", 0.5, 2.0, "Electricity at half to twice the mix's cost"),
    ("campus_max_gw", 5.0, 20.0, "The largest announced campus (~5 GW) to four times it"),
    ("pue", 1.09, 1.56, "Google's fleet 1.09 (2024) to the industry average 1.56 (Uptime 2024)"),
)
#: Swings of an input that sets the facility (projection.fixed_inputs): their variants
#: cannot join the others' batch, so each is projected on its own.
FACILITY_SWINGS = frozenset({"pue"})
#: The mixes the tornado's mix row compares (data/mix_presets.csv): gas-led vs nuclear-led.
TORNADO_MIXES = ("gas_bridge", "nuclear_bet")


def tornado_swings(scenario: Scenario, catalog: Catalog) -> list[Swing]:
    """Every row the tornado draws: each sampled input at its P10 and P90, the inputs
    in EXTRA_SWINGS at their stated ends, every lead time at data/'s fastest and slowest
    together, and the mix as two presets."""
    swings = []
    for spread in SPREADS:
        low, high = spread_ends(spread, float(getattr(scenario, spread.name)))
        swings.append(_swing(scenario, spread.name, low, high))
        if spread.name == "chip_stock_base_h100e":
            swings[-1] = _with_base_levels(swings[-1], scenario)
    for name, low, high, _ in EXTRA_SWINGS:
        swings.append(_swing(scenario, name, low, high))
    table = catalog["generation_sources"].set_index("source_id")
    ends = []
    for column in ("lead_time_low_years", "lead_time_high_years"):
        lead_years = table[column].astype(float)
        leads: dict[str, Any] = {
            f"lead_{sid}": float(
                np.clip(
                    lead_years[sid],
                    INPUTS_BY_NAME[f"lead_{sid}"].min,
                    INPUTS_BY_NAME[f"lead_{sid}"].max,
                )
            )
            for sid in SOURCE_IDS
        }
        ends.append(dataclasses.replace(scenario, **leads))
    swings.append(Swing("lead_times", "Lead times (every source)", "", "fastest", "slowest", *ends))
    mixes = [presets.mix_scenario(scenario, mix, catalog) for mix in TORNADO_MIXES]
    swings.append(Swing("mix", "Generation mix", "", "Gas bridge", "Nuclear bet", *mixes))
    return swings


def _with_base_levels(swing: Swing, scenario: Scenario) -> Swing:
    """The chip stock's swing with the 2025 levels that move with it in the Monte Carlo
    (BASE_LEVELS: chip production, serving and supply in 2025), scaled by the same ratio:
    a larger 2025 fleet is a larger 2025 AI economy, not more chips than 2025's power."""
    median = float(scenario.chip_stock_base_h100e)

    def scaled(end: Scenario) -> Scenario:
        ratio = float(end.chip_stock_base_h100e) / median
        levels: dict[str, Any] = {
            name: float(_clip_to_range(name, np.asarray(getattr(scenario, name) * ratio)))
            for name in BASE_LEVELS
        }
        return dataclasses.replace(end, **levels)

    return dataclasses.replace(
        swing,
        label=f"{swing.label}, with 2025's power",
        low=scaled(swing.low),
        high=scaled(swing.high),
    )


def _swing(scenario: Scenario, name: str, low: float, high: float) -> Swing:
    spec = INPUTS_BY_NAME[name]
    cast = int if spec.kind == "int" else float
    at_low: dict[str, Any] = {name: cast(low)}
    at_high: dict[str, Any] = {name: cast(high)}
    return Swing(
        name,
        spec.label,
        spec.unit,
        low,
        high,
        dataclasses.replace(scenario, **at_low),
        dataclasses.replace(scenario, **at_high),
    )


def tornado(
    scenario: Scenario, catalog: Catalog, facts: fleet.SourceFacts | None = None
) -> pd.DataFrame:
    """Each row of tornado_swings at its low and high (the rest at the scenario's values):
    the wall year and the first year power limits the largest run. 'None' counts as
    END_YEAR + 1. Sorted by how far the row moves the wall, then power's binding year.

    The variants run as one batch (projection.project_batch), but for those of a
    facility input (FACILITY_SWINGS), each of which runs on its own. `facts` are
    fleet.source_facts(catalog), when the caller has them already.
    """
    swings = tornado_swings(scenario, catalog)
    facts = facts or fleet.source_facts(catalog)
    variants = [v for swing in swings for v in (swing.low, swing.high)]
    alone = [i for i, swing in enumerate(swings) if swing.input in FACILITY_SWINGS]
    alone_variants = {k for i in alone for k in (2 * i, 2 * i + 1)}
    batched = [k for k in range(len(variants)) if k not in alone_variants]
    walls = np.full(len(variants), np.nan)
    power = np.full(len(variants), np.nan)
    for group in [batched, *([k] for k in sorted(alone_variants))]:
        walls[group], power[group] = _wall_and_power_years(
            [variants[k] for k in group], catalog, facts
        )
    after = float(END_YEAR + 1)
    walls, power = np.nan_to_num(walls, nan=after), np.nan_to_num(power, nan=after)
    rows: list[dict[str, Any]] = []
    for i, swing in enumerate(swings):
        low, high = 2 * i, 2 * i + 1
        rows.append(
            {
                "input": swing.input,
                "label": swing.label,
                "unit": swing.unit,
                "low_value": swing.low_value,
                "high_value": swing.high_value,
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


def _wall_and_power_years(
    variants: list[Scenario], catalog: Catalog, facts: fleet.SourceFacts
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """For variants that share a chip, facility and run length (one batch): each one's
    wall year and first year power limits the largest run (NaN: none)."""
    out = projection.project_batch(variants, catalog, facts)
    yrs = projection.years()
    walls = _first_year(out["energy_limited"] > 0, yrs)
    power = _first_year(out["binding_index"] == projection.CONSTRAINTS.index("power"), yrs)
    return walls, power


def _swing_first(row: dict[str, Any]) -> tuple[int, int]:
    """Sort key of a tornado row: the largest wall swing first, then the largest swing in
    power's binding year; sorted() is stable, so ties keep SPREADS' order (as pandas'
    stable sort_values(ascending=False) does: tests/test_uncertainty_tornado.py)."""
    return (-row["wall_swing_years"], -row["power_swing_years"])
