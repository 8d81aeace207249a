"""What each step would allow the largest training run, year by year: seven limits in FLOP.

The steps follow Epoch AI, 'Can AI scaling continue through 2030?' (Sevilla et al. 2024):
the largest site, power, chips, data and latency, plus capital and the trend itself. Power,
chips and capital limit the run through the fleet they limit (model/economy.py). All
functions take arrays that broadcast to (samples, years).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from model.constants import (
    CHINCHILLA_TOKENS_PER_PARAM,
    SECONDS_PER_DAY,
    TRAINING_FLOP_PER_PARAM_TOKEN,
    W_PER_GW,
)

Array = npt.NDArray[np.float64]
#: A scalar or an array that broadcasts to (samples, years).
ArrayLike = float | Array

#: The seven steps, in display order. `site` is the largest campus (or campuses) one run
#: can use; `power`, `chips` and `capital` mean a fleet that step limited.
CONSTRAINTS: tuple[str, ...] = ("trend", "site", "power", "chips", "capital", "data", "latency")
#: Relative tolerance within which two limits count as equal; the tie order then decides.
TIE_TOLERANCE = 1e-9


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


def data_flop(tokens: ArrayLike) -> Array:
    """Compute-optimal compute for a token stock: 6 N D with N = D / 20 (Hoffmann et al.
    2022), so 0.3 D^2. [FLOP]"""
    return np.asarray(
        TRAINING_FLOP_PER_PARAM_TOKEN * (tokens / CHINCHILLA_TOKENS_PER_PARAM) * tokens, dtype=float
    )


#: Order in which ties are broken (indices into CONSTRAINTS): the trend first (nothing
#: binds), then the site, data, latency, chips, capital, and power last, so that the
#: dashboard names energy only where it alone is the smallest limit.
TIE_ORDER: tuple[int, ...] = (0, 1, 5, 6, 3, 4, 2)


def smallest_and_binding(step_limits: dict[str, Array]) -> tuple[Array, Array]:
    """The smallest of the limits (keyed by CONSTRAINTS) and the index into CONSTRAINTS
    of the step that sets it: the first in TIE_ORDER within a relative TIE_TOLERANCE of
    the smallest, so that numbers equal but for rounding never flip the label."""
    ordered = [step_limits[CONSTRAINTS[i]] for i in TIE_ORDER]
    achieved = ordered[0]
    for limit in ordered[1:]:
        achieved = np.minimum(achieved, limit)
    bound = achieved * (1.0 + TIE_TOLERANCE)
    index = np.full(np.shape(achieved), float(TIE_ORDER[-1]))
    for position in range(len(TIE_ORDER) - 2, -1, -1):
        index = np.where(ordered[position] <= bound, float(TIE_ORDER[position]), index)
    return np.asarray(achieved, dtype=float), index
