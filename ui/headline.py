"""The one-sentence answer shown on the home and growth pages."""

from __future__ import annotations

import pandas as pd

from model.projection import growth_after_wall, wall_year
from model.scenario import END_YEAR
from model.uncertainty import MonteCarloResult
from ui import format as fmt


def headline_text(frame: pd.DataFrame, mc: MonteCarloResult | None) -> str:
    """'Energy becomes the limit in 2029 (P10-P90: 2028-2030) ...' for a projection."""
    wall = wall_year(frame)
    spread = ""
    if mc is not None:
        pct = mc.wall_percentiles()
        if pct is not None:
            low = int(pct[0])
            high = "after " + str(END_YEAR) if pct[2] == float("inf") else str(int(pct[2]))
            spread = f" (P10-P90: {low})" if str(low) == high else f" (P10-P90: {low}-{high})"
    if wall is None:
        return (
            f"Energy does not become the limit by {END_YEAR} in this scenario{spread}: "
            "supply keeps ahead of demand."
        )
    after = growth_after_wall(frame)
    tail = (
        f"; after it, frontier compute can grow about {fmt.sig(after)}x per year" if after else ""
    )
    return f"Energy becomes the limit in {wall}{spread}{tail}."
