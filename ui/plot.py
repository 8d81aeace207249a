"""Draw a chart the one way every page does: full width, its PNG named after its title."""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go
import streamlit as st

from charts.export_names import image_config


def plot(figure: go.Figure, where: Any = st, key: str | None = None) -> None:
    """st.plotly_chart at full width, with the camera button saving '<title>.png'."""
    where.plotly_chart(figure, width="stretch", config=image_config(figure), key=key)
