"""The compare page's headline table a row per scenario, as a reference for the tests
(the page builds it a column per scenario: charts.compare.headline_columns)."""

from __future__ import annotations

import pandas as pd

from charts.compare import HEADLINE_LABELS, headline_cells


def headline_display(table: pd.DataFrame, end_year: int) -> pd.DataFrame:
    """model.compare.headline_table with readable units (headline_cells), one row per
    scenario."""
    rows = [
        list(headline_cells(numbers, end_year).values()) for numbers in table.to_dict("records")
    ]
    return pd.DataFrame(
        rows, columns=list(HEADLINE_LABELS), index=pd.Index(table.index, name="Scenario")
    )
