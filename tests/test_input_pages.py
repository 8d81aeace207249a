"""Which sidebar groups affect which page (model.scenario.GROUP_PAGES), found by moving
every input to each end of its range (or its other state or option) and seeing which
page's numbers change."""

from __future__ import annotations

import dataclasses
from functools import cache
from typing import Any

import numpy as np
import pandas as pd
import pytest

from model import claims, compare, fleet, grid, inference, projection, training
from model.catalog import default_catalog
from model.scenario import (
    GROUP_PAGES,
    GROUPS,
    INPUTS,
    MY_MIX_GRID,
    PAGE_IDS,
    InputSpec,
    Scenario,
    ignored_inputs,
    scenario_to_dict,
)
from model.scenario_io import choice_options

CATALOG = default_catalog()
CHOICES = choice_options(CATALOG)


def _frame_numbers(frame: pd.DataFrame) -> list[Any]:
    return frame.to_numpy().ravel().tolist()


def page_numbers(page: str, scenario: Scenario, frame: pd.DataFrame) -> list[Any]:
    """What a page computes from the scenario (and its projection `frame`), through the
    model functions it calls."""
    if page == "growth":
        return _frame_numbers(frame)
    if page == "home":
        verdicts = [claims.QUICK_VERDICTS[r.claim_id](scenario, CATALOG) for r in claims.RULES]
        return _frame_numbers(frame) + verdicts
    if page == "claims":
        results = [claims.evaluate(scenario, r.claim_id, CATALOG, False) for r in claims.RULES]
        return [(n.label, n.value) for r in results for n in r.numbers] + [
            r.verdict for r in results
        ]
    if page == "train":
        return list(dataclasses.asdict(training.estimate_run(scenario, CATALOG)).values())
    if page == "serve":
        serving = dataclasses.asdict(inference.estimate_serving(scenario, CATALOG))
        return [*serving.values(), *frame["power_demand_gw"]]
    if page == "power":
        sources = CATALOG["generation_sources"]
        mix = scenario.mix_weights()
        leads = fleet.lead_time_table(scenario, CATALOG)
        return [
            grid.mix_intensity_g_per_kwh(mix, sources),
            *grid.mix_cost_usd_per_mwh(mix, sources),
            *frame["power_demand_gw"],
            *leads.filter(like="lead_time").to_numpy().ravel(),
        ]
    if page == "compare":
        return list(compare.headline_numbers(scenario, CATALOG).values())
    assert page == "methods"  # lists every input with its value
    return list(scenario_to_dict(scenario).values())


def other_values(spec: InputSpec) -> tuple[Any, ...]:
    """The values the input is moved to: both ends of a numeric range (an input can move a
    page at one end only: the efficiency ceiling binds at its lowest, never at its
    highest), the other state of a switch, another option of a choice."""
    if spec.kind == "bool":
        return (not spec.default,)
    if spec.kind == "choice":
        options = spec.options or CHOICES[spec.name]
        return (next(o for o in options if o != spec.default),)
    assert spec.min is not None
    assert spec.max is not None
    ends = [end for end in (spec.min, spec.max) if end != spec.default]
    return tuple(int(end) if spec.kind == "int" else end for end in ends)


#: Scenarios the inputs are moved from: the default, and inputs that switch others on
#: (a grid set by the mix, a custom chip, the base-year run set by model size).
BASES = (
    Scenario(),
    dataclasses.replace(Scenario(), grid=MY_MIX_GRID, chip="Custom chip", frontier_basis="params"),
)


@cache
def _numbers(base: int, name: str | None, value: Any = None) -> dict[str, str]:
    scenario = BASES[base]
    if name is not None:
        scenario = dataclasses.replace(scenario, **{name: value})
    frame = projection.project(scenario, CATALOG)
    return {page: repr(page_numbers(page, scenario, frame)) for page in PAGE_IDS}


def affects(spec: InputSpec, page: str) -> bool:
    return any(
        _numbers(base, spec.name, value)[page] != _numbers(base, None)[page]
        for base in range(len(BASES))
        if spec.name not in ignored_inputs(BASES[base])
        for value in other_values(spec)
    )


@pytest.mark.parametrize("group", list(GROUPS))
def test_a_group_is_listed_for_exactly_the_pages_whose_numbers_its_inputs_move(group):
    specs = [s for s in INPUTS if s.group == group]
    moved = {page for page in PAGE_IDS for s in specs if affects(s, page)}
    assert set(GROUP_PAGES[group]) == moved


def test_every_group_and_page_is_in_the_table():
    assert set(GROUP_PAGES) == set(GROUPS)
    assert all(set(pages) <= set(PAGE_IDS) for pages in GROUP_PAGES.values())
    assert np.all([len(pages) > 0 for pages in GROUP_PAGES.values()])


def test_the_efficiency_ceiling_moves_the_power_page_only_at_its_lowest():
    # Why both ends are tried. At the wall the ceiling is C x 0.4 / (1.5 x 1.2). At its
    # lowest, 1e13 FLOP/J at the chip, that is 2.2e12 FLOP/J, below the 2030 efficiency
    # (3.14e11 x 1.28^5 x 1.23^5 = 3.04e12): it binds, and the same compute needs more
    # power. At its highest, 1e17 -> 2.2e16 FLOP/J, above even 2040's efficiency
    # (3.14e11 x 1.28^15 x 4 = 5.1e13): nothing changes.
    baseline = _numbers(0, None)["power"]
    assert _numbers(0, "efficiency_ceiling_flop_per_j", 1e13)["power"] != baseline
    assert _numbers(0, "efficiency_ceiling_flop_per_j", 1e17)["power"] == baseline
