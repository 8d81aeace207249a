"""Cached pieces of the Power it, Serve it and Compare & share pages.

Whatever does not change with the scenario (published figures, tables from the catalog)
is built once per process; charts that depend on a few plain values are cached per value.
Cached functions take hashable values: Scenarios (st.cache_data hashes a frozen
dataclass by its fields) and tuples of (name, Scenario) pairs (`named_items`).

Functions under st.cache_resource return one shared object to every session: callers
only read it (st.plotly_chart copies a figure before sending it). st.cache_data ones
return a fresh copy on each call, so callers may add to what they get.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from charts import compare as compare_charts
from charts import power as power_charts
from charts import serve as serve_charts
from model import claims, inference, projection, scenario_io, uncertainty
from model.catalog import Catalog
from model.compare import HEADLINE_COLUMNS, headline_numbers
from model.presets import Preset, all_presets
from model.scenario import Scenario
from ui.data import catalog, projection_frame
from ui.version import app_version

#: Named scenarios as a cache key, in display order.
NamedItems = tuple[tuple[str, Scenario], ...]


def named_items(scenarios: dict[str, Scenario]) -> NamedItems:
    """Named scenarios as a hashable cache key, in their order."""
    return tuple(scenarios.items())


# --- Power it ---------------------------------------------------------------------------


@st.cache_resource(show_spinner=False)
def source_labels() -> pd.Series:
    """Display label of each generation source, indexed by source id. Read only."""
    return catalog()["generation_sources"].set_index("source_id")["label"]


@st.cache_resource(show_spinner=False)
def preset_rows() -> pd.DataFrame:
    """One row per mix preset (label, source), indexed by preset id. Read only."""
    return catalog()["mix_presets"].drop_duplicates("preset_id").set_index("preset_id")


@st.cache_resource(show_spinner=False, max_entries=128)
def source_comparison_chart(used: tuple[str, ...]) -> go.Figure:
    """Every source compared, the sources in `used` (ids) in full colour. Read only."""
    sources = catalog()["generation_sources"]
    return power_charts.source_comparison_figure(sources, set(used))


@st.cache_data(show_spinner=False, max_entries=64)
def supply_by_source(scenario: Scenario) -> pd.DataFrame:
    """Nameplate wanted and started, and firm power, per source and year
    (model.projection.supply_by_source), cached per scenario."""
    return projection.supply_by_source(scenario, catalog())


# --- Serve it ---------------------------------------------------------------------------


#: Columns of the published per-query figures that the page shows and charts.
PUBLISHED_COLUMNS = ["label", "wh_per_query", "low_wh", "high_wh", "period", "source", "note"]


@st.cache_resource(show_spinner=False)
def published_per_query() -> pd.DataFrame:
    """Published energy-per-query figures (model.inference.published_per_query). Read only."""
    return inference.published_per_query(catalog())[PUBLISHED_COLUMNS]


@st.cache_data(show_spinner=False)
def per_query_traces() -> list[dict[str, Any]]:
    """The published figures' traces of the per-query chart."""
    return serve_charts.published_traces(published_per_query())


@st.cache_data(show_spinner=False)
def datacenter_traces() -> list[dict[str, Any]]:
    """The published data-centre series of the data-centre chart."""
    cat = catalog()
    context = inference.datacenter_context_twh(cat["datacenter"], cat["electricity_totals"])
    return serve_charts.context_traces(context)


@st.cache_data(show_spinner=False)
def electricity_totals() -> dict[str, tuple[float, int]]:
    """Latest electricity total [TWh/yr] and its year, for "us" and "world"."""
    return {r: inference.electricity_total_twh(r, catalog()) for r in ("us", "world")}


@st.cache_data(show_spinner=False)
def published_emissions_per_query() -> pd.DataFrame:
    """Published gCO2e per query (model.inference.published_emissions_per_query)."""
    return inference.published_emissions_per_query(catalog())


@st.cache_data(show_spinner=False)
def datacenter_facts() -> dict[str, float]:
    """The published data-centre figures the serving page quotes (model.inference)."""
    return inference.datacenter_facts(catalog())


def scenario_zip(scenario: Scenario, cat: Catalog, link: str, headline: dict[str, Any]) -> bytes:
    """The download of a scenario (model.scenario_io.export_zip with its projection and
    the Monte Carlo bands the pages draw: the same sample count and seed).

    Not cached and free of Streamlit calls: the download button runs it on its own thread
    when clicked, so the page does not build a zip on every rerun.
    """
    frame = projection.project(scenario, cat)
    bands = uncertainty.run_monte_carlo(scenario, uncertainty.DEFAULT_SAMPLES, 0, cat).bands
    verdicts = claims.claims_table(claims.evaluate_all(scenario, cat), app_version())
    return scenario_io.export_zip(
        scenario,
        app_version(),
        frame,
        bands,
        link=link,
        headline=headline,
        claims=verdicts,
        catalog=cat,
    )


# --- Compare & share --------------------------------------------------------------------


@st.cache_resource(show_spinner=False, max_entries=64)
def compare_chart(named: NamedItems) -> go.Figure:
    """The default scenario and each named scenario, power wanted and available. Read only."""
    return compare_charts.compare_figure(
        projection_frame(Scenario()),
        {name: projection_frame(scenario) for name, scenario in named},
    )


@st.cache_resource(show_spinner=False)
def presets() -> dict[str, Preset]:
    """The named presets (model.presets.all_presets) by name, in order. Read only."""
    return {p.name: p for p in all_presets(catalog())}


@st.cache_resource(show_spinner=False, max_entries=256)
def _headline_numbers(scenario: Scenario) -> dict[str, Any]:
    return headline_numbers(scenario, catalog(), frame=projection_frame(scenario))


@st.cache_resource(show_spinner=False, max_entries=64)
def headlines(named: NamedItems) -> pd.DataFrame:
    """The table of model.compare.headline_table for the named scenarios, a row each in
    order, from the cached projections (headline_table would project each one again).
    Read only."""
    table = pd.DataFrame(
        [_headline_numbers(scenario) for _, scenario in named],
        columns=list(HEADLINE_COLUMNS),
        index=pd.Index([name for name, _ in named], name="scenario"),
    )
    table["wall_year"] = table["wall_year"].astype("Int64")
    return table
