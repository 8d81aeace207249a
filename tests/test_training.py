"""Training equations against hand arithmetic and published runs (Patterson et al. 2021...)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from numpy.testing import assert_allclose

from model import equivalents, grid, training
from model.catalog import default_catalog
from model.runs import published_runs
from model.scenario import CUSTOM_CHIP, Scenario

CAT = default_catalog()


def test_training_flop_is_six_n_d():
    # 6 x 175e9 x 300e9 = 3.15e23
    assert_allclose(training.training_flop(175e9, 300e9), 3.15e23)


def test_accelerator_hours_from_flop_peak_and_utilization():
    # 3.6e21 FLOP / (1e15 FLOP/s x 0.5) = 7.2e6 s = 2000 h
    assert_allclose(training.accelerator_hours(3.6e21, 1e15, 0.5), 2000.0)


def test_energy_multiplies_hours_power_overhead_and_pue():
    # 1000 h x 700 W x 1.5 x 1.2 = 1.26e6 Wh = 1.26 MWh
    assert_allclose(training.energy_mwh(1000.0, 700.0, 1.2, 1.5), 1.26)


def test_days_and_facility_power_of_a_cluster():
    # 24,000 accelerator-hours on 100 accelerators = 240 h = 10 days
    assert_allclose(training.run_days(24_000.0, 100.0), 10.0)
    # 16,384 x 700 W x 1.5 x 1.2 = 20.64 MW
    assert_allclose(training.facility_power_mw(16_384, 700.0, 1.2, 1.5), 20.64384)


def test_emissions_and_cost_of_an_energy_use():
    # 1,000 MWh at 400 g/kWh = 1,000,000 kWh x 0.4 kg = 400 t
    assert_allclose(grid.emissions_tco2e(1000.0, 400.0), 400.0)
    # 1,000 MWh at $80/MWh = $80,000
    assert_allclose(training.electricity_cost_usd(1000.0, 80.0), 80_000.0)


def test_functions_accept_arrays():
    flop = training.training_flop(np.array([1e9, 2e9]), np.array([1e10, 1e10]))
    assert_allclose(flop, [6e19, 1.2e20])


@pytest.mark.parametrize(
    ("call", "args"),
    [
        (training.training_flop, (-1.0, 1e9)),
        (training.training_flop, (np.nan, 1e9)),
        (training.accelerator_hours, (1e20, 1e15, 0.0)),
        (training.accelerator_hours, (1e20, 1e15, 1.5)),
        (training.energy_mwh, (10.0, 700.0, 0.9)),
        (training.energy_mwh, (10.0, 700.0, 1.1, 0.5)),
        (training.run_days, (10.0, 0.0)),
        (grid.emissions_tco2e, (10.0, -1.0)),
        (grid.emissions_tco2e, (np.inf, 1.0)),
    ],
)
def test_negative_or_non_finite_physical_inputs_are_rejected(call, args):
    with pytest.raises(ValueError, match="must be"):
        call(*args)


def test_default_run_by_hand():
    """Llama 3.1 405B-like defaults: 405e9 params, 15e12 tokens, H100, MFU 0.40."""
    result = training.estimate_run(Scenario(), CAT)
    # C = 6 x 405e9 x 15e12 = 3.645e25 FLOP
    assert_allclose(result.training_flop, 3.645e25)
    # hours = 3.645e25 / (989.4e12 x 0.40) / 3600 = 2.5584e7 h
    assert_allclose(result.accelerator_hours, 3.645e25 / (989.4e12 * 0.40) / 3600)
    # energy = 2.5584e7 h x 700 W x 1.5 x 1.2 / 1e6 = 32,235 MWh
    assert_allclose(result.energy_mwh, result.accelerator_hours * 700 * 1.5 * 1.2 / 1e6)
    assert 32_000 < result.energy_mwh < 32_500
    # emissions at the US grid default, 367 g/kWh (EIA 2023): 32,235 x 0.367 = 11,830 t
    assert_allclose(result.emissions_tco2e, result.energy_mwh * 0.367)
    # days on 16,384 GPUs: 2.5584e7 / 16,384 / 24 = 65.1 days
    assert_allclose(result.days, 65.06, rtol=1e-3)
    assert_allclose(result.efficiency_x_h100, 1.0)


def test_compute_optimal_switch_sets_twenty_tokens_per_parameter():
    scenario = dataclasses.replace(Scenario(), params=1e12, compute_optimal=True)
    result = training.estimate_run(scenario, CAT)
    # 6 x 1e12 x 2e13 = 1.2e26
    assert_allclose(result.training_flop, 1.2e26)


def test_custom_chip_scales_efficiency_and_cuts_energy():
    h100 = training.estimate_run(dataclasses.replace(Scenario(), chip="NVIDIA H100 SXM5"), CAT)
    custom = training.estimate_run(
        dataclasses.replace(Scenario(), chip=CUSTOM_CHIP, custom_efficiency_x_h100=4.0), CAT
    )
    assert_allclose(custom.efficiency_x_h100, 4.0)
    assert_allclose(custom.energy_mwh, h100.energy_mwh / 4.0)


def test_my_mix_grid_uses_the_mix_intensity():
    nuclear = {f"mix_{sid}": 0.0 for sid in Scenario().mix_weights()}
    nuclear["mix_nuclear_large"] = 100.0
    scenario = dataclasses.replace(Scenario(), grid="my_mix", **nuclear)
    # IPCC AR5 lifecycle median for nuclear: 12 gCO2e/kWh
    assert_allclose(training.carbon_intensity_g_per_kwh(scenario, CAT), 12.0)


# Published runs reproduced from their published inputs (energy, emissions within 2%,
# 6ND within 10% of published FLOP) are tested on the validation table the Methods page
# shows: tests/test_validation.py.
RUNS = published_runs(CAT).set_index("model")


def test_published_runs_without_energy_use_epoch_power_times_length():
    # Grok-3: Epoch estimates 137.4 MW for 100 days -> 137.4 x 2,400 h = 329,760 MWh
    assert_allclose(RUNS.loc["Grok-3", "energy_mwh_best"], 137.4 * 100 * 24)
    assert RUNS.loc["Grok-3", "energy_basis"].startswith("Epoch")


def test_everyday_equivalents_read_the_data():
    # EIA: 10,791 kWh per US home per year -> 10.791 MWh; 1 GW reference reactor.
    assert equivalents.us_home_mwh_per_year(CAT) == pytest.approx(10.791)
    assert equivalents.reactor_gw(CAT) == 1.0
    # 1,079.1 MWh = 100 home-years; 48 GWh = 2 days of a 1 GW reactor (1000 MW x 24 h).
    assert equivalents.us_home_years(1079.1, CAT) == pytest.approx(100.0)
    assert equivalents.reactor_days(48_000.0, CAT) == pytest.approx(2.0)
