"""The link: a scenario and the pages' view settings as query pairs, and back again.

The app's one public contract (docs/url-format.md): every input of the inputs table and
every view setting below is a row of one table (FIELDS), written by `encode` and read by
`decode`, which never raises on what a link holds: what it cannot use becomes a Problem.
The words a link uses for list options (405B, "Model size", a grid's label) are the
sidebar's, passed in as `choices`; this module holds no page words of its own.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal
from urllib.parse import parse_qs, parse_qsl, urlencode

from model.compare import CURRENT_NAME, DEFAULT_NAME, HEADLINE_YEAR
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
    scenario_from_mapping,
)
from model.scenario_io import MAX_NAME_CHARS, retired_note

#: Parameter of the version a link was made with (not an input).
VERSION_PARAM = "v"
#: Parameter of a saved scenario (repeatable): `name=<name>&<input>=<value>...`, encoded.
SAVED_PARAM = "saved"
#: The open claim of Test the claims (ui/claims_view.CLAIM_TABS).
CLAIM_TAB_PARAM = "claim_tab"
#: The open tab of Methods & sources and of Test the claims: st.tabs binds each to the URL
#: and writes it itself.
TAB_PARAMS = frozenset({"methods_tab", CLAIM_TAB_PARAM})
#: Parameters Streamlit owns: its embed options and the pages' tabs.
STREAMLIT_PARAMS = frozenset({"embed", "embed_options"}) | TAB_PARAMS
#: Most saved scenarios a link restores.
MAX_SAVED = 4
#: Key of a saved scenario's name inside its value (not an input name).
NAME_FIELD = "name"
#: Unicode categories of characters that change how text around them reads without
#: showing: controls, format characters (bidirectional overrides, zero-width spaces),
#: line and paragraph separators.
INVISIBLE = frozenset({"Cc", "Cf", "Zl", "Zp"})
#: Names a saved scenario cannot take: the compare table's own rows.
RESERVED_NAMES = (DEFAULT_NAME, CURRENT_NAME)
#: Choice labels that earlier versions wrote, by input: still read (0.2.0 called the
#: group of the mix's weights "Power supply & mix").
RETIRED_LABELS: Mapping[str, Mapping[str, str]] = {
    "grid": {"My mix (set under Power supply & mix)": MY_MIX_GRID},
}


def _view(name: str, kind: Any, default: Any, label: str, **limits: Any) -> InputSpec:
    return InputSpec(name, label, "", kind, default, "view", "view setting", **limits)


#: The pages' view settings: rows of the link like the inputs, not part of the Scenario.
VIEW_SETTINGS: tuple[InputSpec, ...] = (
    _view("show_bands", "bool", False, "Growth vs power: Monte Carlo bands"),
    _view("home_bands", "bool", False, "The question: Monte Carlo bands"),
    _view("power_year", "int", 2030, "Power it: year", min=BASE_YEAR, max=END_YEAR, step=1),
    _view("power_load_gw", "float", 1.0, "Power it: your load", min=0.0, max=1e5, step=0.5),
    _view("region", "choice", "World", "Power charts' region", options=("World", "US")),
    _view(
        "compare_year",
        "int",
        HEADLINE_YEAR,
        "Compare & share: table year",
        min=BASE_YEAR,
        max=END_YEAR,
        step=1,
    ),
)
VIEW_BY_NAME: dict[str, InputSpec] = {spec.name: spec for spec in VIEW_SETTINGS}
#: View settings whose default changed, with the version that changed it and the old
#: default: a link made before that version that leaves the setting out meant the old
#: value. 0.3.1 stopped running Growth vs power's Monte Carlo until a reader asks (as The
#: question does), so that a slider move there answers as fast as on the other pages.
OLD_VIEW_DEFAULTS: Mapping[str, tuple[str, Any]] = {"show_bands": ("0.3.1", True)}
#: Every row of the link: the inputs, then the view settings.
FIELDS: dict[str, InputSpec] = {**INPUTS_BY_NAME, **VIEW_BY_NAME}

#: Every option of a listed input (a choice, or a log-scale slider's steps) with the text
#: a link writes for it, by input name (ui/sidebar.link_choices builds it).
Choices = Mapping[str, Mapping[Any, str]]

ProblemKind = Literal["unknown", "retired", "repeated", "value", "left_out", "too_many"]


@dataclass(frozen=True)
class Problem:
    """Something in a link the app does not use, and why (raw text: escape it to show it)."""

    kind: ProblemKind
    key: str
    #: A few words: why a value is refused, a retired input's note, why a saved scenario
    #: is left out; the number of times a repeated key is given.
    reason: str = ""
    #: The value as the link wrote it, where the value is what is wrong.
    value: str = ""
    #: The range a number fell outside, for the page to word in its own number format.
    bounds: tuple[float, float] | None = None
    #: The saved scenario it belongs to, if any.
    saved: str = ""


@dataclass(frozen=True)
class Snapped:
    """A plain number in a link moved to the nearest step of its log-scale slider."""

    key: str
    value: str
    step: float


@dataclass(frozen=True)
class Decoded:
    """What a link holds: inputs, view settings, what moved to a step, what was not used."""

    values: dict[str, Any]
    view: dict[str, Any]
    snapped: tuple[Snapped, ...]
    problems: tuple[Problem, ...]
    version: str | None = None
    saved: dict[str, Scenario] = field(default_factory=dict)


class LinkValueError(ValueError):
    """A link value its row cannot take: `reason` in a few words, `bounds` if a range."""

    def __init__(self, reason: str, bounds: tuple[float, float] | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.bounds = bounds


def _suffixed(text: str) -> tuple[str, float]:
    for suffix, factor in (("k", 1e3), ("m", 1e6), ("b", 1e9), ("t", 1e12)):
        if text.endswith(suffix):
            return text[: -len(suffix)], factor
    return text, 1.0


def number_from_text(text: str) -> float:
    """A number as a person types it: 7e10, 70B, 70 b, 7,000, 2.5x; LinkValueError if not."""
    clean = text.strip().replace(",", "").replace("_", "").replace(" ", "").lower()
    digits, factor = _suffixed(clean.removesuffix("x"))
    try:
        number = float(digits) * factor
    except ValueError:
        raise LinkValueError("not a number") from None
    if not math.isfinite(number):
        raise LinkValueError("not a finite number")
    return number


def _checked(spec: InputSpec, value: Any, options: tuple[str, ...] | None = None) -> Any:
    """parse_value, the inputs table's one check, with its refusal as a LinkValueError."""
    try:
        return parse_value(spec, value, None if options is None else {spec.name: options})
    except InputValueError as err:
        raise LinkValueError(err.reason, err.bounds) from None


def nearest_step(spec: InputSpec, number: float, steps: Sequence[float]) -> tuple[float, bool]:
    """The step nearest `number` on a log scale, and whether it had to move;
    LinkValueError if the number is outside the input's range."""
    _checked(spec, number)  # within the range, so above a log-scale input's minimum > 0
    step = float(min(steps, key=lambda s: abs(math.log10(s) - math.log10(number))))
    return step, not math.isclose(step, number, rel_tol=1e-9)


def _finite(spec: InputSpec, raw: str) -> float:
    try:
        number = float(raw)
    except ValueError:
        raise LinkValueError("not a number") from None
    if not math.isfinite(number):
        assert spec.min is not None
        assert spec.max is not None
        raise LinkValueError("not a finite number", (spec.min, spec.max))
    return number


def value_of(spec: InputSpec, raw: str, choices: Choices) -> tuple[Any, bool]:
    """The value a link's text gives a row, and whether it moved to a slider step;
    LinkValueError (its reason in a few words) if the row cannot take it.

    Choices are read as their text or their plain id; log-scale values as a step's text
    (405B) or any number (7e10, 70b), moved to the nearest step; switches as true or false
    in any case; a fractional count is cut to its whole part, as an integer slider does.
    """
    if spec.kind == "bool":
        if raw.lower() not in {"true", "false"}:
            raise LinkValueError("expected true or false")
        return raw.lower() == "true", False
    listed = choices.get(spec.name) or {option: option for option in spec.options}
    if spec.kind == "choice":
        by_text = {text: option for option, text in listed.items()}
        option = by_text.get(raw, RETIRED_LABELS.get(spec.name, {}).get(raw, raw))
        if option not in listed and spec.options:  # a short fixed list: name it
            raise LinkValueError(f"expected {' or '.join(listed.values())}")
        return _checked(spec, option, tuple(listed)), False
    if spec.log:
        by_text = {text: step for step, text in listed.items()}
        if raw in by_text:
            return by_text[raw], False
        try:
            number = number_from_text(raw)
        except ValueError:
            raise LinkValueError("not one of the slider's steps") from None
        return nearest_step(spec, number, tuple(listed))
    number = _finite(spec, raw)
    return _checked(spec, math.trunc(number) if spec.kind == "int" else number), False


def text_of(spec: InputSpec, value: Any, choices: Choices) -> str:
    """The text a link writes for a row's value (value_of reads it back)."""
    if spec.kind == "bool":
        return "true" if value else "false"
    listed = choices.get(spec.name, {})
    if value in listed:
        return listed[value]
    if spec.kind == "choice":
        return str(value)
    number = float(value)
    return str(int(number)) if number.is_integer() else repr(number)


def encode(
    scenario: Scenario,
    view: Mapping[str, Any],
    choices: Choices,
    version: str | None = None,
) -> list[tuple[str, str]]:
    """The link's pairs: each input and each view setting that differs from its default,
    in table order, then the version if given."""
    values = {spec.name: getattr(scenario, spec.name) for spec in INPUTS}
    values.update({k: v for k, v in view.items() if k in VIEW_BY_NAME})
    pairs = [
        (spec.name, text_of(spec, values[spec.name], choices))
        for spec in FIELDS.values()
        if spec.name in values and values[spec.name] != spec.default
    ]
    return pairs + ([(VERSION_PARAM, version)] if version else [])


def version_key(version: str) -> tuple[int, ...] | None:
    """A dotted version as numbers for ordering (0.10.1 is (0, 10, 1)); None if not one."""
    if not re.fullmatch(r"\d{1,6}(\.\d{1,6}){0,3}", version):
        return None
    return tuple(int(part) for part in version.split("."))


def old_view_defaults(version: str | None, view: Mapping[str, Any]) -> dict[str, Any]:
    """The view settings a link of `version` left out that meant another value then
    (OLD_VIEW_DEFAULTS); none for a link without a version or not a dotted one."""
    made = version_key(version or "")
    return {
        name: old
        for name, (since, old) in OLD_VIEW_DEFAULTS.items()
        if name not in view and made is not None and made < (version_key(since) or ())
    }


def query_params(query: str) -> dict[str, list[str]]:
    """A query string's parameters, each with every value it is given."""
    return parse_qs(query, keep_blank_values=True)


def _read_rows(
    params: Mapping[str, Sequence[str]], rows: Mapping[str, InputSpec], choices: Choices
) -> tuple[dict[str, Any], list[Snapped], list[Problem]]:
    values: dict[str, Any] = {}
    snapped: list[Snapped] = []
    problems: list[Problem] = []
    for key, raws in params.items():
        spec = rows.get(key)
        if spec is None:
            note = retired_note(key)
            problems.append(Problem("retired", key, note) if note else Problem("unknown", key))
        elif len(raws) != 1:
            problems.append(Problem("repeated", key, str(len(raws))))
        else:
            try:
                values[key], moved = value_of(spec, raws[0], choices)
            except LinkValueError as err:
                problems.append(Problem("value", key, err.reason, raws[0], err.bounds))
                continue
            if moved:
                snapped.append(Snapped(key, raws[0], values[key]))
    return values, snapped, problems


def decode(params: Mapping[str, Sequence[str]], choices: Choices) -> Decoded:
    """Everything a link's parameters (each key with all its values) set, and what they
    could not; never raises. A key given twice is refused: which value was meant is unsure.
    """
    skipped = STREAMLIT_PARAMS | {VERSION_PARAM, SAVED_PARAM}
    rows = {k: v for k, v in params.items() if k not in skipped}
    values, snapped, problems = _read_rows(rows, FIELDS, choices)
    saved, saved_problems = decode_saved(params.get(SAVED_PARAM, ()), choices)
    versions = [*params.get(VERSION_PARAM, ()), None]
    view = {k: v for k, v in values.items() if k in VIEW_BY_NAME}
    return Decoded(
        {k: v for k, v in values.items() if k in INPUTS_BY_NAME},
        view | old_view_defaults(versions[0], view),
        tuple(snapped),
        (*problems, *saved_problems),
        versions[0],
        saved,
    )


def clean_name(raw: object, fallback: str) -> str:
    """A scenario name: one line without invisible characters (bidirectional controls such
    as U+202E, zero-width spaces), trimmed, at most MAX_NAME_CHARS, or `fallback` if empty;
    the compare table's own row names (RESERVED_NAMES) get " (saved)" added."""
    shown = "".join(ch for ch in str(raw or "") if unicodedata.category(ch) not in INVISIBLE)
    text = " ".join(shown.split())[:MAX_NAME_CHARS].strip() or fallback
    return f"{text} (saved)" if text in RESERVED_NAMES else text


def encode_saved(name: str, scenario: Scenario, choices: Choices) -> str:
    """A saved scenario as one `saved` value: its name, then its inputs as a link writes them."""
    return urlencode([(NAME_FIELD, name), *encode(scenario, {}, choices)])


def _one_saved(
    raw: str, fallback: str, choices: Choices
) -> tuple[str, Scenario | None, list[Problem]]:
    pairs = parse_qsl(raw, keep_blank_values=True)
    names = [text for key, text in pairs if key == NAME_FIELD]
    name = clean_name(names[0] if names else None, fallback)
    params: dict[str, list[str]] = {}
    for key, text in pairs:
        if key != NAME_FIELD:
            params.setdefault(key, []).append(text)
    values, _, problems = _read_rows(params, INPUTS_BY_NAME, choices)
    problems = [replace(p, saved=name) for p in problems]
    scenario = scenario_from_mapping(values)
    if sum(scenario.mix_weights().values()) <= 0:
        zero = Problem("left_out", "", "every mix weight is zero", saved=name)
        return name, None, [*problems, zero]
    return name, scenario, problems


def decode_saved(
    values: Sequence[str], choices: Choices
) -> tuple[dict[str, Scenario], list[Problem]]:
    """The saved scenarios in a link's `saved` values (the first MAX_SAVED), and what could
    not be used: a bad value or unknown key is left out of its scenario; a name given
    twice, or a scenario whose mix has no weight, is left out whole."""
    saved: dict[str, Scenario] = {}
    problems: list[Problem] = []
    for i, raw in enumerate(values[:MAX_SAVED]):
        name, scenario, found = _one_saved(raw, f"Scenario {i + 1}", choices)
        if name in saved:
            found = [Problem("left_out", "", "that name is already taken", saved=name)]
        elif scenario is not None:
            saved[name] = scenario
        problems += found
    if len(values) > MAX_SAVED:
        extra = len(values) - MAX_SAVED
        problems.append(Problem("too_many", SAVED_PARAM, f"at most {MAX_SAVED}", str(extra)))
    return saved, problems
