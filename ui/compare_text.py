"""Sentences of the Compare & share page that depend on the scenarios (names escaped)."""

from __future__ import annotations

from collections.abc import Sequence

from model.compare import DEFAULT_NAME, HEADLINE_YEAR
from model.presets import Preset
from model.scenario import Scenario
from ui import format as fmt
from ui import share


def _names(names: Sequence[str]) -> str:
    quoted = [f"*{fmt.plain(n)}*" for n in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


def chart_note(groups: Sequence[Sequence[str]]) -> str:
    """What the chart shows, and which scenarios draw the same lines
    (model.compare.coinciding)."""
    note = (
        "Grey is the default scenario; each other colour and marker is one scenario, its "
        "solid line the power all AI would draw (wanted) and its dashed line the power "
        "that can be delivered (available). A cross marks the **wall**, the first year "
        "the solid line passes the dashed one."
    )
    if not groups:
        return note
    return (
        f"{note} Same power wanted and available in every year: "
        + "; ".join(_names(g) for g in groups)
        + ". Their lines lie on top of each other; the markers, placed in different "
        "years, show each one (they may differ in emissions or cost, in the table)."
    )


def table_note(same: str | None) -> str:
    """What the table reads, and which row is the sidebar's scenario when it has none of
    its own (`same`, from model.compare.scenarios_to_show)."""
    note = (
        f"Each scenario in {HEADLINE_YEAR}: the largest run's power and all-AI power "
        "*wanted* (what the trend and the other limits would draw) and *achieved* (what "
        "the supply delivers), the emissions of each (x 8760 h x the mix's lifecycle "
        "gCO2e/kWh) and the mix's cost range (Lazard LCOE per source, "
        "data/generation_sources.csv)."
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
