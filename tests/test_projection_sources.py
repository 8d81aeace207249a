"""The projection's sources (model.fleet.sources_from, numpy on facts read once per
catalog) against the same sources read from the tables with pandas, as the model read
them before (lead times from fleet.lead_time_table, today's mix from
grid.preset_weights, firm factors and caps looked up by source id): the same arrays, to
the last bit, for the defaults, every preset and mixes at the edges.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from model import fleet, grid, projection
from model.catalog import default_catalog
from model.presets import all_presets
from model.scenario import SOURCE_IDS, Scenario

CAT = default_catalog()
ONLY_NUCLEAR = {f"mix_{sid}": 0.0 for sid in SOURCE_IDS} | {"mix_nuclear_large": 1.0}
SCENARIOS = {
    "defaults": Scenario(),
    **{preset.name: preset.scenario() for preset in all_presets(CAT)},
    "every_source": dataclasses.replace(Scenario(), **{f"mix_{sid}": 1.0 for sid in SOURCE_IDS}),
    # One source, with lead times pushed so far down that low and high hit the floor.
    "nuclear_fast": dataclasses.replace(Scenario(), **ONLY_NUCLEAR, lead_nuclear_large=0.5),
    "slow_leads": dataclasses.replace(Scenario(), **{f"lead_{sid}": 15.0 for sid in SOURCE_IDS}),
}


def _pandas_sources(scenario: Scenario) -> fleet.Sources:
    """The sources with pandas look-ups by source id, one source at a time."""
    table = fleet.lead_time_table(scenario, CAT).set_index("source_id")
    limits = CAT["build_limits"].set_index("source_id")
    world = grid.preset_weights(fleet.PIPELINE_MIX_PRESET, CAT["mix_presets"])
    mix = scenario.mix_weights()
    ids = [str(sid) for sid in CAT["generation_sources"]["source_id"]]
    weights = np.array([mix[sid] for sid in ids])
    shares = weights / weights.sum()
    today = np.array([world.get(sid, 0.0) for sid in ids])
    pipeline = today / today.sum()
    used = [i for i in range(len(ids)) if shares[i] > 0 or pipeline[i] > 0]
    firm = np.array([float(limits.loc[ids[i], "firm_factor"]) for i in used])
    lcoe = (table["lcoe_low_usd_per_mwh"] + table["lcoe_high_usd_per_mwh"]) / 2

    def column(name: str) -> np.ndarray:
        return np.array([float(table.loc[ids[i], name]) for i in used])

    return fleet.Sources(
        ids=tuple(ids[i] for i in used),
        shares=shares[used],
        nameplate_split=fleet.nameplate_split(shares[used], firm),
        pipeline_shares=pipeline[used],
        firm_factor=firm,
        build_cap_gw_per_yr=np.array(
            [float(limits.loc[ids[i], "build_cap_gw_per_yr"]) for i in used]
        ),
        lead_time_years=column("lead_time_mid_years"),
        lead_time_low_years=column("lead_time_low_years"),
        lead_time_high_years=column("lead_time_high_years"),
        lcoe_mid_usd_per_mwh=float((shares * lcoe.loc[ids].to_numpy()).sum()),
        # Today's world mix's cost: serving demand's reference price.
        world_mix_lcoe_usd_per_mwh=float((pipeline * lcoe.loc[ids].to_numpy()).sum()),
    )


FIELDS = [field.name for field in dataclasses.fields(fleet.Sources)]


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_the_sources_are_those_read_with_pandas(name):
    scenario = SCENARIOS[name]
    facts = fleet.source_facts(CAT)
    expected = _pandas_sources(scenario)
    for got in (fleet.sources_from(scenario, facts), fleet.sources_for(scenario, CAT)):
        for field in FIELDS:
            np.testing.assert_array_equal(
                getattr(got, field), getattr(expected, field), err_msg=field
            )


def test_the_edges_reach_the_floor_and_every_source():
    # The cases above are worth comparing only if they reach these branches.
    assert len(fleet.sources_for(SCENARIOS["every_source"], CAT).ids) == len(SOURCE_IDS)
    fast = fleet.sources_for(SCENARIOS["nuclear_fast"], CAT)
    assert fast.lead_time_low_years.min() == fleet.MIN_LEAD_YEARS


def test_the_facts_are_the_catalogs_in_its_order():
    facts = fleet.source_facts(CAT)
    assert facts.ids == tuple(CAT["generation_sources"]["source_id"])
    # Today's world mix, normalised: its shares sum to 1 (to rounding).
    assert facts.pipeline_shares.sum() == pytest.approx(1.0, rel=1e-12)


def test_shared_facts_give_the_same_fixed_inputs():
    scenario = SCENARIOS["every_source"]
    shared = projection.fixed_inputs(scenario, CAT, fleet.source_facts(CAT))
    own = projection.fixed_inputs(scenario, CAT)
    for field in FIELDS:
        np.testing.assert_array_equal(
            getattr(shared.sources, field), getattr(own.sources, field), err_msg=field
        )


def test_batch_values_are_each_scenarios_values():
    scenarios = list(SCENARIOS.values())
    batch = projection.batch_values(scenarios)
    for row, scenario in enumerate(scenarios):
        one = projection.scenario_values(scenario)
        assert set(one) == set(batch)
        for name, value in one.items():
            assert value.shape == (1, 1)
            assert batch[name][row, 0] == value[0, 0], name


def test_stacked_sources_hold_each_scenarios_own_row():
    # Claim 4's three mixes use different sources: each row of the stack is its own
    # scenario's values where it uses a source, 0 share and split where it does not.
    variants = [SCENARIOS["defaults"], SCENARIOS["nuclear_fast"], SCENARIOS["every_source"]]
    own = [fleet.sources_for(v, CAT) for v in variants]
    stack = fleet.stack_sources(own, fleet.source_facts(CAT).ids)
    assert stack.ids == own[2].ids  # every source: the third uses them all
    for row, sources in enumerate(own):
        at = [stack.ids.index(sid) for sid in sources.ids]
        lacks = [i for i, sid in enumerate(stack.ids) if sid not in sources.ids]
        for name in ("shares", "nameplate_split", "lead_time_years", "lead_time_high_years"):
            np.testing.assert_array_equal(getattr(stack, name)[row, at], getattr(sources, name))
        assert not stack.shares[row, lacks].any()
        assert not stack.nameplate_split[row, lacks].any()
        assert stack.lcoe_mid_usd_per_mwh[row] == sources.lcoe_mid_usd_per_mwh
    # A lacking source's lead time is the first scenario's that uses it (the third's).
    lacks = [i for i, sid in enumerate(stack.ids) if sid not in own[0].ids]
    np.testing.assert_array_equal(stack.lead_time_years[0, lacks], stack.lead_time_years[2, lacks])
    for name in ("pipeline_shares", "firm_factor", "build_cap_gw_per_yr"):
        np.testing.assert_array_equal(getattr(stack, name), getattr(own[2], name))


def test_stacking_sources_that_disagree_on_data_is_refused():
    one = fleet.sources_for(SCENARIOS["defaults"], CAT)
    other = dataclasses.replace(one, firm_factor=one.firm_factor * 0.5)
    with pytest.raises(ValueError, match="disagree on facts from data/"):
        fleet.stack_sources([one, other], fleet.source_facts(CAT).ids)
