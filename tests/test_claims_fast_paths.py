"""The claims page's fast paths pinned to the slow ones they replace, exactly.

judge_all runs on every slider move of "Test the claims", so it reads the model's arrays
instead of building tables. Each shortcut here must give the very numbers the table it
replaced gave (not merely close ones): the reference is worked out again from the tables
other pages still use (model.projection.supply_by_source, the catalog's sources table).
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest

from model import claims, fleet, grid, projection
from model.catalog import default_catalog
from model.presets import all_presets
from model.scenario import SOURCE_IDS, Scenario

CAT = default_catalog()
DEFAULT = Scenario()
SCENARIOS = {
    "defaults": DEFAULT,
    **{preset.name: preset.scenario() for preset in all_presets(CAT)},
    # Nothing new is ever built: no year of first new power (None).
    "no_building": dataclasses.replace(
        DEFAULT, build_rate_gw_per_yr_us=0.0, build_rate_gw_per_yr_row=0.0
    ),
    # Every build behind the meter, so the grid queue delays nothing.
    "all_behind_the_meter": dataclasses.replace(
        DEFAULT, behind_meter_share_us=100.0, behind_meter_share_row=100.0, queue_years_us=15.0
    ),
    # Every build on the grid behind a long queue: first power waits for the queue.
    "long_queue": dataclasses.replace(
        DEFAULT,
        queue_years_us=8.0,
        queue_years_row=8.0,
        behind_meter_share_us=0.0,
        behind_meter_share_row=0.0,
    ),
    # A queue longer than the horizon: built, but no power by the end year (None).
    "queue_past_the_end": dataclasses.replace(
        DEFAULT,
        queue_years_us=15.0,
        queue_years_row=15.0,
        behind_meter_share_us=0.0,
        behind_meter_share_row=0.0,
    ),
    # Caps that bite (the ramp over vintages rather than the closed form).
    "tight_caps": dataclasses.replace(DEFAULT, build_cap_share_us=1.0, build_cap_share_row=1.0),
}


def _first_year_from_table(scenario: Scenario) -> int | None:
    """The first year new builds deliver any power, from the table by source, year and
    region that projection.supply_by_source builds (claims' helper before the fast path)."""
    builds = projection.supply_by_source(scenario, CAT)
    delivered = builds.groupby("year")["firm_delivered_gw"].sum()
    years = delivered[delivered > 0].index
    return None if years.empty else int(years[0])


def _with_mixes(scenario: Scenario) -> list[Scenario]:
    """The scenario and claim 4's three mixes: what judge_all asks first years of."""
    mixes = [claims.mix_variant(scenario, preset, CAT) for preset, _ in claims.CLAIM_4_MIXES]
    return [scenario, *mixes]


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_first_new_power_years_in_one_batch_are_the_tables(name):
    variants = _with_mixes(SCENARIOS[name])
    expected = tuple(_first_year_from_table(variant) for variant in variants)
    assert claims.first_new_power_years(variants, CAT) == expected
    assert claims.first_new_power_year(variants[0], CAT) == expected[0]


def test_the_first_year_cases_differ():
    # The comparison above could not see a swapped row or a shifted year if every case
    # gave the same year: the cases reach None and several years, and the mixes differ.
    years = {
        name: tuple(_first_year_from_table(v) for v in _with_mixes(scenario))
        for name, scenario in SCENARIOS.items()
    }
    assert years["no_building"] == (None, None, None, None)
    assert years["queue_past_the_end"][0] is None
    assert len(set(years["defaults"][1:])) == 3
    firsts = {ys[0] for ys in years.values()}
    assert len(firsts - {None}) >= 3


def _lead_table_from_catalog(scenario: Scenario) -> pd.DataFrame:
    """Claim 2's table from the catalog's sources table with the scenario's lead times
    (fleet.lead_time_table) and grid.normalise_shares, in pandas: lead_table before it
    read the projection's sources."""
    table = fleet.lead_time_table(scenario, CAT).set_index("source_id")
    shares = grid.normalise_shares(scenario.mix_weights(), CAT["generation_sources"])
    used = shares[shares > 0].index
    mid = table.loc[used, "lead_time_mid_years"]
    queue_extra = np.maximum(0.0, scenario.queue_years_us - mid)
    on_grid = 1.0 - scenario.behind_meter_share_us / 100.0
    return pd.DataFrame(
        {
            "source_id": list(used),
            "label": table.loc[used, "label"],
            "share": shares[used],
            "lead_low_years": table.loc[used, "lead_time_low_years"],
            "lead_mid_years": mid,
            "lead_high_years": table.loc[used, "lead_time_high_years"],
            "queue_extra_years": queue_extra,
            "to_first_power_years": mid + on_grid * queue_extra,
        }
    )


LEAD_CASES = {
    **SCENARIOS,
    "every_source_slow": dataclasses.replace(
        DEFAULT, **{f"mix_{sid}": 1.0 for sid in SOURCE_IDS}, lead_coal=14.0, lead_hydro=1.0
    ),
    "solar_only": dataclasses.replace(
        DEFAULT, **({f"mix_{sid}": 0.0 for sid in SOURCE_IDS} | {"mix_solar_pv_utility": 1.0})
    ),
}


@pytest.mark.parametrize("name", list(LEAD_CASES))
def test_lead_table_is_the_catalogs_table(name):
    scenario = LEAD_CASES[name]
    expected = _lead_table_from_catalog(scenario)
    got = claims.lead_table(scenario, CAT)
    # Exactly: the same index, columns, dtypes and numbers to the last bit.
    pd.testing.assert_frame_equal(got, expected, check_exact=True)
    assert got.index.name == expected.index.name
