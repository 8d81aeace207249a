"""Colours stay apart for colour-blind readers: the series a chart draws together, and the
house palettes, are simulated for protanopia, deuteranopia and tritanopia (Machado et al.
2009) and must stay a minimum CIEDE2000 distance apart (tests/cvd.py)."""

from __future__ import annotations

import itertools
import json
import re

import pytest

from charts import style
from charts.claims import MIX_COLOURS
from tests.apptest_support import open_app
from tests.cvd import VISIONS, distance

#: Smallest CIEDE2000 between two colours that name different things on one chart. About
#: 2 is a just-noticeable difference; 10 reads as a different colour at a glance.
MIN_DELTA_E = 10.0
HEX = re.compile(r"#[0-9a-fA-F]{6}")
PAGES = ["pages/home.py", "pages/claims.py", "pages/growth.py", "pages/power.py"]


def closest_pair(colours: dict[str, str]) -> tuple[float, str, str, str]:
    """The two colours that come closest for any vision: distance, names, vision."""
    return min(
        (distance(c1, c2, vision), n1, n2, vision)
        for (n1, c1), (n2, c2) in itertools.combinations(colours.items(), 2)
        for vision in VISIONS
    )


def assert_apart(colours: dict[str, str], minimum: float = MIN_DELTA_E) -> None:
    d, n1, n2, vision = closest_pair(colours)
    assert d >= minimum, f"{n1} and {n2} are {d:.1f} apart for {vision} (< {minimum})"


def test_the_simulation_and_distance_are_right():
    # Sharma, Wu & Dalal (2005), Table 1, pair 1: CIEDE2000 = 2.0425.
    from tests.cvd import ciede2000

    assert ciede2000((50, 2.6772, -79.7751), (50, 0, -82.7485)) == pytest.approx(2.0425, abs=1e-4)
    # A deuteranope cannot tell a pure red from a dark olive that a trichromat sees as
    # far apart: the classic red-green collision the simulation must reproduce.
    assert distance("#d62728", "#2ca02c") > 50
    assert distance("#d62728", "#2ca02c", "deuteranopia") < distance("#d62728", "#2ca02c") / 2
    # Grey is grey for everyone.
    for vision in VISIONS:
        assert distance("#777777", "#777777", vision) == 0


def test_steps_stay_apart_for_every_vision():
    assert_apart({**style.STEP_COLOURS, "achieved": style.ACHIEVED})


def test_wanted_supply_achieved_serving_and_training_stay_apart():
    assert_apart(
        {
            "wanted": style.WANTED,
            "supply": style.SUPPLY,
            "achieved": style.ACHIEVED,
            "serving": style.SERVING,
            "training": style.TRAINING,
        },
        minimum=20.0,
    )


def test_every_generation_source_stays_apart_from_every_other():
    # A mix's stacked bar puts all of them side by side.
    assert_apart(style.SOURCE_COLOURS)


def test_claim_4_mixes_stay_apart():
    assert_apart({**MIX_COLOURS, "achieved": style.ACHIEVED})


def test_published_and_estimate_stay_apart():
    assert_apart({"published": style.PUBLISHED, "estimate": style.ESTIMATE}, minimum=20.0)


def _trace_colours(trace: dict) -> set[str]:
    found = set()
    for part in ("line", "marker"):
        colour = trace.get(part, {}).get("color")
        values = colour if isinstance(colour, list) else [colour]
        found |= {v.lower() for v in values if isinstance(v, str) and HEX.fullmatch(v)}
    return found


@pytest.mark.parametrize("page", PAGES)
def test_series_drawn_together_on_a_chart_stay_apart(page):
    at = open_app(page)
    for chart in at.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        colours: dict[str, str] = {}
        for trace in spec["data"]:
            for colour in _trace_colours(trace):
                colours.setdefault(colour, trace.get("name") or colour)
        if len(colours) < 2:
            continue
        named = {f"{name} ({colour})": colour for colour, name in colours.items()}
        d, n1, n2, vision = closest_pair(named)
        title = spec["layout"].get("title", {}).get("text", "")
        assert d >= MIN_DELTA_E, f"{page}, '{title}': {n1} vs {n2}: {d:.1f} for {vision}"
