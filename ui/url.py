"""The scenario in the URL: how each input is written there, and which values were ignored."""

from __future__ import annotations

import math
from typing import Any
from urllib.parse import urlencode

import streamlit as st

from model.scenario import INPUTS, INPUTS_BY_NAME, InputSpec, Scenario, scenario_to_dict
from ui import format as fmt
from ui.sidebar import choice_label, choice_options

#: The app's version; links and exports carry it so an old link can say so.
APP_VERSION = "0.1.0"
#: URL parameter holding the version a link was made with (not an input).
VERSION_PARAM = "v"
#: Query parameters Streamlit itself uses, never reported as ignored.
RESERVED = {"embed", "embed_options", VERSION_PARAM}
#: View controls of single pages, bound to the URL by their own widgets (which check their
#: values): not scenario inputs, but a link must carry them to show the same page.
VIEW_PARAMS = ("show_bands", "power_year", "power_load_gw")


def url_value(spec: InputSpec, value: Any) -> str:
    """The text Streamlit writes in the URL for this input's value."""
    if spec.kind == "bool":
        return "true" if value else "false"
    if spec.kind == "choice":
        return choice_label(spec, value)
    if spec.log:
        return fmt.option_label(spec, value)
    number = float(value)
    return str(int(number)) if number == int(number) else str(number)


def parse_url_value(spec: InputSpec, raw: str) -> Any:
    """The input's value for a URL text, or ValueError if the widget would ignore it."""
    if spec.kind == "bool":
        if raw.lower() in {"true", "false"}:
            return raw.lower() == "true"
        raise ValueError("expected true or false")
    if spec.kind == "choice":
        for option in choice_options(spec):
            if raw in {option, choice_label(spec, option)}:
                return option
        raise ValueError("not one of the options")
    if spec.log:
        for option in fmt.log_options(spec):
            if fmt.option_label(spec, option) == raw:
                return option
        raise ValueError("not one of the slider's steps")
    try:
        number = float(raw)
    except ValueError:
        raise ValueError("not a number") from None
    assert spec.min is not None
    assert spec.max is not None
    if not math.isfinite(number) or not spec.min <= number <= spec.max:
        raise ValueError(f"outside {fmt.sig(spec.min)} to {fmt.sig(spec.max)}")
    return int(number) if spec.kind == "int" else number


def ignored_params(params: dict[str, list[str]]) -> list[str]:
    """Human-readable reasons for every URL parameter the app will not use."""
    reasons = []
    for key, values in params.items():
        raw = values[-1] if values else ""
        if key in RESERVED or key in VIEW_PARAMS:
            continue
        spec = INPUTS_BY_NAME.get(key)
        if spec is None:
            reasons.append(f"'{fmt.plain(key)}' is not an input of this dashboard")
            continue
        try:
            parse_url_value(spec, raw)
        except ValueError as err:
            reasons.append(f"'{fmt.plain(key)}={fmt.plain(raw)}' ({err}); using the default")
    return reasons


def report_ignored_params() -> None:
    """On a session's first run, note URL values that fall back to defaults, and show it."""
    if "_ignored_params" not in st.session_state:
        raw = {k: st.query_params.get_all(k) for k in st.query_params}
        st.session_state["_ignored_params"] = ignored_params(raw)
        version = st.query_params.get(VERSION_PARAM)
        st.session_state["_link_version"] = version
    ignored = st.session_state["_ignored_params"]
    if ignored:
        st.warning(
            "Some link parameters were ignored: " + "; ".join(ignored) + ".",
            icon=":material/link_off:",
        )
    version = st.session_state.get("_link_version")
    if version and version != APP_VERSION:
        st.info(
            f"This link was made with model version {fmt.plain(version)}; you are on "
            f"{APP_VERSION}, so some numbers may differ.",
            icon=":material/history:",
        )


def share_query(scenario: Scenario, view: dict[str, str] | None = None) -> str:
    """Query string of every input that differs from its default, the page's view
    settings (`view`, as in the URL now) and the version."""
    defaults = scenario_to_dict(Scenario())
    pairs = [
        (spec.name, url_value(spec, value))
        for spec in INPUTS
        if (value := getattr(scenario, spec.name)) != defaults[spec.name]
    ]
    pairs += [(key, value) for key, value in (view or {}).items() if key in VIEW_PARAMS]
    pairs.append((VERSION_PARAM, APP_VERSION))
    return urlencode(pairs)
