"""The Compare & share chart's axis: labelled where its lines are."""

from __future__ import annotations

import plotly.graph_objects as go

from charts.compare import compare_figure
from model.projection import project
from model.scenario import Scenario


def test_the_compare_chart_labels_its_log_axis_where_the_lines_are():
    # At the defaults all-AI power runs from about 20 GW (2025) to about 200 GW (2040):
    # less than a decade. 1-2-5 ticks put 20, 50, 100 and 200 GW on it, not 100 GW alone.
    frame = project(Scenario())
    fig = go.Figure(compare_figure(frame, {}).to_dict())  # validated by plotly
    low = float(frame[["power_demand_gw", "power_supply_gw"]].min().min())
    high = float(frame[["power_demand_gw", "power_supply_gw"]].max().max())
    shown = [t for t in fig.layout.yaxis.tickvals if low <= t <= high]
    assert len(shown) >= 3, (low, high, shown)
    labels = dict(zip(fig.layout.yaxis.tickvals, fig.layout.yaxis.ticktext, strict=True))
    assert labels[50.0] == "50 GW"
