"""Compare & share: presets, saved scenarios side by side, the link, downloads and restores."""

from __future__ import annotations

import streamlit as st

from model.compare import scenarios_to_show
from ui import cache_pages, compare_text, share
from ui.copy_link import copy_link_button
from ui.glossary import jargon_help
from ui.page import page_scenario
from ui.plot import plot
from ui.version import app_version

scenario = page_scenario()

st.title("Compare & share")
st.markdown(
    "Every scenario is a link: the sidebar's inputs are in the address bar on every page. "
    "Start from a preset, save up to four scenarios to set side by side, and download a "
    "scenario with its numbers and sources."
)
share.show_notice()

st.subheader("Share this scenario")
link = share.share_link(scenario)
copy_link_button(link, "compare", "Copy link to this scenario", stretch=False)
st.code(link, language=None, wrap_lines=True)
left_out = share.linked_saved(scenario)[1]
if left_out:
    st.warning(share.link_too_long_message(left_out), icon=":material/link_off:")
st.caption(
    f"Model version {app_version()}. The link holds every input that differs from its "
    "default and your saved scenarios; opening it shows the same numbers and charts. "
    "*Copy link to this view*, at the top of the sidebar, copies the link of any page."
)

st.subheader("Start from a preset")
compare_text.render_presets(cache_pages.presets(), scenario)

st.subheader("Compare scenarios")
saved = share.saved_scenarios()
shown, same = scenarios_to_show(scenario, saved)
compare_text.render_saved(saved, same)

chart, text = st.columns([3, 1])  # the chart above the year its table is read in
year = compare_text.year_choice()
view = cache_pages.compare_view(cache_pages.named_items(shown), year)
plot(view.figure, chart, share=0.75)
note = compare_text.chart_note(view.coinciding)
text.markdown(note, help=jargon_help(note, figures=(view.figure,)))
table_words = compare_text.table_note(same, year)
st.markdown(table_words, help=jargon_help(table_words))
# A column per scenario, so the table fits beside the sidebar; st.dataframe shows text as
# text (no Markdown or HTML) and scrolls on a narrow screen.
st.dataframe(view.table, width="stretch", key="compare_table")

st.subheader("Download or restore")
compare_text.render_download_and_restore(scenario, link, year)
