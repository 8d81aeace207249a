"""The inputs table and invariants over its whole range (hypothesis)."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model import projection, training
from model.catalog import default_catalog
from model.scenario import (
    INPUTS,
    INPUTS_BY_NAME,
    LEAD_TIMES,
    MIN_LEAD_YEARS,
    USED_ONLY_WHEN,
    InputValueError,
    Scenario,
    ignored_inputs,
    parse_value,
    scenario_from_mapping,
    scenario_to_dict,
)
from model.scenario_io import choice_options

NUMERIC = [s for s in INPUTS if s.kind in ("float", "int")]


def test_scenario_fields_are_exactly_the_inputs_table_with_its_defaults():
    fields = [f.name for f in dataclasses.fields(Scenario)]
    assert fields == [s.name for s in INPUTS]
    for spec in INPUTS:
        assert getattr(Scenario(), spec.name) == spec.default


def test_every_numeric_default_lies_within_its_range():
    for spec in NUMERIC:
        assert spec.min <= spec.default <= spec.max, spec.name


def test_scenario_is_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        Scenario().pue = 2.0  # type: ignore[misc]


def test_round_trip_through_a_mapping():
    variant = dataclasses.replace(Scenario(), pue=1.5, chip="NVIDIA B200", training_sites=5)
    assert scenario_from_mapping(scenario_to_dict(variant)) == variant


def test_bad_values_are_all_named_at_once():
    with pytest.raises(ValueError, match="pue: 9 is outside") as err:
        scenario_from_mapping({"pue": 9, "utilization": "high", "nope": 1})
    assert "utilization: expected a number" in str(err.value)
    assert "unknown input 'nope'" in str(err.value)


@pytest.mark.parametrize("bad", [math.nan, math.inf, True, "1.2", None])
def test_parse_value_rejects_non_numbers(bad):
    with pytest.raises(ValueError, match="pue"):
        parse_value(INPUTS_BY_NAME["pue"], bad, None)


def _value(spec, draw):
    if spec.log:
        value = 10 ** draw(st.floats(math.log10(spec.min), math.log10(spec.max)))
        return min(max(value, spec.min), spec.max)  # 10**log10(x) can overshoot by 1 ulp
    if spec.kind == "int":
        return draw(st.integers(int(spec.min), int(spec.max)))
    return draw(st.floats(spec.min, spec.max))


CATALOG = default_catalog()
CHIPS = (*tuple(CATALOG["chips"]["chip"]), "Custom chip")


@st.composite
def scenarios(draw):
    """Any scenario inside the inputs table's bounds, including every corner."""
    values = {}
    for spec in NUMERIC:
        corner = draw(st.sampled_from(["min", "max", "any"]))
        values[spec.name] = (
            spec.min if corner == "min" else spec.max if corner == "max" else _value(spec, draw)
        )
        if spec.kind == "int":
            values[spec.name] = int(values[spec.name])
    if all(values[f"mix_{sid}"] == 0 for sid in Scenario().mix_weights()):
        values["mix_hydro"] = 1.0
    values["chip"] = draw(st.sampled_from(CHIPS))
    values["compute_optimal"] = draw(st.booleans())
    values["frontier_basis"] = draw(st.sampled_from(["flop", "params"]))
    values["grid"] = draw(st.sampled_from(["us", "world", "france", "my_mix"]))
    return scenario_from_mapping(values, choice_options(CATALOG))


@settings(max_examples=60, deadline=None)
@given(scenarios())
def test_training_outputs_are_finite_and_non_negative_everywhere(scenario):
    result = training.estimate_run(scenario, CATALOG)
    for name, value in dataclasses.asdict(result).items():
        assert np.isfinite(value), name
        assert value >= 0, name


@settings(max_examples=60, deadline=None)
@given(scenarios())
def test_projection_is_finite_non_negative_and_respects_its_identities(scenario):
    frame = projection.project(scenario, CATALOG)
    numeric = frame.drop(
        columns=["energy_limited", "binding_constraint", "fleet_binding"]
    ).to_numpy(float)
    assert np.all(np.isfinite(numeric))
    assert np.all(numeric >= 0)
    assert np.all(frame["power_achieved_gw"] <= frame["power_demand_gw"] * (1 + 1e-12))
    assert np.all(frame["power_achieved_gw"] <= frame["power_supply_gw"] * (1 + 1e-12))
    assert np.all(frame["compute_achieved_flop"] <= frame["compute_demand_flop"] * (1 + 1e-12))
    served = frame["inference_power_achieved_gw"] + frame["training_power_achieved_gw"]
    assert np.all(served <= frame["power_supply_gw"] * (1 + 1e-9))
    limits = frame.filter(like="compute_limit_").to_numpy()
    assert np.all(frame["compute_achieved_flop"].to_numpy() <= limits.min(axis=1) * (1 + 1e-12))
    # Efficiency never passes the ceiling (or today's chip, if that starts above it).
    ceiling = (
        scenario.efficiency_ceiling_flop_per_j
        * scenario.utilization
        / (scenario.server_overhead * scenario.pue)
    )
    cap = max(ceiling, frame["efficiency_flop_per_j"].iloc[0])
    assert np.all(frame["efficiency_flop_per_j"] <= cap * (1 + 1e-12))


@settings(max_examples=40, deadline=None)
@given(scenarios(), st.floats(1.01, 10.0))
def test_energy_rises_with_parameters_and_tokens(scenario, factor):
    base = training.estimate_run(dataclasses.replace(scenario, compute_optimal=False), CATALOG)
    more_params = training.estimate_run(
        dataclasses.replace(scenario, compute_optimal=False, params=scenario.params * factor),
        CATALOG,
    )
    more_tokens = training.estimate_run(
        dataclasses.replace(scenario, compute_optimal=False, tokens=scenario.tokens * factor),
        CATALOG,
    )
    assert more_params.energy_mwh > base.energy_mwh
    assert more_tokens.energy_mwh > base.energy_mwh


def test_a_catalog_choice_is_checked_against_the_options_given():
    options = choice_options(CATALOG)
    with pytest.raises(ValueError, match="chip: 'Nope' is not one of the options"):
        scenario_from_mapping({"chip": "Nope"}, options)
    with pytest.raises(ValueError, match="grid: 'mars' is not one of the options"):
        scenario_from_mapping({"grid": "mars"}, options)
    assert scenario_from_mapping({"chip": "NVIDIA B200"}, options).chip == "NVIDIA B200"


def test_a_typed_value_is_never_read_as_text():
    # Text is the link's to read (model/link.py); a scenario file's "1.5" is not a number.
    with pytest.raises(InputValueError, match="expected a number"):
        parse_value(INPUTS_BY_NAME["pue"], "1.5", None)
    with pytest.raises(InputValueError, match="expected true or false"):
        parse_value(INPUTS_BY_NAME["compute_optimal"], "true", None)
    with pytest.raises(InputValueError, match="expected a whole number"):
        parse_value(INPUTS_BY_NAME["training_sites"], 2.5, None)


def test_lead_time_defaults_are_the_mid_values_of_the_data_and_ranges_hold_them():
    sources = CATALOG["generation_sources"].set_index("source_id")
    for sid, (low, mid, high) in LEAD_TIMES.items():
        spec = INPUTS_BY_NAME[f"lead_{sid}"]
        row = sources.loc[sid]
        assert (low, mid, high) == (
            row["lead_time_low_years"],
            row["lead_time_mid_years"],
            row["lead_time_high_years"],
        )
        assert spec.default == mid
        assert spec.min <= low
        assert spec.max >= high
        assert spec.min >= MIN_LEAD_YEARS


def test_an_input_is_ignored_exactly_when_the_input_it_depends_on_says_so():
    assert ignored_inputs(Scenario()) == {"custom_efficiency_x_h100", "frontier_params"}
    params = dataclasses.replace(
        Scenario(), frontier_basis="params", compute_optimal=True, chip="Custom chip"
    )
    assert ignored_inputs(params) == {"frontier_flop_base", "tokens"}
    assert ignored_inputs({"frontier_basis": "params"}) == {
        "custom_efficiency_x_h100",
        "frontier_flop_base",
    }


@pytest.mark.parametrize("name", sorted(USED_ONLY_WHEN))
def test_an_ignored_input_changes_no_result(name):
    # Moving an ignored input to either end of its range leaves training and projection.
    spec = INPUTS_BY_NAME[name]
    for value in (spec.min, spec.max):
        moved = dataclasses.replace(Scenario(), compute_optimal=True, **{name: value})
        if name not in ignored_inputs(moved):
            continue
        base = dataclasses.replace(Scenario(), compute_optimal=True)
        assert training.estimate_run(moved, CATALOG) == training.estimate_run(base, CATALOG)
        assert projection.project(moved, CATALOG).equals(projection.project(base, CATALOG))
