"""Every chart's camera button saves a PNG named after the chart's title, on every page."""

from __future__ import annotations

import json

import pytest

from charts.export_names import png_name
from tests.apptest_support import open_app

PAGES = (
    "pages/home.py",
    "pages/claims.py",
    "pages/growth.py",
    "pages/train.py",
    "pages/serve.py",
    "pages/power.py",
    "pages/compare.py",
)


@pytest.mark.parametrize("page", PAGES)
def test_each_chart_downloads_as_a_png_named_after_its_title(page):
    at = open_app(page)
    charts = at.get("plotly_chart")
    assert charts, f"{page} draws no chart"
    for chart in charts:
        config = json.loads(chart.proto.config)
        title = json.loads(chart.proto.spec)["layout"]["title"]["text"]
        name = config["toImageButtonOptions"]["filename"]
        assert name == png_name(title)
        assert name.startswith("ai-energy-")
        assert name != "ai-energy"  # a title's words made it into the name
