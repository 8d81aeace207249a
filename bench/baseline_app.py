"""Benchmark baseline: a plain Streamlit page with one sidebar slider and one plotly line
chart, and no model. bench/run.py measures the dashboard's pages as ratios to this page.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
import streamlit as st

#: Label of the one slider (bench/run.py finds it by this text).
SLIDER_LABEL = "Growth (x per year)"

st.title("Baseline")
growth = st.sidebar.slider(SLIDER_LABEL, 1.0, 10.0, 4.0, 0.1, key="growth")
years = np.arange(2025, 2041)
fig = go.Figure(go.Scatter(x=years, y=growth ** (years - 2025.0), mode="lines", name="Compute"))
fig.update_layout(
    title="Compute relative to 2025",
    xaxis_title="Year",
    yaxis_title="Compute (x 2025)",
    yaxis_type="log",
)
st.plotly_chart(fig, width="stretch")
