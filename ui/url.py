"""The scenario in the URL: how each input is written there, and which values were ignored.

The URL format is stable across versions; docs/url-format.md describes it and
tests/golden_links_v0_1_0.txt holds links from 0.1.0 that must keep opening.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal
from urllib.parse import urlencode

import streamlit as st

from model import scenario_io
from model.scenario import (
    BASE_YEAR,
    END_YEAR,
    INPUTS,
    INPUTS_BY_NAME,
    MY_MIX_GRID,
    InputSpec,
    InputValueError,
    Scenario,
    parse_value,
    scenario_to_dict,
)
from model.scenario_io import retired_note
from ui import changelog
from ui import format as fmt
from ui.data import catalog
from ui.sidebar import (
    choice_label,
    nearest_step,
    number_from_text,
    option_labels,
    reason_text,
)
from ui.version import app_version

#: The app's version (pyproject.toml), for callers that import it as a constant.
APP_VERSION = app_version()
#: URL parameter holding the version a link was made with (not an input).
VERSION_PARAM = "v"
#: Query parameters Streamlit itself uses, never reported as ignored.
#: URL parameter of the saved scenarios (ui/share.py reads it and reports its problems).
SAVED_PARAM = "saved"
#: Widget keys that Streamlit binds to the URL and checks itself (an unknown tab is
#: dropped): the Methods page's section.
BOUND_VIEW_KEYS = frozenset({"methods_tab"})
RESERVED = frozenset({"embed", "embed_options", VERSION_PARAM, SAVED_PARAM}) | BOUND_VIEW_KEYS
#: Longest piece of a user's key or value repeated in a message; a link can carry 100 kB.
MAX_ECHO_CHARS = 40
#: Most ignored parameters listed before "and N more".
MAX_LISTED = 6
#: Session-state keys: the link problems still shown, and the version the link was made with.
IGNORED_KEY, LINK_VERSION_KEY = "_ignored_params", "_link_version"
#: Session-state key of the link's plain numbers moved onto a slider step, still shown.
SNAPPED_KEY = "_snapped_params"
#: Choice labels that earlier versions wrote in links, by input: still read (0.2.0 called
#: the group of the mix's weights "Power supply & mix").
RETIRED_LABELS: dict[str, dict[str, str]] = {
    "grid": {"My mix (set under Power supply & mix)": MY_MIX_GRID},
}


@dataclass(frozen=True)
class ViewParam:
    """A page's view setting bound to the URL by its own widget (not a scenario input):
    a link carries it to show the same page, and a bad value is reported like an input's."""

    name: str
    kind: Literal["bool", "int", "float", "choice"]
    default: float | bool | str
    min: float = 0.0
    max: float = 0.0
    #: The values a "choice" setting takes, as the URL writes them.
    options: tuple[str, ...] = ()


#: Every page view setting in the URL, with its default and range (the pages read these).
VIEW_SETTINGS = (
    ViewParam("show_bands", "bool", True),
    ViewParam("home_bands", "bool", False),
    ViewParam("power_year", "int", 2030, BASE_YEAR, END_YEAR),
    ViewParam("power_load_gw", "float", 1.0, 0.0, 1e5),
    # The region the power charts of The question and Growth vs power show.
    ViewParam("region", "choice", "World", options=("World", "US")),
)
VIEW_BY_NAME = {view.name: view for view in VIEW_SETTINGS}
#: Names of the view settings (what a share link may carry besides inputs).
VIEW_PARAMS = tuple(VIEW_BY_NAME)


@dataclass(frozen=True)
class IgnoredParam:
    """A URL parameter the app did not use: its key, the values it had, and why (escaped)."""

    key: str
    values: tuple[str, ...]
    reason: str
    #: For a view setting: its widget has been drawn since (so its page was shown).
    seen: bool = False


def url_value(spec: InputSpec, value: Any) -> str:
    """The text the URL carries for this input's value (write_inputs_to_url, share_query)."""
    if spec.kind == "bool":
        return "true" if value else "false"
    if spec.kind == "choice":
        return choice_label(spec, value)
    if spec.log:
        return fmt.option_label(spec, value)
    number = float(value)
    return str(int(number)) if number == int(number) else str(number)


def _ranged_number(
    raw: str, low: float, high: float, show: Callable[[float], str] = fmt.sig
) -> float:
    try:
        number = float(raw)
    except ValueError:
        raise ValueError("not a number") from None
    if not math.isfinite(number) or not low <= number <= high:
        raise ValueError(f"outside {show(low)} to {show(high)}")
    return number


def _bool(raw: str) -> bool:
    if raw.lower() in {"true", "false"}:
        return raw.lower() == "true"
    raise ValueError("expected true or false")


def url_choices() -> dict[str, tuple[str, ...]]:
    """The catalog's options of the choice inputs, for parse_value."""
    return scenario_io.choice_options(catalog())


def read_url_value(spec: InputSpec, raw: str) -> tuple[Any, bool]:
    """The input's value for a URL text, and whether a log-scale input's plain number was
    moved to the nearest slider step; ValueError (the warning's words) if unusable.

    Range and kind are checked by model.scenario.parse_value, the check a scenario file
    and the Scenario also use; this adds what only a URL has: choices written as their
    labels, and log-scale values written as slider labels (405B) or plain numbers (4.05e11).
    """
    value: Any = raw
    if spec.kind == "choice":
        labels = option_labels(spec.name)
        value = next((o for o, label in labels.items() if raw in {o, label}), raw)
        value = RETIRED_LABELS.get(spec.name, {}).get(raw, value)
    elif spec.log:
        steps = {label: option for option, label in option_labels(spec.name).items()}
        if raw in steps:
            return steps[raw], False
        try:
            number = number_from_text(raw)
        except ValueError:
            raise ValueError("not one of the slider's steps") from None
        return nearest_step(spec, number)
    try:
        return parse_value(spec, value, url_choices(), text=True), False
    except InputValueError as err:
        raise ValueError(reason_text(err)) from None


def parse_url_value(spec: InputSpec, raw: str) -> Any:
    """The input's value for a URL text, or ValueError if the widget would ignore it."""
    return read_url_value(spec, raw)[0]


def parse_view_value(view: ViewParam, raw: str) -> Any:
    """A view setting's value for a URL text, or ValueError if its widget would ignore it."""
    if view.kind == "bool":
        return _bool(raw)
    if view.kind == "choice":
        if raw not in view.options:
            raise ValueError(f"expected {' or '.join(view.options)}")
        return raw
    if view.kind == "int":
        # The year is a select slider over whole years: it matches "2035", not "2035.0".
        if not raw.isdigit():
            raise ValueError("not a whole year")
        return int(_ranged_number(raw, view.min, view.max, show=lambda year: f"{year:.0f}"))
    return _ranged_number(raw, view.min, view.max)


def echo(text: str) -> str:
    """User text to repeat in a message: at most MAX_ECHO_CHARS, escaped for Markdown."""
    short = text if len(text) <= MAX_ECHO_CHARS else text[: MAX_ECHO_CHARS - 1] + "…"
    return fmt.plain(short)


def _problem(key: str, values: Sequence[str]) -> str | None:
    """Why the app ignores this parameter (escaped), or None if it uses it."""
    if key not in INPUTS_BY_NAME and key not in VIEW_BY_NAME:
        note = retired_note(key)
        return fmt.plain(note) if note else f"'{echo(key)}' is not an input of this dashboard"
    if len(values) > 1:
        # Streamlit binds one value per widget; given several, it uses the default.
        return f"'{echo(key)}' is given {len(values)} times; using the default"
    raw = values[-1] if values else ""
    try:
        if key in VIEW_BY_NAME:
            parse_view_value(VIEW_BY_NAME[key], raw)
        else:
            parse_url_value(INPUTS_BY_NAME[key], raw)
    except ValueError as err:
        return f"'{echo(key)}={echo(raw)}' ({err}); using the default"
    return None


@dataclass(frozen=True)
class SnappedParam:
    """A log-scale input's plain number in a link, moved to the nearest slider step."""

    key: str
    raw: str
    value: float

    def message(self) -> str:
        """What the visitor is told (escaped)."""
        label = option_labels(self.key)[self.value]
        return f"'{echo(self.key)}={echo(self.raw)}' is now {fmt.plain(label)}"


def link_values(params: Mapping[str, Sequence[str]]) -> tuple[dict[str, Any], list[SnappedParam]]:
    """The inputs a link sets (each key given once, with a usable value), and the plain
    numbers among them that had to move to a slider step."""
    values: dict[str, Any] = {}
    snapped = []
    for key, raw in params.items():
        if key not in INPUTS_BY_NAME or len(raw) != 1:
            continue
        try:
            value, moved = read_url_value(INPUTS_BY_NAME[key], raw[0])
        except ValueError:
            continue
        values[key] = value
        if moved:
            snapped.append(SnappedParam(key, raw[0], value))
    return values, snapped


def snapped_message(snapped: Sequence[SnappedParam]) -> str:
    """One sentence naming the moved values (at most MAX_LISTED), already escaped."""
    parts = [item.message() for item in snapped[:MAX_LISTED]]
    if len(snapped) > MAX_LISTED:
        parts.append(f"and {len(snapped) - MAX_LISTED} more")
    return "Link values moved to the nearest slider step: " + "; ".join(parts) + "."


def ignored_params(params: Mapping[str, Sequence[str]]) -> list[IgnoredParam]:
    """Every URL parameter the app will not use, with the reason."""
    found = []
    for key, values in params.items():
        if key in RESERVED:
            continue
        reason = _problem(key, values)
        if reason is not None:
            found.append(IgnoredParam(key, tuple(values), reason))
    return found


def _default(key: str) -> Any:
    return INPUTS_BY_NAME[key].default if key in INPUTS_BY_NAME else VIEW_BY_NAME[key].default


def still_ignored(
    ignored: Sequence[IgnoredParam],
    query: Mapping[str, Sequence[str]],
    widget_values: Mapping[str, Any],
) -> list[IgnoredParam]:
    """The problems that still stand after a run: one goes once the URL holds other values
    for its key (the user changed the input, or removed an unknown key), once the input's
    widget holds something other than the default it fell back to, or once the page that
    has a view setting is left (its widget was drawn and is gone again).

    write_inputs_to_url drops a bad value from the address bar in the first run (the input
    keeps its default), so the URL alone cannot tell "still bad" from "fixed": the
    input's value does.
    """
    kept = []
    for item in ignored:
        now = query.get(item.key)
        if now is not None and tuple(now) != item.values:
            continue
        if item.key in VIEW_BY_NAME:
            if item.key not in widget_values:
                if not item.seen:
                    kept.append(item)  # its page has not been shown yet
                continue
            item = replace(item, seen=True)
        if item.key in INPUTS_BY_NAME or item.key in VIEW_BY_NAME:
            if widget_values.get(item.key, _default(item.key)) != _default(item.key):
                continue
        elif now is None:
            continue
        kept.append(item)
    return kept


def ignored_message(ignored: Sequence[IgnoredParam]) -> str:
    """One sentence listing the ignored parameters (at most MAX_LISTED), already escaped."""
    reasons = [item.reason for item in ignored[:MAX_LISTED]]
    more = len(ignored) - MAX_LISTED
    if more > 0:
        reasons.append(f"and {more} more")
    return "Some link parameters were ignored: " + "; ".join(reasons) + "."


def version_message(link_version: str, running: str) -> str:
    """What a link made with another version tells the visitor (escaped)."""
    if changelog.is_newer(link_version, running):
        return (
            f"This link was made with version {echo(link_version)}, newer than this "
            f"dashboard's {running}; inputs it added are ignored and numbers may differ."
        )
    return (
        f"This link was made with version {echo(link_version)}; the numbers now come from "
        f"model version {running}. See what changed below."
    )


def report_ignored_params() -> None:
    """Show which link values fall back to defaults (until they are set again), and which
    version the link was made with if it is not this one."""
    query = {k: st.query_params.get_all(k) for k in st.query_params}
    if IGNORED_KEY not in st.session_state:  # the session's first run: read the link
        st.session_state[IGNORED_KEY] = ignored_params(query)
        st.session_state[LINK_VERSION_KEY] = st.query_params.get(VERSION_PARAM)
        values, snapped = link_values(query)
        # The inputs' widgets are not bound to the URL (a closed group does not draw
        # them): the link's values go into the session before any widget is drawn, and
        # write_inputs_to_url writes them back in the inputs' own format (a plain number
        # on a log-scale slider becomes its step's label). The sidebar also needs them
        # before drawing an input: chip, compute-optimal and basis decide which are used.
        for key, value in values.items():
            st.session_state[key] = value
        st.session_state[SNAPPED_KEY] = snapped
    elif st.session_state[IGNORED_KEY]:  # most sessions have none: skip the look-ups
        st.session_state[IGNORED_KEY] = still_ignored(
            st.session_state[IGNORED_KEY], query, st.session_state.to_dict()
        )
    ignored = st.session_state[IGNORED_KEY]
    if ignored:
        st.warning(ignored_message(ignored), icon=":material/link_off:")
    # A moved value is noted until its input is set to something else.
    snapped = [
        item
        for item in st.session_state.get(SNAPPED_KEY, [])
        if st.session_state.get(item.key) == item.value
    ]
    st.session_state[SNAPPED_KEY] = snapped
    if snapped:
        st.info(snapped_message(snapped), icon=":material/straighten:")
    show_version_notice(st.session_state.get(LINK_VERSION_KEY))


def show_version_notice(link_version: str | None) -> None:
    """If a link came from another version: say so, and what changed since that version."""
    running = app_version()
    if not link_version or link_version == running:
        return
    st.info(version_message(link_version, running), icon=":material/history:")
    if changelog.is_newer(link_version, running):
        return
    changes = changelog.changes_since(link_version)
    if changes:
        with st.expander(f"What changed since version {echo(link_version)}"):
            st.markdown(changes)


def input_pairs(scenario: Scenario) -> list[tuple[str, str]]:
    """Each input that differs from its default, with its text in a link."""
    defaults = scenario_to_dict(Scenario())
    return [
        (spec.name, url_value(spec, value))
        for spec in INPUTS
        if (value := getattr(scenario, spec.name)) != defaults[spec.name]
    ]


def write_inputs_to_url(scenario: Scenario) -> None:
    """Make the address bar carry the scenario's inputs, as share_query writes them.

    Inputs at their default leave the URL; other parameters (view settings, saved
    scenarios, the version, unknown keys still reported) are left alone. Nothing is sent
    when the URL already matches, which is most reruns.
    """
    wanted = dict(input_pairs(scenario))
    for key in [k for k in st.query_params if k in INPUTS_BY_NAME and k not in wanted]:
        del st.query_params[key]
    changed = {k: v for k, v in wanted.items() if st.query_params.get_all(k) != [v]}
    if changed:
        st.query_params.update(changed)


def share_query(scenario: Scenario, view: dict[str, str] | None = None) -> str:
    """Query string of every input that differs from its default, the page's view
    settings (`view`, as in the URL now) and the version."""
    pairs = input_pairs(scenario)
    pairs += [(key, value) for key, value in (view or {}).items() if key in VIEW_BY_NAME]
    pairs.append((VERSION_PARAM, app_version()))
    return urlencode(pairs)
