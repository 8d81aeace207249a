"""Edge scenarios that several tests share."""

from __future__ import annotations

import dataclasses
from typing import Any

from model.catalog import default_catalog
from model.scenario import CUSTOM_CHIP, INPUTS, InputSpec, Scenario
from model.scenario_io import choice_options
from ui.format import log_options

#: So much power, so soon, and so slow a trend that power never costs AI compute: no wall
#: by the end year, every tornado swing ties at 0 years.
NO_WALL = dataclasses.replace(
    Scenario(),
    flexible_headroom_gw_us=150.0,
    flexible_headroom_gw_row=150.0,
    build_rate_gw_per_yr_us=500.0,
    build_rate_gw_per_yr_row=500.0,
    build_cap_share_us=100.0,
    build_cap_share_row=100.0,
    build_cap_growth=1.5,
    queue_years_us=0.0,
    queue_years_row=0.0,
    compute_growth=1.5,
    serving_compute_growth=1.0,
)


def _other_value(spec: InputSpec) -> Any:
    """A valid value other than the default: another option, the other end of the range,
    another step of a log-scale slider."""
    if spec.kind == "bool":
        return not spec.default
    if spec.kind == "choice":
        if spec.name == "chip":
            return CUSTOM_CHIP  # also enables the custom-efficiency input
        options = spec.options or choice_options(default_catalog())[spec.name]
        return next(o for o in options if o != spec.default)
    if spec.log:
        return next(o for o in log_options(spec) if o != spec.default)
    low = int(spec.min or 0) if spec.kind == "int" else float(spec.min or 0.0)
    high = int(spec.max or 0) if spec.kind == "int" else float(spec.max or 0.0)
    return low if low != spec.default else high


#: A scenario in which every input differs from its default.
CHANGED = Scenario(**{spec.name: _other_value(spec) for spec in INPUTS})
