"""The tornado's rows in the order pandas' stable descending sort puts them (the way the
table was sorted before it was sorted in Python), ties included."""

from __future__ import annotations

import pandas as pd
import pytest

from model import uncertainty
from model.catalog import default_catalog
from model.presets import all_presets
from model.scenario import Scenario
from tests.edge_scenarios import NO_WALL

CAT = default_catalog()
SCENARIOS = {
    "defaults": Scenario(),
    **{preset.name: preset.scenario() for preset in all_presets(CAT)},
    # Nothing moves a wall that never comes: every swing ties at 0.
    "no_wall": NO_WALL,
}
KEYS = ["wall_swing_years", "power_swing_years"]


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_the_tornado_is_sorted_as_pandas_sorts_it(name):
    table = uncertainty.tornado(SCENARIOS[name], CAT)
    by_spreads = table.set_index("input").loc[[s.name for s in uncertainty.SPREADS]]
    expected = (
        by_spreads.reset_index()[table.columns]
        .sort_values(KEYS, ascending=False, kind="stable")
        .reset_index(drop=True)
    )
    pd.testing.assert_frame_equal(table, expected)


def test_some_tornado_has_ties_to_keep_in_order():
    # The comparison above is worth making only where rows tie on both swings.
    tables = [uncertainty.tornado(s, CAT) for s in SCENARIOS.values()]
    assert any(t.duplicated(KEYS).any() for t in tables)
