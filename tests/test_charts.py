"""Every chart on every page is a valid plotly figure with titled axes.

Chart builders skip plotly's validation at run time for speed (charts/style.py); here
each figure a page actually draws is rebuilt with validation on, which raises on any
misspelt or invalid property.
"""

from __future__ import annotations

import json

import plotly.graph_objects as go
import pytest

from tests.apptest_support import open_app

PAGES = [
    "pages/home.py",
    "pages/growth.py",
    "pages/train.py",
    "pages/serve.py",
    "pages/power.py",
    "pages/compare.py",
]


def _figures(page: str) -> list[dict]:
    at = open_app(page)
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


@pytest.mark.parametrize("page", PAGES)
def test_every_chart_is_valid_plotly_with_a_title_and_titled_axes(page):
    figures = _figures(page)
    assert figures, f"{page} draws no chart"
    for spec in figures:
        fig = go.Figure(spec)  # validates every property; raises ValueError if invalid
        assert fig.layout.title.text, "every chart has a title"
        for name in [k for k in spec["layout"] if k.startswith(("xaxis", "yaxis"))]:
            axis = spec["layout"][name]
            if axis.get("showticklabels") is False or axis.get("visible") is False:
                continue
            assert axis.get("title", {}).get("text"), f"{page}: {name} has no title"
