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
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, partial
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
    serving_growth = rows["serving_compute_growth"] ** dt
    serving = np.stack(
        [rows[f"serving_power_base_gw_{r}"] * W_PER_GW * e0 * serving_growth for r in REGIONS]
    )
    mix_cost = np.asarray(fixed.sources.lcoe_mid_usd_per_mwh, dtype=float)
    mix_cost_row = np.broadcast_to(mix_cost, (1, np.size(mix_cost)))
    paths = economy.Paths(
        power_per_h100e_w=power_w,
        flop_per_s_per_h100e=flop_per_h100e,
        chip_production_h100e=rows["chip_production_base_h100e"]
        * rows["chip_production_growth"] ** dt,
        ai_capex_usd=economy.capped_spending_usd(
            dt,
            rows["ai_capex_base_usd"],
            rows["ai_capex_growth"],
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
        # Serving demand is calibrated at today's world mix: a dearer mix lowers it.
        reference_price_usd_per_mwh=np.full(
            (dt.shape[0], 1), fixed.sources.world_mix_lcoe_usd_per_mwh
        ),
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


@dataclass(frozen=True)
class _Economy:
    """One `simulate` call's economy and the largest run's limits from outside it, with
    what several output columns share worked out when first read."""

    shape: tuple[int, int]
    rows: dict[str, Array]
    seconds: Array  # (years, 1) [s]
    supply_gw: Array  # (regions, years, samples) [GW]
    #: Each region's nameplate wanted and started (after the caps). [GW/yr]
    nameplate_wanted_gw: tuple[Array, ...]
    nameplate_started_gw: tuple[Array, ...]
    paths: economy.Paths
    run: dict[str, Array]
    got: economy.Fleet

    @cached_property
    def efficiency(self) -> Array:
        return _full(self.run["efficiency"], self.shape)

    @cached_property
    def step_limits(self) -> dict[str, Array]:
        """Each step's limit on the largest run (the trend's is the compute it would use). [FLOP]"""
        got, share, seconds = self.got, self.run["run_share"], self.seconds
        site = limits.power_flop(self.run["site_gw"], self.efficiency, seconds)
        # Limits that are the same for some samples or years stay broadcastable (the
        # output columns are made full-size).
        return {
            "trend": self.run["trend"],
            "site": site,
            "power": share * got.training_if_power * seconds,
            "chips": share * got.training_if_chips * seconds,
            "capital": share * got.training_if_capital * seconds,
            "data": self.run["data"],
            "latency": self.run["latency"],
        }

    @cached_property
    def achieved_and_binding(self) -> tuple[Array, Array]:
        return limits.smallest_and_binding(self.step_limits)

    @cached_property
    def wanted_flop(self) -> Array:
        """The largest run without the fleet's steps: trend, site, data, latency. [FLOP]"""
        step = self.step_limits
        return np.minimum(
            np.minimum(step["trend"], step["site"]), np.minimum(step["data"], step["latency"])
        )

    @cached_property
    def lost_share(self) -> Array:
        """Compute lost to power: 1 - the fleet's / the fleet's with power unlimited. [-]"""
        free = self.got.power_unlimited.fleet_flop_per_s
        lost = 1.0 - self.got.fleet_flop_per_s / np.where(free > 0, free, 1.0)
        return np.asarray(np.clip(lost, 0.0, 1.0))

    @cached_property
    def achieved_gw(self) -> Array:
        return np.asarray(self.got.power_achieved_gw.sum(axis=0))

    @cached_property
    def training_achieved_gw(self) -> Array:
        got = self.got
        fleet_flop = np.where(got.fleet_flop_per_s > 0, got.fleet_flop_per_s, 1.0)
        # Training's share of the fleet first, at most 1: (power x training) / fleet
        # rounded above the power by an ulp when training had the whole fleet, leaving
        # serving a power of -2e-16 GW (found by tests/test_scenario.py at a corner).
        share = np.minimum(got.training_flop_per_s / fleet_flop, 1.0)
        return np.asarray(self.achieved_gw * share)

    @cached_property
    def world_price_usd_per_mwh(self) -> Array:
        """The regions' prices weighted by the power each draws (evenly where none). [USD/MWh]"""
        achieved_gw = self.achieved_gw
        drawn = np.where(achieved_gw > 0, achieved_gw, 1.0)
        weights = np.where(achieved_gw > 0, self.got.power_achieved_gw / drawn, 0.5)
        return np.asarray((self.got.price_usd_per_mwh * weights).sum(axis=0))

    def energy_share_of_run_cost(self) -> Array:
        paths = self.paths
        energy_usd_per_h100e_yr = (
            paths.power_per_h100e_w / W_PER_GW * economy.MWH_PER_GW_YEAR
        ) * self.world_price_usd_per_mwh
        hardware_usd_per_h100e_yr = paths.price_per_h100e_usd / self.rows["chip_lifetime_years"]
        return np.asarray(
            energy_usd_per_h100e_yr / (energy_usd_per_h100e_yr + hardware_usd_per_h100e_yr)
        )


def _samples(values: Mapping[str, Array], lead_time_years: Array) -> int:
    """How many samples the inputs hold: each input's first dimension is 1 or that many
    (np.broadcast_shapes of the ~90 shapes took 50 us a projection)."""
    sizes = {array.shape[0] for array in values.values()} | {lead_time_years.shape[0]}
    if len(sizes - {1}) > 1:
        raise ValueError(f"the inputs disagree on the number of samples: {sorted(sizes)}")
    return max(sizes)


def _stacked_supply(
    supplies: list[fleet.Supply], shape: tuple[int, int]
) -> tuple[Array, tuple[Array, ...], tuple[Array, ...]]:
    """The regions' supply stacked (regions, years, samples), and their nameplate wanted
    and started. [GW], [GW/yr]"""
    return (
        np.stack([_full(s.supply_gw, shape) for s in supplies]),
        tuple(s.wanted_gw for s in supplies),
        tuple(s.started_gw for s in supplies),
    )


def _regions_summed(per_region: tuple[Array, ...], shape: tuple[int, int]) -> Array:
    """The regions' arrays added up, each full-size first (in REGIONS order)."""
    return np.asarray(sum(_full(array, shape) for array in per_region))


def _column_recipes(e: _Economy) -> dict[str, Callable[[], Array]]:
    """How each output column of `simulate` is worked out from `e`, in the frame's order."""
    got, paths, shape, seconds = e.got, e.paths, e.shape, e.seconds
    threshold = e.rows["wall_threshold_share"] / 100.0
    recipes: dict[str, Callable[[], Array]] = {
        "compute_demand_flop": lambda: e.step_limits["trend"],
        **{
            f"compute_limit_{step}_flop": partial(lambda step: e.step_limits[step], step)
            for step in CONSTRAINTS[1:]
        },
        "compute_achieved_flop": lambda: e.achieved_and_binding[0],
        "binding_index": lambda: e.achieved_and_binding[1],
        "fleet_binding_index": lambda: got.fleet_binding_index,
        "compute_wanted_flop": lambda: e.wanted_flop,
        "efficiency_flop_per_j": lambda: e.efficiency,
        "run_days": lambda: _full(seconds / SECONDS_PER_DAY, shape),
        "frontier_run_power_gw": lambda: limits.run_power_gw(
            e.step_limits["trend"], e.efficiency, seconds
        ),
        "frontier_run_power_wanted_gw": lambda: limits.run_power_gw(
            e.wanted_flop, e.efficiency, seconds
        ),
        "frontier_run_power_achieved_gw": lambda: limits.run_power_gw(
            e.achieved_and_binding[0], e.efficiency, seconds
        ),
        "largest_site_gw": lambda: _full(e.run["site_gw"], shape),
        "run_chips_h100e": lambda: (
            e.achieved_and_binding[0] / (paths.flop_per_s_per_h100e * seconds)
        ),
        "power_demand_gw": lambda: got.power_demand_gw.sum(axis=0),
        "power_supply_gw": lambda: e.supply_gw.sum(axis=0),
        "power_achieved_gw": lambda: e.achieved_gw,
        "power_wanted_unlimited_gw": lambda: got.power_unlimited.power_achieved_gw.sum(axis=0),
        "inference_power_demand_gw": lambda: (
            got.serving_wanted_flop_per_s / e.efficiency / W_PER_GW
        ),
        "inference_power_achieved_gw": lambda: e.achieved_gw - e.training_achieved_gw,
        "training_power_demand_gw": lambda: (
            _full(paths.training_wanted_flop_per_s, shape) / e.efficiency / W_PER_GW
        ),
        "training_power_achieved_gw": lambda: e.training_achieved_gw,
        "compute_lost_to_power_share": lambda: e.lost_share,
        "energy_limited": lambda: (e.lost_share >= threshold - 1e-12).astype(float),
        "electricity_price_usd_per_mwh": lambda: e.world_price_usd_per_mwh,
        "energy_share_of_run_cost": e.energy_share_of_run_cost,
        "chip_stock_h100e": lambda: got.chip_stock_h100e,
        "chip_production_h100e": lambda: _full(paths.chip_production_h100e, shape),
        "chips_installed_h100e": lambda: got.chips_installed_h100e,
        "chips_idle_h100e": lambda: got.chips_idle_h100e,
        "chips_wanted_h100e": lambda: got.new_wanted_h100e,
        "chips_affordable_h100e": lambda: got.new_capital_h100e,
        "chips_powerable_h100e": lambda: got.new_power_h100e,
        "ai_capex_usd": lambda: _full(paths.ai_capex_usd, shape),
        "gdp_usd": lambda: _full(paths.gdp_usd, shape),
        "electricity_bill_usd": lambda: got.electricity_bill_usd,
        "chip_spending_usd": lambda: got.chip_spending_usd,
        "fleet_flop_per_s": lambda: got.fleet_flop_per_s,
        "fleet_flop_per_s_unlimited": lambda: got.power_unlimited.fleet_flop_per_s,
        "nameplate_wanted_gw": lambda: _regions_summed(e.nameplate_wanted_gw, shape),
        "nameplate_started_gw": lambda: _regions_summed(e.nameplate_started_gw, shape),
    }
    for i, region in enumerate(REGIONS):
        recipes |= {
            f"power_supply_gw_{region}": partial(lambda i: e.supply_gw[i], i),
            f"power_demand_gw_{region}": partial(lambda i: got.power_demand_gw[i], i),
            f"power_achieved_gw_{region}": partial(lambda i: got.power_achieved_gw[i], i),
            f"electricity_price_usd_per_mwh_{region}": partial(
                lambda i: got.price_usd_per_mwh[i], i
            ),
        }
    return recipes


def simulate(
    values: Mapping[str, Array],
    fixed: Fixed,
    lead_time_years: Array,
    columns: Collection[str] | None = None,
) -> dict[str, Array]:
    """Run the projection for every sample at once; each output is (samples, years).

    The fleet of accelerators grows by the smallest of demand, chips, capital and power
    (model/economy.py); the largest run takes its share of frontier training compute over
    its run length, capped by the largest site, the data and the latency wall, and never
    above the trend. Its limits from the fleet are what frontier training would get if
    only that step had limited the year's new accelerators. The same economy with power
    unlimited gives the compute lost to power, whose threshold is the wall.

    `values` are (samples, 1) or (1, 1); `lead_time_years` is (samples, sources).
    `columns` picks the outputs (all, in the frame's order, by default): only what they
    need is worked out, the same numbers as in the full set.
    """
    dt = (years() - BASE_YEAR).astype(float)
    shape = (dt.size, _samples(values, lead_time_years))
    rows = {name: array.T for name, array in values.items()}
    # Each region's supply is kept only in the stack (the Monte Carlo's batches are
    # smaller in memory so).
    supply_gw, wanted_gw, started_gw = _stacked_supply(
        regional_supply(dt, values, fixed.sources, lead_time_years), shape
    )
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
    world = _Economy(
        shape=shape,
        rows=rows,
        seconds=fixed.run_seconds[:, None],
        supply_gw=supply_gw,
        nameplate_wanted_gw=wanted_gw,
        nameplate_started_gw=started_gw,
        paths=paths,
        run=run,
        got=economy.run(paths, rules, dt),
    )
    recipes = _column_recipes(world)
    names = recipes.keys() if columns is None else columns
    return {name: _full(recipes[name](), shape).T for name in names}


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
    return pd.DataFrame(row_columns(out, row))


def row_columns(out: Mapping[str, Array], row: int) -> dict[str, Any]:
    """The columns of frame_of(out, row) by name, as arrays (the steps as lists of
    names), without the frame: for callers that read a few columns of several rows (the
    claims page), where building each row's frame of ~60 columns cost a millisecond."""
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
    return columns


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
    scenario: Scenario,
    catalog: Catalog,
    region: str | None = None,
    facts: fleet.SourceFacts | None = None,
) -> pd.DataFrame:
    """Nameplate wanted and started (after caps) and firm power by source and year, for
    one region ("us", "row") or the world (None, the regions' sums). `facts` are
    fleet.source_facts(catalog), when the caller has them. [GW]"""
    fixed = fixed_inputs(scenario, catalog, facts)
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


def _first_year_where(
    frame: pd.DataFrame | Mapping[str, Any], flags: npt.NDArray[np.bool_]
) -> int | None:
    rows = np.flatnonzero(flags)
    return None if rows.size == 0 else int(np.asarray(frame["year"])[rows[0]])


def wall_year(frame: pd.DataFrame | Mapping[str, Any]) -> int | None:
    """First year in which power costs all of AI at least the wall threshold's share of
    the compute chips and money would allow, or None if it never does. `frame` is a
    projection's frame, or its columns by name (row_columns)."""
    return _first_year_where(frame, np.asarray(frame["energy_limited"]).astype(bool))


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
