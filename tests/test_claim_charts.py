"""The claims' charts draw what decides each verdict."""

from __future__ import annotations

import plotly.graph_objects as go
from numpy.testing import assert_allclose

from charts.claims import mixes_figure
from model import claims
from model.catalog import default_catalog
from model.projection import project, years
from model.scenario import Scenario

CAT = default_catalog()


def test_claim_4s_chart_draws_each_mixs_supply_and_its_own_demand():
    # Claim 4 is judged on AI's compute under each mix, which falls short where a mix's
    # supply is below what AI wants under that mix: both lines per mix, from the model.
    table = claims.mix_outcomes(Scenario(), CAT)
    fig = go.Figure(mixes_figure(table, [int(y) for y in years()]).to_dict())
    names = [t.name for t in fig.data]
    assert len(names) == 2 * len(table)
    for preset_id, _ in claims.CLAIM_4_MIXES:
        frame = project(claims.mix_variant(Scenario(), preset_id, CAT), CAT)
        mix = table.set_index("preset_id").loc[preset_id, "mix"]
        lines = {t.name: t for t in fig.data}
        assert_allclose(lines[f"{mix}: available"].y, frame["power_supply_gw"], rtol=1e-12)
        assert_allclose(lines[f"{mix}: wanted"].y, frame["power_demand_gw"], rtol=1e-12)
        # Each mix's two lines share its colour, so a reader pairs them.
        assert lines[f"{mix}: available"].line.color == lines[f"{mix}: wanted"].line.color


def test_every_claim_chart_keeps_its_legend_below_its_x_axis_title():
    # A legend placed by the plot's height overlapped the x-axis title of claims 2 and 3;
    # anchored to the bottom of the figure it cannot (style.LEGEND_AT_BOTTOM).
    from ui.claims_view import claim_figure

    for claim_id in range(1, 6):
        result = claims.evaluate(Scenario(), claim_id, CAT, with_flips=False)
        figure = go.Figure(claim_figure(result, Scenario()).to_dict())
        legend = figure.layout.legend
        assert (legend.yref, legend.y, legend.yanchor) == ("container", 0, "bottom"), (
            result.rule.claim_id
        )


def test_claim_5s_chart_draws_what_the_verdict_reads_and_how_the_price_acts():
    from charts.claims import price_figure

    result = claims.evaluate(Scenario(), 5, CAT, with_flips=False)
    table = result.chart
    fig = go.Figure(price_figure(table, claims.CHECK_YEAR).to_dict())
    bars = {t.name: list(t.y) for t in fig.data if t.type == "bar"}
    compute = bars["AI compute 2025-2040 (% of today's price)"]
    serving = bars[f"Serving wanted in {claims.CHECK_YEAR} (% of today's price)"]
    # Today's price is 100% of itself; each bar is the column over its value at 1x.
    at = list(table["price_factor"]).index(1.0)
    assert compute[at] == serving[at] == 100.0
    for i, factor in enumerate(table["price_factor"]):
        expected = 100 * table["compute_flop"].iloc[i] / table["compute_flop"].iloc[at]
        assert_allclose(compute[i], expected, rtol=1e-12)
        # A dearer price never raises serving demand (elasticity 1 > 0).
        if factor > 1.0:
            assert serving[i] < 100.0


def test_claim_5s_cited_band_is_a_visible_part_of_its_own_axis():
    from charts.claims import price_figure

    result = claims.evaluate(Scenario(), 5, CAT, with_flips=False)
    fig = go.Figure(price_figure(result.chart, claims.CHECK_YEAR).to_dict())
    (band,) = fig.layout.shapes
    # Cottier et al. 2024: energy is 2-6% of a frontier run's amortized cost.
    assert (band.y0, band.y1) == (2.0, 6.0)
    assert band.yref == "y2"
    low, high = fig.layout.yaxis2.range
    # The band fills a tenth or more of the right axis's height, which must also hold the
    # share at double the price (~25% by default): it was 4 points of a 0-150% axis (3%),
    # with no outline, before.
    assert (band.y1 - band.y0) / (high - low) >= 0.1
    assert band.line.width > 0
    # The energy-share bars are read on that axis, and the band is named on the chart.
    share = next(t for t in fig.data if t.name.startswith("Energy's share"))
    assert share.yaxis == "y2"
    assert any("Cottier et al. 2024; right axis" in (t.name or "") for t in fig.data)
    assert fig.layout.yaxis2.ticksuffix == "%"
