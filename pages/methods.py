"""Methods & sources: equations, where every default comes from, the Monte Carlo spreads,
validation, disagreements between sources, what is left out, the data."""

from __future__ import annotations

import streamlit as st

from model import uncertainty
from model.catalog import SCHEMAS
from ui.changelog import changelog_text
from ui.data import catalog
from ui.glossary import jargon_help, table_words, terms_note
from ui.methods_tables import (
    assumption_tables,
    backcast_table,
    column_help,
    disagreement_groups,
    doc,
    figures,
    glossary_table,
    published_validation,
    render_doc,
    spreads_table,
    table,
    validation_tables,
)
from ui.page import page_scenario

#: Tab labels, in order. Only the open tab runs: tabs bound to the URL are lazy, and the
#: open one is in the link (methods_tab=Glossary), so a link opens the same section.
#: Renaming a tab breaks links to it.
TABS = (
    "Equations",
    "Glossary",
    "Assumptions",
    "Uncertainty",
    "Validation",
    "Disagreements",
    "Left out",
    "Data",
    "What changed",
)

key = page_scenario()
st.title("Methods & sources")
st.markdown(doc("intro"))
tabs = dict(zip(TABS, st.tabs(TABS, key="methods_tab", bind="query-params"), strict=True))

if tabs["Equations"].open:
    with tabs["Equations"]:
        render_doc("equations")

if tabs["Glossary"].open:
    with tabs["Glossary"]:
        st.markdown(doc("glossary"))
        table(glossary_table(), wrap=True, define_terms=False)  # it is the definitions

if tabs["Assumptions"].open:
    with tabs["Assumptions"]:
        st.markdown(doc("assumptions"), help=jargon_help(doc("assumptions")))
        for title, frame in assumption_tables(key):
            st.subheader(title)
            st.table(frame, hide_index=True)
            terms_note(table_words(frame))

if tabs["Uncertainty"].open:
    with tabs["Uncertainty"]:
        render_doc("uncertainty", {"u": uncertainty})
        spreads = spreads_table(key)
        st.table(spreads, hide_index=True)
        terms_note(table_words(spreads))

if tabs["Validation"].open:
    with tabs["Validation"]:
        intro, runs_text, power_text, trends_text, backcast_text = (
            doc("validation").format(**figures(key)).split("---")
        )
        power, trends = validation_tables(key)
        st.markdown(intro, help=jargon_help(intro))
        st.markdown(runs_text, help=jargon_help(runs_text))
        table(published_validation())
        st.markdown(power_text, help=jargon_help(power_text))
        table(power, hide=("quantity",))
        st.markdown(trends_text, help=jargon_help(trends_text))
        table(trends, hide=("published", "low", "high"), wrap=True, published_text="published")
        st.markdown(backcast_text, help=jargon_help(backcast_text))
        table(backcast_table(), wrap=True)

if tabs["Disagreements"].open:
    with tabs["Disagreements"]:
        text = doc("disagreements").format(**figures(key))
        st.markdown(text, help=jargon_help(text))
        st.subheader("Published figures side by side")
        for topic, rows in disagreement_groups():
            st.markdown(topic, help=jargon_help(topic))
            table(rows, wrap=True)

if tabs["Left out"].open:
    with tabs["Left out"]:
        text = doc("left_out").format(**figures(key))
        st.markdown(text, help=jargon_help(text))

if tabs["Data"].open:
    with tabs["Data"]:
        st.markdown(doc("data"), help=jargon_help(doc("data")))
        for name, schema in SCHEMAS.items():
            frame = catalog()[name]
            with st.expander(f"{schema.file}: {len(frame)} rows"):
                helps = column_help(schema.file).items()
                table(frame, **{c: st.column_config.Column(help=h) for c, h in helps})

if tabs["What changed"].open:
    with tabs["What changed"]:
        st.markdown(changelog_text(), help=jargon_help(changelog_text()))
