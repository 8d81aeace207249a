"""The generation mix: carbon intensity, cost, nameplate capacity needed, and lead times.

Every function takes the data tables it reads (data/generation_sources.csv,
data/build_limits.csv, data/mix_presets.csv) as arguments: the model never reads the disk.
They read the tables' columns as arrays in table order (the mix's shares are in that order
too) rather than through set_index and .loc, which cost ~0.2 ms a call on every rerun of
Power it.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from model.catalog import default_catalog
from model.checks import ArrayLike, check_physical
from model.constants import HOURS_PER_YEAR

#: Sources counted as reactors and as gas units in the power page's plant counts.
REACTOR_SOURCES = ("nuclear_large", "nuclear_smr")
GAS_UNIT_SOURCES = ("gas_ccgt", "gas_peaker")
#: Sources whose output depends on the weather (wind and sun), and low-carbon ones the
#: page compares gas with.
VARIABLE_SOURCES = ("wind_onshore", "wind_offshore", "solar_pv_utility")
LOW_CARBON_SOURCES = ("nuclear_large", "wind_onshore", "wind_offshore", "solar_pv_utility")


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


def normalise_shares(shares: Mapping[str, float], sources: pd.DataFrame) -> pd.Series:
    """Weights by source id -> shares that sum to 1, in the order of the sources table.

    `sources` is data/generation_sources.csv. Raises ValueError naming unknown ids, naming
    negative or non-finite weights, and when every weight is zero (there is no mix).
    """
    ids = sources["source_id"].tolist()
    unknown = sorted(set(shares) - {str(i) for i in ids})
    if unknown:
        raise ValueError(f"unknown generation source id(s): {', '.join(unknown)}")
    weights = np.array([float(shares.get(sid, 0.0)) for sid in ids])
    bad = [str(sid) for sid, w in zip(ids, weights, strict=True) if not np.isfinite(w) or w < 0]
    if bad:
        raise ValueError(f"weights must be finite and >= 0: {', '.join(bad)}")
    total = float(weights.sum())
    if total <= 0:
        raise ValueError("every source has a weight of zero: give at least one source a weight")
    return pd.Series(weights / total, index=ids)


def _column(table: pd.DataFrame, column: str) -> np.ndarray:
    """One column of a data table as floats, in table order."""
    return table[column].to_numpy(float)


def _by_source(table: pd.DataFrame, column: str, ids: pd.Index) -> np.ndarray:
    """`column` of a table with a source_id column, for the sources `ids` in that order
    (NaN for a source the table lacks)."""
    values = dict(zip(table["source_id"], _column(table, column), strict=True))
    return np.array([values.get(sid, np.nan) for sid in ids])


def mix_intensity_g_per_kwh(
    shares: Mapping[str, float], sources: pd.DataFrame | None = None
) -> float:
    """Lifecycle carbon intensity of a mix: sum of share x source intensity. [gCO2e/kWh]

    Outside checks call it by this name (docs/methods/equations.md, "Generation mix"),
    so `sources` may be left out: it then defaults to the shipped
    data/generation_sources.csv.
    """
    table = default_catalog()["generation_sources"] if sources is None else sources
    return _intensity(normalise_shares(shares, table).to_numpy(), table)


def _intensity(norm: np.ndarray, sources: pd.DataFrame) -> float:
    # Normalised shares in table order (normalise_shares) x each source's lifecycle g/kWh.
    return float((norm * _column(sources, "lifecycle_gco2e_per_kwh")).sum())


def mix_cost_usd_per_mwh(shares: Mapping[str, float], sources: pd.DataFrame) -> tuple[float, float]:
    """Energy-weighted LCOE range of a mix: sum of share x LCOE, low and high. [USD/MWh]"""
    return _cost(normalise_shares(shares, sources).to_numpy(), sources)


def _cost(norm: np.ndarray, sources: pd.DataFrame) -> tuple[float, float]:
    # Normalised shares in table order x each source's LCOE, low and high.
    return (
        float((norm * _column(sources, "lcoe_low_usd_per_mwh")).sum()),
        float((norm * _column(sources, "lcoe_high_usd_per_mwh")).sum()),
    )


def nameplate_gw(
    load_gw: float,
    shares: Mapping[str, float],
    sources: pd.DataFrame,
    build_limits: pd.DataFrame,
) -> pd.Series:
    """Nameplate per source to serve a flat 24/7 load: share x load / firm factor. [GW]

    The firm factor (data/build_limits.csv) is the power a flat load can count on per GW of
    nameplate: availability for dispatchable plants, half the capacity factor for wind and
    solar without storage. The projection (model/fleet.py) counts sources the same way.
    """
    check_physical("load_gw", load_gw)
    norm = normalise_shares(shares, sources)
    return pd.Series(_nameplate(norm, load_gw, build_limits), index=norm.index)


def _nameplate(norm: pd.Series, load_gw: float, build_limits: pd.DataFrame) -> np.ndarray:
    # Normalised shares x load / each source's firm factor (NaN for a source without one).
    return norm.to_numpy() * load_gw / _by_source(build_limits, "firm_factor", norm.index)


def _unit_counts(plates: Mapping[str, float], unit_gw: float) -> dict[str, float]:
    """Reactors (large and small nuclear) and gas units (combined cycle and peakers) of
    `unit_gw` each in a per-source nameplate [GW], by source id. [units]"""

    def total_gw(ids: tuple[str, ...]) -> float:
        # Sources not in the nameplate count 0, and so do NaN ones (as pandas' sum skips them).
        return float(np.nansum([plates.get(sid, 0.0) for sid in ids]))

    return {
        "reactors": total_gw(REACTOR_SOURCES) / unit_gw,
        "gas_units": total_gw(GAS_UNIT_SOURCES) / unit_gw,
    }


def annual_emissions_mt(load_gw: ArrayLike, carbon_intensity_g_per_kwh: ArrayLike) -> ArrayLike:
    """Emissions per year of an average load: GW x 8760 h x g/kWh. [MtCO2e/yr]

    1 GW for a year is 8.76e6 MWh; times g/kWh / 1000 gives t; / 1e6 gives Mt.
    """
    return emissions_tco2e(annual_energy_mwh(load_gw), carbon_intensity_g_per_kwh) / 1e6


def annual_energy_mwh(load_gw: ArrayLike) -> ArrayLike:
    """Energy of an average load held for a year: GW x 8760 h x 1000. [MWh/yr]"""
    check_physical("load_gw", load_gw)
    return np.asarray(load_gw, float) * HOURS_PER_YEAR * 1000.0


def preset_weights(preset_id: str, presets: pd.DataFrame) -> dict[str, float]:
    """Weights by source id of a named mix preset from data/mix_presets.csv."""
    rows = presets.loc[presets["preset_id"] == preset_id]
    if rows.empty:
        raise ValueError(f"unknown mix preset {preset_id!r}")
    ids = rows["source_id"].astype(str).tolist()
    return dict(zip(ids, rows["share"].to_numpy(float).tolist(), strict=True))


def lead_times(sources: pd.DataFrame, ids: tuple[str, ...]) -> pd.DataFrame:
    """Label and low / mid / high lead time of the sources `ids`, in that order. [years]"""
    row = {sid: i for i, sid in enumerate(sources["source_id"])}
    unknown = [sid for sid in ids if sid not in row]
    if unknown:
        raise KeyError(f"unknown generation source id(s): {', '.join(unknown)}")
    at = [row[sid] for sid in ids]
    return pd.DataFrame(
        {
            "label": sources["label"].to_numpy()[at],
            "low": _column(sources, "lead_time_low_years")[at],
            "mid": _column(sources, "lead_time_mid_years")[at],
            "high": _column(sources, "lead_time_high_years")[at],
        },
        index=pd.Index(ids, name="source_id"),
    )


def source_contrasts(sources: pd.DataFrame, build_limits: pd.DataFrame) -> dict[str, float]:
    """The figures the source comparison's caption quotes, from the data tables.

    Returns gas_vs_low_carbon_low/high (lifecycle gCO2e/kWh of a CCGT over that of the
    dirtiest and cleanest of LOW_CARBON_SOURCES) [x], variable_cf_low/high (capacity
    factors of VARIABLE_SOURCES) [-] and variable_firm_low/high (their firm factors) [-].
    """
    table = sources.set_index("source_id")
    firm = build_limits.set_index("source_id")["firm_factor"]
    gas = float(table["lifecycle_gco2e_per_kwh"].astype(float)["gas_ccgt"])
    clean = table.loc[list(LOW_CARBON_SOURCES), "lifecycle_gco2e_per_kwh"].astype(float)
    cf = table.loc[list(VARIABLE_SOURCES), "capacity_factor"].astype(float)
    firm_var = firm.loc[list(VARIABLE_SOURCES)].astype(float)
    return {
        "gas_vs_low_carbon_low": gas / float(clean.max()),
        "gas_vs_low_carbon_high": gas / float(clean.min()),
        "variable_cf_low": float(cf.min()),
        "variable_cf_high": float(cf.max()),
        "variable_firm_low": float(firm_var.min()),
        "variable_firm_high": float(firm_var.max()),
    }


def build_by_source(supply: pd.DataFrame, year: int, base_year: int) -> pd.DataFrame:
    """What the build inputs do to each source of the mix, from the projection's fleet.

    `supply` is model.projection.supply_by_source (source_id, year, nameplate_wanted_gw,
    nameplate_started_gw, firm_delivered_gw). Returns, per source the mix builds (indexed
    by source id): nameplate wanted and started in the base year [GW/yr], whether the
    build cap binds then, the first year new builds deliver firm power [year, or NaN if
    never], and firm power delivered by `year` [GW].
    """
    ids = supply["source_id"].to_numpy()
    years = supply["year"].to_numpy()
    firm = _column(supply, "firm_delivered_gw")
    wanted_any = _column(supply, "nameplate_wanted_gw")
    built = np.isin(ids, [sid for sid in dict.fromkeys(ids) if np.any(wanted_any[ids == sid] > 0)])
    base = np.flatnonzero(built & (years == base_year))
    at_year = {ids[i]: firm[i] for i in np.flatnonzero(built & (years == year))}
    first: dict[str, float] = {}
    for i in np.flatnonzero(built & (firm > 0)):
        first[ids[i]] = min(first.get(ids[i], np.inf), float(years[i]))
    wanted = wanted_any[base]
    started = _column(supply, "nameplate_started_gw")[base]
    return pd.DataFrame(
        {
            "wanted_gw_per_yr": wanted,
            "started_gw_per_yr": started,
            "capped": started < wanted * (1 - 1e-9),
            "first_year_delivers": [first.get(sid, np.nan) for sid in ids[base]],
            "firm_by_year_gw": [at_year.get(sid, np.nan) for sid in ids[base]],
        },
        index=pd.Index(ids[base], name="source_id"),
    )


def last_first_power_year(first_years: pd.Series) -> int | None:
    """The latest first-power year among a mix's sources: the year the whole mix is
    delivering, or None if some source delivers nothing by the projection's end.
    `first_years` is build_by_source's first_year_delivers. [year]"""
    first = first_years.to_numpy(dtype=float)
    if first.size == 0 or not np.all(np.isfinite(first)):
        return None
    return int(first.max())


#: Columns of load_outputs' summary, in order.
LOAD_OUTPUT_COLUMNS = (
    "load_gw",
    "nameplate_gw",
    "reactors",
    "gas_units",
    "emissions_tco2e_per_yr",
    "cost_low_usd_per_yr",
    "cost_high_usd_per_yr",
)


def load_outputs(
    loads_gw: Mapping[str, float],
    shares: Mapping[str, float],
    sources: pd.DataFrame,
    build_limits: pd.DataFrame,
    unit_gw: float,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """What serving each named flat load from the mix takes, for the power page.

    Returns (summary, nameplates). `summary` is indexed by load name with load_gw,
    nameplate_gw [GW], reactors and gas_units (of `unit_gw` each) [units],
    emissions_tco2e_per_yr [tCO2e/yr] (lifecycle), cost_low_usd_per_yr and
    cost_high_usd_per_yr [USD/yr] (energy x LCOE range). `nameplates` has a column of
    nameplate per source [GW] for each load, indexed by source id.
    """
    check_physical("unit_gw", unit_gw, strict=True)
    norm = normalise_shares(shares, sources)
    intensity = _intensity(norm.to_numpy(), sources)
    cost_low, cost_high = _cost(norm.to_numpy(), sources)
    per_gw = _nameplate(norm, 1.0, build_limits)  # as nameplate_gw(1.0, ...)
    plates = {name: per_gw * gw for name, gw in loads_gw.items()}
    rows = []
    for name, gw in loads_gw.items():
        energy = float(annual_energy_mwh(gw))
        counts = _unit_counts(dict(zip(norm.index, plates[name], strict=True)), unit_gw)
        rows.append(
            (
                float(gw),
                float(np.nansum(plates[name])),
                counts["reactors"],
                counts["gas_units"],
                float(emissions_tco2e(energy, intensity)),
                energy * cost_low,
                energy * cost_high,
            )
        )
    summary = pd.DataFrame(rows, columns=list(LOAD_OUTPUT_COLUMNS), index=list(loads_gw))
    return summary, pd.DataFrame(plates, index=norm.index)
