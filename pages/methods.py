"""Methods & sources: equations, where every default comes from, validation, the data."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from model import uncertainty
from model.catalog import SCHEMAS
from model.scenario import INPUTS, scenario_to_dict
from model.validation import methods_figures, run_power_validation, trend_validation
from ui import format as fmt
from ui.data import catalog
from ui.methods_tables import codebook, doc, published_validation, runs_shown, table
from ui.page import page_scenario

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
    table(runs_shown(published_validation()))
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
    for name, schema in SCHEMAS.items():
        frame = cat[name]
        with st.expander(f"{schema.file}: {len(frame)} rows"):
            notes = codebook()[codebook()["file"] == schema.file]
            helps = {
                r.column: st.column_config.Column(help=f"{r.description} [{r.unit or '-'}]")
                for r in notes.itertuples()
            }
            table(frame, **helps)
