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

from dataclasses import dataclass
from functools import cached_property

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
    use = np.minimum(np.maximum(wanted_over_supply, 0.0), 4.0)  # np.clip, without its overhead
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


def energy_mwh_per_h100e_yr(power_per_h100e_w: Array) -> Array:
    """Energy one H100e draws in a year at full power. [MWh/yr]"""
    return np.asarray(power_per_h100e_w / W_PER_GW * MWH_PER_GW_YEAR)


def compute_cost_usd_per_h100e_yr(
    hardware_usd_per_h100e_yr: Array, energy_mwh_per_yr: Array, price_usd_per_mwh: Array
) -> Array:
    """Cost of a year of one H100e's compute: its hardware plus its energy at `price`.
    [USD/yr]"""
    return np.asarray(hardware_usd_per_h100e_yr + energy_mwh_per_yr * price_usd_per_mwh)


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


def vintages_surviving(age_years: Array, lifetime_years: Array) -> Array:
    """Share of a vintage still in service at `age_years` (a column, one row per vintage):
    1 until its lifetime, then gone (a fractional lifetime retires that share in the last
    year), (vintages, samples)."""
    return np.asarray(np.clip(lifetime_years - age_years, 0.0, 1.0))


def base_stock_surviving(dt: Array, lifetime_years: Array) -> Array:
    """Share of the base-year stock still in service at `dt` (a column, one row per year):
    it was bought over the years before and retires evenly over one lifetime,
    (years, samples)."""
    return np.asarray(np.clip(1.0 - dt / lifetime_years, 0.0, 1.0))


def world_total(per_region: Array) -> Array:
    """The regions' sum, (regions, ...) -> (...), added in REGIONS order (what
    .sum(axis=0) gives, without its overhead: the loops call this many times)."""
    total = per_region[0]
    for region in per_region[1:]:
        total = total + region
    return np.asarray(total)


def split_by_region(
    new_h100e: Array, us_share: Array, room_h100e: Array | None, out: Array
) -> None:
    """The year's new accelerators per region, written to `out` (regions, samples): each
    region its share, and to the other region what one has no power left for (chips are
    shipped to power, not the reverse). `room_h100e` is what each region's power left can
    run, None where power is unlimited. [H100e]"""
    us, rest = out
    np.multiply(us_share, new_h100e, out=us)
    if room_h100e is None:
        np.subtract(new_h100e, us, out=rest)
        np.subtract(new_h100e, rest, out=us)
        return
    np.minimum(us, room_h100e[0], out=us)
    np.minimum(new_h100e - us, room_h100e[1], out=rest)
    np.minimum(new_h100e - rest, room_h100e[0], out=us)


def base_stock_by_region(stock_h100e: Array, us_share: Array, room_h100e: Array) -> Array:
    """The base year's accelerators per region, (regions, samples): placed as new chips
    are (each region its share, and to the other region what one has no power for), so
    the observed 2025 fleet runs wherever 2025's power can run it. Chips that neither
    region can power stay in their region by its share (and stand idle). [H100e]"""
    placed = np.zeros((len(REGIONS), np.size(stock_h100e)))
    split_by_region(stock_h100e, us_share, room_h100e, out=placed)
    left = stock_h100e - placed[0] - placed[1]
    return np.asarray(placed + np.stack([us_share, 1.0 - us_share]) * left)


def paid_share(bill_usd: Array, spending_usd: Array) -> Array:
    """Share of the fleet in service whose electricity AI's spending can pay for: 1 while
    the bill fits the spending, spending / bill when it does not (money is finite: chips
    it cannot pay to run are switched off, and no new chip is bought). [-]"""
    over = bill_usd > spending_usd
    return np.asarray(np.where(over, spending_usd / np.where(over, bill_usd, 1.0), 1.0))


def demand_gw(
    old_power_gw: Array, region_share: Array, bought_h100e: Array, power_per_h100e_w: Array
) -> Array:
    """Power AI wants per region: the fleet already in service plus the region's share of
    what chips and money would buy. [GW]"""
    return np.asarray(old_power_gw + region_share * bought_h100e * power_per_h100e_w / W_PER_GW)


@dataclass(frozen=True)
class Fleet:
    """The economy year by year, (years, samples) unless noted. The fields are what the
    year loop decides; the properties follow from them, worked out for all years at once
    when read (element by element the arithmetic of one year), so that a caller pays
    only for what it reads (the Monte Carlo reads few)."""

    #: New accelerators installed in the year, in the world and per region
    #: (regions, years, samples). [H100e]
    chips_installed_h100e: Array
    installs_h100e: Array
    chips_idle_h100e: Array
    #: Limits on the year's new accelerators. [H100e/yr]
    new_wanted_h100e: Array
    new_capital_h100e: Array
    new_power_h100e: Array
    #: All of AI's compute in service, and the part of it from earlier vintages (those
    #: the supply can run). [FLOP/s]
    fleet_flop_per_s: Array
    powered_flop_per_s: Array
    #: Per region (regions, years, samples). [GW], [USD/MWh]
    power_achieved_gw: Array
    power_demand_gw: Array
    price_usd_per_mwh: Array
    serving_wanted_flop_per_s: Array
    electricity_bill_usd: Array
    #: The same economy with power unlimited (the supply unbounded, no scarcity adder):
    #: the counterfactual of `compute_lost_to_power_share`.
    power_unlimited: PowerUnlimited
    #: What the properties read besides the fields.
    paths: Paths
    rules: Rules
    setup: _Setup

    @cached_property
    def chip_stock_h100e(self) -> Array:
        """Accelerators in service, idle ones included: the base-year stock left, the
        later vintages that survive and the year's new. [H100e]"""
        setup = self.setup
        old = np.zeros(setup.shape)
        old[0] = setup.base_left_h100e[:, 0].sum(axis=0)
        for j in range(1, setup.shape[0]):
            # Vintages 1 .. j-1 are j-1 .. 1 years old (_InService keeps the same products).
            surviving = self.installs_h100e[:, 1:j] * setup.alive_by_age[j - 1 : 0 : -1]
            old[j] = (setup.base_left_h100e[:, j] + surviving.sum(axis=1)).sum(axis=0)
        return np.asarray(old + self.chips_installed_h100e)

    @cached_property
    def fleet_binding_index(self) -> Array:
        """Which of FLEET_STEPS limited the year's new accelerators (ties to the earlier
        step); demand in the base year, whose fleet is given. [index]"""
        _, binding = smallest_with_ties(
            [
                self.new_wanted_h100e,
                self.setup.chips_made_h100e,
                self.new_capital_h100e,
                self.new_power_h100e,
            ]
        )
        binding[0] = 0.0
        return binding

    @cached_property
    def training_flop_per_s(self) -> Array:
        """Frontier training's part of the fleet's compute. [FLOP/s]"""
        return self._training_part(self.fleet_flop_per_s)

    @cached_property
    def serving_flop_per_s(self) -> Array:
        """Serving's part of the fleet's compute, at most what it wants. [FLOP/s]"""
        serving_left = self.fleet_flop_per_s - self.training_flop_per_s
        return np.asarray(np.minimum(self.serving_wanted_flop_per_s, serving_left))

    @cached_property
    def chip_spending_usd(self) -> Array:
        """Spent on the year's new accelerators. [USD/yr]"""
        return np.asarray(self.chips_installed_h100e * self.paths.price_per_h100e_usd)

    @property
    def training_if_power(self) -> Array:
        """What the fleet would allow frontier training if only power had limited the
        year's new accelerators (so for chips and capital below). [FLOP/s]"""
        return self._training_if_only(self.new_power_h100e)

    @property
    def training_if_chips(self) -> Array:
        return self._training_if_only(self.setup.chips_made_h100e)

    @property
    def training_if_capital(self) -> Array:
        return self._training_if_only(self.new_capital_h100e)

    def _training_part(self, fleet_flop_per_s: Array) -> Array:
        return training_allocation(
            fleet_flop_per_s,
            self.paths.training_wanted_flop_per_s,
            self.serving_wanted_flop_per_s,
            self.rules.training_share[0],
        )

    def _training_if_only(self, limit_h100e: Array) -> Array:
        """Training's part if `limit_h100e` alone had set the year's new accelerators (in
        the base year, what was installed). [FLOP/s]"""
        new = np.concatenate([self.chips_installed_h100e[:1], limit_h100e[1:]])
        return self._training_part(self.powered_flop_per_s + new * self.setup.f_s)


@dataclass(frozen=True)
class PowerUnlimited:
    """The same economy with power never limiting anything: what `compute_lost_to_power_share`
    compares with, (years, samples) unless noted."""

    fleet_flop_per_s: Array
    #: Per region (regions, years, samples). [GW]
    power_achieved_gw: Array


def run(paths: Paths, rules: Rules, dt: Array) -> Fleet:
    """The fleet year by year, power limited, and the same economy without the limit
    (Fleet.power_unlimited).

    The loop: the stock of earlier vintages that survives; the power it draws (idle where
    the supply cannot run it, oldest first: only the base-year stock can be idle, since
    new accelerators are only installed where power is left and supply never falls); the
    price, from last year's wanted over supply; the bill, paid before any chip is bought
    (if it passes AI's spending, the fleet runs only the share the spending pays for);
    then the four limits on new accelerators, the smallest installed. Chips go to each
    region in proportion to its share, and to the other region where one has no power
    left (chips are shipped to power, not the reverse).

    Only what one year hands to the next is computed in the loop (_grow_power_limited);
    what follows from it each year (compute in service, training's part, the binding
    step, spending) is worked out for all years at once when first read (Fleet's
    properties), element by element the same arithmetic. `dt` is 0, 1, 2, ... (years
    since the base year).
    """
    setup = _Setup.of(paths, rules, dt)
    unlimited = _grow_unlimited(paths, setup, setup.unlimited_rows)
    return _grow_power_limited(paths, rules, setup, setup.limited_rows, unlimited)


#: What a run keeps by year, in rows (years, samples) of one block (_Setup.of): the
#: base-year stock left, its power and FLOP/s, per region; the unlimited loop's compute,
#: installs, power achieved and vintages in service; the power-limited loop's world rows
#: and its per-region ones (installs, achieved, price, demand, vintages in service).
_SETUP_ROWS = 3 * len(REGIONS)
_UNLIMITED_ROWS = 1 + 3 * len(REGIONS)
_PER_YEAR = ("new", "fleet", "flop", "idle", "wanted", "capital", "power", "serving", "bill")
_LIMITED_ROWS = len(_PER_YEAR) + 5 * len(REGIONS)


def _grow_unlimited(paths: Paths, setup: _Setup, rows: Array) -> PowerUnlimited:
    """The year loop with power unlimited (the supply unbounded, no scarcity adder): only
    the fleet's compute and power are kept, since nothing else of it is reported. It
    fills `rows` (_UNLIMITED_ROWS)."""
    regions = len(REGIONS)
    # No supply limit and no scarcity: the price is the mix's, the same in both regions
    # (kept per region as in the power-limited loop: numpy's power, in serving's answer
    # to the price, may round an ulp differently for arrays of another shape).
    price = np.broadcast_to(paths.base_price_usd_per_mwh, (regions, *setup.shape))
    fleet_flop = rows[0]
    installs, achieved_gw, surviving = rows[1:].reshape(3, regions, *setup.shape)
    in_service = _InService(setup, installs, surviving)
    new = np.zeros(setup.samples)  # nothing is installed in the base year
    for j in range(setup.shape[0]):
        power_now, flop_now = in_service.in_year(j)  # all of it is powered, if paid for
        bill = world_total(price[:, j] * power_now) * MWH_PER_GW_YEAR
        paid = paid_share(bill, paths.ai_capex_usd[j])
        if (paid < 1.0).any():
            power_now, flop_now = power_now * paid, flop_now * paid
            bill = np.minimum(bill, paths.ai_capex_usd[j])
        world_flop = world_total(flop_now)
        if j:
            serving = world_total(setup.serving_wanted_flop_per_s(paths, j, price[:, j]))
            wanted_flop = paths.training_wanted_flop_per_s[j] + serving
            _, _, new = setup.bought_h100e(paths, j, wanted_flop, world_flop, bill)
            split_by_region(new, setup.region_share[0], None, out=installs[:, j])
        fleet_flop[j] = world_flop + new * setup.f_s[j]
        achieved_gw[:, j] = power_now + installs[:, j] * setup.p_w[j] / W_PER_GW
    return PowerUnlimited(fleet_flop, achieved_gw)


@dataclass(frozen=True)
class _Setup:
    """What the year loop reads that no decision in it changes, worked out once for all
    years: (years, samples), per region (regions, years, samples)."""

    shape: tuple[int, int]  # (years, samples)
    region_share: Array  # (regions, samples) [-]
    #: Power and useful FLOP/s of one H100e of each year's vintage. [W], [GW], [FLOP/s]
    p_w: Array
    gw_per_h100e: Array
    f_s: Array
    #: The base-year stock left each year per region, the power it draws and its
    #: FLOP/s, (regions, years, samples). [H100e], [GW], [FLOP/s]
    base_left_h100e: Array
    base_power_gw: Array
    base_flop_per_s: Array
    #: Share of a vintage in service by its age: row a is a years old. [-]
    alive_by_age: Array
    #: A year of an H100e's compute: hardware, energy, its cost at the reference price.
    #: [USD/yr], [MWh/yr], [USD/yr]
    hardware_usd_yr: Array
    energy_mwh_yr: Array
    cost_at_reference: Array
    #: Exponent of serving's answer to the cost ratio: minus the elasticity, a row.
    elasticity: Array
    chips_made_h100e: Array
    #: Rows of zeros the loops fill (_UNLIMITED_ROWS, _LIMITED_ROWS).
    unlimited_rows: Array
    limited_rows: Array

    @staticmethod
    def of(paths: Paths, rules: Rules, dt: Array) -> _Setup:
        """The setup of `paths` and `rules` for `dt` = 0, 1, 2, ... (years since the base
        year: the vintages and their retirement are counted in whole years).

        All that the run keeps by year is one block of zeros at first: numpy asks for
        huge pages for an allocation of 4 MB or more, so a Monte Carlo batch touches a
        few pages for it instead of thousands of 4 kB ones (each ~2.5 us the first time
        on the benchmark machine)."""
        n_years = dt.shape[0]
        if not np.array_equal(dt, np.arange(n_years)):
            raise ValueError("dt must be 0, 1, 2, ...: years since the base year")
        samples = np.broadcast_shapes(
            paths.power_per_h100e_w.shape,
            paths.supply_gw.shape[1:],
            paths.serving_wanted_flop_per_s.shape[1:],
            rules.chip_lifetime_years.shape,
        )[1]
        shape = (n_years, samples)
        us_share = np.broadcast_to(rules.us_chip_share, (1, samples))[0]
        region_share = np.stack([us_share, 1.0 - us_share])
        lifetime = rules.chip_lifetime_years
        p_w = np.broadcast_to(paths.power_per_h100e_w, shape)
        f_s = np.broadcast_to(paths.flop_per_s_per_h100e, shape)
        block = np.zeros((_SETUP_ROWS + _UNLIMITED_ROWS + _LIMITED_ROWS, *shape))
        setup_rows, unlimited_rows, limited_rows = np.split(
            block, [_SETUP_ROWS, _SETUP_ROWS + _UNLIMITED_ROWS]
        )
        base_left, base_power_gw, base_flop = setup_rows.reshape(3, len(REGIONS), *shape)
        base_room_h100e = np.broadcast_to(
            paths.supply_gw[:, 0] * W_PER_GW / p_w[0], (len(REGIONS), samples)
        )
        base_stock = base_stock_by_region(
            np.broadcast_to(rules.chip_stock_base_h100e[0], (samples,)).astype(float),
            us_share,
            base_room_h100e,
        )
        np.multiply(base_stock[:, None], base_stock_surviving(dt[:, None], lifetime), out=base_left)
        np.divide(base_left * p_w[0], W_PER_GW, out=base_power_gw)
        np.multiply(base_left, f_s[0], out=base_flop)
        hardware_usd_yr = paths.price_per_h100e_usd / rules.chip_lifetime_years
        energy_mwh_yr = energy_mwh_per_h100e_yr(p_w)
        return _Setup(
            shape=shape,
            region_share=region_share,
            p_w=p_w,
            gw_per_h100e=p_w / W_PER_GW,
            f_s=f_s,
            base_left_h100e=base_left,
            base_power_gw=base_power_gw,
            base_flop_per_s=base_flop,
            alive_by_age=vintages_surviving(dt[:, None], lifetime),
            hardware_usd_yr=hardware_usd_yr,
            energy_mwh_yr=energy_mwh_yr,
            cost_at_reference=compute_cost_usd_per_h100e_yr(
                hardware_usd_yr, energy_mwh_yr, paths.reference_price_usd_per_mwh
            ),
            elasticity=-rules.serving_price_elasticity[0],
            chips_made_h100e=np.broadcast_to(paths.chip_production_h100e, shape),
            unlimited_rows=unlimited_rows,
            limited_rows=limited_rows,
        )

    @property
    def samples(self) -> int:
        return self.shape[1]

    def serving_wanted_flop_per_s(self, paths: Paths, j: int, price_usd_per_mwh: Array) -> Array:
        """Serving's compute wanted in year j per region at `price`: what it wants at the
        mix's own price x (cost of compute at price / at that price)^-elasticity, the
        cost being the chips' and the electricity's. [FLOP/s]"""
        cost = compute_cost_usd_per_h100e_yr(
            self.hardware_usd_yr[j], self.energy_mwh_yr[j], price_usd_per_mwh
        )
        ratio = cost / self.cost_at_reference[j]
        return np.asarray(paths.serving_wanted_flop_per_s[:, j] * ratio**self.elasticity)

    def bought_h100e(
        self, paths: Paths, j: int, wanted_flop: Array, powered_flop: Array, bill_usd: Array
    ) -> tuple[Array, Array, Array]:
        """Year j's limits from demand and money on new accelerators, and what chips and
        money would buy: the smallest of demand, chips and capital. [H100e]"""
        new_wanted = np.maximum(wanted_flop - powered_flop, 0.0) / self.f_s[j]
        money_left = np.maximum(paths.ai_capex_usd[j] - bill_usd, 0.0)
        new_capital = money_left / paths.price_per_h100e_usd[j]
        bought = np.minimum(np.minimum(new_wanted, self.chips_made_h100e[j]), new_capital)
        return new_wanted, new_capital, bought


class _InService:
    """The accelerators installed since the base year that are still in service, by
    vintage, kept from one year to the next: a vintage's count is worked out again only
    in the years its share in service changes (the year after it is installed, and as
    it retires), the same product each time (installed x share in service)."""

    def __init__(self, setup: _Setup, installs_h100e: Array, surviving_h100e: Array) -> None:
        self.setup = setup
        self.installs_h100e = installs_h100e
        #: Vintages' H100e in service this year, (regions, years, samples), zeros at first.
        self.surviving_h100e = surviving_h100e
        alive = setup.alive_by_age
        #: Ages at which a vintage's share in service differs from the year before (and
        #: 1, when it enters service).
        changed = np.any(alive[2:] != alive[1:-1], axis=tuple(range(1, alive.ndim)))
        self.changing_ages = [1, *(np.flatnonzero(changed) + 2).tolist()]

    def in_year(self, j: int) -> tuple[Array, Array]:
        """Earlier vintages in service in year j, per region: the power they draw [GW] and
        their FLOP/s."""
        setup = self.setup
        base_power_gw, base_flop = setup.base_power_gw[:, j], setup.base_flop_per_s[:, j]
        if not j:
            return base_power_gw, base_flop
        for age in self.changing_ages:
            if age < j:  # vintage j - age, installed after the base year
                self.surviving_h100e[:, j - age] = (
                    self.installs_h100e[:, j - age] * setup.alive_by_age[age]
                )
        old = self.surviving_h100e[:, 1:j]  # vintages 1 .. j-1
        power_gw = base_power_gw + np.einsum("rvs,vs->rs", old, setup.gw_per_h100e[1:j])
        flop = base_flop + np.einsum("rvs,vs->rs", old, setup.f_s[1:j])
        return power_gw, flop


def _grow_power_limited(
    paths: Paths, rules: Rules, setup: _Setup, rows: Array, unlimited: PowerUnlimited
) -> Fleet:
    """run's year loop: each year's fleet is built on the last. It fills `rows`
    (_LIMITED_ROWS)."""
    shape = setup.shape
    regional = (len(REGIONS), *shape)
    supply = np.broadcast_to(paths.supply_gw, regional)
    per_year = dict(zip(_PER_YEAR, rows[: len(_PER_YEAR)], strict=True))
    installs, achieved, price, demand, surviving = rows[len(_PER_YEAR) :].reshape(5, *regional)
    in_service = _InService(setup, installs, surviving)
    use_before = None  # wanted over supply, per region, last year
    for j in range(shape[0]):
        old_power_gw, old_flop = in_service.in_year(j)
        # Only base-year chips can be idle (see run's docstring); they go idle first.
        powered_gw, powered_flop = old_power_gw, old_flop
        idle_gw = np.maximum(old_power_gw - supply[:, j], 0.0)
        if idle_gw.any():
            idle = np.minimum(idle_gw * W_PER_GW / setup.p_w[0], setup.base_left_h100e[:, j])
            powered_gw = old_power_gw - idle_gw
            powered_flop = old_flop - idle * setup.f_s[0]
            per_year["idle"][j] = world_total(idle)
        # Price: the mix's cost plus scarcity from how much of its supply AI wanted.
        if use_before is None:
            use_before = np.where(supply[:, 0] > 0, old_power_gw / supply[:, 0], 4.0)
        price[:, j] = price_now = scarcity_price_usd_per_mwh(
            paths.base_price_usd_per_mwh[j], rules.scarcity_adder_usd_per_mwh, use_before
        )
        bill = world_total(price_now * powered_gw) * MWH_PER_GW_YEAR
        paid = paid_share(bill, paths.ai_capex_usd[j])
        if (paid < 1.0).any():
            # Money is finite: what the spending cannot pay to run is switched off.
            powered_gw, powered_flop = powered_gw * paid, powered_flop * paid
            bill = np.minimum(bill, paths.ai_capex_usd[j])
        per_year["bill"][j] = bill
        # Demand: frontier training on its trend plus serving, which answers the price.
        serving = setup.serving_wanted_flop_per_s(paths, j, price_now)
        per_year["serving"][j] = serving_total = world_total(serving)
        per_year["flop"][j] = world_powered_flop = world_total(powered_flop)
        if j:
            wanted_flop = paths.training_wanted_flop_per_s[j] + serving_total
            new_wanted, new_capital, bought = setup.bought_h100e(
                paths, j, wanted_flop, world_powered_flop, bill
            )
            room_gw = np.maximum(supply[:, j] - powered_gw, 0.0)  # (regions, samples)
            room = room_gw * W_PER_GW / setup.p_w[j]
            new_power = world_total(room)
            per_year["new"][j] = new = np.minimum(bought, new_power)
            split_by_region(new, setup.region_share[0], room, out=installs[:, j])
            per_year["wanted"][j], per_year["capital"][j] = new_wanted, new_capital
            per_year["power"][j] = new_power
        else:
            # The base year's fleet is given: nothing more is installed in it.
            bought = new = per_year["new"][0]
        # In service: the powered earlier vintages and the new.
        per_year["fleet"][j] = world_powered_flop + new * setup.f_s[j]
        achieved[:, j] = powered_gw + installs[:, j] * setup.p_w[j] / W_PER_GW
        demand[:, j] = demand_now = demand_gw(
            old_power_gw, setup.region_share, bought, setup.p_w[j]
        )
        use_before = np.where(supply[:, j] > 0, demand_now / supply[:, j], 4.0)
    return Fleet(
        chips_installed_h100e=per_year["new"],
        installs_h100e=installs,
        chips_idle_h100e=per_year["idle"],
        new_wanted_h100e=per_year["wanted"],
        new_capital_h100e=per_year["capital"],
        new_power_h100e=per_year["power"],
        fleet_flop_per_s=per_year["fleet"],
        powered_flop_per_s=per_year["flop"],
        power_achieved_gw=achieved,
        power_demand_gw=demand,
        price_usd_per_mwh=price,
        serving_wanted_flop_per_s=per_year["serving"],
        electricity_bill_usd=per_year["bill"],
        power_unlimited=unlimited,
        paths=paths,
        rules=rules,
        setup=setup,
    )
