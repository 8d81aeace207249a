"""Methods & sources: equations, where every default comes from, validation, the data."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from model import uncertainty
from model.catalog import DEFAULT_DATA_DIR, SCHEMAS
from model.scenario import INPUTS, scenario_to_dict
from model.validation import methods_figures, run_power_validation, run_validation, trend_validation
from ui import format as fmt
from ui.data import catalog
from ui.page import page_scenario

DOCS = Path(__file__).resolve().parent.parent / "docs" / "methods"
LINK = st.column_config.LinkColumn("Link", display_text=r"https?://(?:www\.)?([^/]+)/.*")
SHOW = {
    "MWh": fmt.energy,
    "tCO2e": fmt.mass_co2,
    "FLOP": lambda flop: f"{fmt.scientific(flop, 3)} FLOP",
    "MW": lambda mw: fmt.power(mw / 1000.0),
}


def doc(name: str) -> str:
    return (DOCS / f"{name}.md").read_text(encoding="utf-8")


def table(frame: pd.DataFrame, hide: tuple[str, ...] = (), wrap: bool = False, **config) -> None:
    """A table with its error as text and links: wrapped text (st.table) or a grid."""
    shown = frame.drop(columns=list(hide))
    if "error_pct" in shown:
        shown["error_pct"] = [
            f"{e:+.1f}%".replace("-0.0", "0.0") if e == e else "" for e in shown["error_pct"]
        ]
    if wrap:
        shown = shown.astype(str).map(fmt.plain).rename(columns={"error_pct": "error", **config})
        st.table(shown.assign(source=frame["source"].map(fmt.source_markdown)), hide_index=True)
        return
    shown["link"] = frame["source"].map(fmt.first_source_url)
    order = [c for c in shown.columns if c not in {"link", "source"}] + ["link", "source"]
    height = 35 * (min(len(shown), 30) + 1) + 3
    config = {"link": LINK, "error_pct": "error", **config}
    st.dataframe(shown, hide_index=True, column_order=order, column_config=config, height=height)


def runs_shown(frame: pd.DataFrame) -> pd.DataFrame:
    """Published and model figures as readable text with their units."""
    as_text = {
        c: [SHOW[u](v) for u, v in zip(frame["unit"], frame[c], strict=True)]
        for c in ("published", "model")
    }
    return frame.assign(**as_text).drop(columns="unit")


scenario = page_scenario()
cat = catalog()
figures = methods_figures(scenario, cat)
st.title("Methods & sources")
st.markdown(doc("intro"))
tabs = st.tabs(["Equations", "Assumptions", "Validation", "Disagreements", "Left out", "Data"])

with tabs[0]:
    for block in doc("equations").split("\n\n"):
        if block.startswith("$$"):
            st.latex(block.strip("$ \n"))
        else:
            st.markdown(block)
    st.markdown(doc("uncertainty").format(u=uncertainty))

with tabs[1]:
    st.markdown("Every input in the sidebar, its default, range and the source of the default.")
    current, show = scenario_to_dict(scenario), fmt.input_value
    rows = [
        {
            "Input": s.label,
            "Default": show(s, s.default),
            "Your setting": show(s, current[s.name]),
            "Unit": s.unit,
            "Range": "" if s.min is None else f"{show(s, s.min)} to {show(s, s.max)}",
        }
        for s in INPUTS
    ]
    assumptions = pd.DataFrame(rows).map(fmt.plain)
    assumptions["Source of the default"] = [fmt.source_markdown(s.source) for s in INPUTS]
    st.table(assumptions, hide_index=True)

with tabs[2]:
    intro, runs_text, power_text, trends_text = doc("validation").format(**figures).split("---")
    st.markdown(intro)
    st.markdown(runs_text)
    table(runs_shown(run_validation(cat)))
    st.markdown(power_text)
    table(runs_shown(run_power_validation(scenario, cat)), hide=("quantity",))
    st.markdown(trends_text)
    trends = trend_validation(scenario, cat)
    trends["model"] = trends["model"].map(fmt.sig)
    table(trends, hide=("published", "low", "high"), wrap=True, published_text="published")

with tabs[3]:
    st.markdown(doc("disagreements").format(**figures))

with tabs[4]:
    st.markdown(doc("left_out").format(**figures))

with tabs[5]:
    st.markdown(doc("data"))
    codebook = pd.read_csv(DEFAULT_DATA_DIR / "codebook.csv", keep_default_na=False)
    for name, schema in SCHEMAS.items():
        frame = cat[name]
        with st.expander(f"{schema.file}: {len(frame)} rows"):
            notes = codebook[codebook["file"] == schema.file]
            helps = {
                r.column: st.column_config.Column(help=f"{r.description} [{r.unit or '-'}]")
                for r in notes.itertuples()
            }
            table(frame, **helps)
