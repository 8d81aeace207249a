"""ui.headline phrases model.answer's numbers as the pages' answer."""

from __future__ import annotations

import dataclasses

import pytest

from model.answer import YearSpread, binding_summary
from model.scenario import END_YEAR
from tests.test_answer import small_frame
from ui.headline import binding_text, fleet_text, ranges_text, ratio, spread_text, wall_text


def summary(**changes):
    return dataclasses.replace(binding_summary(small_frame(), year=2030), **changes)


def test_the_run_is_named_span_by_span_in_plain_words():
    # small_frame: the trend sets the run in 2029, grid power in 2030-2031.
    assert binding_text(summary()) == (
        "The largest run follows the trend to 2029, then is held by the power that can be "
        "built (2030-2031)."
    )
    s = summary(
        spans=(("site", 2025, 2027), ("chips", 2028, 2035), ("capital", 2036, 2040)),
        power_spread=YearSpread(2029, None),
    )
    assert binding_text(s) == (
        "The largest run is held by the largest single site (2025-2027), chips (2028-2035) "
        f"and money (2036-2040) (grid power first binds it, P10-P90: 2029-after {END_YEAR})."
    )


def test_more_than_four_spans_are_cut_short():
    spans = tuple(
        (step, 2025 + i, 2025 + i)
        for i, step in enumerate(["site", "power", "chips", "capital", "data", "latency"])
    )
    text = binding_text(summary(spans=spans))
    assert text == (
        "The largest run is held by the largest single site (2025), the power that can be "
        "built (2026), chips (2027) and others to 2030."
    )


def test_a_run_on_the_trend_throughout():
    s = summary(first_step=None, first_year=None, spans=(("trend", 2025, 2040),))
    assert (
        binding_text(s)
        == f"The largest run follows the trend to {END_YEAR}: no step holds it back."
    )


def test_the_fleet_sentence():
    # small_frame: demand alone in 2029, then the power that can be built.
    assert fleet_text(summary()) == (
        "All of AI: new chips are held back by demand alone (2029) and the power that can "
        "be built (2030-2031)."
    )
    never = summary(fleet_spans=(("demand", 2025, 2040),))
    assert fleet_text(never) == (
        f"All of AI gets every chip it wants to {END_YEAR}: demand alone sets the fleet."
    )


def test_wall_text_with_and_without_a_wall():
    # small_frame: the wall in 2031; 12% lost at worst, in 2031; threshold 5%.
    assert wall_text(summary(), 5.0) == (
        "The wall: from 2031, power costs all of AI at least 5% of the compute that chips "
        "and money allow. At worst 12% is lost, in 2031."
    )
    with_mc = summary(
        wall_spread=YearSpread(2030, 2035), wall_share_by_headline=0.42, wall_share_by_end=0.8
    )
    assert wall_text(with_mc, 5.0) == (
        "The wall: from 2031, power costs all of AI at least 5% of the compute that chips "
        "and money allow (P10-P90: 2030-2035; 42% of samples by 2030, 80% by 2040). At "
        "worst 12% is lost, in 2031."
    )
    none = summary(wall=None, wall_spread=YearSpread(None, None), lost_peak_year=None)
    assert wall_text(none, 10.0) == (
        "No wall: power never costs all of AI 10% of the compute that chips and money "
        f"allow before {END_YEAR} (P10-P90: after {END_YEAR})."
    )


def test_spreads_and_ratios_read_plainly():
    assert spread_text(None) == ""
    assert spread_text(YearSpread(2030, 2030)) == " (P10-P90: 2030)"
    assert ratio(4.2917) == "4.3x"
    assert ratio(50938.0) == "51,000x"


def test_without_a_monte_carlo_the_answer_reads_without_ranges():
    # The home page's default: no spreads at all (summary_for(frame, None)).
    s = summary(power_spread=None, wall_spread=None)
    assert "P10-P90" not in binding_text(s)
    assert "P10-P90" not in wall_text(s, 5.0)
    assert "samples" not in wall_text(s, 5.0)


def test_the_ranges_note_says_the_bands_are_the_worlds():
    us = ranges_text(True, "us")
    assert "drawn for the world only" in us
    assert "Bands: 10th-90th" not in us


def test_the_ranges_note_says_what_is_drawn_or_where_to_find_it():
    assert ranges_text(True).startswith("Bands: 10th-90th percentiles of 10,000")
    off = ranges_text(False)
    assert "without ranges" in off
    assert "*Show uncertainty*" in off
    assert "*Growth vs power*" in off
    assert "Bands" not in off


@pytest.mark.parametrize(("shown", "region"), [(True, "world"), (True, "us"), (False, "world")])
def test_the_ranges_note_says_where_the_sources_are_in_a_whole_sentence(shown, region):
    text = ranges_text(shown, region)
    # Issue 18: "with its source on the ?" read as a broken sentence.
    assert "on the **?**" not in text
    assert text.endswith(
        "Every input is in the sidebar: hover over or tap the (?) mark beside an input to "
        "see its source."
    )
    assert text.count("Every input is in the sidebar") == 1
