"""Moving scenarios in and out of the sidebar: the share link, presets, saved scenarios, files.

The sidebar's widgets are bound to the URL, and a widget's value can only be set before
the widget is drawn in a run; so everything that changes the inputs here is a callback
(callbacks run before the script). Saved scenarios live in this visitor's session state.
"""

from __future__ import annotations

import math
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import streamlit as st

from model import scenario_io
from model.presets import preset_by_name
from model.scenario import INPUTS, Scenario
from ui import format as fmt
from ui.data import catalog
from ui.sidebar import current_scenario
from ui.url import VIEW_PARAMS, share_query
from ui.version import app_version

#: Session-state key of the saved scenarios (name -> Scenario, insertion order).
SAVED_KEY = "saved_scenarios"
#: Session-state key of the message a callback leaves for the page: (kind, text).
NOTICE_KEY = "_share_notice"
#: Most scenarios a visitor can save for comparison.
MAX_SAVED = 4
#: Longest scenario name kept. [characters]
MAX_NAME_CHARS = scenario_io.MAX_NAME_CHARS


def share_link(scenario: Scenario) -> str:
    """The full link to this page with every changed input and the app version."""
    view = {key: st.query_params[key] for key in VIEW_PARAMS if key in st.query_params}
    query = share_query(scenario, view)
    base = st.context.url
    if not base:
        return "?" + query
    parts = urlsplit(base)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


def render_share_control(scenario: Scenario) -> None:
    """A sidebar popover with the link to copy (the copy icon is on the code block)."""
    with st.sidebar.popover("Share this scenario", icon=":material/share:", width="stretch"):
        st.markdown("Anyone opening this link sees the same inputs, numbers and charts:")
        st.code(share_link(scenario), language=None, wrap_lines=True)
        st.caption(
            f"Model version {app_version()}. Only inputs that differ from the defaults are "
            "written; the copy button is at the top right of the box."
        )


def widget_values(scenario: Scenario) -> tuple[dict[str, Any], list[str]]:
    """The sidebar widgets' values for a scenario, and which values had to be snapped.

    Log-scale inputs are select sliders: a value between their steps moves to the nearest.
    """
    values: dict[str, Any] = {}
    snapped: list[str] = []
    for spec in INPUTS:
        value = getattr(scenario, spec.name)
        if spec.log:
            option = fmt.nearest_option(fmt.log_options(spec), float(value))
            if not math.isclose(option, value, rel_tol=1e-9):
                snapped.append(
                    f"{spec.label}: {fmt.sig(value)} became {fmt.option_label(spec, option)}"
                )
            value = option
        values[spec.name] = value
    return values, snapped


def apply_scenario(scenario: Scenario) -> list[str]:
    """Set the sidebar inputs to the scenario (call from a callback); return snap notes.

    Only inputs whose value changes are written, so the others keep their widget state.
    """
    values, snapped = widget_values(scenario)
    for name, value in values.items():
        if name not in st.session_state or st.session_state[name] != value:
            st.session_state[name] = value
    return snapped


def _notify(kind: str, text: str) -> None:
    st.session_state[NOTICE_KEY] = (kind, text)


def show_notice() -> None:
    """Show (once) the message the last callback left; its text is already escaped."""
    notice = st.session_state.pop(NOTICE_KEY, None)
    if notice is None:
        return
    kind, text = notice
    {"success": st.success, "error": st.error, "info": st.info}[kind](text)


def apply_preset(name: str) -> None:
    """Callback: set the sidebar to a named preset."""
    preset = preset_by_name(name, catalog())
    snapped = apply_scenario(preset.scenario())
    note = f" Snapped: {'; '.join(snapped)}." if snapped else ""
    _notify("success", f"Applied the preset {fmt.plain(name)}.{note}")


def saved_scenarios() -> dict[str, Scenario]:
    """This visitor's saved scenarios, name -> Scenario."""
    return dict(st.session_state.get(SAVED_KEY, {}))


def clean_name(raw: object, fallback: str) -> str:
    """A scenario name: one line, trimmed, at most MAX_NAME_CHARS, or `fallback` if empty."""
    text = " ".join(str(raw or "").split())[:MAX_NAME_CHARS].strip()
    return text or fallback


def save_current(name_key: str) -> None:
    """Callback: save the sidebar's scenario under the name typed in `name_key`."""
    saved = saved_scenarios()
    name = clean_name(st.session_state.get(name_key), f"Scenario {len(saved) + 1}")
    if name not in saved and len(saved) >= MAX_SAVED:
        _notify("error", f"You can compare {MAX_SAVED} saved scenarios; remove one first.")
        return
    replaced = name in saved
    saved[name] = current_scenario()
    st.session_state[SAVED_KEY] = saved
    st.session_state[name_key] = ""
    verb = "Replaced" if replaced else "Saved"
    _notify("success", f"{verb} {fmt.plain(name)}.")


def remove_saved(name: str) -> None:
    """Callback: forget a saved scenario."""
    saved = saved_scenarios()
    saved.pop(name, None)
    st.session_state[SAVED_KEY] = saved


def load_saved(name: str) -> None:
    """Callback: put a saved scenario back into the sidebar."""
    scenario = saved_scenarios().get(name)
    if scenario is not None:
        apply_scenario(scenario)
        _notify("success", f"Loaded {fmt.plain(name)} into the sidebar.")


def import_upload(upload_key: str) -> None:
    """Callback: restore the scenario in an uploaded file, or say why it cannot be read."""
    upload = st.session_state.get(upload_key)
    if upload is None:
        return
    try:
        loaded = scenario_io.read_scenario_file(upload.getvalue(), catalog())
    except scenario_io.ScenarioFileError as err:
        _notify("error", f"Nothing was changed. {fmt.plain(upload.name)}: {fmt.plain(err)}")
        return
    snapped = apply_scenario(loaded.scenario)
    parts = [f"Restored {fmt.plain(loaded.name or upload.name)}."]
    if loaded.app_version and loaded.app_version != app_version():
        parts.append(
            f"It was made with model version {fmt.plain(loaded.app_version)}; the numbers "
            f"now come from model version {app_version()} (see *What changed* on the Methods "
            "& sources page)."
        )
    parts += [f"{fmt.plain(note)}." for note in loaded.retired]
    if loaded.missing:
        parts.append(f"{len(loaded.missing)} input(s) not in the file kept their defaults.")
    if snapped:
        parts.append("Moved onto the slider steps: " + fmt.plain("; ".join(snapped)) + ".")
    _notify("success", " ".join(parts))
