"""What each step would allow the largest training run, year by year: six limits in FLOP.

The steps follow Epoch AI, 'Can AI scaling continue through 2030?' (Sevilla et al. 2024):
power, chips, data and latency, plus capital (Cottier et al. 2024) and the trend itself.
All functions take arrays that broadcast to (samples, years).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from model.constants import (
    CHINCHILLA_TOKENS_PER_PARAM,
    JOULES_PER_MWH,
    SECONDS_PER_DAY,
    TRAINING_FLOP_PER_PARAM_TOKEN,
    W_PER_GW,
)

Array = npt.NDArray[np.float64]
#: A scalar or an array that broadcasts to (samples, years).
ArrayLike = float | Array

#: The six steps, in the order ties are broken (the trend first: nothing else binds).
CONSTRAINTS: tuple[str, ...] = ("trend", "power", "chips", "capital", "data", "latency")


def efficiency_flop_per_j(
    dt: ArrayLike,
    base_flop_per_j: ArrayLike,
    doubling_years: ArrayLike,
    ceiling_flop_per_j: ArrayLike,
) -> Array:
    """E(t) = min(E0 x 2^(t/d), ceiling): useful FLOP per joule at the wall. [FLOP/J]

    The ceiling never sits below today's efficiency (a custom chip may start above it).
    """
    grown = base_flop_per_j * 2.0 ** (dt / doubling_years)
    return np.minimum(grown, np.maximum(ceiling_flop_per_j, base_flop_per_j))


def wall_ceiling_flop_per_j(
    chip_ceiling_flop_per_j: float, utilization: float, server_overhead: float, pue: float
) -> float:
    """The chip's physical ceiling as useful FLOP per joule at the wall plug. [FLOP/J]"""
    return chip_ceiling_flop_per_j * utilization / (server_overhead * pue)


def run_seconds(dt: ArrayLike, days_base: float, length_growth: float, days_cap: float) -> Array:
    """T(t) = min(T0 x r^t, cap), in seconds. [s]"""
    days = np.minimum(days_base * length_growth**dt, days_cap)
    return np.asarray(days * SECONDS_PER_DAY, dtype=float)


def trend_flop(dt: ArrayLike, base_flop: ArrayLike, growth: ArrayLike) -> Array:
    """C(t) = C0 x g^t: the largest run if nothing binds. [FLOP]"""
    return np.asarray(base_flop * growth**dt, dtype=float)


def power_flop(run_power_gw: ArrayLike, efficiency: ArrayLike, seconds: ArrayLike) -> Array:
    """Compute a run can do with `run_power_gw` at the wall for `seconds`. [FLOP]"""
    return np.asarray(run_power_gw * W_PER_GW * efficiency * seconds, dtype=float)


def run_power_gw(flop: ArrayLike, efficiency: ArrayLike, seconds: ArrayLike) -> Array:
    """Average wall-plug power a run of `flop` needs over `seconds`. [GW]"""
    return np.asarray(flop / (efficiency * seconds) / W_PER_GW, dtype=float)


def largest_site_gw(
    dt: ArrayLike,
    campus_base_gw: ArrayLike,
    campus_growth: ArrayLike,
    campus_max_gw: ArrayLike,
    sites: ArrayLike,
) -> Array:
    """Power of the sites one run can span: min(campus0 x growth^t, max) x sites. [GW]"""
    return np.minimum(campus_base_gw * campus_growth**dt, campus_max_gw) * sites


#: Years after the base year in which the chip stock grows at its recent pace (to 2030).
CHIP_FAST_YEARS = 5.0


def chip_stock_h100e(
    dt: ArrayLike, base_h100e: ArrayLike, growth: ArrayLike, late_growth: ArrayLike
) -> Array:
    """World AI chip stock: base x growth^min(t, 5) x late_growth^max(t - 5, 0). [H100e]"""
    fast = np.minimum(dt, CHIP_FAST_YEARS)
    late = np.maximum(np.asarray(dt, dtype=float) - CHIP_FAST_YEARS, 0.0)
    return np.asarray(base_h100e * growth**fast * late_growth**late, dtype=float)


def chips_flop(
    run_chips_h100e: ArrayLike, h100_flop_per_s: float, utilization: float, seconds: ArrayLike
) -> Array:
    """Compute of a run on `run_chips_h100e` H100-equivalents at `utilization`. [FLOP]"""
    return np.asarray(run_chips_h100e * h100_flop_per_s * utilization * seconds, dtype=float)


def hardware_usd_per_flop(
    dt: ArrayLike, base_usd_per_flop: ArrayLike, price_performance: ArrayLike
) -> Array:
    """Amortized hardware cost of a useful FLOP, falling with price-performance. [USD/FLOP]"""
    return np.asarray(base_usd_per_flop / price_performance**dt, dtype=float)


def energy_usd_per_flop(price_usd_per_mwh: ArrayLike, efficiency: ArrayLike) -> Array:
    """Electricity cost of a useful FLOP: price / (E x 3.6e9 J/MWh). [USD/FLOP]"""
    return np.asarray(price_usd_per_mwh / (efficiency * JOULES_PER_MWH), dtype=float)


def capital_flop(budget_usd: ArrayLike, hardware_cost: ArrayLike, energy_cost: ArrayLike) -> Array:
    """Compute the run's budget buys: budget / (hardware + electricity per FLOP). [FLOP]"""
    return np.asarray(budget_usd / (hardware_cost + energy_cost), dtype=float)


def data_flop(tokens: ArrayLike) -> Array:
    """Compute-optimal compute for a token stock: 6 N D with N = D / 20 (Hoffmann et al.
    2022), so 0.3 D^2. [FLOP]"""
    return np.asarray(
        TRAINING_FLOP_PER_PARAM_TOKEN * (tokens / CHINCHILLA_TOKENS_PER_PARAM) * tokens, dtype=float
    )


#: Order in which ties are broken: power is named only when it alone is the smallest,
#: so the dashboard never credits energy with a limit another step sets as well.
TIE_ORDER = np.array([0, 2, 3, 4, 5, 1])


def binding_index(limits: Array) -> npt.NDArray[np.int64]:
    """Index into CONSTRAINTS of the smallest limit; ties go to the trend first and to
    power last. `limits` has the six steps (in CONSTRAINTS order) on its last axis."""
    return TIE_ORDER[np.argmin(limits[..., TIE_ORDER], axis=-1)]
