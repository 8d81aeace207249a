"""Growth versus power, year by year: demand, buildable supply, the wall, achieved compute.

Every function here works on numpy arrays of shape (samples, years) so that the Monte Carlo
in model/uncertainty.py runs the same equations on all samples at once.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd

from model import grid, training
from model.catalog import Catalog, default_catalog
from model.constants import CHINCHILLA_TOKENS_PER_PARAM, SECONDS_PER_DAY, W_PER_GW
from model.scenario import BASE_YEAR, END_YEAR, Scenario

Array = npt.NDArray[np.float64]

#: Years over which the already-committed pipeline arrives (2026, 2027, 2028). [years]
PIPELINE_YEARS = 3.0


def years() -> npt.NDArray[np.int64]:
    """The projection's years, BASE_YEAR to END_YEAR inclusive."""
    return np.arange(BASE_YEAR, END_YEAR + 1)


def frontier_flop_base(scenario: Scenario) -> float:
    """Base-year frontier training compute: given directly, or 6 N (20 N). [FLOP]"""
    if scenario.frontier_basis == "params":
        tokens = CHINCHILLA_TOKENS_PER_PARAM * scenario.frontier_params
        return float(training.training_flop(scenario.frontier_params, tokens))
    return float(scenario.frontier_flop_base)


def base_efficiency_flop_per_j(scenario: Scenario, catalog: Catalog | None = None) -> float:
    """E0: useful FLOP per joule at the wall for the scenario's chip and facility. [FLOP/J]"""
    chip = training.chip_spec(scenario, catalog)
    return float(
        training.wall_efficiency_flop_per_j(
            chip.peak_flop_per_s,
            scenario.utilization,
            chip.power_w,
            scenario.pue,
            scenario.server_overhead,
        )
    )


@dataclass(frozen=True)
class SupplyInputs:
    """The supply side as arrays: shares and capacity factors per source, lead times."""

    shares: Array  # (sources,) normalised
    capacity_factor: Array  # (sources,)
    lead_time_years: Array  # (samples, sources)


def supply_inputs(scenario: Scenario, catalog: Catalog | None = None) -> SupplyInputs:
    """Mid lead times and the scenario's normalised mix, for a single projection."""
    table = (catalog or default_catalog())["generation_sources"]
    shares = grid.normalise_shares(scenario.mix_weights(), table)
    indexed = table.set_index("source_id").loc[shares.index]
    return SupplyInputs(
        shares=shares.to_numpy(float),
        capacity_factor=indexed["capacity_factor"].to_numpy(float),
        lead_time_years=indexed["lead_time_mid_years"].to_numpy(float)[None, :],
    )


def supply_gw(
    dt: Array,
    supply_base_gw: float,
    pipeline_gw: float,
    build_rate_gw_per_yr: Array,
    supply: SupplyInputs,
) -> Array:
    """Average power available to AI by year.

    S(t) = S0 + pipeline x min(dt, 3) / 3 + B x sum_i w_i x max(0, dt - L_i), where
    w_i = share_i / sum_j (share_j / CF_j): new capacity is started at a steady B GW
    nameplate per year from the base year, split so that source i delivers `share_i` of
    the energy (the same meaning of shares as model.grid), and arriving after its lead
    time L_i. sum_i w_i is the mix's average power per GW of nameplate.

    Parameters
    ----------
    dt : Years since the base year, shape (years,). [years]
    supply_base_gw : Power available in the base year. [GW]
    pipeline_gw : Already-committed capacity arriving over PIPELINE_YEARS. [GW]
    build_rate_gw_per_yr : Nameplate started per year, shape (samples, 1). [GW/yr]
    supply : Shares, capacity factors and lead times (samples, sources). [-, -, years]

    Returns
    -------
    Supply, shape (samples, years). [GW]
    """
    used = supply.shares > 0
    lead = supply.lead_time_years[:, used][:, :, None]  # (samples, sources, 1)
    per_gw = supply.shares[used] / np.sum(supply.shares[used] / supply.capacity_factor[used])
    weight = per_gw[None, :, None]
    delivered_years = np.maximum(0.0, dt[None, None, :] - lead)  # (samples, sources, years)
    per_nameplate = (weight * delivered_years).sum(axis=1)  # (samples, years)
    pipeline = pipeline_gw * np.minimum(dt, PIPELINE_YEARS) / PIPELINE_YEARS
    return supply_base_gw + pipeline[None, :] + build_rate_gw_per_yr * per_nameplate


def demand_paths(
    dt: Array,
    scenario: Scenario,
    compute_growth: Array,
    efficiency_doubling_years: Array,
    other_ai_growth: Array,
    efficiency_base_flop_per_j: float,
) -> dict[str, Array]:
    """Frontier compute, efficiency, run length, run power and all-AI demand, (samples, years).

    C(t) = C0 g^dt; E(t) = E0 2^(dt/d); T(t) = min(T0 r^dt, cap);
    P_run = C / (E T); demand = other0 x h^dt + k x P_run.
    """
    compute = frontier_flop_base(scenario) * compute_growth ** dt[None, :]
    efficiency = efficiency_base_flop_per_j * 2.0 ** (dt[None, :] / efficiency_doubling_years)
    days = np.minimum(
        scenario.run_days_base * scenario.run_length_growth**dt, scenario.run_days_cap
    )
    run_power_gw = compute / (efficiency * days[None, :] * SECONDS_PER_DAY) / W_PER_GW
    other_gw = scenario.other_ai_power_base_gw * other_ai_growth ** dt[None, :]
    demand_gw = other_gw + scenario.frontier_runs * run_power_gw
    return {
        "compute_demand_flop": compute,
        "efficiency_flop_per_j": efficiency,
        "run_days": np.broadcast_to(days, compute.shape),
        "frontier_run_power_gw": run_power_gw,
        "other_ai_power_gw": np.broadcast_to(other_gw, compute.shape),
        "power_demand_gw": demand_gw,
    }


def constrain(paths: dict[str, Array], supply: Array) -> dict[str, Array]:
    """Achieved power = min(demand, supply); compute scales by the share of demand served."""
    demand = paths["power_demand_gw"]
    achieved = np.minimum(demand, supply)
    served = np.divide(achieved, demand, out=np.ones_like(demand), where=demand > 0)
    return {
        **paths,
        "power_supply_gw": supply,
        "power_achieved_gw": achieved,
        "compute_achieved_flop": paths["compute_demand_flop"] * served,
        "energy_limited": demand > supply,
    }


def project(scenario: Scenario, catalog: Catalog | None = None) -> pd.DataFrame:
    """One row per year from BASE_YEAR to END_YEAR with DESIGN.md's projection columns."""
    cat = catalog or default_catalog()
    yrs = years()
    dt = (yrs - BASE_YEAR).astype(float)
    paths = demand_paths(
        dt,
        scenario,
        np.array([[scenario.compute_growth]]),
        np.array([[scenario.efficiency_doubling_years]]),
        np.array([[scenario.other_ai_growth]]),
        base_efficiency_flop_per_j(scenario, cat),
    )
    supply = supply_gw(
        dt,
        scenario.supply_base_gw,
        scenario.pipeline_gw,
        np.array([[scenario.build_rate_gw_per_yr]]),
        supply_inputs(scenario, cat),
    )
    out = constrain(paths, supply)
    frame = pd.DataFrame({"year": yrs})
    for name, values in out.items():
        frame[name] = np.asarray(values)[0]
    return frame


def wall_year(frame: pd.DataFrame) -> int | None:
    """First year in which demand exceeds supply, or None if it never does."""
    limited = frame.loc[frame["energy_limited"].astype(bool), "year"]
    return None if limited.empty else int(limited.iloc[0])


def growth_after_wall(frame: pd.DataFrame) -> float | None:
    """Average yearly growth of achieved frontier compute from the wall to the end. [x/yr]"""
    wall = wall_year(frame)
    if wall is None or wall >= END_YEAR:
        return None
    achieved = frame.set_index("year")["compute_achieved_flop"]
    return float((achieved[END_YEAR] / achieved[wall]) ** (1.0 / (END_YEAR - wall)))


def growth_decomposition(scenario: Scenario) -> dict[str, float]:
    """Epoch AI's identity for the first year: power growth = compute / (efficiency x length).

    Returns yearly multipliers [x/yr]; run-length growth stops at the cap.
    """
    efficiency = 2.0 ** (1.0 / scenario.efficiency_doubling_years)
    cap = scenario.run_days_cap
    length = min(scenario.run_days_base * scenario.run_length_growth, cap) / min(
        scenario.run_days_base, cap
    )
    return {
        "compute_growth": scenario.compute_growth,
        "efficiency_growth": efficiency,
        "run_length_growth": length,
        "power_growth": scenario.compute_growth / (efficiency * length),
    }
