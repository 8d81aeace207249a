"""Draw a chart the one way every page does: full width, its PNG named after its title."""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go
import streamlit as st

from charts.export_names import image_config
from charts.style import with_legend_room

#: How wide a chart is at the reference desktop, the 1400 x 900 px window of the browser
#: tests and the benchmarks (tests/browser/helpers.DESKTOP), sidebar open: one that fills
#: the page's main column, and the room Streamlit shares among columns there (a chart in
#: the wider of 3:1 columns is 0.75 of it). Measured in Chromium: 940 px full, 697 px in
#: 3:1 columns, 556 px in 3:2, 462 px in halves. [px]
MAIN_CHART_PX = 940
COLUMNS_PX = 928


def chart_width_px(share: float) -> float:
    """A chart's width at the reference desktop: the main column's (`share` 1) or a
    column's `share` of it. [px]"""
    return MAIN_CHART_PX if share >= 1 else COLUMNS_PX * share


def plot(figure: go.Figure, where: Any = st, key: str | None = None, share: float = 1.0) -> None:
    """st.plotly_chart at full width of `where` (a column `share` of the main column's
    width), with the camera button saving '<title>.png'. A legend pinned to the figure's
    bottom gets its room for that width (charts.style.with_legend_room), so plotly draws
    the chart once, not twice."""
    drawn = with_legend_room(figure, chart_width_px(share))
    where.plotly_chart(drawn, width="stretch", config=image_config(drawn), key=key)
