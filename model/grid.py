"""The generation mix: carbon intensity, cost, nameplate capacity needed, and lead times."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from model.catalog import default_catalog
from model.checks import ArrayLike, check_physical
from model.constants import HOURS_PER_YEAR


def emissions_tco2e(energy_mwh: ArrayLike, carbon_intensity_g_per_kwh: ArrayLike) -> ArrayLike:
    """Emissions of an energy use: MWh x g/kWh / 1000 (1 g/kWh = 1 kg/MWh = 1e-3 t/MWh).

    Parameters
    ----------
    energy_mwh : Electricity used. [MWh]
    carbon_intensity_g_per_kwh : Carbon intensity of that electricity. [gCO2e/kWh]

    Returns
    -------
    Emissions. [tCO2e]
    """
    check_physical("energy_mwh", energy_mwh)
    check_physical("carbon_intensity_g_per_kwh", carbon_intensity_g_per_kwh)
    return np.asarray(energy_mwh, float) * carbon_intensity_g_per_kwh / 1000.0


def _sources(sources: pd.DataFrame | None) -> pd.DataFrame:
    table = default_catalog()["generation_sources"] if sources is None else sources
    return table.set_index("source_id")


def normalise_shares(shares: Mapping[str, float], sources: pd.DataFrame | None = None) -> pd.Series:
    """Weights by source id -> shares that sum to 1, in the order of the sources table.

    Raises ValueError naming unknown ids, naming negative or non-finite weights, and
    when every weight is zero (there is no mix to speak of).
    """
    table = _sources(sources)
    unknown = sorted(set(shares) - {str(i) for i in table.index})
    if unknown:
        raise ValueError(f"unknown generation source id(s): {', '.join(unknown)}")
    weights = pd.Series({sid: float(shares.get(sid, 0.0)) for sid in table.index})
    bad = [str(sid) for sid, w in weights.items() if not np.isfinite(w) or w < 0]
    if bad:
        raise ValueError(f"weights must be finite and >= 0: {', '.join(bad)}")
    total = float(weights.sum())
    if total <= 0:
        raise ValueError("every source has a weight of zero: give at least one source a weight")
    return weights / total


def mix_intensity_g_per_kwh(
    shares: Mapping[str, float], sources: pd.DataFrame | None = None
) -> float:
    """Lifecycle carbon intensity of a mix: sum of share x source intensity. [gCO2e/kWh]"""
    norm = normalise_shares(shares, sources)
    return float((norm * _sources(sources)["lifecycle_gco2e_per_kwh"]).sum())


def mix_cost_usd_per_mwh(
    shares: Mapping[str, float], sources: pd.DataFrame | None = None
) -> tuple[float, float]:
    """Energy-weighted LCOE range of a mix: sum of share x LCOE, low and high. [USD/MWh]"""
    norm = normalise_shares(shares, sources)
    table = _sources(sources)
    return (
        float((norm * table["lcoe_low_usd_per_mwh"]).sum()),
        float((norm * table["lcoe_high_usd_per_mwh"]).sum()),
    )


def nameplate_gw(
    load_gw: float, shares: Mapping[str, float], sources: pd.DataFrame | None = None
) -> pd.Series:
    """Nameplate capacity per source to serve an average load: share x load / CF. [GW]"""
    check_physical("load_gw", load_gw)
    norm = normalise_shares(shares, sources)
    return norm * load_gw / _sources(sources)["capacity_factor"]


def mix_capacity_factor(shares: Mapping[str, float], sources: pd.DataFrame | None = None) -> float:
    """Average power delivered per GW of nameplate built in this mix. [GW/GW]

    Shares are shares of energy, so nameplate per GW of load is sum(share / CF) and
    this is its inverse (a harmonic mean of the capacity factors).
    """
    norm = normalise_shares(shares, sources)
    return float(1.0 / (norm / _sources(sources)["capacity_factor"]).sum())


def arrival_years(
    start_year: int, shares: Mapping[str, float], sources: pd.DataFrame | None = None
) -> pd.DataFrame:
    """For each source with a share: first year its new capacity delivers (low/mid/high)."""
    norm = normalise_shares(shares, sources)
    table = _sources(sources)
    used = norm[norm > 0].index
    return pd.DataFrame(
        {
            "share": norm[used],
            "first_year_low": start_year + table.loc[used, "lead_time_low_years"],
            "first_year_mid": start_year + table.loc[used, "lead_time_mid_years"],
            "first_year_high": start_year + table.loc[used, "lead_time_high_years"],
        }
    )


def annual_emissions_mt(load_gw: ArrayLike, carbon_intensity_g_per_kwh: ArrayLike) -> ArrayLike:
    """Emissions per year of an average load: GW x 8760 h x g/kWh. [MtCO2e/yr]

    1 GW for a year is 8.76e6 MWh; times g/kWh / 1000 gives t; / 1e6 gives Mt.
    """
    energy = np.asarray(load_gw, float) * HOURS_PER_YEAR * 1000.0  # GW x h -> MWh
    return emissions_tco2e(energy, carbon_intensity_g_per_kwh) / 1e6


def preset_weights(preset_id: str, presets: pd.DataFrame | None = None) -> dict[str, float]:
    """Weights by source id of a named mix preset from data/mix_presets.csv."""
    table = default_catalog()["mix_presets"] if presets is None else presets
    rows = table.loc[table["preset_id"] == preset_id]
    if rows.empty:
        raise ValueError(f"unknown mix preset {preset_id!r}")
    ids = rows["source_id"].astype(str).tolist()
    return dict(zip(ids, rows["share"].to_numpy(float).tolist(), strict=True))
