"""Growth versus power, year by year: the six limits on the largest run, the fleet, the wall.

`simulate` runs the equations of DESIGN.md (Projection) on arrays of shape (samples, years),
so `project` (one sample) and the Monte Carlo in model/uncertainty.py share them. Limits
come from model/limits.py, supply from model/fleet.py; this module ties them together
year by year, because demand after a shortage grows from what was served.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from model import fleet, limits, training
from model.catalog import Catalog, chip_row, default_catalog
from model.constants import (
    CHINCHILLA_TOKENS_PER_PARAM,
    FLOP_PER_EFLOP,
    FLOP_PER_TFLOP,
    SECONDS_PER_DAY,
)
from model.scenario import BASE_YEAR, END_YEAR, INPUTS_BY_NAME, Scenario

Array = npt.NDArray[np.float64]

#: The chip whose FLOP/s defines an H100-equivalent (Epoch AI's unit of chip stock).
H100 = "NVIDIA H100 SXM5"
CONSTRAINTS = limits.CONSTRAINTS
#: The frame's column holding each step's limit on the largest run (the trend's is the
#: compute it would use). [FLOP]
LIMIT_COLUMNS: dict[str, str] = {
    "trend": "compute_demand_flop",
    **{step: f"compute_limit_{step}_flop" for step in CONSTRAINTS[1:]},
}


def years() -> npt.NDArray[np.int64]:
    """The projection's years, BASE_YEAR to END_YEAR inclusive."""
    return np.arange(BASE_YEAR, END_YEAR + 1)


def frontier_flop_base(scenario: Scenario) -> float:
    """Base-year frontier training compute: given directly, or 6 N (20 N). [FLOP]"""
    if scenario.frontier_basis == "params":
        tokens = CHINCHILLA_TOKENS_PER_PARAM * scenario.frontier_params
        return float(training.training_flop(scenario.frontier_params, tokens))
    return float(scenario.frontier_flop_base)


def base_efficiency_flop_per_j(scenario: Scenario, catalog: Catalog) -> float:
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
class Fixed:
    """What a projection takes from the scenario and catalog that no sample varies."""

    sources: fleet.Sources
    base_efficiency_flop_per_j: float
    wall_ceiling_flop_per_j: float
    h100_flop_per_s: float
    utilization: float
    run_seconds: Array  # (years,)


def fixed_inputs(scenario: Scenario, catalog: Catalog) -> Fixed:
    """The scenario's non-sampled facts: sources, efficiency, H100 FLOP/s, run length."""
    dt = (years() - BASE_YEAR).astype(float)
    return Fixed(
        sources=fleet.sources_for(scenario, catalog),
        base_efficiency_flop_per_j=base_efficiency_flop_per_j(scenario, catalog),
        wall_ceiling_flop_per_j=limits.wall_ceiling_flop_per_j(
            scenario.efficiency_ceiling_flop_per_j,
            scenario.utilization,
            scenario.server_overhead,
            scenario.pue,
        ),
        h100_flop_per_s=float(chip_row(catalog, H100)["bf16_dense_tflops"]) * FLOP_PER_TFLOP,
        utilization=scenario.utilization,
        run_seconds=limits.run_seconds(
            dt, scenario.run_days_base, scenario.run_length_growth, scenario.run_days_cap
        ),
    )


def scenario_values(scenario: Scenario) -> dict[str, Array]:
    """Every numeric input as an array of shape (1, 1), plus the resolved base-year run."""
    values = {
        name: np.array([[float(value)]])
        for name, value in dataclasses.asdict(scenario).items()
        if INPUTS_BY_NAME[name].kind in ("float", "int")
    }
    values["frontier_flop_base"] = np.array([[frontier_flop_base(scenario)]])
    return values


def _limits_without_power(j: int, paths: Mapping[str, Array], capital: Array) -> tuple[Array, ...]:
    return (
        paths["trend"][:, j],
        paths["chips"][:, j],
        capital,
        paths["data"][:, j],
        paths["latency"][:, j],
    )


def exogenous_paths(dt: Array, values: Mapping[str, Array], fixed: Fixed) -> dict[str, Array]:
    """The paths that do not depend on the fleet: efficiency, trend, chips, data, money."""
    shape = np.broadcast_shapes(values["compute_growth"].shape, (1, dt.size))
    efficiency = limits.efficiency_flop_per_j(
        dt,
        fixed.base_efficiency_flop_per_j,
        values["efficiency_doubling_years"],
        fixed.wall_ceiling_flop_per_j,
    )
    stock = limits.chip_stock_h100e(
        dt,
        values["chip_stock_base_h100e"],
        values["chip_stock_growth"],
        values["chip_stock_growth_late"],
    )
    run_chips = stock * values["run_chip_share"] / 100.0
    tokens = values["data_stock_tokens"] * values["data_stock_growth"] ** dt
    return {
        "efficiency": np.broadcast_to(efficiency, shape),
        "trend": np.broadcast_to(
            limits.trend_flop(dt, values["frontier_flop_base"], values["compute_growth"]), shape
        ),
        "chip_stock": np.broadcast_to(stock, shape),
        "run_chips": np.broadcast_to(run_chips, shape),
        "chips": np.broadcast_to(
            limits.chips_flop(
                run_chips, fixed.h100_flop_per_s, fixed.utilization, fixed.run_seconds
            ),
            shape,
        ),
        "data": np.broadcast_to(limits.data_flop(tokens), shape),
        "latency": np.broadcast_to(values["latency_wall_flop"], shape),
        "budget": np.broadcast_to(
            values["run_budget_base_usd"] * values["run_budget_growth"] ** dt, shape
        ),
        "hardware_cost": np.broadcast_to(
            limits.hardware_usd_per_flop(
                dt,
                values["hardware_cost_base_usd_per_eflop"] / FLOP_PER_EFLOP,
                values["price_performance_growth"],
            ),
            shape,
        ),
        "site": np.broadcast_to(
            limits.largest_site_gw(
                dt,
                values["campus_power_base_gw"],
                values["campus_growth"],
                values["campus_max_gw"],
                values["training_sites"],
            ),
            shape,
        ),
    }


def simulate(values: Mapping[str, Array], fixed: Fixed, lead_time_years: Array) -> dict[str, Array]:
    """Run the projection for every sample at once; each output is (samples, years).

    Per year: the frontier runs keep the power they had the year before (up to what they
    now want); serving (and smaller AI) is served next, from demand that grows from what
    was served the year before; the runs share what is left, one run taking at most the
    largest site and 1/k of it. Each step's limit is computed; the achieved run is the
    smallest. All-AI demand counts the runs every other limit (the largest site included)
    would allow; the wall is the first year that demand exceeds supply.
    """
    dt = (years() - BASE_YEAR).astype(float)
    paths = exogenous_paths(dt, values, fixed)
    supply = fleet.supply(dt, dict(values), fixed.sources, lead_time_years)
    samples, n_years = paths["trend"].shape
    supply_gw = np.broadcast_to(supply.supply_gw, (samples, n_years))
    k = values["frontier_runs"][:, 0]
    seconds = fixed.run_seconds
    lcoe = fixed.sources.lcoe_mid_usd_per_mwh
    names = (
        "inference_power_demand_gw",
        "inference_power_achieved_gw",
        "training_power_demand_gw",
        "electricity_price_usd_per_mwh",
        "compute_limit_capital_flop",
        "compute_limit_power_flop",
        "compute_wanted_flop",
        "run_power_cap_gw",
        "energy_share_of_run_cost",
    )
    out = {name: np.zeros((samples, n_years)) for name in names}
    served_compute = np.zeros(samples)  # GW x FLOP/J of the year before
    training_before = np.zeros(samples)  # frontier training power of the year before [GW]
    growth = values["other_ai_compute_growth"][:, 0]
    for j in range(n_years):
        e = paths["efficiency"][:, j]
        if j == 0:
            serve_demand = np.broadcast_to(values["other_ai_power_base_gw"][:, 0], (samples,))
        else:
            serve_demand = served_compute * growth / e
        base_price = lcoe * values["price_scale"][:, 0]
        capital_first = limits.capital_flop(
            paths["budget"][:, j],
            paths["hardware_cost"][:, j],
            limits.energy_usd_per_flop(base_price, e),
        )
        # What the runs ask the fleet for: every limit but the fleet's power, the largest
        # site included (no grid can feed a run bigger than the site it runs on).
        site_flop = limits.power_flop(paths["site"][:, j], e, seconds[j])
        wanted = np.minimum.reduce([*_limits_without_power(j, paths, capital_first), site_flop])
        train_demand = k * limits.run_power_gw(wanted, e, seconds[j])
        # Frontier runs keep the power they had (a lab does not switch off its training
        # campus); serving is served next; the runs take whatever is left.
        kept = np.minimum(np.minimum(training_before, train_demand), supply_gw[:, j])
        serve_got = np.minimum(serve_demand, supply_gw[:, j] - kept)
        left_gw = supply_gw[:, j] - serve_got
        short = serve_demand + train_demand > supply_gw[:, j]
        price = (
            base_price
            + short * values["scarcity_adder_usd_per_mwh"][:, 0] * values["price_scale"][:, 0]
        )
        energy_cost = limits.energy_usd_per_flop(price, e)
        capital = limits.capital_flop(
            paths["budget"][:, j], paths["hardware_cost"][:, j], energy_cost
        )
        cap_gw = np.minimum(paths["site"][:, j], left_gw / k)
        out["inference_power_demand_gw"][:, j] = serve_demand
        out["inference_power_achieved_gw"][:, j] = serve_got
        out["training_power_demand_gw"][:, j] = train_demand
        out["electricity_price_usd_per_mwh"][:, j] = price
        out["compute_limit_capital_flop"][:, j] = capital
        out["compute_limit_power_flop"][:, j] = limits.power_flop(cap_gw, e, seconds[j])
        out["compute_wanted_flop"][:, j] = wanted
        out["run_power_cap_gw"][:, j] = cap_gw
        out["energy_share_of_run_cost"][:, j] = energy_cost / (
            paths["hardware_cost"][:, j] + energy_cost
        )
        served_compute = serve_got * e
        training_before = k * limits.run_power_gw(
            np.minimum.reduce([out["compute_limit_power_flop"][:, j], wanted, capital]),
            e,
            seconds[j],
        )
    stacked = np.stack(
        [
            paths["trend"],
            out["compute_limit_power_flop"],
            paths["chips"],
            out["compute_limit_capital_flop"],
            paths["data"],
            paths["latency"],
        ],
        axis=-1,
    )
    achieved = stacked.min(axis=-1)
    run_achieved_gw = limits.run_power_gw(achieved, paths["efficiency"], seconds)
    training_achieved = k[:, None] * run_achieved_gw
    power_demand = out["inference_power_demand_gw"] + out["training_power_demand_gw"]
    return {
        "compute_demand_flop": np.array(paths["trend"]),
        "compute_limit_power_flop": out["compute_limit_power_flop"],
        "compute_limit_chips_flop": np.array(paths["chips"]),
        "compute_limit_capital_flop": out["compute_limit_capital_flop"],
        "compute_limit_data_flop": np.array(paths["data"]),
        "compute_limit_latency_flop": np.array(paths["latency"]),
        "compute_achieved_flop": achieved,
        "binding_index": limits.binding_index(stacked).astype(float),
        "compute_wanted_flop": out["compute_wanted_flop"],
        "efficiency_flop_per_j": np.array(paths["efficiency"]),
        "run_days": np.broadcast_to(seconds / SECONDS_PER_DAY, (samples, n_years)).copy(),
        "frontier_run_power_gw": limits.run_power_gw(paths["trend"], paths["efficiency"], seconds),
        "frontier_run_power_wanted_gw": limits.run_power_gw(
            out["compute_wanted_flop"], paths["efficiency"], seconds
        ),
        "frontier_run_power_achieved_gw": run_achieved_gw,
        "run_power_cap_gw": out["run_power_cap_gw"],
        "largest_site_gw": np.array(paths["site"]),
        "power_demand_gw": power_demand,
        "power_supply_gw": np.array(supply_gw),
        "power_achieved_gw": out["inference_power_achieved_gw"] + training_achieved,
        "inference_power_demand_gw": out["inference_power_demand_gw"],
        "inference_power_achieved_gw": out["inference_power_achieved_gw"],
        "training_power_demand_gw": out["training_power_demand_gw"],
        "training_power_achieved_gw": training_achieved,
        "energy_limited": (power_demand > supply_gw).astype(float),
        "electricity_price_usd_per_mwh": out["electricity_price_usd_per_mwh"],
        "energy_share_of_run_cost": out["energy_share_of_run_cost"],
        "run_budget_usd": np.array(paths["budget"]),
        "chip_stock_h100e": np.array(paths["chip_stock"]),
        "run_chips_h100e": np.array(paths["run_chips"]),
        "nameplate_wanted_gw": supply.wanted_gw.sum(axis=1) * np.ones((samples, 1)),
        "nameplate_started_gw": supply.started_gw.sum(axis=1) * np.ones((samples, 1)),
    }


def project(scenario: Scenario, catalog: Catalog | None = None) -> pd.DataFrame:
    """One row per year from BASE_YEAR to END_YEAR with DESIGN.md's projection columns."""
    cat = catalog or default_catalog()
    fixed = fixed_inputs(scenario, cat)
    out = simulate(scenario_values(scenario), fixed, fixed.sources.lead_time_years[None, :])
    columns: dict[str, Any] = {"year": years()}
    for name, values in out.items():
        if name == "binding_index":
            columns["binding_constraint"] = [CONSTRAINTS[int(i)] for i in values[0]]
        elif name == "energy_limited":
            columns[name] = values[0].astype(bool)
        else:
            columns[name] = np.asarray(values[0], dtype=float)
    frame = pd.DataFrame(columns)
    return frame


def supply_by_source(scenario: Scenario, catalog: Catalog) -> pd.DataFrame:
    """Nameplate wanted and started (after caps) and firm power by source and year. [GW]"""
    cat = catalog
    fixed = fixed_inputs(scenario, cat)
    dt = (years() - BASE_YEAR).astype(float)
    result = fleet.supply(
        dt, scenario_values(scenario), fixed.sources, fixed.sources.lead_time_years[None, :]
    )
    return fleet.build_table(fixed.sources, result, years())


def wall_year(frame: pd.DataFrame) -> int | None:
    """First year in which all-AI demand exceeds supply, or None if it never does."""
    limited = frame.loc[frame["energy_limited"].astype(bool), "year"]
    return None if limited.empty else int(limited.iloc[0])


def first_binding_year(frame: pd.DataFrame, constraint: str) -> int | None:
    """First year in which `constraint` sets the largest run, or None."""
    if constraint not in CONSTRAINTS:
        raise ValueError(f"unknown constraint {constraint!r}; one of {', '.join(CONSTRAINTS)}")
    rows = frame.loc[frame["binding_constraint"] == constraint, "year"]
    return None if rows.empty else int(rows.iloc[0])


def growth_after_wall(frame: pd.DataFrame) -> float | None:
    """Average yearly growth of achieved frontier compute from the wall to the end. [x/yr]"""
    wall = wall_year(frame)
    if wall is None or wall >= END_YEAR:
        return None
    achieved = frame.set_index("year")["compute_achieved_flop"]
    if achieved[wall] <= 0:
        return None
    return float((achieved[END_YEAR] / achieved[wall]) ** (1.0 / (END_YEAR - wall)))


def limit_ratio(frame: pd.DataFrame, year: int, constraint: str) -> float:
    """How many times the achieved run a step would allow in `year`. [x]"""
    indexed = frame.set_index("year")
    column = LIMIT_COLUMNS[constraint]
    achieved = float(np.asarray(indexed.at[year, "compute_achieved_flop"]))
    step = float(np.asarray(indexed.at[year, column]))
    return step / achieved if achieved > 0 else float("inf")


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
