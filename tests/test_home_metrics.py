"""The question's eight headline numbers carry their Monte Carlo range when uncertainty
is on (issue 18: "each headline number carries its range when uncertainty is on")."""

from __future__ import annotations

from model.catalog import default_catalog
from model.scenario import Scenario
from model.uncertainty import DEFAULT_SAMPLES, run_monte_carlo
from tests.apptest_support import open_app
from ui import format as fmt


def _deltas(at) -> dict[str, str]:
    """Each metric's label with the caption under it ('' if none)."""
    ranges = [c.value for c in at.caption if c.value.startswith(("P10-P90", "In "))]
    labels = [m.label for m in at.metric]
    return dict(zip(labels, ranges + [""] * (len(labels) - len(ranges)), strict=True))


def test_without_uncertainty_the_numbers_have_no_range():
    assert set(_deltas(open_app()).values()) == {""}


def test_with_uncertainty_every_number_has_the_samples_range_of_its_own_column():
    at = open_app(None, {"home_bands": "true"})
    shown = _deltas(at)
    assert len(shown) == 8
    assert all(text for text in shown.values())
    # The samples the page draws (ui.data.monte_carlo: 10,000, seed 0), run here directly.
    mc = run_monte_carlo(Scenario(), DEFAULT_SAMPLES, 0, default_catalog())
    row = mc.bands.set_index("year").loc[2030]  # the headline year of the default scenario

    def band(column: str, form) -> str:
        low, high = row[f"{column}_p10"], row[f"{column}_p90"]
        assert low < high  # a spread, not one value
        return f"P10-P90: {form(low)} to {form(high)}"

    assert shown["Largest run, achieved"] == band("frontier_run_power_achieved_gw", fmt.power)
    assert shown["Largest run, wanted"] == band("frontier_run_power_gw", fmt.power)
    assert shown["Run FLOP, achieved"] == band("compute_achieved_flop", fmt.scientific)
    assert shown["Run FLOP, wanted"] == band("compute_demand_flop", fmt.scientific)
    assert shown["All-AI power, wanted"] == band("power_demand_gw", fmt.power)
    # The steps: how many samples the shown step binds in (power, for both, in 2030).
    run_share = mc.binding_shares.loc[2030, "power"]
    fleet_share = mc.fleet_binding_shares.loc[2030, "power"]
    assert shown["Sets the largest run"] == f"In {run_share:.0%} of samples"
    assert shown["Holds AI's chips back"] == f"In {fleet_share:.0%} of samples"
    assert 0.0 < run_share < 1.0
    # The wall: the same P10-P90 as the wall sentence above the numbers.
    sentence = next(m.value for m in at.markdown if m.value.startswith("#### The wall"))
    assert shown["Wall year"].removeprefix("P10-P90: ") in sentence


def test_a_ranged_number_explains_p10_p90_in_its_help():
    at = open_app(None, {"home_bands": "true"})
    assert all("**P10-P90**" in m.help for m in at.metric)
    assert not any("**P10-P90**" in m.help for m in open_app().metric)
