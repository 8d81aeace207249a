"""Headline numbers of a scenario, and of several side by side, for the compare page.

Where a quantity exists both as what AI would draw (wanted) and as what it gets
(achieved), the column names say which; the other pages use the same words.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from model import grid, projection
from model.catalog import Catalog
from model.constants import HOURS_PER_YEAR
from model.scenario import Scenario

#: The year the headline numbers are read at unless the reader picks another (Epoch
#: AI/EPRI's 2030 projections). [year]
HEADLINE_YEAR = 2030

#: Row names the compare page gives the default scenario and the sidebar's scenario.
DEFAULT_NAME, CURRENT_NAME = "Default", "Current scenario"
#: Projection columns the compare chart draws (model.projection.project).
POWER_COLUMNS = ("power_demand_gw", "power_supply_gw")


def annual_emissions_tco2e(load_gw: float, carbon_intensity_g_per_kwh: float) -> float:
    """Emissions of an average load held for a year: GW x 8760 h x g/kWh. [tCO2e/yr]

    1 GW for 8760 h is 8.76e6 MWh; x g/kWh (= kg/MWh) / 1000 = t, so t = GW x 8760 x g/kWh.
    """
    energy_mwh = load_gw * HOURS_PER_YEAR * 1000.0
    return float(grid.emissions_tco2e(energy_mwh, carbon_intensity_g_per_kwh))


def headline_numbers(
    scenario: Scenario,
    catalog: Catalog,
    frame: pd.DataFrame | None = None,
    year: int = HEADLINE_YEAR,
) -> dict[str, Any]:
    """The numbers the compare table shows for one scenario, read in `year`.

    Parameters
    ----------
    scenario : The scenario.
    catalog : Data tables (defaults to data/).
    frame : Its projection, if already computed (from model.projection.project).
    year : The year the table reads (the wall year and the mix's cost range are not
        read in a year). [year]

    Returns
    -------
    dict with year [year]; wall_year [year or None]; frontier_run_power_gw [GW] (the
    trend's run, wanted); ai_demand_gw and ai_achieved_gw [GW] (all-AI power wanted, and
    what AI gets); power_short_gw [GW] (all-AI power wanted minus the power available,
    zero when enough is available); compute_lost_to_power_share [fraction] (the share of
    the compute AI's chips and money allow that power costs it, that year and before);
    emissions_wanted_tco2e_per_yr and emissions_achieved_tco2e_per_yr [tCO2e/yr] (that
    power x 8760 h x the mix's lifecycle intensity); cost_low_usd_per_mwh and
    cost_high_usd_per_mwh [USD/MWh] (the mix's energy-weighted LCOE range).
    """
    cat = catalog
    proj = projection.project(scenario, cat) if frame is None else frame
    row = int(np.flatnonzero(proj["year"].to_numpy() == year)[0])

    def at_year(column: str) -> float:
        return float(proj[column].iloc[row])

    sources = cat["generation_sources"]
    shares = scenario.mix_weights()
    intensity = grid.mix_intensity_g_per_kwh(shares, sources)
    low, high = grid.mix_cost_usd_per_mwh(shares, sources)
    wanted = at_year("power_demand_gw")
    achieved = at_year("power_achieved_gw")
    return {
        "year": int(year),
        "wall_year": projection.wall_year(proj),
        "frontier_run_power_gw": at_year("frontier_run_power_gw"),
        "ai_demand_gw": wanted,
        "ai_achieved_gw": achieved,
        "power_short_gw": power_short_gw(wanted, at_year("power_supply_gw")),
        "compute_lost_to_power_share": at_year("compute_lost_to_power_share"),
        "emissions_wanted_tco2e_per_yr": annual_emissions_tco2e(wanted, intensity),
        "emissions_achieved_tco2e_per_yr": annual_emissions_tco2e(achieved, intensity),
        "cost_low_usd_per_mwh": low,
        "cost_high_usd_per_mwh": high,
    }


def power_short_gw(wanted_gw: float, available_gw: float) -> float:
    """All-AI power wanted minus the power available to AI, or zero when enough is
    available (the gap between the compare chart's solid and dashed lines). [GW]"""
    return max(wanted_gw - available_gw, 0.0)


def scenarios_to_show(
    current: Scenario, saved: Mapping[str, Scenario], default: Scenario | None = None
) -> tuple[dict[str, Scenario], str | None]:
    """The rows after the default: the sidebar's scenario (as CURRENT_NAME) unless it
    equals the default or a saved scenario, then the saved ones in order.

    Returns the rows, and the name of the row the sidebar's scenario equals (DEFAULT_NAME,
    a saved name, or None when it has a row of its own).
    """
    base = Scenario() if default is None else default
    same = next((name for name, s in saved.items() if s == current), None)
    if current == base:
        same = DEFAULT_NAME
    rows = {} if same is not None else {CURRENT_NAME: current}
    rows.update(saved)
    return rows, same


def coinciding(
    frames: Mapping[str, pd.DataFrame], columns: tuple[str, ...] = POWER_COLUMNS
) -> list[tuple[str, ...]]:
    """Groups of two or more named projections whose `columns` are equal in every year
    (to 1e-9 relative), so their lines lie on top of each other; in the given order."""
    groups: list[list[str]] = []
    firsts: list[np.ndarray] = []
    for name, frame in frames.items():
        values = np.column_stack([frame[c].to_numpy(float) for c in columns])
        for group, first in zip(groups, firsts, strict=True):
            if first.shape == values.shape and np.allclose(first, values, rtol=1e-9, atol=0.0):
                group.append(name)
                break
        else:
            groups.append([name])
            firsts.append(values)
    return [tuple(g) for g in groups if len(g) > 1]
