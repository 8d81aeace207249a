"""Links that last: share links written by versions 0.1.0 and 0.2.0 still open with the
same inputs, and with a note for each input that a later version retired.

The links are kept verbatim in tests/golden_links_v0_1_0.txt and golden_links_v0_2_0.txt;
docs/url-format.md describes the format they follow.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from model.scenario import INPUTS_BY_NAME, Scenario
from model.scenario_io import RETIRED_INPUTS
from tests.apptest_support import open_app
from ui import format as fmt
from ui.version import app_version

#: The golden files, by the version that wrote their links.
GOLDEN_FILES = {
    "0.1.0": Path(__file__).with_name("golden_links_v0_1_0.txt"),
    "0.2.0": Path(__file__).with_name("golden_links_v0_2_0.txt"),
}


@dataclass(frozen=True)
class GoldenLink:
    """A link as 0.1.0 wrote it, and what it must restore."""

    link: str
    inputs: dict[str, Any]
    view: dict[str, Any]
    retired: tuple[str, ...]
    version: str = "0.1.0"


def golden_links(text: str, version: str = "0.1.0") -> list[GoldenLink]:
    """The file's links, each line of a link followed by its line of JSON."""
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    assert len(lines) % 2 == 0, "every link needs a line of JSON after it"
    links = []
    for link, expected_json in zip(lines[::2], lines[1::2], strict=True):
        expected = json.loads(expected_json)
        view = expected.pop("_view", {})
        retired = tuple(expected.pop("_retired", ()))
        links.append(GoldenLink(link, expected, view, retired, version))
    return links


GOLDEN = [
    link
    for version, path in GOLDEN_FILES.items()
    for link in golden_links(path.read_text(encoding="utf-8"), version)
]


def _open(link: str):
    parts = urlsplit(link)
    params = parse_qs(parts.query, keep_blank_values=True, strict_parsing=True)
    page = parts.path.strip("/")
    return open_app(
        f"pages/{page}.py" if page else None,
        {key: values[0] if len(values) == 1 else values for key, values in params.items()},
    )


def test_the_golden_files_hold_links_of_every_kind():
    assert {g.version for g in GOLDEN} == set(GOLDEN_FILES)
    assert len(GOLDEN) >= 11
    assert all(g.link.endswith(f"v={g.version}") for g in GOLDEN)
    kinds = {INPUTS_BY_NAME[k].kind for g in GOLDEN for k in g.inputs}
    assert kinds == {"float", "int", "bool", "choice"}
    assert any(INPUTS_BY_NAME[k].log for g in GOLDEN for k in g.inputs)


@pytest.mark.parametrize("golden", GOLDEN, ids=lambda g: g.link[:60])
def test_an_old_link_opens_with_the_inputs_it_was_made_with(golden):
    # A retired input is one the running version no longer has.
    assert not any(key in INPUTS_BY_NAME for key in golden.retired)
    at = _open(golden.link)
    # Inputs the link does not set take the running version's defaults.
    assert at.session_state["scenario"] == dataclasses.replace(Scenario(), **golden.inputs)
    for key, value in golden.view.items():
        assert at.session_state[key] == value
    warnings = " ".join(w.value for w in at.warning)
    for key in golden.retired:
        assert fmt.plain(RETIRED_INPUTS[key]) in warnings
    if not golden.retired:
        assert warnings == ""
    if app_version() != golden.version:
        made = fmt.plain(f"made with version {golden.version}")
        assert any(made in i.value for i in at.info)
