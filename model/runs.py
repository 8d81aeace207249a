"""Published training runs, with FLOP and energy filled from their published inputs."""

from __future__ import annotations

import numpy as np
import pandas as pd

from model import grid, training
from model.catalog import Catalog
from model.constants import BILLION, HOURS_PER_DAY


def published_runs(catalog: Catalog) -> pd.DataFrame:
    """data/training_runs.csv plus `flop`, `flop_basis`, `energy_mwh_best`, `energy_basis`.

    FLOP: the published figure, else 6 N D from published parameters and tokens.
    Energy: the published MWh, else Epoch AI's estimated power draw x run length.
    """
    runs = catalog["training_runs"].copy()
    params = (runs["params_active_b"].fillna(runs["params_total_b"]) * BILLION).to_numpy(float)
    tokens = (runs["train_tokens_b"] * BILLION).to_numpy(float)
    known = np.isfinite(params) & np.isfinite(tokens)
    six_nd = np.full(len(runs), np.nan)
    six_nd[known] = training.training_flop(params[known], tokens[known])
    has_flop = runs["train_flop"].notna()
    runs["flop"] = np.where(has_flop, runs["train_flop"], six_nd)
    runs["flop_basis"] = np.where(
        has_flop, "published", np.where(np.isfinite(six_nd), "6ND from published N, D", "")
    )
    epoch_mwh = runs["epoch_power_mw"] * runs["train_days"] * HOURS_PER_DAY
    has_energy = runs["energy_mwh"].notna()
    runs["energy_mwh_best"] = np.where(has_energy, runs["energy_mwh"], epoch_mwh)
    runs["energy_basis"] = np.where(
        has_energy,
        "published",
        np.where(epoch_mwh.notna(), "Epoch AI power estimate x run length", ""),
    )
    return runs


def reproduce_energy_mwh(runs: pd.DataFrame) -> pd.Series:
    """Energy from each run's published inputs: chip-hours x W per chip x PUE. [MWh]

    Chip-hours are the published figure, else chips x days x 24. A blank PUE means the
    published W already includes it (Meta) or was not applied (BLOOM): PUE 1.
    """
    hours = runs["chip_hours"].fillna(runs["n_chips"] * runs["train_days"] * HOURS_PER_DAY)
    out = [
        float(training.energy_mwh(h, w, 1.0 if np.isnan(p) else p))
        if np.isfinite(h) and np.isfinite(w)
        else np.nan
        for h, w, p in zip(hours, runs["w_per_chip"], runs["pue"], strict=True)
    ]
    return pd.Series(out, index=runs.index, name="energy_mwh_model")


def reproduce_emissions_tco2e(runs: pd.DataFrame) -> pd.Series:
    """Emissions from the model's energy and the published grid factor. [tCO2e]"""
    energy = reproduce_energy_mwh(runs)
    out = [
        float(grid.emissions_tco2e(e, kg * 1000.0))
        if np.isfinite(e) and np.isfinite(kg)
        else np.nan
        for e, kg in zip(energy, runs["grid_kg_co2e_per_kwh"], strict=True)
    ]
    return pd.Series(out, index=runs.index, name="tco2e_model")
