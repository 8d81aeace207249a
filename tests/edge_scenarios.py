"""Edge scenarios that several tests share."""

from __future__ import annotations

import dataclasses

from model.scenario import Scenario

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
