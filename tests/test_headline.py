"""ui.headline phrases model.answer's numbers as the pages' answer."""

from __future__ import annotations

import dataclasses

from model.answer import YearSpread, binding_summary
from model.scenario import END_YEAR
from tests.test_answer import small_frame
from ui.headline import binding_text, ranges_text, ratio, spread_text, wall_text


def summary(**changes):
    return dataclasses.replace(binding_summary(small_frame(), year=2030), **changes)


def test_power_first_names_the_year_its_spread_and_the_next_limit():
    s = summary(power_spread=YearSpread(2029, None))
    # capital allows 6e27 / 2e27 = 3x the achieved run in 2030
    assert binding_text(s) == (
        f"Power limits the largest run from 2030 (P10-P90: 2029-after {END_YEAR}); "
        "the next limit, capital, would allow 3x as much in 2030."
    )


def test_another_step_first_says_when_power_follows():
    s = summary(first_step="chips", first_year=2028, power_year=2031)
    assert binding_text(s).startswith("Chips limit the largest run from 2028, power from 2031;")
    never = summary(first_step="chips", first_year=2028, power_year=None)
    assert f"power not before {END_YEAR}" in binding_text(never)
    # in 2030 power, not chips, sets the run
    assert "in 2030 power sets it, and the next limit, capital" in binding_text(s)


def test_a_run_on_the_trend_says_how_far_the_nearest_limit_is():
    s = summary(first_step=None, first_year=None, step_in_year="trend", runner_up_ratio=20.0)
    assert binding_text(s) == (
        f"No step limits the largest run before {END_YEAR}; in 2030 the run still follows "
        "the trend, and the nearest limit, capital, is 20x above it."
    )


def test_wall_text_with_and_without_a_wall():
    assert wall_text(summary()) == "All-AI demand outgrows supply in 2031."
    spread = YearSpread(2030, 2035)
    assert wall_text(summary(wall_spread=spread)) == (
        "All-AI demand outgrows supply in 2031 (P10-P90: 2030-2035)."
    )
    assert wall_text(summary(wall=None, wall_spread=YearSpread(None, None))) == (
        f"All-AI demand stays within supply to {END_YEAR} (wall P10-P90: after {END_YEAR})."
    )


def test_spreads_and_ratios_read_plainly():
    assert spread_text(None) == ""
    assert spread_text(YearSpread(2030, 2030)) == " (P10-P90: 2030)"
    assert ratio(4.2917) == "4.3x"
    assert ratio(50938.0) == "51,000x"


def test_without_a_monte_carlo_the_answer_reads_without_ranges():
    # The home page's default: no spreads at all (summary_for(frame, None)).
    s = summary(power_spread=None, wall_spread=None)
    assert binding_text(s) == (
        "Power limits the largest run from 2030; the next limit, capital, would allow 3x "
        "as much in 2030."
    )
    assert wall_text(summary(wall=None, wall_spread=None)) == (
        f"All-AI demand stays within supply to {END_YEAR}."
    )


def test_the_ranges_note_says_what_is_drawn_or_where_to_find_it():
    assert ranges_text(True).startswith("Bands: 10th-90th percentiles of 10,000")
    off = ranges_text(False)
    assert "without ranges" in off
    assert "*Show uncertainty*" in off
    assert "*Growth vs power*" in off
    assert "Bands" not in off
