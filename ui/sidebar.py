"""The scenario's widgets, built from the inputs table, in the sidebar of every page.

They are created in app.py before the page runs, so every input stays in the URL on every
page and a link copied anywhere reproduces the whole scenario.
"""

from __future__ import annotations

import dataclasses
import functools
import math
from typing import Any

import streamlit as st

from model import scenario_io
from model.glossary import terms_in
from model.scenario import (
    CUSTOM_CHIP,
    GROUPS,
    INPUTS,
    INPUTS_BY_NAME,
    MY_MIX_GRID,
    InputSpec,
    Scenario,
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


def choice_options(spec: InputSpec) -> tuple[str, ...]:
    """The options of a choice input, from the spec or from its catalog table."""
    return scenario_io.choice_options(catalog()).get(spec.name, spec.options)


def choice_label(spec: InputSpec, option: str) -> str:
    """What a choice option reads as (grid ids become their labels)."""
    if spec.options_from == "grids":
        if option == MY_MIX_GRID:
            return "My mix (set under Power supply & mix)"
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


def input_widget(spec: InputSpec, disabled: bool = False) -> Any:
    """One bound widget for one input; its key (and URL parameter) is the input's name."""
    common: dict[str, Any] = {
        "key": spec.name,
        "bind": "query-params",
        "help": help_text(spec),
        "disabled": disabled,
    }
    label = f"{spec.label} ({spec.unit})" if spec.unit and spec.kind != "choice" else spec.label
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


def render_inputs(open_group: str | None) -> Scenario:
    """Draw every input in grouped expanders (the page's group open); return the Scenario."""
    for group, title in GROUPS.items():
        with st.sidebar.expander(title, expanded=group == open_group):
            for spec in INPUTS:
                if spec.group != group:
                    continue
                disabled = (
                    spec.name == "custom_efficiency_x_h100"
                    and st.session_state.get("chip", INPUTS_BY_NAME["chip"].default) != CUSTOM_CHIP
                ) or (spec.name == "tokens" and bool(st.session_state.get("compute_optimal")))
                if spec.name.startswith("mix_") and spec.name == "mix_coal":
                    st.caption("Weights for new AI power; normalised to 100%.")
                input_widget(spec, disabled=disabled)
    return current_scenario()


def current_scenario() -> Scenario:
    """The Scenario from the widgets' values in this session.

    An all-zero generation mix cannot be normalised: say so, and use the default mix
    until the user gives a source some weight.
    """
    values = {
        spec.name: st.session_state[spec.name] for spec in INPUTS if spec.name in st.session_state
    }
    scenario = scenario_from_mapping(values)
    if sum(scenario.mix_weights().values()) > 0:
        return scenario
    st.error(
        "Every source in the generation mix has a weight of zero, so there is no mix to "
        "build. Showing results for the default mix (today's world mix) until you give "
        "at least one source a weight under Power supply & mix.",
        icon=":material/error:",
    )
    defaults = {f"mix_{sid}": w for sid, w in Scenario().mix_weights().items()}
    return dataclasses.replace(scenario, **defaults)
