"""Monte Carlo over the projection's uncertain inputs, all samples at once."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd

from model import projection
from model.catalog import Catalog, default_catalog
from model.scenario import BASE_YEAR, Scenario

#: Stated spreads: each uncertain input is lognormal around the scenario's value, with
#: P90 / median = this factor (so P10 = median / factor).
#: Compute growth: Epoch AI's 4-5x/yr frontier range is about x/÷ 1.12 around 4.5;
#: widened to 1.2 for the shorter post-2025 record.
COMPUTE_GROWTH_P90_FACTOR = 1.2
#: Efficiency doubling time: sources span 1.7 y (Epoch ML Hardware, +50%/yr) to 2.8 y
#: (Epoch 2024, 1.28x/yr), about x/÷ 1.3 around their geometric mean.
EFFICIENCY_DOUBLING_P90_FACTOR = 1.3
#: Growth of other AI demand: EPRI/Epoch's ~1.58x/yr (US AI power 5 -> 50 GW by 2030) and
#: the IEA's +30%/yr for accelerated servers are x/÷ 1.1 around their geometric mean
#: (1.43x/yr); widened to 1.15.
OTHER_AI_GROWTH_P90_FACTOR = 1.15
#: Build rate: US additions swung from 48.6 GW (2024) to 63-64 GW planned (2025, EIA);
#: for a programme aimed at AI we allow x/÷ 1.5.
BUILD_RATE_P90_FACTOR = 1.5
#: z-score of the 90th percentile of a standard normal.
Z90 = 1.2815515655446004
#: Projection columns given P10/P50/P90 bands (the ones the charts draw).
BANDED = ("power_demand_gw", "power_supply_gw", "compute_achieved_flop")
#: Samples the page draws by default.
DEFAULT_SAMPLES = 10_000


@dataclass(frozen=True)
class MonteCarloResult:
    """Bands by year and the distribution of the wall year."""

    bands: pd.DataFrame  # year x (variable_p10, variable_p50, variable_p90)
    wall_years: npt.NDArray[np.float64]  # one per sample; NaN where there is no wall

    def wall_percentiles(self) -> tuple[float, float, float] | None:
        """P10, P50, P90 of the wall year, counting 'no wall' as later than any year."""
        finite = np.where(np.isnan(self.wall_years), np.inf, self.wall_years)
        p10, p50, p90 = np.percentile(finite, [10, 50, 90], method="inverted_cdf")
        if not np.isfinite(p10):
            return None
        return float(p10), float(p50), float(p90)

    def share_with_wall(self) -> float:
        """Fraction of samples that hit the wall before the horizon ends. [fraction]"""
        return float(np.mean(~np.isnan(self.wall_years)))


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


def sample_inputs(
    scenario: Scenario, n: int, seed: int, catalog: Catalog | None = None
) -> dict[str, npt.NDArray[np.float64]]:
    """Draw `n` samples of the uncertain inputs with a seeded Generator.

    Lead times are triangular(low, mid, high) per source from data/generation_sources.csv.
    Compute growth and other-AI growth are kept at or above 1 (no shrinking demand).
    """
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    rng = np.random.default_rng(seed)
    table = (catalog or default_catalog())["generation_sources"].set_index("source_id")
    low = table["lead_time_low_years"].to_numpy(float)
    high = np.maximum(table["lead_time_high_years"].to_numpy(float), low + 1e-9)
    mode = np.clip(table["lead_time_mid_years"].to_numpy(float), low, high)
    lead = rng.triangular(low, mode, high, size=(n, len(low)))
    return {
        "compute_growth": np.maximum(
            1.0, _lognormal(rng, scenario.compute_growth, COMPUTE_GROWTH_P90_FACTOR, n)
        ),
        "efficiency_doubling_years": _lognormal(
            rng, scenario.efficiency_doubling_years, EFFICIENCY_DOUBLING_P90_FACTOR, n
        ),
        "other_ai_growth": np.maximum(
            1.0, _lognormal(rng, scenario.other_ai_growth, OTHER_AI_GROWTH_P90_FACTOR, n)
        ),
        "build_rate_gw_per_yr": _lognormal(
            rng, scenario.build_rate_gw_per_yr, BUILD_RATE_P90_FACTOR, n
        ),
        "lead_time_years": lead,
    }


def run_monte_carlo(
    scenario: Scenario, n: int = DEFAULT_SAMPLES, seed: int = 0, catalog: Catalog | None = None
) -> MonteCarloResult:
    """Project every sample at once; return P10/P50/P90 bands and the wall-year samples."""
    cat = catalog or default_catalog()
    draws = sample_inputs(scenario, n, seed, cat)
    yrs = projection.years()
    dt = (yrs - BASE_YEAR).astype(float)
    base = projection.supply_inputs(scenario, cat)
    supply_in = projection.SupplyInputs(base.shares, base.capacity_factor, draws["lead_time_years"])
    paths = projection.demand_paths(
        dt,
        scenario,
        draws["compute_growth"][:, None],
        draws["efficiency_doubling_years"][:, None],
        draws["other_ai_growth"][:, None],
        projection.base_efficiency_flop_per_j(scenario, cat),
    )
    supply = projection.supply_gw(
        dt,
        scenario.supply_base_gw,
        scenario.pipeline_gw,
        draws["build_rate_gw_per_yr"][:, None],
        supply_in,
    )
    out = projection.constrain(paths, supply)
    columns: dict[str, npt.NDArray[np.float64]] = {"year": yrs.astype(float)}
    for name in BANDED:
        p10, p50, p90 = percentiles_by_year(out[name])
        columns |= {f"{name}_p10": p10, f"{name}_p50": p50, f"{name}_p90": p90}
    bands = pd.DataFrame(columns)
    bands["year"] = yrs
    limited = out["energy_limited"]
    first = np.argmax(limited, axis=1)
    walls = np.where(limited.any(axis=1), yrs[first], np.nan).astype(float)
    return MonteCarloResult(bands=bands, wall_years=walls)
