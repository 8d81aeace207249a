"""Text and tables of the Methods & sources page, each built once per scenario (or once).

Cached functions take the scenario itself (st.cache_data hashes a frozen Scenario by its
fields), so moving a slider and back costs nothing; only the open tab's pieces are built.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from model import projection, uncertainty
from model.catalog import default_codebook
from model.scenario import INPUTS, INPUTS_BY_NAME, InputSpec, Scenario, scenario_to_dict
from model.validation import (
    backcast,
    methods_figures,
    run_power_validation,
    run_validation,
    trend_validation,
)
from ui import format as fmt
from ui.data import catalog, projection_frame
from ui.glossary import define, jargon_in, table_words, terms_note
from ui.headline import RUN_WORDS
from ui.sidebar import GROUP_TITLES

DOCS = Path(__file__).resolve().parent.parent / "docs" / "methods"
#: The year the prose compares the projection with published outlooks (most are for 2030).
COMPARE_YEAR = 2030
LINK = st.column_config.LinkColumn("Link", display_text=r"https?://(?:www\.)?([^/]+)/.*")
SHOW = {
    "MWh": fmt.energy,
    "tCO2e": fmt.mass_co2,
    "FLOP": lambda flop: f"{fmt.scientific(flop, 3)} FLOP",
    "MW": lambda mw: fmt.power(mw / 1000.0),
}


def doc(name: str) -> str:
    """The text of docs/methods/<name>.md."""
    return (DOCS / f"{name}.md").read_text(encoding="utf-8")


def render_doc(name: str, figures: dict[str, Any] | None = None) -> None:
    """Show docs/methods/<name>.md: `$$` blocks as LaTeX, the rest as Markdown with the
    `figures` filled in (LaTeX blocks are never formatted: their braces are TeX's)."""
    defined: set[str] = set()  # each term of art is defined where the text first uses it
    for block in doc(name).split("\n\n"):
        new = [term for term in jargon_in(block) if term not in defined]
        defined.update(new)
        tip = define(*new) if new else None
        if block.startswith("$$"):
            st.latex(block.strip("$ \n"), help=tip)
        else:
            st.markdown(block.format(**figures) if figures is not None else block, help=tip)


def table(
    frame: pd.DataFrame,
    hide: tuple[str, ...] = (),
    wrap: bool = False,
    define_terms: bool = True,
    **config: Any,
) -> None:
    """A table with its error as text and links: wrapped text (st.table) or a grid; under
    it, the terms of art it shows with their definitions (unless `define_terms` is off)."""
    shown = frame.drop(columns=list(hide))
    if "error_pct" in shown:
        shown["error_pct"] = [
            f"{e:+.1f}%".replace("-0.0", "0.0") if e == e else "" for e in shown["error_pct"]
        ]
    if wrap:
        shown = shown.astype(str).map(fmt.plain).rename(columns={"error_pct": "error", **config})
        st.table(shown.assign(source=frame["source"].map(fmt.source_markdown)), hide_index=True)
        if define_terms:
            terms_note(table_words(shown))
        return
    shown["link"] = source_links(tuple(frame["source"]))
    order = [c for c in shown.columns if c not in {"link", "source"}] + ["link", "source"]
    height = 35 * (min(len(shown), 30) + 1) + 3
    config = {"link": LINK, "error_pct": "error", **config}
    st.dataframe(shown, hide_index=True, column_order=order, column_config=config, height=height)
    if define_terms:
        terms_note(table_words(shown))


@st.cache_data(show_spinner=False, max_entries=64)
def source_links(sources: tuple[str, ...]) -> list[str | None]:
    """The first link of each source citation (cached: the tables rarely change)."""
    return [fmt.first_source_url(text) for text in sources]


# --- The same for every scenario --------------------------------------------------------


@st.cache_data(show_spinner=False)
def published_validation() -> pd.DataFrame:
    """Published runs against the model: the same for every scenario, so built once."""
    return runs_shown(run_validation(catalog()))


@st.cache_data(show_spinner=False)
def column_help(file: str) -> dict[str, str]:
    """Each column of a data file with its codebook description and unit."""
    codebook = default_codebook()
    notes = codebook[codebook["file"] == file]
    return {
        r["column"]: f"{r['description']} [{r['unit'] or '-'}]" for r in notes.to_dict("records")
    }


@st.cache_data(show_spinner=False)
def disagreements() -> pd.DataFrame:
    """Published figures that disagree (docs/methods/disagreements.csv), with sources."""
    return pd.read_csv(DOCS / "disagreements.csv", dtype=str, keep_default_na=False)


def disagreement_groups() -> list[tuple[str, pd.DataFrame]]:
    """The disagreements by topic, in file order: the topic as bold Markdown, its rows."""
    return [
        (f"**{fmt.plain(topic)}**", rows.drop(columns="topic"))
        for topic, rows in disagreements().groupby("topic", sort=False)
    ]


def runs_shown(frame: pd.DataFrame) -> pd.DataFrame:
    """Published and model figures as readable text with their units."""
    as_text = {
        c: [SHOW[u](v) for u, v in zip(frame["unit"], frame[c], strict=True)]
        for c in ("published", "model")
    }
    return frame.assign(**as_text).drop(columns="unit")


# --- Per scenario -----------------------------------------------------------------------


@st.cache_data(show_spinner=False, max_entries=64)
def figures(scenario: Scenario) -> dict[str, Any]:
    """The numbers the prose quotes: model.validation.methods_figures plus the projection's
    limits, chips and power in COMPARE_YEAR, as readable text."""
    row = projection_frame(scenario).set_index("year").loc[COMPARE_YEAR].to_dict()
    return methods_figures(scenario, catalog()) | {
        "year": COMPARE_YEAR,
        "trend_flop": fmt.flop(row["compute_demand_flop"]),
        **{
            f"{step}_limit": fmt.flop(row[projection.LIMIT_COLUMNS[step]])
            for step in ("site", "power", "chips", "capital", "data", "latency")
        },
        "achieved_flop": fmt.flop(row["compute_achieved_flop"]),
        "binding": RUN_WORDS[row["binding_constraint"]],
        "chip_stock": fmt.count(row["chip_stock_h100e"]),
        "run_chips": fmt.count(row["run_chips_h100e"]),
        "demand_gw": fmt.power(row["power_demand_gw"]),
        "supply_gw": fmt.power(row["power_supply_gw"]),
        "run_trend_gw": fmt.power(row["frontier_run_power_gw"]),
        "run_achieved_gw": fmt.power(row["frontier_run_power_achieved_gw"]),
    }


@st.cache_data(show_spinner=False, max_entries=64)
def validation_tables(scenario: Scenario) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Past runs' power with the scenario's watts per chip, and the projection against
    published trends (model values as text)."""
    power = runs_shown(run_power_validation(scenario, catalog()))
    trends = trend_validation(scenario, catalog())
    trends["model"] = trends["model"].map(fmt.sig)
    return power, trends


@st.cache_data(show_spinner=False)
def backcast_table() -> pd.DataFrame:
    """model.validation.backcast as text: each quantity observed and modelled in 2025 with
    its unit, the ratio, the band and whether the model lands in it, and the source."""
    frame = backcast(catalog())

    def shown(value: float) -> str:
        return fmt.sig(value) if abs(value) < 1e5 else fmt.scientific(value)

    rows = frame.to_dict("records")
    return pd.DataFrame(
        {
            "quantity": [r["quantity"] for r in rows],
            "unit": [r["unit"] for r in rows],
            "observed 2025": [shown(r["observed"]) for r in rows],
            "model from 2020": [shown(r["modelled"]) for r in rows],
            "ratio": [f"{r['ratio']:.2f}" for r in rows],
            "band": [f"{shown(r['low'])}-{shown(r['high'])}" for r in rows],
            "in band": ["yes" if r["low"] <= r["modelled"] <= r["high"] else "no" for r in rows],
            "source": [r["source"] for r in rows],
        }
    )


def _range_text(spec: InputSpec, low: object, high: object) -> str:
    return f"{fmt.input_value(spec, low)} to {fmt.input_value(spec, high)}"


@st.cache_data(show_spinner=False, max_entries=64)
def assumption_tables(scenario: Scenario) -> list[tuple[str, pd.DataFrame]]:
    """One table per sidebar group, in sidebar order: every input, its default, the
    scenario's setting, its unit and range, and the source of the default."""
    current = scenario_to_dict(scenario)
    tables = []
    for group, title in GROUP_TITLES.items():
        specs = [s for s in INPUTS if s.group == group]
        frame = pd.DataFrame(
            [
                {
                    "Input": s.label,
                    "Default": fmt.input_value(s, s.default),
                    "Your setting": fmt.input_value(s, current[s.name]),
                    "Unit": s.unit,
                    "Range": "" if s.min is None else _range_text(s, s.min, s.max),
                }
                for s in specs
            ]
        ).map(fmt.plain)
        frame["Source of the default"] = [fmt.source_markdown(s.source) for s in specs]
        tables.append((title, frame))
    return tables


@st.cache_data(show_spinner=False, max_entries=64)
def spreads_table(scenario: Scenario) -> pd.DataFrame:
    """model.uncertainty.SPREADS: each sampled input, its median (the scenario's value),
    its P10 to P90 range and the source of the spread."""
    medians = projection.scenario_values(scenario)
    rows = []
    for spread in uncertainty.SPREADS:
        spec = INPUTS_BY_NAME[spread.name]
        median = float(medians[spread.name][0, 0])
        rows.append(
            {
                "Input": spec.label,
                "Name": spread.name,
                "Unit": spec.unit,
                "Median (your setting)": fmt.input_value(spec, median),
                "P90 / median": f"{fmt.sig(spread.p90_factor)}x",
                "P10 to P90": _range_text(spec, *uncertainty.spread_ends(spread, median)),
            }
        )
    frame = pd.DataFrame(rows).map(fmt.plain)
    frame["Source of the spread"] = [fmt.source_markdown(s.source) for s in uncertainty.SPREADS]
    return frame


@st.cache_data(show_spinner=False)
def glossary_table() -> pd.DataFrame:
    """data/glossary.csv as the Methods page shows it: term, definition, other spellings,
    source and status."""
    frame = catalog()["glossary"]
    return frame.rename(columns={"aliases": "also written"})[
        ["term", "definition", "also written", "source", "status"]
    ].assign(**{"also written": frame["aliases"].str.replace(";", ", ")})
