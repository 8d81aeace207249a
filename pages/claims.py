"""Test the claims: the post's five claims, each judged against the sidebar's scenario."""

from __future__ import annotations

import streamlit as st

from model.claims import claims_table
from model.link import CLAIM_TAB_PARAM
from ui.claims_view import (
    CLAIM_TABS,
    render_claim,
    restore_claim_anchor,
    summary_markdown,
)
from ui.data import claim_results
from ui.page import page_scenario
from ui.share import share_link
from ui.version import app_version

scenario = page_scenario()
results = claim_results(scenario)
link = share_link(scenario)

st.title("Test the claims")
st.markdown(
    "The blog post *The rate limiting step in AI - energy* (April 2024) makes five claims. "
    "Each is judged against the scenario in the sidebar, by a rule written next to "
    "its verdict: change an input and the verdicts follow. The claims are put in our "
    "words; the numbers come from the same model as every other page. The five verdicts "
    "are listed here; each claim's tab below shows its rule, numbers, chart and sources."
)
st.markdown(summary_markdown(results, ""))

# One claim at a time: only the open tab is drawn, so a slider move redraws one claim's
# numbers and chart, not five (docs/benchmarks.md).
tabs = st.tabs(CLAIM_TABS, key=CLAIM_TAB_PARAM, bind="query-params")
for result, tab in zip(results, tabs, strict=True):
    if tab.open:
        with tab:
            render_claim(result, scenario, link)

st.divider()
st.download_button(
    "Download the verdicts (claims.csv)",
    claims_table(results, app_version()).to_csv(index=False),
    file_name="claims.csv",
    mime="text/csv",
    icon=":material/download:",
)
st.caption(
    "Verdicts are for this scenario only: they say what the model's numbers show under "
    "these inputs, not what is true of the world. The rules and their thresholds are in "
    "model/claims.py and on the Methods & sources page."
)
restore_claim_anchor()  # the claim a link named, which Streamlit's address rewrite drops
