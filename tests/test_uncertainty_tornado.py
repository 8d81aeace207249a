"""The tornado's rows in the order pandas' stable descending sort puts them (the way the
table was sorted before it was sorted in Python), ties included: ties keep the order the
rows are built in, the sampled inputs (SPREADS), the extra swings (EXTRA_SWINGS), the lead
times together, then the mix."""

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
    # No wall by 2040: most swings tie at 0 years (only base-year chips that the 2025
    # supply cannot run bring a wall, in 2025).
    "no_wall": NO_WALL,
}
KEYS = ["wall_swing_years", "power_swing_years"]


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_the_tornado_is_sorted_as_pandas_sorts_it(name):
    table = uncertainty.tornado(SCENARIOS[name], CAT)
    built = [
        *(s.name for s in uncertainty.SPREADS),
        *(swing[0] for swing in uncertainty.EXTRA_SWINGS),
        "lead_times",
        "mix",
    ]
    # One row per swing, each once.
    assert sorted(table["input"]) == sorted(built)
    assert len(set(built)) == len(built)
    in_built_order = table.set_index("input").loc[built]
    expected = (
        in_built_order.reset_index()[table.columns]
        .sort_values(KEYS, ascending=False, kind="stable")
        .reset_index(drop=True)
    )
    pd.testing.assert_frame_equal(table, expected)


def test_some_tornado_has_ties_to_keep_in_order():
    # The comparison above is worth making only where rows tie on both swings.
    tables = [uncertainty.tornado(s, CAT) for s in SCENARIOS.values()]
    assert any(t.duplicated(KEYS).any() for t in tables)
