"""Growth versus power, year by year: one economy of chips, power and money, the largest
run's seven limits, and the wall.

`simulate` runs the equations of docs/methods/equations.md ("One economy") over many
samples at once, so `project` (one sample) and the Monte Carlo in model/uncertainty.py
share them. Inside, arrays are (years, samples); outputs are (samples, years). Supply per
region comes from model/fleet.py, the accelerator fleet from model/economy.py; this
module ties them to the largest run.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from model import economy, fleet, limits, training
from model.catalog import Catalog, chip_row, default_catalog
from model.constants import (
    CHINCHILLA_TOKENS_PER_PARAM,
    FLOP_PER_TFLOP,
    SECONDS_PER_DAY,
    W_PER_GW,
)
from model.scenario import BASE_YEAR, END_YEAR, INPUTS_BY_NAME, Scenario

Array = npt.NDArray[np.float64]

#: The chip whose FLOP/s defines an H100-equivalent (Epoch AI's unit of chip stock).
H100 = "NVIDIA H100 SXM5"
CONSTRAINTS = limits.CONSTRAINTS
FLEET_STEPS = economy.FLEET_STEPS
REGIONS = economy.REGIONS
#: The frame's column holding each step's limit on the largest run (the trend's is the
#: compute it would use). [FLOP]
LIMIT_COLUMNS: dict[str, str] = {
    "trend": "compute_demand_flop",
    **{step: f"compute_limit_{step}_flop" for step in CONSTRAINTS[1:]},
}
#: Supply inputs that each region has its own of (name + "_us" / "_row").
REGIONAL_SUPPLY_INPUTS = (
    "supply_base_gw",
    "pipeline_gw",
    "build_rate_gw_per_yr",
    "queue_years",
    "behind_meter_share",
    "build_cap_share",
    "flexible_headroom_gw",
)


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


def region_values(values: Mapping[str, Array], region: str) -> dict[str, Array]:
    """The inputs fleet.supply reads, for one region: `supply_base_gw_us` as
    `supply_base_gw`, and so on; shared ones (build_cap_growth) as they are."""
    out = {name: values[f"{name}_{region}"] for name in REGIONAL_SUPPLY_INPUTS}
    out["build_cap_growth"] = values["build_cap_growth"]
    return out


def regional_supply(
    dt: Array, values: Mapping[str, Array], sources: fleet.Sources, lead: Array
) -> list[fleet.Supply]:
    """Each region's power supply for AI, in REGIONS order (fleet.supply)."""
    return [fleet.supply(dt, region_values(values, r), sources, lead) for r in REGIONS]


def exogenous_paths(
    dt: Array, rows: Mapping[str, Array], fixed: Fixed, supply_gw: Array
) -> tuple[economy.Paths, dict[str, Array]]:
    """What no fleet decision changes: efficiency by vintage, chips made, money, demand
    wanted, the run's trend, site, data and latency limits. `dt` is a column (years, 1),
    each input in `rows` a row (1, samples) or (1, 1); `supply_gw` is (regions, years,
    samples)."""
    seconds = fixed.run_seconds[:, None]
    u = fixed.utilization
    gain = economy.precision_gain(dt, rows["precision_gain_growth"], rows["precision_gain_max"])
    flop_per_h100e = fixed.h100_flop_per_s * u * gain
    base_power_w = fixed.h100_flop_per_s * u / fixed.base_efficiency_flop_per_j
    power_w = economy.vintage_power_w(
        dt,
        base_power_w,
        rows["hardware_efficiency_growth"],
        flop_per_h100e,
        max(fixed.wall_ceiling_flop_per_j, fixed.base_efficiency_flop_per_j),
    )
    efficiency = flop_per_h100e / power_w
    trend = limits.trend_flop(dt, rows["frontier_flop_base"], rows["compute_growth"])
    run_share = rows["run_share_of_training"] / 100.0
    gdp = rows["gdp_base_usd"] * rows["gdp_growth"] ** dt
    e0 = fixed.base_efficiency_flop_per_j
    serving = np.stack(
        [
            rows[f"serving_power_base_gw_{r}"] * W_PER_GW * e0 * rows["serving_compute_growth"] ** dt
            for r in REGIONS
        ]
    )
    mix_cost = np.asarray(fixed.sources.lcoe_mid_usd_per_mwh, dtype=float)
    mix_cost_row = np.broadcast_to(mix_cost, (1, np.size(mix_cost)))
    paths = economy.Paths(
        power_per_h100e_w=power_w,
        flop_per_s_per_h100e=flop_per_h100e,
        chip_production_h100e=rows["chip_production_base_h100e"]
        * rows["chip_production_growth"] ** dt,
        ai_capex_usd=economy.capped_spending_usd(
            dt, rows["ai_capex_base_usd"], rows["ai_capex_growth"],
            gdp * rows["capex_gdp_cap_share"] / 100.0,
        ),
        gdp_usd=gdp,
        price_per_h100e_usd=rows["h100e_price_usd"] / rows["chip_price_performance_growth"] ** dt,
        training_wanted_flop_per_s=trend / (run_share * seconds),
        serving_wanted_flop_per_s=serving,
        supply_gw=supply_gw,
        base_price_usd_per_mwh=np.broadcast_to(
            mix_cost_row * rows["price_scale"], (dt.shape[0], max(mix_cost_row.shape[1], 1))
        ),
        reference_price_usd_per_mwh=np.broadcast_to(mix_cost_row, (dt.shape[0], mix_cost_row.shape[1])),
    )
    tokens = rows["data_stock_tokens"] * rows["data_stock_growth"] ** dt
    run_limits = {
        "trend": trend,
        "site_gw": limits.largest_site_gw(
            dt,
            rows["campus_power_base_gw"],
            rows["campus_growth"],
            rows["campus_max_gw"],
            rows["training_sites"],
        ),
        "data": limits.data_flop(tokens),
        "latency": rows["latency_wall_flop"],
        "efficiency": efficiency,
        "run_share": run_share,
    }
    return paths, run_limits


def _full(array: Array, shape: tuple[int, int]) -> Array:
    """`array` broadcast to `shape` as an array of its own (itself when already that shape)."""
    array = np.asarray(array, dtype=float)
    return array if array.shape == shape else np.broadcast_to(array, shape).copy()


def simulate(values: Mapping[str, Array], fixed: Fixed, lead_time_years: Array) -> dict[str, Array]:
    """Run the projection for every sample at once; each output is (samples, years).

    The fleet of accelerators grows by the smallest of demand, chips, capital and power
    (model/economy.py); the largest run takes its share of frontier training compute over
    its run length, capped by the largest site, the data and the latency wall, and never
    above the trend. Its limits from the fleet are what frontier training would get if
    only that step had limited the year's new accelerators. The same economy with power
    unlimited gives the compute lost to power, whose threshold is the wall.

    `values` are (samples, 1) or (1, 1); `lead_time_years` is (samples, sources).
    """
    dt = (years() - BASE_YEAR).astype(float)
    samples = np.broadcast_shapes(*(v.shape for v in values.values()), lead_time_years.shape)[0]
    shape = (dt.size, samples)
    rows = {name: array.T for name, array in values.items()}
    supplies = regional_supply(dt, values, fixed.sources, lead_time_years)
    supply_gw = np.stack([_full(s.supply_gw, shape) for s in supplies])
    paths, run = exogenous_paths(dt[:, None], rows, fixed, supply_gw)
    rules = economy.Rules(
        chip_stock_base_h100e=rows["chip_stock_base_h100e"],
        chip_lifetime_years=rows["chip_lifetime_years"],
        us_chip_share=rows["us_chip_share"] / 100.0,
        training_share=rows["training_share"] / 100.0,
        serving_price_elasticity=rows["serving_price_elasticity"],
        scarcity_adder_usd_per_mwh=np.stack(
            [rows[f"scarcity_adder_usd_per_mwh_{r}"][0] for r in REGIONS]
        )
        * rows["price_scale"][0],
    )
    got = economy.run(paths, rules, dt, power_limited=True)
    free = economy.run(paths, rules, dt, power_limited=False)
    seconds = fixed.run_seconds[:, None]
    efficiency = _full(run["efficiency"], shape)
    share = run["run_share"]
    site = limits.power_flop(run["site_gw"], efficiency, seconds)
    step_limits = {
        "trend": _full(run["trend"], shape),
        "site": _full(site, shape),
        "power": share * got.training_if_power * seconds,
        "chips": share * got.training_if_chips * seconds,
        "capital": share * got.training_if_capital * seconds,
        "data": _full(run["data"], shape),
        "latency": _full(run["latency"], shape),
    }
    achieved, binding = limits.smallest_and_binding(step_limits)
    wanted = np.minimum(
        np.minimum(step_limits["trend"], step_limits["site"]),
        np.minimum(step_limits["data"], step_limits["latency"]),
    )
    lost = 1.0 - got.fleet_flop_per_s / np.where(free.fleet_flop_per_s > 0, free.fleet_flop_per_s, 1.0)
    lost = np.clip(lost, 0.0, 1.0)
    threshold = rows["wall_threshold_share"] / 100.0
    achieved_gw = got.power_achieved_gw.sum(axis=0)
    fleet_flop = np.where(got.fleet_flop_per_s > 0, got.fleet_flop_per_s, 1.0)
    # Training's share of the fleet first, at most 1: (power x training) / fleet rounded
    # above the power by an ulp when training had the whole fleet, leaving serving a
    # power of -2e-16 GW (found by tests/test_scenario.py at a corner of the inputs).
    training_share = np.minimum(got.training_flop_per_s / fleet_flop, 1.0)
    training_achieved_gw = achieved_gw * training_share
    price_weights = np.where(achieved_gw > 0, got.power_achieved_gw / np.where(achieved_gw > 0, achieved_gw, 1.0), 0.5)
    world_price = (got.price_usd_per_mwh * price_weights).sum(axis=0)
    energy_usd_per_h100e_yr = paths.power_per_h100e_w / W_PER_GW * economy.MWH_PER_GW_YEAR * world_price
    hardware_usd_per_h100e_yr = paths.price_per_h100e_usd / rows["chip_lifetime_years"]
    supply_total = supply_gw.sum(axis=0)
    by_year = {
        "compute_demand_flop": step_limits["trend"],
        **{f"compute_limit_{s}_flop": step_limits[s] for s in CONSTRAINTS[1:]},
        "compute_achieved_flop": achieved,
        "binding_index": binding,
        "fleet_binding_index": got.fleet_binding_index,
        "compute_wanted_flop": wanted,
        "efficiency_flop_per_j": efficiency,
        "run_days": _full(seconds / SECONDS_PER_DAY, shape),
        "frontier_run_power_gw": limits.run_power_gw(step_limits["trend"], efficiency, seconds),
        "frontier_run_power_wanted_gw": limits.run_power_gw(wanted, efficiency, seconds),
        "frontier_run_power_achieved_gw": limits.run_power_gw(achieved, efficiency, seconds),
        "largest_site_gw": _full(run["site_gw"], shape),
        "run_chips_h100e": achieved / (paths.flop_per_s_per_h100e * seconds),
        "power_demand_gw": got.power_demand_gw.sum(axis=0),
        "power_supply_gw": supply_total,
        "power_achieved_gw": achieved_gw,
        "power_wanted_unlimited_gw": free.power_achieved_gw.sum(axis=0),
        "inference_power_demand_gw": got.serving_wanted_flop_per_s / efficiency / W_PER_GW,
        "inference_power_achieved_gw": achieved_gw - training_achieved_gw,
        "training_power_demand_gw": _full(paths.training_wanted_flop_per_s, shape)
        / efficiency
        / W_PER_GW,
        "training_power_achieved_gw": training_achieved_gw,
        "compute_lost_to_power_share": lost,
        "energy_limited": (lost >= threshold - 1e-12).astype(float),
        "electricity_price_usd_per_mwh": world_price,
        "energy_share_of_run_cost": energy_usd_per_h100e_yr
        / (energy_usd_per_h100e_yr + hardware_usd_per_h100e_yr),
        "chip_stock_h100e": got.chip_stock_h100e,
        "chip_production_h100e": _full(paths.chip_production_h100e, shape),
        "chips_installed_h100e": got.chips_installed_h100e,
        "chips_idle_h100e": got.chips_idle_h100e,
        "chips_wanted_h100e": got.new_wanted_h100e,
        "chips_affordable_h100e": got.new_capital_h100e,
        "chips_powerable_h100e": got.new_power_h100e,
        "ai_capex_usd": _full(paths.ai_capex_usd, shape),
        "gdp_usd": _full(paths.gdp_usd, shape),
        "electricity_bill_usd": got.electricity_bill_usd,
        "chip_spending_usd": got.chip_spending_usd,
        "fleet_flop_per_s": got.fleet_flop_per_s,
        "fleet_flop_per_s_unlimited": free.fleet_flop_per_s,
        "nameplate_wanted_gw": sum(_full(s.wanted_gw, shape) for s in supplies),
        "nameplate_started_gw": sum(_full(s.started_gw, shape) for s in supplies),
    }
    for i, region in enumerate(REGIONS):
        by_year[f"power_supply_gw_{region}"] = supply_gw[i]
        by_year[f"power_demand_gw_{region}"] = got.power_demand_gw[i]
        by_year[f"power_achieved_gw_{region}"] = got.power_achieved_gw[i]
        by_year[f"electricity_price_usd_per_mwh_{region}"] = got.price_usd_per_mwh[i]
    return {name: _full(array, shape).T for name, array in by_year.items()}


def project(
    scenario: Scenario, catalog: Catalog | None = None, facts: fleet.SourceFacts | None = None
) -> pd.DataFrame:
    """One row per year from BASE_YEAR to END_YEAR with the projection's columns
    (docs/methods/equations.md). `facts` are fleet.source_facts(catalog), when the caller
    has them already."""
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
        elif name == "fleet_binding_index":
            columns["fleet_binding"] = [FLEET_STEPS[int(i)] for i in values[row]]
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


def supply_by_source(
    scenario: Scenario, catalog: Catalog, region: str | None = None
) -> pd.DataFrame:
    """Nameplate wanted and started (after caps) and firm power by source and year, for
    one region ("us", "row") or the world (None, the regions' sums). [GW]"""
    fixed = fixed_inputs(scenario, catalog)
    dt = (years() - BASE_YEAR).astype(float)
    values = scenario_values(scenario)
    lead = fixed.sources.lead_time_years[None, :]
    tables = [
        fleet.build_table(
            fixed.sources,
            fleet.supply(dt, region_values(values, r), fixed.sources, lead, by_source=True),
            years(),
        )
        for r in REGIONS
        if region in (None, r)
    ]
    if len(tables) == 1:
        return tables[0]
    summed = tables[0].copy()
    numbers = ["nameplate_wanted_gw", "nameplate_started_gw", "firm_delivered_gw"]
    summed[numbers] = sum(t[numbers].to_numpy() for t in tables)
    return summed


def _first_year_where(frame: pd.DataFrame, flags: npt.NDArray[np.bool_]) -> int | None:
    rows = np.flatnonzero(flags)
    return None if rows.size == 0 else int(frame["year"].to_numpy()[rows[0]])


def wall_year(frame: pd.DataFrame) -> int | None:
    """First year in which power costs all of AI at least the wall threshold's share of
    the compute chips and money would allow, or None if it never does."""
    return _first_year_where(frame, frame["energy_limited"].to_numpy().astype(bool))


def first_binding_year(frame: pd.DataFrame, constraint: str) -> int | None:
    """First year in which `constraint` sets the largest run, or None."""
    if constraint not in CONSTRAINTS:
        raise ValueError(f"unknown constraint {constraint!r}; one of {', '.join(CONSTRAINTS)}")
    return _first_year_where(frame, frame["binding_constraint"].to_numpy() == constraint)


def first_fleet_binding_year(frame: pd.DataFrame, step: str) -> int | None:
    """First year in which `step` limits the year's new accelerators, or None."""
    if step not in FLEET_STEPS:
        raise ValueError(f"unknown fleet step {step!r}; one of {', '.join(FLEET_STEPS)}")
    return _first_year_where(frame, frame["fleet_binding"].to_numpy() == step)


def growth_after_wall(frame: pd.DataFrame) -> float | None:
    """Average yearly growth of achieved frontier compute from the wall to the end. [x/yr]"""
    wall = wall_year(frame)
    if wall is None or wall >= END_YEAR:
        return None
    yrs = frame["year"].to_numpy()
    achieved = frame["compute_achieved_flop"].to_numpy()
    at_wall = achieved[yrs == wall][0]
    if at_wall <= 0:
        return None
    return float((achieved[yrs == END_YEAR][0] / at_wall) ** (1.0 / (END_YEAR - wall)))


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

    Returns yearly multipliers [x/yr]; run-length growth stops at the cap, number-format
    gains at their maximum.
    """
    precision = min(scenario.precision_gain_growth, scenario.precision_gain_max)
    efficiency = scenario.hardware_efficiency_growth * precision
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
