"""The scenario's widgets, built from the inputs table, in the sidebar of every page.

They are created in app.py before the page runs. Only the groups whose expander is open
draw their widgets (drawing all 75 on every rerun cost about 30 ms, five times a plain
page); a closed group's values stay in the session (`persist_state="session"`), and
ui/url.write_link keeps every input in the URL on every page, so a link copied
anywhere reproduces the whole scenario.
"""

from __future__ import annotations

import dataclasses
import functools
import math
from typing import Any

import streamlit as st

from model import link, scenario_io
from model.glossary import terms_in
from model.grid import normalise_shares
from model.scenario import (
    GROUP_PAGES,
    GROUPS,
    INPUTS,
    INPUTS_BY_NAME,
    LEAD_SUBGROUP,
    MIX_SUBGROUP,
    MY_MIX_GRID,
    USED_ONLY_WHEN,
    InputSpec,
    Scenario,
    ignored_inputs,
    scenario_from_mapping,
)
from ui import format as fmt
from ui.data import catalog


@st.cache_resource(show_spinner=False)
def option_labels(name: str) -> dict[Any, str]:
    """Every option of a choice or log-scale input with the label it shows (and the URL
    carries), built once per process: formatting them on every rerun was a sixth of a
    page's server time (bench/run.py --profile)."""
    spec = INPUTS_BY_NAME[name]
    if spec.kind == "choice":
        return {o: choice_label(spec, o) for o in choice_options(spec)}
    return {v: fmt.option_label(spec, v) for v in fmt.log_options(spec)}


@st.cache_resource(show_spinner=False)
def link_choices() -> dict[str, dict[Any, str]]:
    """Every listed input's options (choices, log-scale steps) with the text the sidebar
    shows for each, which is also the text a link carries (model/link.py reads both)."""
    return {s.name: option_labels(s.name) for s in INPUTS if s.kind == "choice" or s.log}


def reason_text(reason: str, bounds: tuple[float, float] | None) -> str:
    """Why a value was refused, in a few words, a range in the sidebar's number format."""
    if bounds is not None:
        return f"outside {fmt.sig(bounds[0])} to {fmt.sig(bounds[1])}"
    return reason


def choice_options(spec: InputSpec) -> tuple[str, ...]:
    """The options of a choice input, from the spec or from its catalog table."""
    return scenario_io.choice_options(catalog()).get(spec.name, spec.options)


def choice_label(spec: InputSpec, option: str) -> str:
    """What a choice option reads as (grid ids become their labels)."""
    if spec.options_from == "grids":
        if option == MY_MIX_GRID:
            return MY_MIX_LABEL
        grids = catalog()["grids"]
        row = grids.loc[grids["grid_id"] == option].iloc[0]
        return f"{row['label']}: {fmt.sig(row['carbon_intensity_g_per_kwh'])} g/kWh"
    if spec.name == "frontier_basis":
        return {"flop": "Training FLOP", "params": "Model size"}[option]
    return option


@functools.cache
def help_text(spec: InputSpec) -> str:
    """Tooltip: what the input means, its unit, where its default comes from, and the
    glossary's definition of each term of art its label or unit uses (built once per
    input: the tooltip never changes while the app runs)."""
    unit = f" Unit: {spec.unit}." if spec.unit else ""
    named = terms_in(f"{spec.label} ({spec.unit})", catalog()["glossary"])
    words = "".join(f"\n\n**{t.term}**: {fmt.plain(t.definition)}" for t in named)
    return f"{spec.help}{unit} Default source: {spec.source}.{words}"


#: The sidebar groups' titles (model.scenario.GROUPS), in display order.
GROUP_TITLES: dict[str, str] = {
    "hardware": "Chips & facility",
    "train": "Training run",
    "growth": "Growth & demand",
    "chips": "Chips & capital",
    "limits": "Limits",
    "supply": "Power supply & build",
    "mix": "Generation mix",
    "leads": "Lead times by source",
    "serve": "Serving (inference)",
}
#: Headings of the sub-groups (InputSpec.subgroup), which carry their inputs' unit.
SUBGROUP_HEADINGS: dict[str, str] = {
    MIX_SUBGROUP: "Mix of new AI power (weights, normalised to 100%)",
    LEAD_SUBGROUP: "Lead times (years from decision to first power)",
}
#: Marks an input the session holds no value for.
_MISSING = object()
#: How the grid choice "My mix" reads (and is written in a link).
MY_MIX_LABEL = "My mix (set under Generation mix)"
#: Session-state key of whether a group's expander is open on a page. A page shown anew
#: opens the group app.py names for it and closes the rest (as before groups were lazy);
#: a group the reader opens stays open while they stay on the page.
OPEN_KEY = "_open_{page}_{group}"
#: Session-state keys: the inputs a reset changed (for its undo), and the last message of
#: a typed value, per group.
UNDO_KEY, TYPED_NOTE_KEY = "_reset_undo", "_typed_note_{group}"
#: Session-state key of the scenario the pages use (app.py sets it on every run).
SCENARIO_KEY = "scenario"
#: Session-state key set while a rerun that rerun_once_if_changed asked for is under way.
RERAN_KEY = "_reran_for_inputs"
#: Prefix of the typed-value boxes' keys (not inputs, not in the URL).
TYPED_PREFIX = "_typed_"
#: Reasons the sidebar gives for a disabled input, by the input that decides it.
_IGNORED_BECAUSE = {
    "chip": "the accelerator is not 'Custom chip'",
    "compute_optimal": "compute-optimal tokens are on",
    "frontier_basis": "the base-year run is set the other way",
}


def widget_label(spec: InputSpec) -> str:
    """The widget's label: the input's label and its unit in brackets (after a comma if
    the label has brackets of its own), or the label alone where the unit is in the
    sub-group's heading or the input is a choice."""
    if not spec.unit or spec.kind == "choice" or spec.subgroup:
        return spec.label
    if spec.label.endswith(")"):  # "Utilization (MFU), fraction of peak"
        return f"{spec.label}, {spec.unit}"
    return f"{spec.label} ({spec.unit})"


def shown_value(spec: InputSpec, value: Any) -> str:
    """An input's value as the sidebar shows it, with its unit: 3x per year, 30%, on,
    NVIDIA H100 SXM5, 4.64e26."""
    if spec.kind == "choice" or spec.log:
        return option_labels(spec.name).get(value, fmt.input_value(spec, value))
    if spec.kind == "bool" or spec.unit == "weight":
        return fmt.input_value(spec, value)
    return fmt.input_with_unit(spec, float(value))


def change_text(spec: InputSpec, old: Any, new: Any) -> str:
    """'Changed: Frontier compute growth 3x per year (was 4x per year)', as Markdown."""
    label = f"{spec.label} weight" if spec.unit == "weight" else spec.label
    return fmt.plain(f"Changed: {label} {shown_value(spec, new)} (was {shown_value(spec, old)})")


def echo_change(name: str) -> None:
    """Callback of every input: say in a toast what changed, from what to what.

    On a phone the open sidebar covers most of the page (300 of 390 px), so the page
    changes out of sight; a toast shows above both. The old value is the scenario of the
    last run, which app.py left in the session.
    """
    spec = INPUTS_BY_NAME[name]
    before = st.session_state.get(SCENARIO_KEY)
    old = getattr(before, name) if isinstance(before, Scenario) else spec.default
    new = st.session_state.get(name, spec.default)
    if old != new:
        st.toast(change_text(spec, old, new), icon=":material/tune:")


def input_widget(spec: InputSpec, disabled: bool = False, why: str = "") -> Any:
    """One widget for one input; its key (and URL parameter) is the input's name.

    Its value outlives the widget (`persist_state="session"`), because a closed group
    does not draw it; a value already in the session (from a link, a reset or an earlier
    run) wins over the default passed here.
    """
    common: dict[str, Any] = {
        "key": spec.name,
        "persist_state": "session",
        "help": help_text(spec) + (f"\n\nNot used now: {why}." if why else ""),
        "disabled": disabled,
        "on_change": echo_change,
        "args": (spec.name,),
    }
    label = widget_label(spec)
    if spec.kind == "bool":
        return st.toggle(label, value=spec.default, **common)
    if spec.kind == "choice":
        labels = option_labels(spec.name)
        options = tuple(labels)
        return st.selectbox(
            label,
            options,
            index=options.index(spec.default),
            format_func=labels.__getitem__,
            **common,
        )
    if spec.log:
        steps = option_labels(spec.name)
        return st.select_slider(
            label,
            options=tuple(steps),
            value=spec.default,
            format_func=lambda v: steps.get(v) or fmt.option_label(spec, v),
            **common,
        )
    if spec.kind == "int":
        return st.slider(
            label,
            int(spec.min or 0),
            int(spec.max or 0),
            int(spec.default),
            int(spec.step or 1),
            **common,
        )
    decimals = max(0, -math.floor(math.log10(spec.step or 0.01)))
    common["format"] = f"%.{decimals}f"
    return st.slider(
        label,
        float(spec.min or 0.0),
        float(spec.max or 0.0),
        float(spec.default),
        float(spec.step or 0.01),
        **common,
    )


def session_values() -> dict[str, Any]:
    """Every input's value that the session holds (a link's, a reset's, a widget's)."""
    state = st.session_state
    held = {spec.name: state.get(spec.name, _MISSING) for spec in INPUTS}
    return {name: value for name, value in held.items() if value is not _MISSING}


def _changed_inputs(values: dict[str, Any] | None = None) -> dict[str, Any]:
    held = session_values() if values is None else values
    return {name: v for name, v in held.items() if v != INPUTS_BY_NAME[name].default}


def reset_inputs() -> None:
    """Callback: every input back to its default (so the URL drops its key); what was
    changed is kept for one undo."""
    changed = _changed_inputs()
    if not changed:
        return
    st.session_state[UNDO_KEY] = changed
    for name in changed:
        st.session_state[name] = INPUTS_BY_NAME[name].default


def undo_reset() -> None:
    """Callback: put back the inputs the last reset changed."""
    for name, value in st.session_state.pop(UNDO_KEY, {}).items():
        st.session_state[name] = value


def apply_typed(name: str, group: str) -> None:
    """Callback: move a log-scale slider to the step nearest the number typed for it."""
    spec = INPUTS_BY_NAME[name]
    box = TYPED_PREFIX + name
    raw = str(st.session_state.get(box) or "").strip()
    st.session_state[box] = ""
    if not raw:
        return
    note_key = TYPED_NOTE_KEY.format(group=group)
    try:
        number = link.number_from_text(raw)
        value, moved = link.nearest_step(spec, number, tuple(option_labels(name)))
    except link.LinkValueError as err:
        why = reason_text(err.reason, err.bounds)
        st.session_state[note_key] = f"{spec.label}: '{fmt.plain(raw[:40])}' is {why}."
        return
    st.session_state[name] = value
    echo_change(name)
    label = option_labels(name)[value]
    how = "the nearest step, " if moved else ""
    st.session_state[note_key] = f"{spec.label} set to {how}{fmt.plain(label)}."


def _typed_entry(group: str, specs: list[InputSpec], ignored: frozenset[str]) -> None:
    """A popover to type a number for each log-scale slider of the group."""
    logs = [s for s in specs if s.log and s.name not in ignored]
    if not logs:
        return
    with st.popover("Type a value", icon=":material/keyboard:"):
        st.caption("Numbers such as 7e10, 70B or 7,000; the slider moves to the nearest step.")
        for spec in logs:
            st.text_input(
                spec.label,
                key=TYPED_PREFIX + spec.name,
                placeholder=option_labels(spec.name).get(
                    st.session_state.get(spec.name, spec.default), ""
                ),
                on_change=apply_typed,
                args=(spec.name, group),
            )
        note = st.session_state.get(TYPED_NOTE_KEY.format(group=group))
        if note:
            st.caption(note)


def render_reset(values: dict[str, Any]) -> None:
    """The reset control (and, after a reset, its undo) at the top of the sidebar;
    `values` are the session's (session_values)."""
    st.sidebar.button(
        "Reset to defaults",
        icon=":material/restart_alt:",
        on_click=reset_inputs,
        disabled=not _changed_inputs(values),
        help="Every input back to its default; the link loses the changed values.",
        width="stretch",
    )
    if UNDO_KEY in st.session_state:
        st.sidebar.button(
            "Undo reset",
            icon=":material/undo:",
            on_click=undo_reset,
            help=f"Put back the {len(st.session_state[UNDO_KEY])} input(s) the reset changed.",
            width="stretch",
        )


def mix_share_percents(values: dict[str, Any]) -> dict[str, float] | None:
    """Each mix input's share of the mix in percent, by input name, from the session's
    weights (`values`, session_values; a weight it lacks is its default), normalised as
    the model does (model.grid.normalise_shares); None when every weight is zero."""
    weights = {
        spec.name.removeprefix("mix_"): float(values.get(spec.name, spec.default))
        for spec in INPUTS
        if spec.subgroup == MIX_SUBGROUP
    }
    if sum(weights.values()) <= 0:
        return None
    shares = normalise_shares(weights, catalog()["generation_sources"])
    return {f"mix_{sid}": 100.0 * float(share) for sid, share in shares.items()}


def share_caption(percent: float | None) -> str:
    """What a mix slider's caption says: its weight's share of the mix ('35.6% of the
    mix'); 'no mix' when every weight is zero."""
    if percent is None:
        return "No mix: every weight is zero"
    if 0.0 < percent < 0.05:
        return "Under 0.1% of the mix"
    return f"{percent:.1f}% of the mix"


def _group(
    group: str,
    title: str,
    key: str,
    expanded: bool,
    note: str,
    ignored: frozenset[str],
    values: dict[str, Any],
) -> None:
    """One group's expander; its widgets only while it is open (opening it reruns). Each
    mix weight has its share of the mix under it, from the weights of this run."""
    specs = [s for s in INPUTS if s.group == group]
    box = st.sidebar.expander(title, expanded=expanded, key=key, on_change="rerun")
    with box:
        if note:
            st.caption(note)
        if not box.open:
            return
        _typed_entry(group, specs, ignored)
        percents = mix_share_percents(values) if group == "mix" else None
        subgroup = ""
        for spec in specs:
            if spec.subgroup != subgroup:
                subgroup = spec.subgroup
                st.markdown(f"**{SUBGROUP_HEADINGS[subgroup]}**")
            why = ""
            if spec.name in ignored:
                why = _IGNORED_BECAUSE[USED_ONLY_WHEN[spec.name][0]]
            if spec.subgroup != MIX_SUBGROUP:
                input_widget(spec, disabled=spec.name in ignored, why=why)
                continue
            with st.container(gap=None):  # the share right under its slider
                input_widget(spec, disabled=spec.name in ignored, why=why)
                st.caption(share_caption(None if percents is None else percents[spec.name]))


def render_inputs(
    open_group: str | None, page_id: str | None = None, titles: dict[str, str] | None = None
) -> Scenario:
    """Draw the reset control and every input group as an expander, the groups that move
    this page's numbers first (the page's own group open the first time), the others after
    a note naming the pages they move; return the Scenario as entered (current_scenario
    makes it usable)."""
    values = session_values()  # read once: callbacks ran before the script, not during
    render_reset(values)
    names = titles or {}
    ignored = ignored_inputs(values)
    here = [g for g in GROUPS if page_id is None or page_id in GROUP_PAGES[g]]
    elsewhere = [g for g in GROUPS if g not in here]
    page = page_id or "any"
    for group in here:
        key = OPEN_KEY.format(page=page, group=group)
        _group(group, GROUP_TITLES[group], key, group == open_group, "", ignored, values)
    if elsewhere:
        st.sidebar.caption("Inputs that change nothing on this page:")
    for group in elsewhere:
        pages = [names.get(p, p) for p in GROUP_PAGES[group] if p != "methods"]
        note = "Not used on this page. Affects " + ", ".join(pages) + "."
        key = OPEN_KEY.format(page=page, group=group)
        _group(group, GROUP_TITLES[group], key, group == open_group, note, ignored, values)
    # Read again: in a session's first run the browser may hold values that only a drawn
    # widget makes readable (after a reconnect to a new server, the change that sent it).
    return entered_scenario()


def entered_scenario(values: dict[str, Any] | None = None) -> Scenario:
    """The Scenario of the inputs' values in this session (or `values`), as entered (what
    the URL carries), drawn or not."""
    held = session_values() if values is None else values
    return scenario_from_mapping(held, scenario_io.choice_options(catalog()))


def rerun_once_if_changed(used: Scenario, drawn: Scenario) -> None:
    """Rerun if drawing the inputs changed the scenario that the page already used (app.py
    draws the page before the sidebar), so the page and the sidebar agree; at most once in
    a row, so that a widget that changed its value on every draw could not loop."""
    reran = st.session_state.pop(RERAN_KEY, False)  # cleared by every run that agrees
    if used == drawn or reran:
        return
    st.session_state[RERAN_KEY] = True
    st.rerun()


def current_scenario(entered: Scenario | None = None) -> Scenario:
    """The Scenario the pages use: the entered one (`entered`, or the session's).

    An all-zero generation mix cannot be normalised: say so, and use the default mix
    until the user gives a source some weight.
    """
    scenario = entered if entered is not None else entered_scenario()
    if sum(scenario.mix_weights().values()) > 0:
        return scenario
    st.error(
        "Every source in the generation mix has a weight of zero, so there is no mix to "
        "build. Showing results for the default mix (today's world mix) until you give "
        "at least one source a weight under Generation mix.",
        icon=":material/error:",
    )
    defaults: dict[str, Any] = {f"mix_{sid}": w for sid, w in Scenario().mix_weights().items()}
    return dataclasses.replace(scenario, **defaults)
