"""One economy of chips, power and money, year by year: the accelerator fleet by vintage.

Each year (docs/methods/equations.md, "One economy"): efficiency of the year's new
accelerators; power available per region (model/fleet.py); money (AI capital spending,
at most a share of world GDP) less the electricity bill of the fleet in service; then new
accelerators = the smallest of what demand wants, what the chip makers can make, what the
money left buys and what the power left in each region can run. Older vintages keep their
own efficiency and retire after a lifetime. The price of each region's electricity rises
smoothly with how much of its supply AI wants, and serving demand answers the price.

Arrays are (years, samples) or, per region, (regions, samples), with regions in REGIONS
order. Everything is computed for all samples at once; only the years are a loop, since
each year's fleet is built on the last.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from model.constants import HOURS_PER_YEAR, W_PER_GW

Array = npt.NDArray[np.float64]

#: The two regions: the United States and the rest of the world (world = their sum).
REGIONS: tuple[str, ...] = ("us", "row")
#: What limited the year's new accelerators, in the order ties are broken.
FLEET_STEPS: tuple[str, ...] = ("demand", "chips", "capital", "power")
#: Relative tolerance within which two limits count as equal (then the order decides).
TIE_TOLERANCE = 1e-9
#: Exponent of the scarcity adder: adder = A x (wanted / supply)^k. At k = 4 the adder is
#: A when AI wants all of its supply, a fifth of A at two thirds (0.67^4 = 0.2) and 5x A at
#: 1.5x. PJM's capacity price rose ~11x (28.92 -> 329.17 $/MW-day) as the reserve margin
#: fell from ~20% to ~15% (PJM 2025/26 and 2026/27 auctions): scarcity prices are steep.
SCARCITY_EXPONENT = 4.0
#: MWh in one GW-year of average power: 8,760 h x 1,000 MWh per GWh. [MWh/(GW yr)]
MWH_PER_GW_YEAR = HOURS_PER_YEAR * 1_000.0


@dataclass(frozen=True)
class Paths:
    """What no fleet decision changes, one row per year: (years, samples) or (years, 1)."""

    #: Wall-plug power of one H100-equivalent of the year's vintage. [W]
    power_per_h100e_w: Array
    #: Useful FLOP/s of one H100e of the year's vintage (utilization, number format). [FLOP/s]
    flop_per_s_per_h100e: Array
    #: Chips the makers can deliver in the year. [H100e/yr]
    chip_production_h100e: Array
    #: AI capital spending: the trend, capped at a share of world GDP. [USD/yr]
    ai_capex_usd: Array
    gdp_usd: Array
    #: Capital cost of one installed H100e (chip, server, building). [USD]
    price_per_h100e_usd: Array
    #: Frontier training compute that would keep the largest run on its trend. [FLOP/s]
    training_wanted_flop_per_s: Array
    #: Serving and smaller AI's compute wanted per region at the reference price,
    #: (regions, years, samples). [FLOP/s]
    serving_wanted_flop_per_s: Array
    #: Power available to AI per region, (regions, years, samples). [GW]
    supply_gw: Array
    #: Mix cost of new supply times the user's multiplier, (years, samples). [USD/MWh]
    base_price_usd_per_mwh: Array
    #: Price the serving demand is measured against: the mix's cost. [USD/MWh]
    reference_price_usd_per_mwh: Array


@dataclass(frozen=True)
class Rules:
    """Per-sample rows (1, samples) or (1, 1) of the inputs the loop reads each year."""

    chip_stock_base_h100e: Array
    chip_lifetime_years: Array
    us_chip_share: Array  # [-]
    training_share: Array  # [-]
    serving_price_elasticity: Array
    #: Scarcity adder at full use, per region (regions, samples) x price multiplier. [USD/MWh]
    scarcity_adder_usd_per_mwh: Array


def vintage_power_w(
    dt: Array,
    base_power_w: float | Array,
    hardware_growth: Array,
    flop_per_s_per_h100e: Array,
    ceiling_flop_per_j: float,
) -> Array:
    """Wall-plug power of one H100e of vintage t: P0 / h^t, but never so low that its
    useful FLOP per joule passes the ceiling (at the wall). [W]"""
    trend = base_power_w / hardware_growth**dt
    return np.asarray(np.maximum(trend, flop_per_s_per_h100e / ceiling_flop_per_j), dtype=float)


def precision_gain(dt: Array, growth: Array, most: Array) -> Array:
    """Useful work per H100e from lower-precision number formats, g^t, until the step to
    FP4 is taken (at most `most`, e.g. 4 from BF16). [x]"""
    return np.asarray(np.minimum(growth**dt, most), dtype=float)


def capped_spending_usd(dt: Array, base_usd: Array, growth: Array, cap_usd: Array) -> Array:
    """AI capital spending X(t) = min(X0 g^t, cap). [USD/yr]"""
    return np.asarray(np.minimum(base_usd * growth**dt, cap_usd), dtype=float)


def scarcity_price_usd_per_mwh(
    base_usd_per_mwh: Array, adder_usd_per_mwh: Array, wanted_over_supply: Array
) -> Array:
    """Price = mix cost + A x (wanted / supply)^k: smooth, A when AI wants all its supply."""
    use = np.clip(wanted_over_supply, 0.0, 4.0)
    return np.asarray(base_usd_per_mwh + adder_usd_per_mwh * use**SCARCITY_EXPONENT, dtype=float)


def training_allocation(
    fleet_flop_per_s: Array, training_wanted: Array, serving_wanted: Array, share: Array
) -> Array:
    """Frontier training's part of the fleet's compute. Each side is sure of its share of
    the fleet (training `share`, serving the rest) up to what it wants; what one side
    leaves goes to the other. Neither starves the other when chips are short. [FLOP/s]"""
    sure_training = np.minimum(training_wanted, share * fleet_flop_per_s)
    sure_serving = np.minimum(serving_wanted, (1.0 - share) * fleet_flop_per_s)
    spare = np.maximum(fleet_flop_per_s - sure_training - sure_serving, 0.0)
    return np.asarray(sure_training + np.minimum(training_wanted - sure_training, spare))


def compute_cost_ratio(
    hardware_usd_per_h100e_yr: Array,
    power_per_h100e_w: Array,
    price_usd_per_mwh: Array,
    reference_usd_per_mwh: Array,
) -> Array:
    """Cost of a year of an H100e's compute at `price` over its cost at the reference
    price: (hardware + energy at price) / (hardware + energy at reference). [x]"""
    mwh_per_yr = power_per_h100e_w / W_PER_GW * MWH_PER_GW_YEAR
    at_price = hardware_usd_per_h100e_yr + mwh_per_yr * price_usd_per_mwh
    return np.asarray(at_price / (hardware_usd_per_h100e_yr + mwh_per_yr * reference_usd_per_mwh))


def smallest_with_ties(limits: list[Array]) -> tuple[Array, Array]:
    """The smallest of `limits` and the index of the first one (in list order) within a
    relative TIE_TOLERANCE of it: ties go to the earlier step, never to rounding."""
    smallest = limits[0]
    for limit in limits[1:]:
        smallest = np.minimum(smallest, limit)
    index = np.full(smallest.shape, len(limits) - 1, dtype=float)
    bound = smallest * (1.0 + TIE_TOLERANCE) + 1e-300
    for i in range(len(limits) - 2, -1, -1):
        index = np.where(limits[i] <= bound, float(i), index)
    return smallest, index


def _surviving(dt_now: float, dt_vintages: Array, lifetime: Array) -> Array:
    """Share of each vintage still in service: 1 until its lifetime, then gone (a
    fractional lifetime retires that share in the last year), (vintages, samples)."""
    age = dt_now - dt_vintages[:, None]
    return np.asarray(np.clip(lifetime - age, 0.0, 1.0))


def _base_surviving(dt_now: float, lifetime: Array) -> Array:
    """Share of the base-year stock still in service: it was bought over the years before
    and retires evenly over one lifetime, (1, samples)."""
    return np.asarray(np.clip(1.0 - dt_now / lifetime, 0.0, 1.0))


@dataclass(frozen=True)
class Fleet:
    """The loop's outputs, (years, samples) unless noted."""

    fleet_flop_per_s: Array
    chip_stock_h100e: Array
    chips_installed_h100e: Array
    chips_idle_h100e: Array
    #: Limits on the year's new accelerators. [H100e/yr]
    new_wanted_h100e: Array
    new_capital_h100e: Array
    new_power_h100e: Array
    fleet_binding_index: Array
    #: Per region (regions, years, samples). [GW], [USD/MWh]
    power_achieved_gw: Array
    power_demand_gw: Array
    price_usd_per_mwh: Array
    training_flop_per_s: Array
    serving_flop_per_s: Array
    serving_wanted_flop_per_s: Array
    electricity_bill_usd: Array
    chip_spending_usd: Array
    #: What the fleet would allow the largest run's share of training if only one step
    #: limited the year's new accelerators: power, chips, capital. [FLOP/s]
    training_if_power: Array
    training_if_chips: Array
    training_if_capital: Array


def run(paths: Paths, rules: Rules, dt: Array, power_limited: bool = True) -> Fleet:
    """The fleet year by year. With `power_limited` False, power never limits anything
    (the supply is unbounded and no scarcity adder applies): the counterfactual that
    `compute_lost_to_power_share` compares with.

    The loop: the stock of earlier vintages that survives; the power it draws (idle where
    the supply cannot run it, oldest first: only the base-year stock can be idle, since
    new accelerators are only installed where power is left and supply never falls); the
    price, from last year's wanted over supply; the bill, paid before any chip is bought;
    then the four limits on new accelerators, the smallest installed. Chips go to each
    region in proportion to its share, and to the other region where one has no power
    left (chips are shipped to power, not the reverse).
    """
    n_years = dt.shape[0]
    samples = np.broadcast_shapes(
        paths.power_per_h100e_w.shape,
        paths.supply_gw.shape[1:],
        paths.serving_wanted_flop_per_s.shape[1:],
        rules.chip_lifetime_years.shape,
    )[1]
    regions = len(REGIONS)
    shape = (n_years, samples)
    out = {
        name: np.zeros(shape)
        for name in (
            "fleet",
            "stock",
            "installed",
            "idle",
            "wanted",
            "capital",
            "power",
            "binding",
            "training",
            "serving",
            "serving_wanted",
            "bill",
            "spend",
            "if_power",
            "if_chips",
            "if_capital",
        )
    }
    per_region = {name: np.zeros((regions, *shape)) for name in ("achieved", "demand", "price")}
    installs = np.zeros((regions, n_years, samples))  # H100e installed per region and year
    us_share = np.broadcast_to(rules.us_chip_share, (1, samples))[0]
    region_share = np.stack([us_share, 1.0 - us_share])  # (regions, samples)
    base_stock = region_share * rules.chip_stock_base_h100e[0]
    lifetime = np.broadcast_to(rules.chip_lifetime_years, (1, samples))
    p_w = np.broadcast_to(paths.power_per_h100e_w, shape)
    f_s = np.broadcast_to(paths.flop_per_s_per_h100e, shape)
    supply = np.broadcast_to(paths.supply_gw, (regions, *shape))
    if not power_limited:
        supply = np.full((regions, *shape), np.inf)
    use_before = None  # wanted over supply, per region, last year
    for j in range(n_years):
        base_left = base_stock * _base_surviving(float(dt[j]), lifetime)  # (regions, samples)
        if j:
            alive = _surviving(float(dt[j]), dt[1:j], lifetime)  # (vintages, samples)
            old = installs[:, 1:j] * alive  # (regions, vintages, samples)
            old_power_gw = base_left * p_w[0] / W_PER_GW + np.einsum(
                "rvs,vs->rs", old, p_w[1:j] / W_PER_GW
            )
            old_flop = base_left * f_s[0] + np.einsum("rvs,vs->rs", old, f_s[1:j])
            old_count = base_left + old.sum(axis=1)
        else:
            old_power_gw = base_left * p_w[0] / W_PER_GW
            old_flop = base_left * f_s[0]
            old_count = base_left.copy()
        # Only base-year chips can be idle (see the docstring); they go idle first.
        idle_gw = np.maximum(old_power_gw - supply[:, j], 0.0)
        idle_count = np.minimum(idle_gw * W_PER_GW / p_w[0], base_left)
        powered_gw = old_power_gw - idle_gw
        powered_flop = old_flop - idle_count * f_s[0]
        # Price: the mix's cost plus scarcity from how much of its supply AI wanted.
        if use_before is None:
            use_before = np.where(supply[:, 0] > 0, old_power_gw / supply[:, 0], 4.0)
        adder = rules.scarcity_adder_usd_per_mwh if power_limited else 0.0
        price = scarcity_price_usd_per_mwh(paths.base_price_usd_per_mwh[j], adder, use_before)
        bill = (price * powered_gw).sum(axis=0) * MWH_PER_GW_YEAR
        # Demand: frontier training on its trend plus serving, which answers the cost of
        # compute (chips and electricity) relative to the cost at the mix's own price.
        ratio = compute_cost_ratio(
            paths.price_per_h100e_usd[j] / rules.chip_lifetime_years[0],
            p_w[j],
            price,
            paths.reference_price_usd_per_mwh[j],
        )
        serving_wanted = paths.serving_wanted_flop_per_s[:, j] * ratio ** (
            -rules.serving_price_elasticity[0]
        )
        training_wanted = paths.training_wanted_flop_per_s[j]
        wanted_flop = training_wanted + serving_wanted.sum(axis=0)
        world_powered_flop = powered_flop.sum(axis=0)
        if j == 0:
            # The base year's fleet is given: nothing more is installed in it.
            new_wanted = new_chips = new_capital = new_power = np.zeros(samples)
            binding = np.zeros(samples)
        else:
            new_wanted = np.maximum(wanted_flop - world_powered_flop, 0.0) / f_s[j]
            new_chips = np.broadcast_to(paths.chip_production_h100e[j], (samples,))
            money_left = np.maximum(paths.ai_capex_usd[j] - bill, 0.0)
            new_capital = money_left / paths.price_per_h100e_usd[j]
            room_gw = np.maximum(supply[:, j] - powered_gw, 0.0)  # (regions, samples)
            room = room_gw * W_PER_GW / p_w[j]
            new_power = room.sum(axis=0)
            _, binding = smallest_with_ties([new_wanted, new_chips, new_capital, new_power])
        bought = np.minimum(np.minimum(new_wanted, new_chips), new_capital)
        new = np.minimum(bought, new_power) if j else bought
        if j:
            us = np.minimum(region_share[0] * new, room[0])
            rest = np.minimum(new - us, room[1])
            us = np.minimum(new - rest, room[0])
            installs[0, j], installs[1, j] = us, rest
        fleet_flop = world_powered_flop + new * f_s[j]
        achieved = powered_gw + installs[:, j] * p_w[j] / W_PER_GW
        demand = old_power_gw + region_share * bought * p_w[j] / W_PER_GW
        use_before = np.where(supply[:, j] > 0, demand / supply[:, j], 4.0)
        serving_total = serving_wanted.sum(axis=0)
        share = rules.training_share[0]
        training = training_allocation(fleet_flop, training_wanted, serving_total, share)
        if power_limited:
            # What frontier training would get if only one step had limited the year's new
            # accelerators (the counterfactual run needs none of this).
            for name, limit in (("if_power", new_power), ("if_chips", new_chips)):
                extra = limit if j else new
                flop = world_powered_flop + extra * f_s[j]
                out[name][j] = training_allocation(flop, training_wanted, serving_total, share)
            extra = new_capital if j else new
            flop = world_powered_flop + extra * f_s[j]
            out["if_capital"][j] = training_allocation(
                flop, training_wanted, serving_total, share
            )
        out["fleet"][j] = fleet_flop
        out["stock"][j] = old_count.sum(axis=0) + new
        out["installed"][j] = new
        out["idle"][j] = idle_count.sum(axis=0)
        out["wanted"][j], out["capital"][j], out["power"][j] = new_wanted, new_capital, new_power
        out["binding"][j] = binding
        out["training"][j] = training
        out["serving"][j] = np.minimum(serving_total, fleet_flop - training)
        out["serving_wanted"][j] = serving_total
        out["bill"][j] = bill
        out["spend"][j] = new * paths.price_per_h100e_usd[j]
        per_region["achieved"][:, j] = achieved
        per_region["demand"][:, j] = demand
        per_region["price"][:, j] = price
    return Fleet(
        fleet_flop_per_s=out["fleet"],
        chip_stock_h100e=out["stock"],
        chips_installed_h100e=out["installed"],
        chips_idle_h100e=out["idle"],
        new_wanted_h100e=out["wanted"],
        new_capital_h100e=out["capital"],
        new_power_h100e=out["power"],
        fleet_binding_index=out["binding"],
        power_achieved_gw=per_region["achieved"],
        power_demand_gw=per_region["demand"],
        price_usd_per_mwh=per_region["price"],
        training_flop_per_s=out["training"],
        serving_flop_per_s=out["serving"],
        serving_wanted_flop_per_s=out["serving_wanted"],
        electricity_bill_usd=out["bill"],
        chip_spending_usd=out["spend"],
        training_if_power=out["if_power"],
        training_if_chips=out["if_chips"],
        training_if_capital=out["if_capital"],
    )


def rows_of(values: Mapping[str, Array], names: tuple[str, ...]) -> dict[str, Array]:
    """Inputs of shape (samples, 1) as rows (1, samples)."""
    return {name: values[name].T for name in names}
