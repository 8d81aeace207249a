"""Growth versus power, year by year: the six limits on the largest run, the fleet, the wall.

`simulate` runs the equations of DESIGN.md (Projection) over many samples at once, so
`project` (one sample) and the Monte Carlo in model/uncertainty.py share them. Inside,
arrays are (years, samples), so one year's samples sit side by side; outputs are
(samples, years). Limits come from model/limits.py, supply from model/fleet.py; this
module ties them together year by year, because demand after a shortage grows from what
was served.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
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


def fixed_inputs(
    scenario: Scenario, catalog: Catalog, facts: fleet.SourceFacts | None = None
) -> Fixed:
    """The scenario's non-sampled facts: sources, efficiency, H100 FLOP/s, run length.
    `facts` are fleet.source_facts(catalog), when the caller has read them already."""
    dt = (years() - BASE_YEAR).astype(float)
    return Fixed(
        sources=fleet.sources_from(scenario, facts or fleet.source_facts(catalog)),
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


#: The Scenario fields that are numbers, in field order (what scenario_values holds).
NUMERIC_INPUTS = tuple(
    field.name
    for field in dataclasses.fields(Scenario)
    if INPUTS_BY_NAME[field.name].kind in ("float", "int")
)


def scenario_values(scenario: Scenario) -> dict[str, Array]:
    """Every numeric input as an array of shape (1, 1), plus the resolved base-year run."""
    return batch_values([scenario])


def batch_values(scenarios: Sequence[Scenario]) -> dict[str, Array]:
    """scenario_values of several scenarios, one row each: arrays of shape (scenarios, 1)."""
    table = np.array(
        [
            [float(getattr(scenario, name)) for name in NUMERIC_INPUTS]
            + [frontier_flop_base(scenario)]
            for scenario in scenarios
        ]
    )
    # Each input one column of the table (a view of shape (scenarios, 1)).
    names = (*NUMERIC_INPUTS, "frontier_flop_base")
    return {name: table[:, i : i + 1] for i, name in enumerate(names)}


def exogenous_paths(dt: Array, rows: Mapping[str, Array], fixed: Fixed) -> dict[str, Array]:
    """The paths that do not depend on the fleet: efficiency, trend, chips, data, money.

    Laid out (years, samples): `dt` is a column (years, 1), each input in `rows` a row
    (1, samples) or (1, 1); each path has the shape those broadcast to.
    """
    seconds = fixed.run_seconds[:, None]
    efficiency = limits.efficiency_flop_per_j(
        dt,
        fixed.base_efficiency_flop_per_j,
        rows["efficiency_doubling_years"],
        fixed.wall_ceiling_flop_per_j,
    )
    stock = limits.chip_stock_h100e(
        dt, rows["chip_stock_base_h100e"], rows["chip_stock_growth"], rows["chip_stock_growth_late"]
    )
    run_chips = stock * rows["run_chip_share"] / 100.0
    tokens = rows["data_stock_tokens"] * rows["data_stock_growth"] ** dt
    return {
        "efficiency": efficiency,
        "trend": limits.trend_flop(dt, rows["frontier_flop_base"], rows["compute_growth"]),
        "chip_stock": stock,
        "run_chips": run_chips,
        "chips": limits.chips_flop(run_chips, fixed.h100_flop_per_s, fixed.utilization, seconds),
        "data": limits.data_flop(tokens),
        "latency": rows["latency_wall_flop"],
        "budget": rows["run_budget_base_usd"] * rows["run_budget_growth"] ** dt,
        "hardware_cost": limits.hardware_usd_per_flop(
            dt,
            rows["hardware_cost_base_usd_per_eflop"] / FLOP_PER_EFLOP,
            rows["price_performance_growth"],
        ),
        "site": limits.largest_site_gw(
            dt,
            rows["campus_power_base_gw"],
            rows["campus_growth"],
            rows["campus_max_gw"],
            rows["training_sites"],
        ),
    }


#: What the year-by-year loop fills in, one row per year.
LOOP_OUTPUTS = (
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


def _full(array: Array, shape: tuple[int, int]) -> Array:
    """`array` broadcast to `shape` as an array of its own (itself when already that shape)."""
    return array if array.shape == shape else np.broadcast_to(array, shape).copy()


def _runs_wanted(
    paths: Mapping[str, Array], inputs: Mapping[str, Array], fixed: Fixed
) -> tuple[Array, Array]:
    """What the runs ask the fleet for each year, and the power frontier training wants
    for it, (years, samples): every limit but the fleet's power, the capital limit at the
    base price, the largest site included (no grid can feed a run bigger than the site it
    runs on). Nothing here depends on the year before, so it is worked out for all years
    at once, outside the year loop. [FLOP], [GW]"""
    seconds = fixed.run_seconds[:, None]
    efficiency = paths["efficiency"]
    base_price = fixed.sources.lcoe_mid_usd_per_mwh * inputs["price_scale"][0]
    capital_first = limits.capital_flop(
        paths["budget"], paths["hardware_cost"], limits.energy_usd_per_flop(base_price, efficiency)
    )
    wanted = np.minimum(paths["trend"], paths["chips"])
    for limit in (
        capital_first,
        paths["data"],
        paths["latency"],
        limits.power_flop(paths["site"], efficiency, seconds),
    ):
        np.minimum(wanted, limit, out=wanted)
    train_demand = inputs["frontier_runs"][0] * limits.run_power_gw(wanted, efficiency, seconds)
    return wanted, train_demand


def _year_loop(
    paths: Mapping[str, Array], supply_gw: Array, inputs: Mapping[str, Array], fixed: Fixed
) -> dict[str, Array]:
    """The projection's year-by-year part on (years, samples) arrays; see `simulate`.
    `inputs` are rows (1, samples) or (1, 1)."""
    n_years, samples = supply_gw.shape
    wanted, train = _runs_wanted(paths, inputs, fixed)
    out = {"compute_wanted_flop": wanted, "training_power_demand_gw": train}
    out |= {name: np.empty((n_years, samples)) for name in LOOP_OUTPUTS if name not in out}
    k = inputs["frontier_runs"][0]
    growth = inputs["other_ai_compute_growth"][0]
    scale = inputs["price_scale"][0]
    adder = inputs["scarcity_adder_usd_per_mwh"][0]
    base_price = fixed.sources.lcoe_mid_usd_per_mwh * scale
    served_compute = np.zeros(samples)  # GW x FLOP/J of the year before
    training_before = np.zeros(samples)  # frontier training power of the year before [GW]
    for j, seconds in enumerate(fixed.run_seconds):
        e, budget, hardware = paths["efficiency"][j], paths["budget"][j], paths["hardware_cost"][j]
        supply = supply_gw[j]
        if j == 0:
            serve_demand = np.broadcast_to(inputs["other_ai_power_base_gw"][0], (samples,))
        else:
            serve_demand = served_compute * growth / e
        # Frontier runs keep the power they had (a lab does not switch off its training
        # campus); serving is served next; the runs take whatever is left.
        kept = np.minimum(np.minimum(training_before, train[j]), supply)
        serve_got = np.minimum(serve_demand, supply - kept)
        short = serve_demand + train[j] > supply
        price = base_price + short * adder * scale
        energy_cost = limits.energy_usd_per_flop(price, e)
        capital = limits.capital_flop(budget, hardware, energy_cost)
        cap_gw = np.minimum(paths["site"][j], (supply - serve_got) / k)
        power = limits.power_flop(cap_gw, e, seconds)
        out["inference_power_demand_gw"][j] = serve_demand
        out["inference_power_achieved_gw"][j] = serve_got
        out["electricity_price_usd_per_mwh"][j] = price
        out["compute_limit_capital_flop"][j] = capital
        out["compute_limit_power_flop"][j] = power
        out["run_power_cap_gw"][j] = cap_gw
        out["energy_share_of_run_cost"][j] = energy_cost  # made a share after the loop
        served_compute = serve_got * e
        training_before = k * limits.run_power_gw(
            np.minimum(np.minimum(power, wanted[j]), capital), e, seconds
        )
    energy_cost = out["energy_share_of_run_cost"]
    energy_cost /= paths["hardware_cost"] + energy_cost
    return out


def achieved_and_binding(step_limits: Sequence[Array]) -> tuple[Array, Array]:
    """The smallest of the six limits (in CONSTRAINTS order) and the index of the step
    that sets it, ties broken as model.limits.binding_index does (trend first, power
    last); the same numbers as stacking them, without the stack."""
    achieved = np.minimum(step_limits[0], step_limits[1])
    for limit in step_limits[2:]:
        np.minimum(achieved, limit, out=achieved)
    index = np.full(achieved.shape, limits.TIE_ORDER[-1], dtype=float)
    # Later writes win, so go through the tie order backwards.
    for step in limits.TIE_ORDER[-2::-1]:
        index[step_limits[step] == achieved] = step
    return achieved, index


def simulate(values: Mapping[str, Array], fixed: Fixed, lead_time_years: Array) -> dict[str, Array]:
    """Run the projection for every sample at once; each output is (samples, years).

    Per year: the frontier runs keep the power they had the year before (up to what they
    now want); serving (and smaller AI) is served next, from demand that grows from what
    was served the year before; the runs share what is left, one run taking at most the
    largest site and 1/k of it. Each step's limit is computed; the achieved run is the
    smallest. All-AI demand counts the runs every other limit (the largest site included)
    would allow; the wall is the first year that demand exceeds supply.

    `values` are (samples, 1) or (1, 1); `lead_time_years` is (samples, sources). Inside,
    arrays are (years, samples), so that a year's samples sit side by side in memory; the
    outputs are their transposes (views, not copies).
    """
    dt = (years() - BASE_YEAR).astype(float)
    samples = np.broadcast_shapes(*(v.shape for v in values.values()), lead_time_years.shape)[0]
    shape = (dt.size, samples)
    inputs = {name: array.T for name, array in values.items()}
    paths = {
        name: _full(path, shape)
        for name, path in exogenous_paths(dt[:, None], inputs, fixed).items()
    }
    supply = fleet.supply(dt, values, fixed.sources, lead_time_years)
    supply_gw = _full(supply.supply_gw, shape)
    out = _year_loop(paths, supply_gw, inputs, fixed)
    seconds = fixed.run_seconds[:, None]
    efficiency = paths["efficiency"]
    achieved, binding = achieved_and_binding(
        [
            paths["trend"],
            out["compute_limit_power_flop"],
            paths["chips"],
            out["compute_limit_capital_flop"],
            paths["data"],
            paths["latency"],
        ]
    )
    run_achieved_gw = limits.run_power_gw(achieved, efficiency, seconds)
    training_achieved = inputs["frontier_runs"] * run_achieved_gw
    power_demand = out["inference_power_demand_gw"] + out["training_power_demand_gw"]
    by_year = {
        "compute_demand_flop": paths["trend"],
        "compute_limit_power_flop": out["compute_limit_power_flop"],
        "compute_limit_chips_flop": paths["chips"],
        "compute_limit_capital_flop": out["compute_limit_capital_flop"],
        "compute_limit_data_flop": paths["data"],
        "compute_limit_latency_flop": paths["latency"],
        "compute_achieved_flop": achieved,
        "binding_index": binding,
        "compute_wanted_flop": out["compute_wanted_flop"],
        "efficiency_flop_per_j": efficiency,
        "run_days": _full(seconds / SECONDS_PER_DAY, shape),
        "frontier_run_power_gw": limits.run_power_gw(paths["trend"], efficiency, seconds),
        "frontier_run_power_wanted_gw": limits.run_power_gw(
            out["compute_wanted_flop"], efficiency, seconds
        ),
        "frontier_run_power_achieved_gw": run_achieved_gw,
        "run_power_cap_gw": out["run_power_cap_gw"],
        "largest_site_gw": paths["site"],
        "power_demand_gw": power_demand,
        "power_supply_gw": supply_gw,
        "power_achieved_gw": out["inference_power_achieved_gw"] + training_achieved,
        "inference_power_demand_gw": out["inference_power_demand_gw"],
        "inference_power_achieved_gw": out["inference_power_achieved_gw"],
        "training_power_demand_gw": out["training_power_demand_gw"],
        "training_power_achieved_gw": training_achieved,
        "energy_limited": (power_demand > supply_gw).astype(float),
        "electricity_price_usd_per_mwh": out["electricity_price_usd_per_mwh"],
        "energy_share_of_run_cost": out["energy_share_of_run_cost"],
        "run_budget_usd": paths["budget"],
        "chip_stock_h100e": paths["chip_stock"],
        "run_chips_h100e": paths["run_chips"],
        "nameplate_wanted_gw": _full(supply.wanted_gw, shape),
        "nameplate_started_gw": _full(supply.started_gw, shape),
    }
    return {name: array.T for name, array in by_year.items()}


def project(
    scenario: Scenario, catalog: Catalog | None = None, facts: fleet.SourceFacts | None = None
) -> pd.DataFrame:
    """One row per year from BASE_YEAR to END_YEAR with DESIGN.md's projection columns.
    `facts` are fleet.source_facts(catalog), when the caller has them already."""
    cat = catalog or default_catalog()
    fixed = fixed_inputs(scenario, cat, facts)
    out = simulate(scenario_values(scenario), fixed, fixed.sources.lead_time_years[None, :])
    return frame_of(out, 0)


def frame_of(out: Mapping[str, Array], row: int) -> pd.DataFrame:
    """One sample (row) of `simulate`'s outputs as `project`'s frame: a row of
    `project_batch` is the frame of its scenario."""
    columns: dict[str, Any] = {"year": years()}
    for name, values in out.items():
        if name == "binding_index":
            columns["binding_constraint"] = [CONSTRAINTS[int(i)] for i in values[row]]
        elif name == "energy_limited":
            columns[name] = values[row].astype(bool)
        else:
            columns[name] = np.asarray(values[row], dtype=float)
    return pd.DataFrame(columns)


def _same_apart_from_sources(a: Fixed, b: Fixed) -> bool:
    return (
        a.base_efficiency_flop_per_j == b.base_efficiency_flop_per_j
        and a.wall_ceiling_flop_per_j == b.wall_ceiling_flop_per_j
        and a.h100_flop_per_s == b.h100_flop_per_s
        and a.utilization == b.utilization
        and np.array_equal(a.run_seconds, b.run_seconds)
    )


def project_batch(
    scenarios: Sequence[Scenario], catalog: Catalog, facts: fleet.SourceFacts | None = None
) -> dict[str, Array]:
    """`simulate`'s outputs for several scenarios at once, one sample (row) each, in
    order: each row is the projection of its scenario (the same numbers as `project`).

    The scenarios may differ in their mix and in any input `simulate` takes per sample;
    the chip, facility and run length (what `fixed_inputs` takes besides the sources)
    must agree, ValueError otherwise. `facts` are fleet.source_facts(catalog), when the
    caller has read them already.
    """
    facts = facts or fleet.source_facts(catalog)
    fixed = [fixed_inputs(scenario, catalog, facts) for scenario in scenarios]
    if not all(_same_apart_from_sources(fixed[0], other) for other in fixed[1:]):
        raise ValueError("the scenarios differ in chip, facility or run length")
    sources = fleet.stack_sources([f.sources for f in fixed], facts.ids)
    batch = dataclasses.replace(fixed[0], sources=sources)
    return simulate(batch_values(scenarios), batch, sources.lead_time_years)


def supply_by_source(scenario: Scenario, catalog: Catalog) -> pd.DataFrame:
    """Nameplate wanted and started (after caps) and firm power by source and year. [GW]"""
    cat = catalog
    fixed = fixed_inputs(scenario, cat)
    dt = (years() - BASE_YEAR).astype(float)
    result = fleet.supply(
        dt,
        scenario_values(scenario),
        fixed.sources,
        fixed.sources.lead_time_years[None, :],
        by_source=True,
    )
    return fleet.build_table(fixed.sources, result, years())


def _first_year_where(frame: pd.DataFrame, flags: npt.NDArray[np.bool_]) -> int | None:
    rows = np.flatnonzero(flags)
    return None if rows.size == 0 else int(frame["year"].to_numpy()[rows[0]])


def wall_year(frame: pd.DataFrame) -> int | None:
    """First year in which all-AI demand exceeds supply, or None if it never does."""
    return _first_year_where(frame, frame["energy_limited"].to_numpy().astype(bool))


def first_binding_year(frame: pd.DataFrame, constraint: str) -> int | None:
    """First year in which `constraint` sets the largest run, or None."""
    if constraint not in CONSTRAINTS:
        raise ValueError(f"unknown constraint {constraint!r}; one of {', '.join(CONSTRAINTS)}")
    return _first_year_where(frame, frame["binding_constraint"].to_numpy() == constraint)


def growth_after_wall(frame: pd.DataFrame) -> float | None:
    """Average yearly growth of achieved frontier compute from the wall to the end. [x/yr]"""
    wall = wall_year(frame)
    if wall is None or wall >= END_YEAR:
        return None
    years = frame["year"].to_numpy()
    achieved = frame["compute_achieved_flop"].to_numpy()
    at_wall = achieved[years == wall][0]
    if at_wall <= 0:
        return None
    return float((achieved[years == END_YEAR][0] / at_wall) ** (1.0 / (END_YEAR - wall)))


def limit_ratio(frame: pd.DataFrame, year: int, constraint: str) -> float:
    """How many times the achieved run a step would allow in `year`. [x]"""
    rows = np.flatnonzero(frame["year"].to_numpy() == year)
    if rows.size == 0:
        raise KeyError(year)
    achieved = float(frame["compute_achieved_flop"].to_numpy()[rows[0]])
    step = float(frame[LIMIT_COLUMNS[constraint]].to_numpy()[rows[0]])
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
