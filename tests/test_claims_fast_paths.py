"""The claims page's fast paths pinned to the slow ones they replace, exactly.

judge_all runs on every slider move of "Test the claims", so it reads the model's arrays
instead of building tables. Each shortcut here must give the very numbers the table it
replaced gave (not merely close ones): the reference is worked out again from the tables
other pages still use (model.projection.supply_by_source, the catalog's sources table).
"""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pandas as pd
import pytest

from model import claims, fleet, grid, projection
from model.catalog import default_catalog
from model.presets import all_presets
from model.scenario import SOURCE_IDS, Scenario

CAT = default_catalog()
DEFAULT = Scenario()


def _all_on_the_grid(queue_years: float) -> Scenario:
    """The defaults with every build grid-connected, behind a queue of `queue_years` in
    both regions."""
    return dataclasses.replace(
        DEFAULT,
        queue_years_us=queue_years,
        queue_years_row=queue_years,
        behind_meter_share_us=0.0,
        behind_meter_share_row=0.0,
    )


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
    "long_queue": _all_on_the_grid(queue_years=8.0),
    # A queue longer than the horizon: built, but no power by the end year (None).
    "queue_past_the_end": _all_on_the_grid(queue_years=15.0),
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


def _assert_identical(got: object, want: object, where: str) -> None:
    """Equal to the last bit: frames in index, columns, dtypes and every cell (claim 4's
    yearly arrays included), dataclasses field by field."""
    if isinstance(want, pd.DataFrame):
        assert isinstance(got, pd.DataFrame), where
        pd.testing.assert_index_equal(got.index, want.index, exact=True)
        assert list(got.columns) == list(want.columns), where
        assert list(got.dtypes) == list(want.dtypes), where
        for column in want.columns:
            _assert_identical(got[column].tolist(), want[column].tolist(), f"{where}.{column}")
    elif isinstance(want, np.ndarray):
        assert isinstance(got, np.ndarray), where
        assert got.dtype == want.dtype, where
        np.testing.assert_array_equal(got, want, err_msg=where, strict=True)
    elif isinstance(want, list | tuple):
        assert type(got) is type(want), where
        assert len(got) == len(want), where
        for i, (g, w) in enumerate(zip(got, want, strict=True)):
            _assert_identical(g, w, f"{where}[{i}]")
    elif isinstance(want, dict):
        assert isinstance(got, dict), where
        assert list(got) == list(want), where
        for key in want:
            _assert_identical(got[key], want[key], f"{where}.{key}")
    elif dataclasses.is_dataclass(want):
        assert type(got) is type(want), where
        for field in dataclasses.fields(want):
            name = field.name
            _assert_identical(getattr(got, name), getattr(want, name), f"{where}.{name}")
    elif isinstance(want, float) and math.isnan(want):  # a year of None in a float column
        assert isinstance(got, float), where
        assert math.isnan(got), where
    else:
        assert type(got) is type(want), (where, got, want)
        assert got == want, (where, got, want)


def _judged_from_frames(scenario: Scenario) -> tuple[claims.ClaimResult, ...]:
    """The five claims as judge_all judged them before it read the batch's arrays: each
    claim handed its rows of the same batch as projection.frame_of frames, and claim 2
    and claim 4 finding their first years of new power in the tables."""
    prices = [claims.price_variant(scenario, f) for f in claims.PRICE_FACTORS if f != 1.0]
    mixes = _with_mixes(scenario)[1:]
    out = projection.project_batch([scenario, *prices, *mixes], CAT)
    own, half, double, *mix_frames = (projection.frame_of(out, row) for row in range(6))
    tables_first = [_first_year_from_table(mix) for mix in mixes]
    claim_2 = claims.claim_2(scenario, CAT)
    assert claim_2.numbers[3].value == _float_or_none(_first_year_from_table(scenario))
    return (
        claims.claim_1(scenario, CAT, own),
        claim_2,
        claims.claim_3(scenario, CAT, own),
        claims.claim_4(scenario, CAT, mix_frames, first_years=tables_first),
        claims.claim_5(scenario, CAT, [half, own, double]),
    )


def _float_or_none(year: int | None) -> float | None:
    return None if year is None else float(year)


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_judge_all_reads_the_batch_as_the_frames_would(name):
    scenario = SCENARIOS[name]
    _assert_identical(claims.judge_all(scenario, CAT), _judged_from_frames(scenario), name)


@pytest.mark.parametrize("name", ["defaults", "Gas bridge", "tight_caps"])
def test_judge_all_reads_the_check_year_by_its_label(name):
    # The arrays are read by position (CHECK_YEAR - BASE_YEAR); the frames they replaced
    # by the year's label: the same cells, to the last bit.
    scenario = SCENARIOS[name]
    results = claims.judge_all(scenario, CAT)
    year = claims.CHECK_YEAR
    own = projection.project(scenario, CAT).set_index("year").loc[year]
    energy = own["compute_demand_flop"] / own["efficiency_flop_per_j"] / claims.J_PER_GWH
    assert results[0].numbers[3].value == pytest.approx(energy, rel=1e-12)
    for price in results[4].chart.to_dict("records"):
        variant = claims.price_variant(scenario, price["price_factor"])
        at_year = projection.project(variant, CAT).set_index("year").loc[year]
        for column in ("electricity_price_usd_per_mwh", "compute_achieved_flop"):
            assert price[column] == pytest.approx(at_year[column], rel=1e-12), column
        assert price["binding_constraint"] == at_year["binding_constraint"]
    for mix in results[3].chart.to_dict("records"):
        variant = claims.mix_variant(scenario, mix["preset_id"], CAT)
        at_year = projection.project(variant, CAT).set_index("year").loc[year]
        wanted, started = at_year["nameplate_wanted_gw"], at_year["nameplate_started_gw"]
        built = started / wanted if wanted > 0 else 1.0
        assert mix["built_share_2030"] == pytest.approx(built, rel=1e-12)
        assert mix["binding_2030"] == at_year["binding_constraint"]
