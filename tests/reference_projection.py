"""A slow, plain reference of model.projection.simulate for the tests: one sample at a time,
scalars and Python loops, every accelerator vintage and every power-plant vintage kept in
a list of its own (no einsum, no closed forms, no ramps).

It restates the equations of docs/methods/equations.md ("One economy") so that the
vectorised projection and Monte Carlo can be checked against something written
differently; it is for tests only, never imported by the app.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np

from model.constants import (
    CHINCHILLA_TOKENS_PER_PARAM,
    HOURS_PER_YEAR,
    SECONDS_PER_DAY,
    TRAINING_FLOP_PER_PARAM_TOKEN,
    W_PER_GW,
)
from model.projection import Fixed

#: Steps in model.limits.CONSTRAINTS order, and the order ties go in (power last).
STEPS = ("trend", "site", "power", "chips", "capital", "data", "latency")
TIE_ORDER = ("trend", "site", "data", "latency", "chips", "capital", "power")
FLEET = ("demand", "chips", "capital", "power")
REGIONS = ("us", "row")
TOLERANCE = 1e-9


def _clip01(x: float) -> float:
    return min(1.0, max(0.0, x))


def _supply_gw(v: Mapping[str, float], r: str, fixed: Fixed, lead: np.ndarray, t: int) -> float:
    """S0 + pipeline + headroom + every plant vintage started since the base year."""
    src = fixed.sources
    per_firm = [s / f for s, f in zip(src.shares, src.firm_factor, strict=True)]
    total = v[f"supply_base_gw_{r}"]
    total += v[f"pipeline_gw_{r}"] * sum(
        p * min(1.0, t / lead_i) for p, lead_i in zip(src.pipeline_shares, lead, strict=True)
    )
    total += v[f"flexible_headroom_gw_{r}"] if t >= 1 else 0.0
    btm = v[f"behind_meter_share_{r}"] / 100.0
    for i, share in enumerate(src.shares):
        if share <= 0:
            continue  # not in the mix: only the pipeline
        grid_lead = max(lead[i], v[f"queue_years_{r}"])
        for vintage in range(t + 1):
            wanted = v[f"build_rate_gw_per_yr_{r}"] * per_firm[i] / sum(per_firm)
            cap = (
                src.build_cap_gw_per_yr[i]
                * v[f"build_cap_share_{r}"]
                / 100.0
                * v["build_cap_growth"] ** vintage
            )
            arrived = btm * _clip01(t - vintage - lead[i]) + (1 - btm) * _clip01(
                t - vintage - grid_lead
            )
            total += min(wanted, cap) * arrived * src.firm_factor[i]
    return total


def _started_gw(v: Mapping[str, float], r: str, fixed: Fixed, t: int) -> tuple[float, float]:
    """Nameplate wanted and started (after the caps) in year t, all sources. [GW]"""
    src = fixed.sources
    per_firm = [s / f for s, f in zip(src.shares, src.firm_factor, strict=True)]
    wanted = started = 0.0
    for i in range(len(src.shares)):
        w = v[f"build_rate_gw_per_yr_{r}"] * per_firm[i] / sum(per_firm)
        cap = (
            src.build_cap_gw_per_yr[i]
            * v[f"build_cap_share_{r}"]
            / 100.0
            * v["build_cap_growth"] ** t
        )
        wanted += w
        started += min(w, cap)
    return wanted, started


def _first_smallest(named: dict[str, float], order: tuple[str, ...]) -> str:
    smallest = min(named.values())
    return next(s for s in order if named[s] <= smallest * (1 + TOLERANCE))


def _training_part(fleet: float, train_wanted: float, serve_wanted: float, share: float) -> float:
    """Frontier training's compute: sure of `share` of the fleet up to what it wants, plus
    what serving leaves of its own part."""
    sure_train = min(train_wanted, share * fleet)
    sure_serve = min(serve_wanted, (1 - share) * fleet)
    return sure_train + min(train_wanted - sure_train, max(fleet - sure_train - sure_serve, 0.0))


def _economy(v, fixed: Fixed, vintage: dict, supply: dict, limited: bool) -> list[dict]:
    """The fleet year by year for one sample (see model/economy.py's docstring)."""
    n = len(fixed.run_seconds)
    mwh_per_gw_year = HOURS_PER_YEAR * 1000.0
    share_us = v["us_chip_share"] / 100.0
    life = v["chip_lifetime_years"]
    # Each region's accelerators: a list of [year installed, H100e]; the base year's
    # stock is kept apart, since it retires evenly over one lifetime.
    bought: dict[str, list[list[float]]] = {r: [] for r in REGIONS}
    # The 2025 fleet is placed as new chips are: each region its share, the rest to the
    # region whose 2025 power still has room; what neither can power stays by share.
    stock = v["chip_stock_base_h100e"]
    fits = {r: supply[r][0] * W_PER_GW / vintage["power_w"][0] for r in REGIONS}
    base = {"us": min(share_us * stock, fits["us"])}
    base["row"] = min(stock - base["us"], fits["row"])
    base["us"] = min(stock - base["row"], fits["us"])
    unplaced = stock - base["us"] - base["row"]
    base["us"] += share_us * unplaced
    base["row"] += (1.0 - share_us) * unplaced
    last_use = None
    out = []
    for t in range(n):
        p_new, f_new = vintage["power_w"][t], vintage["flop"][t]
        cap_supply = {r: supply[r][t] if limited else math.inf for r in REGIONS}
        old_power, old_flop, old_count, idle = {}, {}, {}, {}
        powered_power, powered_flop = {}, {}
        for r in REGIONS:
            base_left = base[r] * _clip01(1 - t / life)
            chips = [(0, base_left)] + [(y, c * _clip01(life - (t - y))) for y, c in bought[r]]
            old_power[r] = sum(c * vintage["power_w"][y] / W_PER_GW for y, c in chips)
            old_flop[r] = sum(c * vintage["flop"][y] for y, c in chips)
            old_count[r] = sum(c for _, c in chips)
            # Oldest first: switch off base-year chips until the rest fits the supply.
            over = max(old_power[r] - cap_supply[r], 0.0)
            idle[r] = min(over * W_PER_GW / vintage["power_w"][0], base_left)
            powered_power[r] = old_power[r] - over
            powered_flop[r] = old_flop[r] - idle[r] * vintage["flop"][0]
        if last_use is None:
            last_use = {
                r: old_power[r] / cap_supply[r] if cap_supply[r] > 0 else 4.0 for r in REGIONS
            }
        price = {}
        for r in REGIONS:
            base_price = vintage["mix_cost"] * v["price_scale"]
            adder = v[f"scarcity_adder_usd_per_mwh_{r}"] * v["price_scale"] if limited else 0.0
            price[r] = base_price + adder * min(max(last_use[r], 0.0), 4.0) ** 4
        bill = sum(price[r] * powered_power[r] * mwh_per_gw_year for r in REGIONS)
        if bill > vintage["capex"][t]:
            # Spending cannot pay for more: run only the share of the fleet it pays for.
            paid = vintage["capex"][t] / bill
            for r in REGIONS:
                powered_power[r] *= paid
                powered_flop[r] *= paid
            bill = vintage["capex"][t]
        hardware_yr = vintage["price_h100e"][t] / life
        energy_mwh_yr = p_new / W_PER_GW * mwh_per_gw_year
        serve_wanted = 0.0
        for r in REGIONS:
            cost = hardware_yr + energy_mwh_yr * price[r]
            reference = hardware_yr + energy_mwh_yr * vintage["world_mix_cost"]
            serve_wanted += vintage["serving"][r][t] * (cost / reference) ** (
                -v["serving_price_elasticity"]
            )
        train_wanted = vintage["train_wanted"][t]
        world_powered = powered_flop["us"] + powered_flop["row"]
        room = {r: max(cap_supply[r] - powered_power[r], 0.0) * W_PER_GW / p_new for r in REGIONS}
        if t == 0:
            limits = {"demand": 0.0, "chips": 0.0, "capital": 0.0, "power": 0.0}
            step = "demand"
        else:
            limits = {
                "demand": max(train_wanted + serve_wanted - world_powered, 0.0) / f_new,
                "chips": vintage["production"][t],
                "capital": max(vintage["capex"][t] - bill, 0.0) / vintage["price_h100e"][t],
                "power": room["us"] + room["row"],
            }
            step = _first_smallest(limits, FLEET)
        affordable = min(limits["demand"], limits["chips"], limits["capital"])
        new = min(affordable, limits["power"]) if t else 0.0
        got = {"us": 0.0, "row": 0.0}
        if t:
            got["us"] = min(share_us * new, room["us"])
            got["row"] = min(new - got["us"], room["row"])
            got["us"] = min(new - got["row"], room["us"])
            for r in REGIONS:
                bought[r].append([t, got[r]])
        fleet = world_powered + new * f_new
        regional_share = {"us": share_us, "row": 1 - share_us}
        demand = {
            r: old_power[r] + regional_share[r] * affordable * p_new / W_PER_GW for r in REGIONS
        }
        last_use = {r: demand[r] / cap_supply[r] if cap_supply[r] > 0 else 4.0 for r in REGIONS}
        share = v["training_share"] / 100.0
        training = _training_part(fleet, train_wanted, serve_wanted, share)

        def if_only(
            extra: float,
            powered: float = world_powered,
            flop_each: float = f_new,
            wanted: tuple[float, float, float] = (train_wanted, serve_wanted, share),
        ) -> float:
            """Training's compute had only `extra` new chips been installed this year."""
            return _training_part(powered + extra * flop_each, *wanted)

        out.append(
            {
                "fleet": fleet,
                "stock": old_count["us"] + old_count["row"] + new,
                "installed": new,
                "idle": idle["us"] + idle["row"],
                "limits": limits,
                "step": step,
                "achieved": {r: powered_power[r] + got[r] * p_new / W_PER_GW for r in REGIONS},
                "demand": demand,
                "price": price,
                "training": training,
                "serve_wanted": serve_wanted,
                "bill": bill,
                "spend": new * vintage["price_h100e"][t],
                "if_power": if_only(limits["power"] if t else new),
                "if_chips": if_only(limits["chips"] if t else new),
                "if_capital": if_only(limits["capital"] if t else new),
            }
        )
    return out


def simulate_one(v: Mapping[str, float], fixed: Fixed, lead: np.ndarray) -> dict[str, list]:
    """One sample's projection, year by year: the columns of projection.simulate."""
    n = len(fixed.run_seconds)
    u = fixed.utilization
    e0 = fixed.base_efficiency_flop_per_j
    base_power_w = fixed.h100_flop_per_s * u / e0
    ceiling = max(fixed.wall_ceiling_flop_per_j, e0)
    vintage: dict = {key: [] for key in ("flop", "power_w", "price_h100e", "production")}
    vintage |= {"capex": [], "train_wanted": [], "serving": {r: [] for r in REGIONS}}
    vintage["mix_cost"] = float(fixed.sources.lcoe_mid_usd_per_mwh)
    # Serving's price response is measured against today's world mix (data/, not the
    # scenario's mix).
    vintage["world_mix_cost"] = float(fixed.sources.world_mix_lcoe_usd_per_mwh)
    gdp = []
    for t in range(n):
        flop = (
            fixed.h100_flop_per_s
            * u
            * min(v["precision_gain_growth"] ** t, v["precision_gain_max"])
        )
        vintage["flop"].append(flop)
        vintage["power_w"].append(
            max(base_power_w / v["hardware_efficiency_growth"] ** t, flop / ceiling)
        )
        vintage["price_h100e"].append(
            v["h100e_price_usd"] / v["chip_price_performance_growth"] ** t
        )
        vintage["production"].append(
            v["chip_production_base_h100e"] * v["chip_production_growth"] ** t
        )
        gdp.append(v["gdp_base_usd"] * v["gdp_growth"] ** t)
        vintage["capex"].append(
            min(
                v["ai_capex_base_usd"] * v["ai_capex_growth"] ** t,
                gdp[t] * v["capex_gdp_cap_share"] / 100,
            )
        )
        trend = v["frontier_flop_base"] * v["compute_growth"] ** t
        vintage["train_wanted"].append(
            trend / (v["run_share_of_training"] / 100.0 * float(fixed.run_seconds[t]))
        )
        for r in REGIONS:
            vintage["serving"][r].append(
                v[f"serving_power_base_gw_{r}"] * W_PER_GW * e0 * v["serving_compute_growth"] ** t
            )
    supply = {r: [_supply_gw(v, r, fixed, lead, t) for t in range(n)] for r in REGIONS}
    got = _economy(v, fixed, vintage, supply, limited=True)
    free = _economy(v, fixed, vintage, supply, limited=False)
    rows: dict[str, list] = {}
    for t in range(n):
        g, f = got[t], free[t]
        sec = float(fixed.run_seconds[t])
        e = vintage["flop"][t] / vintage["power_w"][t]
        run_share = v["run_share_of_training"] / 100.0
        trend = v["frontier_flop_base"] * v["compute_growth"] ** t
        site_gw = (
            min(v["campus_power_base_gw"] * v["campus_growth"] ** t, v["campus_max_gw"])
            * v["training_sites"]
        )
        tokens = v["data_stock_tokens"] * v["data_stock_growth"] ** t
        named = {
            "trend": trend,
            "site": site_gw * W_PER_GW * e * sec,
            "power": run_share * g["if_power"] * sec,
            "chips": run_share * g["if_chips"] * sec,
            "capital": run_share * g["if_capital"] * sec,
            "data": TRAINING_FLOP_PER_PARAM_TOKEN * tokens / CHINCHILLA_TOKENS_PER_PARAM * tokens,
            "latency": v["latency_wall_flop"],
        }
        achieved = min(named.values())
        wanted = min(named["trend"], named["site"], named["data"], named["latency"])
        lost = _clip01(1 - g["fleet"] / f["fleet"]) if f["fleet"] > 0 else 0.0
        achieved_gw = g["achieved"]["us"] + g["achieved"]["row"]
        training_gw = achieved_gw * g["training"] / g["fleet"] if g["fleet"] > 0 else 0.0
        if achieved_gw > 0:
            price = sum(g["price"][r] * g["achieved"][r] / achieved_gw for r in REGIONS)
        else:
            price = sum(g["price"][r] * 0.5 for r in REGIONS)
        energy_yr = vintage["power_w"][t] / W_PER_GW * HOURS_PER_YEAR * 1000.0 * price
        hardware_yr = vintage["price_h100e"][t] / v["chip_lifetime_years"]
        nameplate = [_started_gw(v, r, fixed, t) for r in REGIONS]
        row = {
            "compute_demand_flop": trend,
            **{f"compute_limit_{s}_flop": named[s] for s in STEPS[1:]},
            "compute_achieved_flop": achieved,
            "binding_index": float(STEPS.index(_first_smallest(named, TIE_ORDER))),
            "fleet_binding_index": float(FLEET.index(g["step"])),
            "compute_wanted_flop": wanted,
            "efficiency_flop_per_j": e,
            "run_days": sec / SECONDS_PER_DAY,
            "frontier_run_power_gw": trend / (e * sec) / W_PER_GW,
            "frontier_run_power_wanted_gw": wanted / (e * sec) / W_PER_GW,
            "frontier_run_power_achieved_gw": achieved / (e * sec) / W_PER_GW,
            "largest_site_gw": site_gw,
            "run_chips_h100e": achieved / (vintage["flop"][t] * sec),
            "power_demand_gw": g["demand"]["us"] + g["demand"]["row"],
            "power_supply_gw": supply["us"][t] + supply["row"][t],
            "power_achieved_gw": achieved_gw,
            "power_wanted_unlimited_gw": f["achieved"]["us"] + f["achieved"]["row"],
            "inference_power_demand_gw": g["serve_wanted"] / e / W_PER_GW,
            "inference_power_achieved_gw": achieved_gw - training_gw,
            "training_power_demand_gw": vintage["train_wanted"][t] / e / W_PER_GW,
            "training_power_achieved_gw": training_gw,
            "compute_lost_to_power_share": lost,
            "energy_limited": float(lost >= v["wall_threshold_share"] / 100.0 - 1e-12),
            "electricity_price_usd_per_mwh": price,
            "energy_share_of_run_cost": energy_yr / (energy_yr + hardware_yr),
            "chip_stock_h100e": g["stock"],
            "chip_production_h100e": vintage["production"][t],
            "chips_installed_h100e": g["installed"],
            "chips_idle_h100e": g["idle"],
            "chips_wanted_h100e": g["limits"]["demand"],
            "chips_affordable_h100e": g["limits"]["capital"],
            "chips_powerable_h100e": g["limits"]["power"],
            "ai_capex_usd": vintage["capex"][t],
            "gdp_usd": gdp[t],
            "electricity_bill_usd": g["bill"],
            "chip_spending_usd": g["spend"],
            "fleet_flop_per_s": g["fleet"],
            "fleet_flop_per_s_unlimited": f["fleet"],
            "nameplate_wanted_gw": nameplate[0][0] + nameplate[1][0],
            "nameplate_started_gw": nameplate[0][1] + nameplate[1][1],
        }
        for i, r in enumerate(REGIONS):
            row[f"power_supply_gw_{r}"] = supply[r][t]
            row[f"power_demand_gw_{r}"] = g["demand"][r]
            row[f"power_achieved_gw_{r}"] = g["achieved"][r]
            row[f"electricity_price_usd_per_mwh_{r}"] = g["price"][r]
            del i
        for name, value in row.items():
            rows.setdefault(name, []).append(value)
    return rows


def simulate_reference(
    values: Mapping[str, np.ndarray], fixed: Fixed, lead_time_years: np.ndarray
) -> dict[str, np.ndarray]:
    """simulate_one for every sample; arrays of (samples, years) like projection.simulate."""
    samples = lead_time_years.shape[0]
    per_sample = []
    for s in range(samples):
        v = {name: float(np.broadcast_to(a, (samples, 1))[s, 0]) for name, a in values.items()}
        assert all(math.isfinite(x) for x in v.values())
        per_sample.append(simulate_one(v, fixed, lead_time_years[s]))
    return {name: np.array([rows[name] for rows in per_sample]) for name in per_sample[0]}
