"""Sentences of the Compare & share page that depend on the scenarios (names escaped),
and the widgets it draws beside them: presets, saved scenarios, download and restore."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import partial

import streamlit as st

from model import scenario_io
from model.compare import DEFAULT_NAME, HEADLINE_YEAR
from model.link import VIEW_BY_NAME
from model.presets import Preset
from model.scenario import Scenario
from ui import cache_pages, share
from ui import format as fmt
from ui.data import catalog
from ui.glossary import define
from ui.version import app_version


def _names(names: Sequence[str]) -> str:
    quoted = [f"*{fmt.plain(n)}*" for n in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


def chart_note(groups: Sequence[Sequence[str]]) -> str:
    """What the chart shows, and which scenarios draw the same lines
    (model.compare.coinciding)."""
    note = (
        "Grey is the default scenario; each other colour and marker is one scenario, its "
        "solid line the power all AI would draw (wanted) and its dashed line the power "
        "that can be delivered (available). A cross marks the **wall**: the first year "
        "power costs all of AI at least the scenario's threshold share (5% by default) of "
        "the compute its chips and money allow, which can come a little after the lines "
        "first cross (a small shortfall costs less than the threshold)."
    )
    if not groups:
        return note
    return (
        f"{note} Same power wanted and available in every year: "
        + "; ".join(_names(g) for g in groups)
        + ". Their lines lie on top of each other; the markers, placed in different "
        "years, show each one (they may differ in emissions or cost, in the table)."
    )


def year_choice() -> int:
    """The year the table reads, from a slider whose value the link carries (the
    `compare_year` view setting of model/link.py)."""
    spec = VIEW_BY_NAME["compare_year"]
    year = st.select_slider(
        "Year of the table",
        list(range(int(spec.min or 0), int(spec.max or 0) + 1)),
        spec.default,
        key="compare_year",
        persist_state="session",
        help="The table's numbers are read in this year; the wall year and the mix's cost "
        "range are not read in a year.",
    )
    return int(year)


def table_note(same: str | None, year: int = HEADLINE_YEAR) -> str:
    """What the table reads in `year`, and which row is the sidebar's scenario when it
    has none of its own (`same`, from model.compare.scenarios_to_show)."""
    note = (
        f"Each scenario in {year}: the largest run's power and all-AI power "
        "*wanted* (what the trend and the other limits would draw) and *achieved* (what "
        "the supply delivers); the *power short* (wanted minus the power available: the "
        "gap between the chart's solid and dashed lines) and the *compute lost to power* "
        "(the share of the compute AI's chips and money allow that power costs it, which "
        "counts chips not bought in earlier short years, so it can outlast the shortfall); "
        "the emissions of each (x 8760 h x the mix's lifecycle gCO2e/kWh) and the mix's "
        "cost range (Lazard LCOE per source, data/generation_sources.csv)."
    )
    if same == DEFAULT_NAME:
        return f"{note} The sidebar holds the default scenario: its row is *Default*."
    if same is not None:
        return f"{note} The sidebar holds the saved scenario *{fmt.plain(same)}*: its row."
    return note


def preset_effect(preset: Preset, current: Scenario, mode: str) -> str:
    """What applying the preset will do to the sidebar, said before the click."""
    sets = f"Sets: {preset.describe()}"
    if mode == share.ON_TOP:
        return f"{sets}. Every other input keeps the value it has in the sidebar."
    reset = share.reset_by_preset(preset, current)
    if not reset:
        return f"{sets}. Every other input returns to its default (none of yours differs)."
    return (
        f"{sets}. **Every other input returns to its default**, including {len(reset)} "
        f"you changed: {'; '.join(reset)}."
    )


def render_download_and_restore(scenario: Scenario, link: str, year: int = HEADLINE_YEAR) -> None:
    """The scenario's zip to download (with its share `link`, and the table's numbers in
    `year`) beside the upload that restores one."""
    down, up = st.columns(2)
    saved = cache_pages.named_items(share.saved_scenarios())
    also = f" and {len(saved)} saved" if saved else ""
    down.download_button(
        f"Download scenario{also} (zip)",
        # Built when clicked (on another thread), not on every rerun of the page.
        data=partial(
            cache_pages.scenario_zip,
            scenario,
            catalog(),
            link,
            cache_pages.headline_cells(scenario, year),
            saved,
        ),
        file_name=f"ai-energy-scenario-v{app_version()}.zip",
        mime="application/zip",
        icon=":material/download:",
        on_click="ignore",
        key="compare_download",
    )
    down.caption(
        f"One zip: `{scenario_io.ZIP_SCENARIO}` (the inputs, to restore later), "
        f"`{scenario_io.ZIP_TIMESERIES}` (every yearly series, with emissions, electricity "
        f"cost and P10/P50/P90 bands), `{scenario_io.ZIP_METHODS}` (inputs, their "
        "sources, the model version) and, when you have saved scenarios, "
        f"`{scenario_io.ZIP_SAVED_TIMESERIES}` and `{scenario_io.ZIP_SAVED_INPUTS}` with "
        "each of them side by side.",
        help=define("P10-P90"),
    )
    up.file_uploader(
        "Restore a scenario (.json or the downloaded .zip)",
        type=["json", "zip"],
        key="compare_upload",
        on_change=share.import_upload,
        args=("compare_upload",),
    )


def render_presets(presets: Mapping[str, Preset], current: Scenario) -> None:
    """Pick a preset and how to apply it (on top of the sidebar, or from the defaults),
    with its source and what applying it will change."""
    pick, source = st.columns([1, 2])
    chosen = pick.selectbox("Preset", list(presets), key="compare_preset")
    mode = pick.radio(
        "Apply it",
        list(share.APPLY_LABELS),
        format_func=share.APPLY_LABELS.__getitem__,
        key="compare_preset_mode",
    )
    pick.button(
        "Apply to the sidebar",
        on_click=share.apply_preset,
        args=(chosen, "compare_preset_mode"),
        icon=":material/tune:",
        key="compare_apply_preset",
    )
    source.markdown(f"**{chosen}**: {presets[chosen].source}.")
    source.caption(preset_effect(presets[chosen], current, mode))


def render_saved(saved: Mapping[str, Scenario], same: str | None) -> None:
    """Save the sidebar's scenario under a name, then each saved scenario with Load and
    Remove; `same` is the one the sidebar holds (model.compare.scenarios_to_show)."""
    name_col, button_col = st.columns([3, 1], vertical_alignment="bottom")
    name_col.text_input(
        "Name for the current scenario",
        key="compare_save_name",
        max_chars=share.MAX_NAME_CHARS,
        placeholder=share.next_name(),
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
        with st.container(horizontal=True, vertical_alignment="center"):
            here = " (in the sidebar)" if name == same else ""
            st.markdown(f"{i + 1}\\. {fmt.plain(name)}{here}", width="stretch")
            st.button("Load", key=f"compare_load_{i}", on_click=share.load_saved, args=(name,))
            st.button(
                "Remove", key=f"compare_remove_{i}", on_click=share.remove_saved, args=(name,)
            )
