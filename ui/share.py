"""Moving scenarios in and out of the sidebar: the share link, presets, saved scenarios, files.

A widget's value can only be set before the widget is drawn in a run, so everything that
changes the sidebar's inputs here is a callback (callbacks run before the script); the
address bar follows the inputs (ui/url.write_link). Saved scenarios live in this
visitor's session state and in the link (one `saved` parameter per scenario, model/link.py
writes and reads them), so a reload or a link brings them back.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from model import link, scenario_io
from model.presets import Preset, preset_by_name
from model.scenario import INPUTS, Scenario, scenario_from_mapping, scenario_to_dict
from ui import format as fmt
from ui.copy_link import copy_link_button
from ui.data import catalog
from ui.link_report import echo
from ui.sidebar import current_scenario, link_choices
from ui.url import SAVED_KEY, view_values
from ui.version import app_version

#: Session-state key of the message a callback leaves for the page: (kind, text).
NOTICE_KEY = "_share_notice"
#: Most scenarios a visitor can save for comparison.
MAX_SAVED = link.MAX_SAVED
#: Longest scenario name kept. [characters]
MAX_NAME_CHARS = scenario_io.MAX_NAME_CHARS
#: Longest link the saved scenarios may make: browsers keep far longer addresses, but
#: servers, proxies and chat apps commonly cut them at 8 KB (nginx's default line buffer
#: is 8 KB). [characters]
MAX_LINK_CHARS = 8000


def _base_url() -> str:
    base = st.context.url
    if not base:
        return ""
    parts = urlsplit(base)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))


def link_pairs(scenario: Scenario, saved_values: Sequence[str] = ()) -> list[tuple[str, str]]:
    """The link's pairs: the scenario's inputs and the view settings (model.link.encode),
    then the saved scenarios' values."""
    pairs = link.encode(scenario, view_values(), link_choices())
    return pairs + [(link.SAVED_PARAM, value) for value in saved_values]


def linked_saved(scenario: Scenario) -> tuple[list[str], list[str]]:
    """The `saved` values the link carries (the saved scenarios, in order, as long as the
    link stays within MAX_LINK_CHARS), and the names of those left out."""
    room = MAX_LINK_CHARS - len(_base_url()) - 1 - len(f"&{link.VERSION_PARAM}={app_version()}")
    values: list[str] = []
    left_out: list[str] = []
    for name, saved in saved_scenarios().items():
        value = link.encode_saved(name, saved, link_choices())
        if not left_out and len(urlencode(link_pairs(scenario, [*values, value]))) <= room:
            values.append(value)
        else:
            left_out.append(name)
    return values, left_out


def address_pairs(scenario: Scenario) -> list[tuple[str, str]]:
    """What the address bar holds: the link's pairs with the saved scenarios that fit."""
    return link_pairs(scenario, linked_saved(scenario)[0])


def share_query(scenario: Scenario) -> str:
    """The link's query: every changed input and view setting, the saved scenarios that
    fit, and the app version."""
    return urlencode([*address_pairs(scenario), (link.VERSION_PARAM, app_version())])


def share_link(scenario: Scenario) -> str:
    """The full link to this page (share_query after the page's address)."""
    return f"{_base_url()}?{share_query(scenario)}"


def link_too_long_message(left_out: Sequence[str]) -> str:
    """What to say when saved scenarios do not fit in the link (escaped for Markdown)."""
    names = ", ".join(f"'{echo(n)}'" for n in left_out)
    return (
        f"The link holds as many saved scenarios as fit in {MAX_LINK_CHARS:,} characters "
        "(longer links are cut by some servers and apps). Left out of the address bar and "
        f"the share link: {names}. They stay in this tab, but a reload or the link will not "
        "bring them back; remove a saved scenario, or download it (below) to keep it."
    )


def render_share_control(scenario: Scenario, top: DeltaGenerator) -> None:
    """A button that copies the link to this page and scenario, at the top of the sidebar
    (`top`, a container under the page links), and at the end of the sidebar a popover
    with the link to read, with the same button."""
    link = share_link(scenario)
    copy_link_button(
        link,
        "sidebar",
        "Copy link to this view",
        hint="Copies a link that opens this page with these inputs and saved scenarios.",
        where=top,
    )
    with st.sidebar.popover("Share this scenario", icon=":material/share:", width="stretch"):
        st.markdown(
            "Anyone opening this link sees the same inputs, numbers and charts (and your "
            "saved scenarios on *Compare & share*):"
        )
        copy_link_button(link, "popover")
        st.code(link, language=None, wrap_lines=True)
        st.caption(
            f"Model version {app_version()}. Only inputs that differ from the defaults are "
            "written. *Copy link* copies it; you can also select the text in the box."
        )


def widget_values(scenario: Scenario) -> tuple[dict[str, Any], list[str]]:
    """The sidebar widgets' values for a scenario, and which values had to be snapped.

    Log-scale inputs are select sliders: a value between their steps moves to the nearest.
    """
    values: dict[str, Any] = {}
    snapped: list[str] = []
    steps = link_choices()
    for spec in INPUTS:
        value = getattr(scenario, spec.name)
        if spec.log:
            step, moved = link.nearest_step(spec, float(value), tuple(steps[spec.name]))
            if moved:
                snapped.append(f"{spec.label}: {fmt.sig(value)} became {steps[spec.name][step]}")
            value = step
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


#: How a preset can be applied: on top of the sidebar, or after a reset to the defaults.
ON_TOP, FROM_DEFAULTS = "on_top", "from_defaults"
#: What the choice between them reads as.
APPLY_LABELS = {
    ON_TOP: "On top of my inputs",
    FROM_DEFAULTS: "From the defaults (resets every other input)",
}


def preset_scenario(preset: Preset, current: Scenario, mode: str) -> Scenario:
    """The scenario a preset makes: its changes on top of `current` (ON_TOP), or on top
    of the defaults (FROM_DEFAULTS)."""
    if mode == FROM_DEFAULTS:
        return preset.scenario()
    return scenario_from_mapping({**scenario_to_dict(current), **dict(preset.changes)})


def reset_by_preset(preset: Preset, current: Scenario) -> list[str]:
    """Labels of the inputs that a FROM_DEFAULTS preset returns to their defaults: those
    the sidebar had changed and the preset does not set."""
    named = dict(preset.changes)
    default = Scenario()
    return [
        spec.label
        for spec in INPUTS
        if spec.name not in named and getattr(current, spec.name) != getattr(default, spec.name)
    ]


def apply_preset(name: str, mode_key: str) -> None:
    """Callback: apply a named preset to the sidebar in the mode chosen under `mode_key`."""
    preset = preset_by_name(name, catalog())
    current = current_scenario()
    mode = st.session_state.get(mode_key) or ON_TOP
    reset = reset_by_preset(preset, current) if mode == FROM_DEFAULTS else []
    snapped = apply_scenario(preset_scenario(preset, current, mode))
    if mode == FROM_DEFAULTS:
        back = f" Back to their defaults: {'; '.join(reset)}." if reset else ""
        text = f"Reset every input to its default, then applied the preset {name}.{back}"
    else:
        text = (
            f"Applied the preset {name} on top of your inputs: it set "
            f"{len(preset.changes)} input(s); every other input kept its value."
        )
    note = f" Snapped: {'; '.join(snapped)}." if snapped else ""
    _notify("success", fmt.plain(text + note))


def saved_scenarios() -> dict[str, Scenario]:
    """This visitor's saved scenarios, name -> Scenario."""
    return dict(st.session_state.get(SAVED_KEY, {}))


def _free_name(saved: dict[str, Scenario]) -> str:
    n = len(saved) + 1
    while f"Scenario {n}" in saved:
        n += 1
    return f"Scenario {n}"


def next_name() -> str:
    """The name a scenario saved without one gets."""
    return _free_name(saved_scenarios())


def save_current(name_key: str) -> None:
    """Callback: save the sidebar's scenario under the name typed in `name_key`."""
    saved = saved_scenarios()
    name = link.clean_name(st.session_state.get(name_key), _free_name(saved))
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
        _notify("error", f"Nothing was changed. {echo(upload.name)}: {fmt.plain(err)}")
        return
    snapped = apply_scenario(loaded.scenario)
    parts = [f"Restored {echo(loaded.name or upload.name)}."]
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
