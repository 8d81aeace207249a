"""One training run: FLOP, accelerator-hours, energy, power, emissions and cost."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from model import grid
from model.catalog import Catalog, chip_row
from model.checks import ArrayLike, check_physical
from model.constants import (
    FLOP_PER_TFLOP,
    HOURS_PER_DAY,
    SECONDS_PER_HOUR,
    TRAINING_FLOP_PER_PARAM_TOKEN,
    W_PER_MW,
)
from model.scenario import CUSTOM_CHIP, MY_MIX_GRID, Scenario

#: Catalog chip that a custom chip's efficiency is a multiple of.
REFERENCE_CHIP = "NVIDIA H100 SXM5"


def training_flop(params: ArrayLike, tokens: ArrayLike) -> ArrayLike:
    """Training compute of a dense transformer, C = 6 N D (Kaplan et al. 2020).

    Parameters
    ----------
    params : Parameters (active parameters for a mixture of experts). [parameters]
    tokens : Training tokens. [tokens]

    Returns
    -------
    Training compute. [FLOP]
    """
    check_physical("params", params)
    check_physical("tokens", tokens)
    return TRAINING_FLOP_PER_PARAM_TOKEN * np.asarray(params, float) * tokens


def accelerator_hours(
    training_flop: ArrayLike, peak_flop_per_s: ArrayLike, utilization: ArrayLike
) -> ArrayLike:
    """Accelerator-hours to deliver `training_flop` at a utilization of peak.

    Parameters
    ----------
    training_flop : Training compute. [FLOP]
    peak_flop_per_s : Peak dense FLOP/s of one accelerator. [FLOP/s]
    utilization : Achieved fraction of peak (MFU), in (0, 1]. [fraction]

    Returns
    -------
    Accelerator-hours. [h]
    """
    check_physical("training_flop", training_flop)
    check_physical("peak_flop_per_s", peak_flop_per_s, strict=True)
    check_physical("utilization", utilization, strict=True)
    if np.any(np.asarray(utilization) > 1):
        raise ValueError(f"utilization must be <= 1, got {utilization!r}")
    return np.asarray(training_flop, float) / (peak_flop_per_s * utilization) / SECONDS_PER_HOUR


def energy_mwh(
    accelerator_hours: ArrayLike,
    accelerator_power_w: ArrayLike,
    pue: ArrayLike,
    server_overhead: ArrayLike = 1.0,
) -> ArrayLike:
    """Facility energy: hours x W per accelerator x server overhead x PUE (Patterson 2021).

    Parameters
    ----------
    accelerator_hours : Accelerator-hours. [h]
    accelerator_power_w : Average power of one accelerator. [W]
    pue : Power usage effectiveness, >= 1. [ratio]
    server_overhead : Whole-server power over accelerator power, >= 1. [ratio]

    Returns
    -------
    Energy at the facility meter. [MWh]
    """
    check_physical("accelerator_hours", accelerator_hours)
    check_physical("accelerator_power_w", accelerator_power_w)
    check_physical("pue", pue, minimum=1.0)
    check_physical("server_overhead", server_overhead, minimum=1.0)
    watts = np.asarray(accelerator_power_w, float) * server_overhead * pue
    return np.asarray(accelerator_hours, float) * watts / W_PER_MW


def run_days(accelerator_hours: ArrayLike, cluster_size: ArrayLike) -> ArrayLike:
    """Wall-clock days for `accelerator_hours` spread over `cluster_size` accelerators. [d]"""
    check_physical("accelerator_hours", accelerator_hours)
    check_physical("cluster_size", cluster_size, strict=True)
    return np.asarray(accelerator_hours, float) / cluster_size / HOURS_PER_DAY


def facility_power_mw(
    cluster_size: ArrayLike,
    accelerator_power_w: ArrayLike,
    pue: ArrayLike,
    server_overhead: ArrayLike = 1.0,
) -> ArrayLike:
    """Facility power of a cluster: n x W x server overhead x PUE. [MW]"""
    check_physical("cluster_size", cluster_size)
    check_physical("accelerator_power_w", accelerator_power_w)
    check_physical("pue", pue, minimum=1.0)
    check_physical("server_overhead", server_overhead, minimum=1.0)
    return np.asarray(cluster_size, float) * accelerator_power_w * server_overhead * pue / W_PER_MW


def electricity_cost_usd(energy_mwh: ArrayLike, price_usd_per_mwh: ArrayLike) -> ArrayLike:
    """Electricity bill for an energy use at a price. [USD]"""
    check_physical("energy_mwh", energy_mwh)
    check_physical("price_usd_per_mwh", price_usd_per_mwh)
    return np.asarray(energy_mwh, float) * price_usd_per_mwh


@dataclass(frozen=True)
class ChipSpec:
    """The accelerator figures the model uses."""

    name: str
    peak_flop_per_s: float
    power_w: float


def chip_spec(scenario: Scenario, catalog: Catalog) -> ChipSpec:
    """The scenario's accelerator; a custom chip is an H100 scaled in FLOP per joule."""
    cat = catalog
    if scenario.chip == CUSTOM_CHIP:
        ref = chip_row(cat, REFERENCE_CHIP)
        peak = float(ref["bf16_dense_tflops"]) * FLOP_PER_TFLOP * scenario.custom_efficiency_x_h100
        return ChipSpec(CUSTOM_CHIP, peak, float(ref["tdp_w"]))
    row = chip_row(cat, scenario.chip)
    return ChipSpec(
        scenario.chip, float(row["bf16_dense_tflops"]) * FLOP_PER_TFLOP, float(row["tdp_w"])
    )


def wall_efficiency_flop_per_j(
    peak_flop_per_s: ArrayLike,
    utilization: ArrayLike,
    accelerator_power_w: ArrayLike,
    pue: ArrayLike,
    server_overhead: ArrayLike = 1.0,
) -> ArrayLike:
    """Useful FLOP per joule at the wall plug: peak x utilization / (W x overhead x PUE).

    Returns
    -------
    Effective efficiency. [FLOP/J]
    """
    check_physical("accelerator_power_w", accelerator_power_w, strict=True)
    check_physical("pue", pue, minimum=1.0)
    check_physical("server_overhead", server_overhead, minimum=1.0)
    return (
        np.asarray(peak_flop_per_s, float)
        * utilization
        / (np.asarray(accelerator_power_w, float) * server_overhead * pue)
    )


def carbon_intensity_g_per_kwh(scenario: Scenario, catalog: Catalog) -> float:
    """Carbon intensity of the run's electricity: a named grid, or the scenario's mix."""
    cat = catalog
    if scenario.grid == MY_MIX_GRID:
        return float(
            grid.mix_intensity_g_per_kwh(scenario.mix_weights(), cat["generation_sources"])
        )
    rows = cat.rows_by("grids", "grid_id").get(scenario.grid)
    if not rows:
        raise ValueError(f"unknown grid {scenario.grid!r}")
    return float(rows[0]["carbon_intensity_g_per_kwh"])


@dataclass(frozen=True)
class TrainingResult:
    """Everything the training page shows, each in the unit its name says."""

    training_flop: float
    tokens: float
    accelerator_hours: float
    days: float
    energy_mwh: float
    facility_power_mw: float
    carbon_intensity_g_per_kwh: float
    emissions_tco2e: float
    cost_usd: float
    efficiency_flop_per_j: float
    efficiency_x_h100: float

    @property
    def facility_power_gw(self) -> float:
        """Facility power of the cluster. [GW]"""
        return self.facility_power_mw / 1000.0


def estimate_run(scenario: Scenario, catalog: Catalog) -> TrainingResult:
    """Chain the training equations for one scenario (docs/methods/equations.md, "One
    training run")."""
    cat = catalog
    chip = chip_spec(scenario, cat)
    tokens = scenario.training_tokens()
    flop = float(training_flop(scenario.params, tokens))
    hours = float(accelerator_hours(flop, chip.peak_flop_per_s, scenario.utilization))
    energy = float(energy_mwh(hours, chip.power_w, scenario.pue, scenario.server_overhead))
    intensity = carbon_intensity_g_per_kwh(scenario, cat)
    eff = float(
        wall_efficiency_flop_per_j(
            chip.peak_flop_per_s,
            scenario.utilization,
            chip.power_w,
            scenario.pue,
            scenario.server_overhead,
        )
    )
    ref = chip_row(cat, REFERENCE_CHIP)
    ref_eff = float(
        wall_efficiency_flop_per_j(
            float(ref["bf16_dense_tflops"]) * FLOP_PER_TFLOP,
            scenario.utilization,
            float(ref["tdp_w"]),
            scenario.pue,
            scenario.server_overhead,
        )
    )
    return TrainingResult(
        training_flop=flop,
        tokens=float(tokens),
        accelerator_hours=hours,
        days=float(run_days(hours, scenario.cluster_size)),
        energy_mwh=energy,
        facility_power_mw=float(
            facility_power_mw(
                scenario.cluster_size, chip.power_w, scenario.pue, scenario.server_overhead
            )
        ),
        carbon_intensity_g_per_kwh=intensity,
        emissions_tco2e=float(grid.emissions_tco2e(energy, intensity)),
        cost_usd=float(electricity_cost_usd(energy, scenario.price_usd_per_mwh)),
        efficiency_flop_per_j=eff,
        efficiency_x_h100=eff / ref_eff,
    )
