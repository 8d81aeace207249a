"""Lead time per source as inputs: the mid value moves supply, claim 2 and the Monte
Carlo's spread (low and high move with it)."""

from __future__ import annotations

import dataclasses

import numpy as np
from numpy.testing import assert_allclose

from model import claims, fleet, grid, projection
from model.catalog import default_catalog
from model.scenario import LEAD_TIMES, MIN_LEAD_YEARS, Scenario

CATALOG = default_catalog()
#: Every source's lead time two years longer.
SLOWER = {f"lead_{sid}": mid + 2.0 for sid, (_, mid, _) in LEAD_TIMES.items()}


def test_the_default_lead_times_are_the_data_tables():
    table = fleet.lead_time_table(Scenario(), CATALOG)
    assert table.equals(CATALOG["generation_sources"])


def test_low_and_high_move_with_the_mid_and_never_go_below_half_a_year():
    # Solar PV: 1.6 / 3.4 / 6.25 in data/; mid 0.5 moves them by -2.9 -> low 0.5 (floor).
    scenario = dataclasses.replace(Scenario(), lead_solar_pv_utility=0.5, lead_coal=7.0)
    table = fleet.lead_time_table(scenario, CATALOG).set_index("source_id")
    assert_allclose(table.loc["solar_pv_utility", "lead_time_high_years"], 6.25 - 2.9)
    assert table.loc["solar_pv_utility", "lead_time_low_years"] == MIN_LEAD_YEARS
    # Coal: 3.5 / 5 / 7 -> mid 7 moves them by +2: 5.5 / 7 / 9.
    assert_allclose(table.loc["coal", ["lead_time_low_years", "lead_time_high_years"]], [5.5, 9])


def test_longer_lead_times_never_add_supply_and_delay_it_somewhere():
    base = projection.project(Scenario(), CATALOG)["power_supply_gw"].to_numpy()
    slow = projection.project(dataclasses.replace(Scenario(), **SLOWER), CATALOG)
    slow_supply = slow["power_supply_gw"].to_numpy()
    assert np.all(slow_supply <= base + 1e-9)
    assert np.any(slow_supply < base - 1e-6)


def test_a_faster_source_in_the_mix_brings_its_supply_earlier():
    mix = {f"mix_{sid}": 100.0 if sid == "solar_pv_utility" else 0.0 for sid in LEAD_TIMES}
    solar = dataclasses.replace(Scenario(), **mix)
    fast = dataclasses.replace(solar, lead_solar_pv_utility=1.0)
    base = projection.project(solar, CATALOG)["power_supply_gw"].to_numpy()
    quick = projection.project(fast, CATALOG)["power_supply_gw"].to_numpy()
    assert np.all(quick >= base - 1e-9)
    assert np.any(quick > base + 1e-6)


def test_claim_2_reads_the_lead_time_inputs():
    slow = dataclasses.replace(Scenario(), **SLOWER)
    base_years = claims.weighted_lead_years(claims.lead_table(Scenario(), CATALOG))
    slow_years = claims.weighted_lead_years(claims.lead_table(slow, CATALOG))
    assert slow_years > base_years
    table = claims.lead_table(slow, CATALOG).set_index("source_id")
    assert_allclose(table.loc["coal", "lead_mid_years"], 7.0)
    assert_allclose(table.loc["coal", "lead_high_years"], 9.0)


def test_claim_2_verdict_follows_lead_times_from_not_supported_to_supported():
    fast = {f"lead_{sid}": 0.5 for sid in LEAD_TIMES}
    slowest = {f"lead_{sid}": mid + 6.0 for sid, (_, mid, _) in LEAD_TIMES.items()}
    quick = dataclasses.replace(Scenario(), queue_years_us=0.0, **fast)
    slow = dataclasses.replace(Scenario(), **slowest)
    order = [claims.NOT_SUPPORTED, claims.PARTLY, claims.SUPPORTED]
    verdicts = [claims.QUICK_VERDICTS[2](s, CATALOG) for s in (quick, Scenario(), slow)]
    assert [order.index(v) for v in verdicts] == sorted(order.index(v) for v in verdicts)
    assert verdicts[0] != verdicts[2]


def _first_power(**changes: float) -> dict[str, float]:
    """The projection's first year of power by source, for the default scenario with
    `changes` (Power it's one first-power year)."""
    scenario = dataclasses.replace(Scenario(), **changes)
    supply = projection.supply_by_source(scenario, CATALOG)
    return grid.build_by_source(supply, 2030, 2025)["first_year_delivers"].to_dict()


#: Nobody behind the meter: every plant waits for the grid.
ALL_ON_GRID = {"behind_meter_share_us": 0.0, "behind_meter_share_row": 0.0}


def test_first_power_is_the_lead_time_for_builds_behind_the_meter():
    # Builds start at the start of 2025 and a year counts what arrived before it began.
    # Coal, lead 5 y: arrives at the start of 2030, so 2030 counts none; first power 2031.
    # Gas (CCGT), lead 4.25 y: arrives in April 2029, so 2030. The default grid wait (5 y
    # in the US) is no longer than coal's lead and does not apply behind the meter.
    first = _first_power(queue_years_us=9.0, queue_years_row=9.0)
    assert (first["coal"], first["gas_ccgt"]) == (2031, 2030)


def test_first_power_waits_for_the_grid_when_nothing_is_behind_the_meter():
    # With everything grid-connected, a 7-year wait outlasts coal's 5-year lead time: the
    # plants arrive at the start of 2032, so 2033 is the first year to count them. Gas
    # waits the same 7 years.
    first = _first_power(queue_years_us=7.0, queue_years_row=7.0, **ALL_ON_GRID)
    assert (first["coal"], first["gas_ccgt"]) == (2033, 2033)
    # The wait's effect, not the share's: with no wait the lead time alone sets it again.
    first = _first_power(queue_years_us=0.0, queue_years_row=0.0, **ALL_ON_GRID)
    assert (first["coal"], first["gas_ccgt"]) == (2031, 2030)
