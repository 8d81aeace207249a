"""Cached pieces of the Power it, Serve it and Compare & share pages.

Whatever does not change with the scenario (published figures, tables from the catalog)
is built once per process; charts that depend on a few plain values are cached per value.
Cached functions take hashable values: Scenarios and tuples of (name, Scenario) pairs
(`named_items`). A Scenario is hashed by its repr (ui.data.BY_REPR, passed as hash_funcs):
Streamlit's own hashing of a dataclass, field by field, took ~0.7 ms a call.

Functions under st.cache_resource return one shared object to every session: callers
only read it (st.plotly_chart copies a figure before sending it). st.cache_data ones
return a fresh copy on each call, so callers may add to what they get.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from charts import compare as compare_charts
from charts import power as power_charts
from charts import serve as serve_charts
from model import claims, fleet, grid, inference, projection, scenario_io, uncertainty
from model.catalog import Catalog
from model.compare import (
    DEFAULT_NAME,
    HEADLINE_YEAR,
    coinciding,
    headline_numbers,
)
from model.presets import Preset, all_presets
from model.scenario import BASE_YEAR, END_YEAR, GROUP_PAGES, INPUTS, Scenario
from ui.data import BY_REPR, catalog, projection_frame
from ui.export_note import methods_note
from ui.glossary import jargon_help
from ui.version import app_version

#: Named scenarios as a cache key, in display order.
NamedItems = tuple[tuple[str, Scenario], ...]


def named_items(scenarios: dict[str, Scenario]) -> NamedItems:
    """Named scenarios as a hashable cache key, in their order."""
    return tuple(scenarios.items())


# --- Power it ---------------------------------------------------------------------------


@st.cache_resource(show_spinner=False)
def source_labels() -> dict[str, str]:
    """Display label of each generation source by source id. Read only."""
    sources = catalog()["generation_sources"]
    return dict(zip(sources["source_id"], sources["label"], strict=True))


@st.cache_resource(show_spinner=False)
def preset_rows() -> pd.DataFrame:
    """One row per mix preset (label, source), indexed by preset id. Read only."""
    return catalog()["mix_presets"].drop_duplicates("preset_id").set_index("preset_id")


@st.cache_resource(show_spinner=False)
def preset_labels() -> dict[str, str]:
    """Display label of each mix preset by preset id, in the table's order. Read only."""
    return {str(k): str(v) for k, v in preset_rows()["label"].items()}


@st.cache_resource(show_spinner=False, max_entries=128)
def source_comparison_charts(used: tuple[str, ...]) -> tuple[go.Figure, ...]:
    """Every source compared, a chart a measure, the sources in `used` (ids) in full
    colour. Read only."""
    sources = catalog()["generation_sources"]
    return power_charts.source_comparison_figures(sources, set(used))


@st.cache_resource(show_spinner=False, max_entries=128)
def source_comparison_help(used: tuple[str, ...]) -> str | None:
    """The tooltip defining the terms of art the comparison charts show (CCGT, SMR,
    LCOE...), made once per mix (reading the charts' words took a millisecond)."""
    return jargon_help(figures=source_comparison_charts(used))


@st.cache_resource(show_spinner=False)
def source_contrasts() -> dict[str, float]:
    """The figures the source comparison's caption quotes (model.grid.source_contrasts).
    Read only."""
    return grid.source_contrasts(catalog()["generation_sources"], catalog()["build_limits"])


def lead_time_table(scenario: Scenario) -> pd.DataFrame:
    """model.fleet.lead_time_table for the scenario, cached per lead-time inputs (the one
    part of the scenario it reads), so moving a mix weight does not rebuild it. Read only."""
    return _lead_time_table(tuple(scenario.lead_times().items()), scenario)


@st.cache_resource(show_spinner=False, max_entries=64)
def _lead_time_table(
    lead_times: tuple[tuple[str, float], ...], _scenario: Scenario
) -> pd.DataFrame:
    # Keyed on `lead_times` alone: a leading underscore keeps Streamlit from hashing the
    # scenario, whose lead times these are.
    return fleet.lead_time_table(_scenario, catalog())


@st.cache_resource(show_spinner=False, max_entries=64, hash_funcs=BY_REPR)
def _supply_by_source(scenario: Scenario) -> pd.DataFrame:
    # model.projection.supply_by_source, shared by the build table of every year.
    return projection.supply_by_source(scenario, catalog())


@st.cache_resource(show_spinner=False, max_entries=64, hash_funcs=BY_REPR)
def build_by_source(scenario: Scenario, year: int) -> pd.DataFrame:
    """What the build inputs do to each source of the mix (model.grid.build_by_source of
    model.projection.supply_by_source), cached per scenario and year. Read only."""
    return grid.build_by_source(_supply_by_source(scenario), year, BASE_YEAR)


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


@st.cache_resource(show_spinner=False)
def electricity_totals() -> dict[str, tuple[float, int]]:
    """Latest electricity total [TWh/yr] and its year, for "us" and "world". Read only."""
    return {r: inference.electricity_total_twh(r, catalog()) for r in ("us", "world")}


@st.cache_resource(show_spinner=False)
def published_emissions_per_query() -> tuple[dict[Any, Any], ...]:
    """Published gCO2e per query (model.inference.published_emissions_per_query), a dict
    per row. Read only."""
    return tuple(inference.published_emissions_per_query(catalog()).to_dict("records"))


@st.cache_resource(show_spinner=False)
def why_figures() -> tuple[tuple[float, ...], float]:
    """What the 'why they differ' note quotes from data/inference.csv: the Wh per query of
    model.inference.WHY_ITEMS, in order, and ML.ENERGY's reasoning-vs-chat ratio [x]."""
    anchors = published_per_query().set_index("label")["wh_per_query"]
    wh = tuple(float(anchors[inference.PER_QUERY_ITEMS[i]]) for i in inference.WHY_ITEMS)
    return wh, inference.published_value(inference.REASONING_RATIO_ITEM, catalog())


@st.cache_resource(show_spinner=False)
def datacenter_facts() -> dict[str, float]:
    """The published data-centre figures the serving page quotes (model.inference).
    Read only."""
    return inference.datacenter_facts(catalog())


#: Inputs the projection does not read: those of the sidebar groups that move no number
#: of Growth vs power, which shows the whole projection (model.scenario.GROUP_PAGES, which
#: tests/test_input_pages.py checks by moving every input).
NOT_PROJECTED = tuple(s.name for s in INPUTS if "growth" not in GROUP_PAGES[s.group])


def projected_part(scenario: Scenario) -> Scenario:
    """The scenario with every NOT_PROJECTED input at its default: the same projection,
    and one cache entry for all the values of those inputs."""
    defaults = Scenario()
    return dataclasses.replace(scenario, **{n: getattr(defaults, n) for n in NOT_PROJECTED})


def ai_demand_twh(scenario: Scenario) -> pd.DataFrame:
    """All-AI power wanted each year as TWh/yr (model.inference.ai_demand_twh of the
    scenario's projection), cached per projected part, so moving a serving input does not
    project again. Read only."""
    return _ai_demand_twh(projected_part(scenario))


@st.cache_resource(show_spinner=False, max_entries=64, hash_funcs=BY_REPR)
def _ai_demand_twh(scenario: Scenario) -> pd.DataFrame:
    return inference.ai_demand_twh(projection_frame(scenario))


def scenario_zip(
    scenario: Scenario,
    cat: Catalog,
    link: str,
    headline: dict[str, Any],
    saved: NamedItems = (),
) -> bytes:
    """The download of a scenario (model.scenario_io.export_zip with its projection and
    the Monte Carlo bands the pages draw: the same sample count and seed), and the
    `saved` scenarios side by side with their projections.

    Not cached and free of Streamlit calls: the download button runs it on its own thread
    when clicked, so the page does not build a zip on every rerun.
    """
    frame = projection.project(scenario, cat)
    bands = uncertainty.run_monte_carlo(scenario, uncertainty.DEFAULT_SAMPLES, 0, cat).bands
    results = tuple(
        claims.evaluate(scenario, r.claim_id, cat, with_flips=False) for r in claims.RULES
    )
    verdicts = claims.claims_table(results, app_version())
    names = [name for name, _ in saved]
    note = methods_note(scenario, app_version(), link=link, headline=headline, saved_names=names)
    return scenario_io.export_zip(
        scenario,
        app_version(),
        frame,
        bands,
        methods_md=note,
        claims=verdicts,
        catalog=cat,
        saved={name: (s, projection.project(s, cat)) for name, s in saved},
    )


# --- Compare & share --------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class CompareView:
    """What Compare & share shows of its scenarios: the chart, the groups of scenarios
    whose lines coincide (model.compare.coinciding) and the headline table as displayed,
    a column per scenario (the default first)."""

    figure: go.Figure
    coinciding: list[tuple[str, ...]]
    table: pd.DataFrame


@st.cache_resource(show_spinner=False)
def default_frame() -> pd.DataFrame:
    """The default scenario's projection, which Compare & share draws on every rerun, held
    once (ui.data.projection_frame copies it out of its cache on every call). Read only."""
    return projection_frame(Scenario())


@st.cache_resource(show_spinner=False, max_entries=64, hash_funcs=BY_REPR)
def compare_view(named: NamedItems, year: int = HEADLINE_YEAR) -> CompareView:
    """The default scenario and each named scenario side by side (CompareView), the table
    read in `year`, from the cached projections, one cache entry per list of scenarios
    and year. Read only."""
    base = default_frame()
    shown = {name: projection_frame(scenario) for name, scenario in named}
    numbers = {DEFAULT_NAME: _headline_numbers(Scenario(), year, base)}
    numbers |= {name: _headline_numbers(s, year, shown[name]) for name, s in named}
    return CompareView(
        compare_charts.compare_figure(base, shown),
        coinciding({DEFAULT_NAME: base} | shown),
        compare_charts.headline_columns(numbers, END_YEAR),
    )


def headline_cells(scenario: Scenario, year: int = HEADLINE_YEAR) -> dict[str, str]:
    """One scenario's headline numbers in `year` as the compare table shows them (a
    column's cells, by row label): what the download's methods file quotes."""
    return compare_charts.headline_cells(_headline_numbers(scenario, year), END_YEAR)


@st.cache_resource(show_spinner=False)
def presets() -> dict[str, Preset]:
    """The named presets (model.presets.all_presets) by name, in order. Read only."""
    return {p.name: p for p in all_presets(catalog())}


@st.cache_resource(show_spinner=False, max_entries=256, hash_funcs=BY_REPR)
def _headline_numbers(
    scenario: Scenario, year: int, _frame: pd.DataFrame | None = None
) -> dict[str, Any]:
    # Keyed on the scenario and year alone: `_frame`, if given, is its projection (a
    # leading underscore keeps Streamlit from hashing it).
    frame = projection_frame(scenario) if _frame is None else _frame
    return headline_numbers(scenario, catalog(), frame=frame, year=year)
