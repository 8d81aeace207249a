"""Compare & share: presets, saved scenarios side by side, the link, downloads and restores."""

from __future__ import annotations

from functools import partial

import streamlit as st

from charts.compare import headline_display
from model import scenario_io
from model.scenario import END_YEAR, Scenario
from ui import cache_pages, share
from ui import format as fmt
from ui.data import catalog
from ui.page import page_scenario
from ui.version import app_version

scenario = page_scenario()
presets = cache_pages.presets()

st.title("Compare & share")
st.markdown(
    "Every scenario is a link: the sidebar's inputs are in the address bar on every page. "
    "Start from a preset, save up to four scenarios to set side by side, and download a "
    "scenario with its numbers and sources."
)
share.show_notice()

st.subheader("Share this scenario")
link = share.share_link(scenario)
st.code(link, language=None, wrap_lines=True)
st.caption(
    f"Model version {app_version()}. The link holds every input that differs from its "
    "default; opening it shows the same numbers and charts. The sidebar has the same link "
    "under *Share this scenario* on every page."
)

st.subheader("Start from a preset")
pick, source = st.columns([1, 2])
chosen = pick.selectbox("Preset", list(presets), key="compare_preset")
pick.button(
    "Apply to the sidebar",
    on_click=share.apply_preset,
    args=(chosen,),
    icon=":material/tune:",
    key="compare_apply_preset",
)
source.markdown(f"**{chosen}**: {presets[chosen].source}.")
source.caption(f"Sets: {presets[chosen].describe()}; every other input returns to its default.")

st.subheader("Compare scenarios")
saved = share.saved_scenarios()
name_col, button_col = st.columns([3, 1], vertical_alignment="bottom")
name_col.text_input(
    "Name for the current scenario",
    key="compare_save_name",
    max_chars=share.MAX_NAME_CHARS,
    placeholder=f"Scenario {len(saved) + 1}",
)
button_col.button(
    f"Save ({len(saved)}/{share.MAX_SAVED})",
    on_click=share.save_current,
    args=("compare_save_name",),
    icon=":material/bookmark_add:",
    disabled=len(saved) >= share.MAX_SAVED,
    key="compare_save",
    width="stretch",
)
for i, name in enumerate(saved):
    label, load, remove = st.columns([4, 1, 1], vertical_alignment="center")
    label.markdown(f"{i + 1}. {fmt.plain(name)}")
    load.button("Load", key=f"compare_load_{i}", on_click=share.load_saved, args=(name,))
    remove.button("Remove", key=f"compare_remove_{i}", on_click=share.remove_saved, args=(name,))

shown = cache_pages.named_items({"Current scenario": scenario, **saved})
chart, text = st.columns([3, 1])
chart.plotly_chart(cache_pages.compare_chart(shown), width="stretch")
text.markdown(
    "Grey is the default scenario; each other colour is one scenario, its solid line the "
    "power all AI would draw and its dashed line the power that can be delivered. A cross "
    "marks the **wall**, the first year the solid line passes the dashed one.\n\n"
    "The table reads each scenario in 2030: the largest run's power, all-AI demand, the "
    "emissions of the power AI gets (x 8760 h x the mix's lifecycle gCO2e/kWh) and the "
    "mix's cost range (Lazard LCOE per source, data/generation_sources.csv)."
)
table = cache_pages.headlines(cache_pages.named_items({"Default": Scenario()}) + shown)
shown_table = headline_display(table, END_YEAR)  # st.table renders Markdown: escape all
st.table(shown_table.map(fmt.plain).set_axis([fmt.plain(n) for n in shown_table.index]))

st.subheader("Download or restore")
down, up = st.columns(2)
this = cache_pages.named_items({"This scenario": scenario})
headline = headline_display(cache_pages.headlines(this), END_YEAR).iloc[0].to_dict()
down.download_button(
    "Download scenario (zip)",
    # Built when clicked (on another thread), not on every rerun of the page.
    data=partial(cache_pages.scenario_zip, scenario, catalog(), link, headline),
    file_name=f"ai-energy-scenario-v{app_version()}.zip",
    mime="application/zip",
    icon=":material/download:",
    on_click="ignore",
    key="compare_download",
)
down.caption(
    f"One zip: `{scenario_io.ZIP_SCENARIO}` (the inputs, to restore later), "
    f"`{scenario_io.ZIP_TIMESERIES}` (every yearly series) and `{scenario_io.ZIP_METHODS}` "
    "(inputs, their sources, the model version)."
)
up.file_uploader(
    "Restore a scenario (.json or the downloaded .zip)",
    type=["json", "zip"],
    key="compare_upload",
    on_change=share.import_upload,
    args=("compare_upload",),
)
