"""Scenario files: JSON and zip round trips, the CSV and methods note, and bad files."""

from __future__ import annotations

import dataclasses
import io
import json
import struct
import tracemalloc
import zipfile

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model import scenario_io
from model.projection import project
from model.scenario import INPUTS, Scenario, scenario_to_dict
from model.scenario_io import (
    FILE_FORMAT,
    MAX_FILE_BYTES,
    MAX_NUMBER_CHARS,
    RETIRED_INPUTS,
    ZIP_METHODS,
    ZIP_SCENARIO,
    ZIP_TIMESERIES,
    LoadedScenario,
    ScenarioFileError,
    export_zip,
    read_scenario_file,
    scenario_document,
    scenario_to_json,
    timeseries_csv,
)
from tests.edge_scenarios import CHANGED
from ui.export_note import COLUMN_NOTES, methods_note

VERSION = "9.9.9"


def _doc(**inputs) -> bytes:
    return json.dumps({"format": FILE_FORMAT, "app_version": VERSION, "inputs": inputs}).encode()


def _error(data: bytes | str) -> str:
    with pytest.raises(ScenarioFileError) as info:
        read_scenario_file(data)
    return str(info.value)


@pytest.mark.parametrize("scenario", [Scenario(), CHANGED], ids=["defaults", "every-input-changed"])
def test_json_round_trip_restores_every_input(scenario):
    loaded = read_scenario_file(scenario_to_json(scenario, VERSION, "Mine").encode())
    assert loaded.scenario == scenario
    assert loaded.app_version == VERSION
    assert loaded.name == "Mine"
    assert loaded.missing == ()


def test_the_file_names_its_format_and_version_and_every_input():
    doc = json.loads(scenario_to_json(CHANGED, VERSION))
    assert doc["format"] == FILE_FORMAT
    assert doc["app_version"] == VERSION
    assert list(doc["inputs"]) == [s.name for s in INPUTS]


def test_a_partial_file_keeps_defaults_and_lists_what_was_missing():
    loaded = read_scenario_file(_doc(pue=1.5))
    assert loaded.scenario == dataclasses.replace(Scenario(), pue=1.5)
    assert "pue" not in loaded.missing
    assert len(loaded.missing) == len(INPUTS) - 1


def test_the_export_zip_holds_three_files_and_reimports():
    frame = project(CHANGED)
    data = export_zip(CHANGED, VERSION, frame, name="Zip test")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert sorted(archive.namelist()) == sorted([ZIP_SCENARIO, ZIP_TIMESERIES, ZIP_METHODS])
    loaded = read_scenario_file(data)
    assert loaded.scenario == CHANGED
    assert loaded.name == "Zip test"


def test_the_same_scenario_always_gives_the_same_zip():
    frame = project(Scenario())
    assert export_zip(Scenario(), VERSION, frame) == export_zip(Scenario(), VERSION, frame)


def test_the_csv_holds_every_projection_series_for_every_year():
    frame = project(Scenario())
    back = pd.read_csv(io.StringIO(timeseries_csv(frame)))
    assert list(back.columns) == list(frame.columns)
    assert list(back["year"]) == list(range(2025, 2041))  # BASE_YEAR to END_YEAR
    pd.testing.assert_series_equal(
        back["power_demand_gw"], frame["power_demand_gw"], rtol=1e-5, check_names=False
    )
    assert set(frame.columns) <= set(COLUMN_NOTES)  # every column is explained


def test_the_csv_adds_monte_carlo_bands_when_given():
    frame = project(Scenario())
    bands = pd.DataFrame({"year": frame["year"], "power_demand_gw_p10": frame["year"] * 0.0})
    back = pd.read_csv(io.StringIO(timeseries_csv(frame, bands)))
    assert "power_demand_gw_p10" in back.columns
    assert len(back) == len(frame)


def test_the_methods_note_gives_version_inputs_values_and_sources():
    note = methods_note(dataclasses.replace(Scenario(), pue=1.5), VERSION, "N", "http://x/?pue=1.5")
    assert f"version: {VERSION}" in note
    assert "http://x/?pue=1.5" in note
    for spec in INPUTS:
        assert f"`{spec.name}`" in note
    assert "| 1.5 * |" in note  # changed inputs are marked
    assert "Uptime Institute 2024" in note  # pue's source


def test_a_name_in_the_note_cannot_open_html_or_break_the_table():
    note = methods_note(Scenario(), VERSION, "<script>|x")
    assert "<script>" not in note.replace("\\<script>", "")  # only as escaped text
    assert "Scenario name: \\<script>\\|x" in note  # more in tests/test_export.py


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "not valid JSON"),
        (b"\xff\xfe\x00", "not text"),
        (b"not json", "not valid JSON"),
        (b"[1, 2]", "JSON object"),
        (b'"just text"', "JSON object"),
        (b"{}", "'inputs' is missing"),
        (b'{"inputs": []}', "'inputs' must be an object"),
        (b'{"inputs": {}, "extra": 1}', "unknown top-level key(s) 'extra'"),
        (b'{"format": "other", "inputs": {}}', "'format' must be"),
        (b'{"app_version": 5, "inputs": {}}', "'app_version'"),
        (b'{"name": [], "inputs": {}}', "'name' must be a text"),
        (_doc(wattage=1), "unknown input(s) 'wattage'"),
        (_doc(pue="1.5"), "pue: expected a number"),
        (_doc(pue=True), "pue: expected a number"),
        (_doc(pue=99), "pue: 99 is outside 1 to 2"),
        (_doc(pue=-1), "pue: -1 is outside 1 to 2"),
        (_doc(compute_optimal=1), "compute_optimal: expected true or false"),
        (_doc(chip="Nope"), "chip: 'Nope' is not one of the options"),
        (_doc(grid="mars"), "grid: 'mars' is not one of the options"),
        (_doc(frontier_basis="vibes"), "frontier_basis"),
        (_doc(training_sites=2.5), "training_sites: expected a whole number"),
        (b'{"inputs": {"pue": NaN}}', "NaN"),
        (b'{"inputs": {"pue": Infinity}}', "Infinity"),
        (b'{"inputs": {"pue": 1e999}}', "pue: inf is not a finite number"),
        (b'{"inputs": {"pue": 1' + b"0" * 400 + b"}}", "401 characters"),
        (b"[" * 50_000 + b"]" * 50_000, "at most 64,000 bytes"),
        (b"[" * 20_000 + b"]" * 20_000, "nested too deeply"),
        (b" " * (MAX_FILE_BYTES + 1), "at most 64,000 bytes"),
        (b"PK\x03\x04 not really a zip", "zip file cannot be read"),
    ],
)
def test_a_bad_file_gets_a_message_naming_the_problem(data, words):
    assert words in _error(data)


def test_an_all_zero_mix_is_refused():
    zero = {f"mix_{sid}": 0.0 for sid in Scenario().mix_weights()}
    assert "every generation-mix weight" in _error(_doc(**zero))


def test_every_problem_is_named_at_once():
    message = _error(_doc(pue=99, chip="Nope", wattage=1))
    assert "pue" in message
    assert "chip" in message
    assert "wattage" in message


def test_five_thousand_unknown_inputs_are_named_six_then_counted():
    # A 59 kB file of 5,000 made-up names: six named, then how many more (issue 21).
    data = json.dumps({"inputs": {f"{i:04d}": 1 for i in range(5000)}}).encode()
    assert 50_000 < len(data) <= scenario_io.MAX_FILE_BYTES
    with pytest.raises(ScenarioFileError) as err:
        read_scenario_file(data)
    message = str(err.value)
    assert "'0000', '0001', '0002', '0003', '0004', '0005', and 4994 more" in message
    assert len(message) < 300


def test_a_zip_without_a_scenario_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("other.txt", "hello")
    assert f"holds no {ZIP_SCENARIO}" in _error(buffer.getvalue())


def test_a_zip_bomb_is_refused_before_it_is_unpacked():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(ZIP_SCENARIO, " " * 10_000_000)  # 10 MB of spaces, ~10 kB zipped
    assert len(buffer.getvalue()) < MAX_FILE_BYTES
    assert "10,000,000 bytes" in _error(buffer.getvalue())


def _read_or_message(data: bytes | str) -> None:
    """The contract under fuzzing: a LoadedScenario, or a ScenarioFileError with text."""
    message = ""
    try:
        result = read_scenario_file(data)
    except ScenarioFileError as err:
        message = str(err)
    else:
        assert isinstance(result, LoadedScenario)
        return
    assert message


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2_000))
def test_random_bytes_never_raise_anything_but_the_message(data):
    _read_or_message(data)


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(_json_values)
def test_random_json_never_raises_anything_but_the_message(value):
    _read_or_message(json.dumps(value))


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from([s.name for s in INPUTS] + ["not_an_input"]),
    _json_values,
)
def test_a_valid_file_with_one_value_replaced_is_read_or_refused(key, value):
    doc = scenario_document(CHANGED, VERSION)
    doc["inputs"][key] = value
    _read_or_message(json.dumps(doc))


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=1500), st.binary(min_size=1, max_size=8))
def test_a_truncated_or_corrupted_export_is_read_or_refused(cut, junk):
    data = export_zip(Scenario(), VERSION, project(Scenario()))
    _read_or_message(data[: cut % len(data)] + junk)


def test_every_default_value_is_written_as_plain_json():
    assert json.loads(scenario_to_json(Scenario(), VERSION))["inputs"] == scenario_to_dict(
        Scenario()
    )


def _lying_zip(method: int, content: bytes, claimed_size: int) -> bytes:
    """A zip whose scenario.json unpacks to `content` but whose headers claim
    `claimed_size` bytes (the uncompressed-size field of the local and central headers)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=method) as archive:
        archive.writestr(ZIP_SCENARIO, content)
    data = bytearray(buffer.getvalue())
    # ZIP spec (APPNOTE 4.3.7, 4.3.12): the uncompressed size sits 22 bytes into the local
    # header and 24 bytes into the central directory header.
    struct.pack_into("<I", data, 22, claimed_size)
    central = data.rindex(b"PK\x01\x02")
    struct.pack_into("<I", data, central + 24, claimed_size)
    return bytes(data)


def _peak_bytes_while_reading(data: bytes) -> tuple[int, str]:
    tracemalloc.start()
    try:
        message = _error(data)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak, message


def test_a_small_bzip2_zip_that_lies_about_its_size_is_refused_without_unpacking():
    # 50 MB of spaces packs into about 100 bytes of bzip2; the headers claim 1.5 kB.
    data = _lying_zip(zipfile.ZIP_BZIP2, b" " * 50_000_000, 1_500)
    assert len(data) < 1_500
    peak, message = _peak_bytes_while_reading(data)
    assert "only stored or deflated" in message
    assert peak < 5_000_000  # unpacking even a tenth of it would pass this


def test_a_deflated_member_that_unpacks_past_its_claimed_size_is_cut_at_the_cap():
    # 20 MB of spaces deflate to about 20 kB; the headers claim 1 kB.
    data = _lying_zip(zipfile.ZIP_DEFLATED, b" " * 20_000_000, 1_000)
    peak, message = _peak_bytes_while_reading(data)
    assert "zip file cannot be read" in message  # the CRC of the cut data is wrong
    assert peak < 5_000_000


def test_a_zip_inside_the_zip_is_refused():
    inner = export_zip(Scenario(), VERSION, project(Scenario()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(ZIP_SCENARIO, inner)
    assert "itself a zip file" in _error(buffer.getvalue())


@pytest.mark.parametrize("number", ["1" * 5_000, "1" * 5_000 + ".5", "-" + "9" * 4_400])
def test_a_number_with_thousands_of_digits_gets_a_plain_message(number):
    message = _error(f'{{"inputs": {{"pue": {number}}}}}')
    assert f"{len(number):,} characters" in message
    assert "int_max_str_digits" not in message
    assert "inf" not in message


def test_a_number_just_within_the_length_limit_is_read():
    number = "1.5" + "0" * (MAX_NUMBER_CHARS - 3)  # 40 characters
    assert len(number) == MAX_NUMBER_CHARS
    loaded = read_scenario_file(f'{{"inputs": {{"pue": {number}}}}}')
    assert loaded.scenario.pue == 1.5


def test_a_retired_input_in_a_file_is_noted_and_every_other_input_kept(monkeypatch):
    monkeypatch.setattr(scenario_io, "RETIRED_INPUTS", {"old_knob": "'old_knob' was retired"})
    loaded = read_scenario_file(_doc(pue=1.5, old_knob=3))
    assert loaded.scenario == dataclasses.replace(Scenario(), pue=1.5)
    assert loaded.retired == ("'old_knob' was retired",)


def test_a_key_that_is_still_an_input_is_never_reported_as_retired(monkeypatch):
    monkeypatch.setattr(scenario_io, "RETIRED_INPUTS", {"pue": "'pue' was retired"})
    loaded = read_scenario_file(_doc(pue=1.5))
    assert loaded.scenario.pue == 1.5
    assert loaded.retired == ()


def test_a_0_1_0_file_with_other_ai_growth_opens_and_says_what_replaced_it():
    loaded = read_scenario_file(_doc(pue=1.5, other_ai_growth=2.0))
    assert loaded.scenario == dataclasses.replace(Scenario(), pue=1.5)
    (note,) = loaded.retired
    assert note == RETIRED_INPUTS["other_ai_growth"]
    assert "0.2.0" in note
    assert "serving_compute_growth" in note
