"""Cached access to the data tables and model results for the pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from charts import growth as growth_charts
from charts import style
from charts.training import published_traces
from model import claims, fleet, projection, uncertainty
from model.catalog import Catalog, DataFileError, default_catalog, default_codebook
from model.equivalents import average_power_gw
from model.fact_check import check_facts
from model.runs import published_runs
from model.scenario import END_YEAR, Scenario
from ui import format as fmt


@st.cache_resource(show_spinner=False)
def catalog() -> Catalog:
    """The validated data tables, loaded once per server process (read-only), with every
    fact the pages read by name checked (model.fact_check)."""
    cat = default_catalog()
    check_facts(cat)
    return cat


def stop_if_data_broken() -> None:
    """If a data file cannot be read or lacks a row the model needs, say which and what is
    wrong (model.catalog.DataFileError's words: the file, row or column, no server path)
    and stop the page: nothing can be computed without it."""
    try:
        catalog()
        default_codebook()
    except DataFileError as err:
        st.error(
            f"The dashboard's data cannot be used: {fmt.plain(err)}. Nothing can be "
            "computed until that file is fixed (data/README.md describes every file).",
            icon=":material/database:",
        )
        st.stop()


@st.cache_resource(show_spinner=False)
def source_facts() -> fleet.SourceFacts:
    """The generation sources' facts as arrays (model.fleet.source_facts), read once per
    server process for every projection (read-only)."""
    return fleet.source_facts(catalog())


#: hash_funcs of the caches keyed on a Scenario: its repr names every field with its value
#: (a float's repr reads back as the same float), so two scenarios share a key only if
#: every input is equal; Streamlit's own hashing of the dataclass took ~0.7 ms a call.
BY_REPR: dict[str | type[Any], Callable[[Any], Any]] = {Scenario: repr}


@st.cache_data(show_spinner=False, max_entries=256, hash_funcs=BY_REPR)
def projection_frame(scenario: Scenario) -> pd.DataFrame:
    """The scenario's projection, cached per scenario."""
    return projection.project(scenario, catalog(), source_facts())


@st.cache_data(show_spinner=False, max_entries=64, hash_funcs=BY_REPR)
def monte_carlo(
    scenario: Scenario, n: int = uncertainty.DEFAULT_SAMPLES, seed: int = 0
) -> uncertainty.MonteCarloResult:
    """Monte Carlo bands for the scenario, cached per scenario, sample count and seed."""
    return uncertainty.run_monte_carlo(scenario, n, seed, catalog(), source_facts())


@st.cache_data(show_spinner=False, max_entries=64, hash_funcs=BY_REPR)
def tornado_table(scenario: Scenario) -> pd.DataFrame:
    """Which inputs move the wall most (model.uncertainty.tornado), cached per scenario."""
    return uncertainty.tornado(scenario, catalog(), source_facts())


@st.cache_data(show_spinner=False, max_entries=32, hash_funcs=BY_REPR)
def claim_results(scenario: Scenario) -> tuple[claims.ClaimResult, ...]:
    """The five claims judged for the scenario, without what would flip them (a search of
    dozens of projections per input: claim_flips, when a reader asks), cached per
    scenario."""
    return claims.judge_all(scenario, catalog())


@st.cache_data(show_spinner=False, max_entries=64, hash_funcs=BY_REPR)
def claim_flips(scenario: Scenario, claim_id: int) -> tuple[claims.Flip, ...]:
    """What would change one claim's verdict (model.claims.claim_flips), cached per
    scenario and claim."""
    return claims.claim_flips(scenario, claim_id, catalog())


@st.cache_data(show_spinner=False, max_entries=64, hash_funcs=BY_REPR)
def home_results(scenario: Scenario) -> tuple[pd.DataFrame, tuple[str, ...]]:
    """The scenario's projection and the five verdicts (no flip search) from ONE batched
    projection, whose first row is the scenario's own (model.claims.verdict_scenarios),
    cached per scenario: for the home page, which needs both on every rerun."""
    cat, facts = catalog(), source_facts()
    out = projection.project_batch(claims.verdict_scenarios(scenario, cat), cat, facts)
    return projection.frame_of(out, 0), claims.verdicts_of(scenario, cat, facts, out)


@st.cache_resource(show_spinner=False)
def history() -> pd.DataFrame:
    """Epoch AI's frontier models as points for the growth charts, built once per server
    process. Read only (the chart builders only read it; cache_data would copy it out on
    every call)."""
    return growth_charts.history_points(catalog()["epoch_frontier_models"])


@st.cache_data(show_spinner=False)
def published_run_traces() -> list[dict[str, Any]]:
    """The published runs as chart traces (the same for every scenario)."""
    return published_traces(published_runs(catalog()))


@st.cache_resource(show_spinner=False, max_entries=32, hash_funcs=BY_REPR)
def power_chart(
    scenario: Scenario,
    with_bands: bool,
    _frame: pd.DataFrame | None = None,
    region: str = "world",
) -> go.Figure:
    """Power wanted, available and achieved (charts.growth.power_figure) for `region`
    ("world" or "us"), with the Monte Carlo's bands `with_bands` (the world's only);
    built once per scenario, switch and region, for the home and Growth pages. Read only.
    `_frame` is the scenario's projection when the caller has it (not part of the key: it
    is the same for the same scenario)."""
    frame = projection_frame(scenario) if _frame is None else _frame
    bands = monte_carlo(scenario).bands if with_bands and region == "world" else None
    world_gw = average_power_gw("world", catalog())
    wall = projection.wall_year(frame)
    return growth_charts.power_figure(
        frame, bands, history(), wall, world_average_gw=world_gw, region=region
    )


@st.cache_resource(show_spinner=False, max_entries=32, hash_funcs=BY_REPR)
def fleet_chart(scenario: Scenario) -> go.Figure:
    """All of AI's new accelerators: wanted, made, affordable, powerable and installed
    (charts.growth.fleet_figure), once per scenario. Read only."""
    return growth_charts.fleet_figure(projection_frame(scenario))


@st.cache_resource(show_spinner=False, max_entries=32, hash_funcs=BY_REPR)
def limits_chart(scenario: Scenario) -> go.Figure:
    """What limits the largest run (charts.growth.limits_figure), once per scenario: it
    needs no Monte Carlo, so Growth vs power draws it before running one. Read only."""
    return growth_charts.limits_figure(projection_frame(scenario))


@st.cache_resource(show_spinner=False, max_entries=32, hash_funcs=BY_REPR)
def growth_figures(scenario: Scenario, with_bands: bool) -> dict[str, go.Figure]:
    """The Growth vs power page's charts other than power (power_chart, which has a
    region switch), built once per scenario and uncertainty switch
    (a rerun that changes neither, or a return to the page, draws them from here). Read
    only: st.plotly_chart copies a figure before sending it. The Monte Carlo's three charts
    ('shares', 'fleet_shares', 'wall') are there only `with_bands`."""
    frame = projection_frame(scenario)
    mc = monte_carlo(scenario) if with_bands else None
    bands = mc.bands if mc is not None else None
    wall = projection.wall_year(frame)
    figures = {
        "limits": limits_chart(scenario),
        "tornado": growth_charts.tornado_figure(
            tornado_table(scenario), wall, END_YEAR, scenario.wall_threshold_share
        ),
        "fleet": fleet_chart(scenario),
        "compute": growth_charts.compute_figure(frame, bands, history(), wall),
        "decomposition": growth_charts.decomposition_figure(
            projection.growth_decomposition(scenario)
        ),
    }
    if mc is not None:
        figures["shares"] = growth_charts.binding_shares_figure(
            mc.binding_shares, len(mc.wall_years)
        )
        figures["fleet_shares"] = growth_charts.binding_shares_figure(
            mc.fleet_binding_shares,
            len(mc.wall_years),
            style.FLEET_NAMES,
            style.FLEET_COLOURS,
            "What holds AI's chips",
        )
        figures["wall"] = growth_charts.wall_distribution_figure(mc.wall_years, END_YEAR)
    return figures
