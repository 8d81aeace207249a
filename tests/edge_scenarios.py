"""Edge scenarios that several tests share."""

from __future__ import annotations

import dataclasses

from model.scenario import Scenario

#: So much building, so soon, and so slow a trend that supply never runs short: no wall
#: by the end year, every tornado swing ties at 0, and claim 4 cannot be judged.
NO_WALL = dataclasses.replace(
    Scenario(),
    build_rate_gw_per_yr=500.0,
    build_cap_share=100.0,
    build_cap_growth=1.5,
    queue_years=0.0,
    compute_growth=1.5,
    other_ai_compute_growth=1.0,
)
