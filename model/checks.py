"""The one check every physical input passes: finite, and at or above its minimum."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

ArrayLike = float | npt.NDArray[np.float64]


def check_physical(name: str, value: ArrayLike, minimum: float = 0.0, strict: bool = False) -> None:
    """Raise ValueError naming `name` if any element is non-finite or below `minimum`
    (or equal to it, when `strict`)."""
    arr = np.asarray(value, dtype=float)
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must be finite, got {value!r}")
    if np.any(arr < minimum) or (strict and np.any(arr == minimum)):
        relation = ">" if strict else ">="
        raise ValueError(f"{name} must be {relation} {minimum:g}, got {value!r}")
