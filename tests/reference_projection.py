"""A slow, plain reference of model.projection.simulate for the tests: one sample at a time,
scalars and Python loops, every vintage summed one by one (no closed forms, no ramps).

It restates DESIGN.md's equations so that the vectorised projection and Monte Carlo can be
checked against something written differently; it is for tests only, never imported by
the app.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np

from model.constants import (
    CHINCHILLA_TOKENS_PER_PARAM,
    FLOP_PER_EFLOP,
    JOULES_PER_MWH,
    SECONDS_PER_DAY,
    TRAINING_FLOP_PER_PARAM_TOKEN,
    W_PER_GW,
)
from model.projection import Fixed

#: Steps in model.limits.CONSTRAINTS order, and the order ties go in (power last).
STEPS = ("trend", "power", "chips", "capital", "data", "latency")
TIE_ORDER = ("trend", "chips", "capital", "data", "latency", "power")


def _clip01(x: float) -> float:
    return min(1.0, max(0.0, x))


def _supply_gw(v: Mapping[str, float], fixed: Fixed, lead: np.ndarray, t: int) -> float:
    """S0 + pipeline + headroom + every vintage started since the base year, delivered."""
    src = fixed.sources
    per_firm = [s / f for s, f in zip(src.shares, src.firm_factor, strict=True)]
    total = v["supply_base_gw"]
    total += v["pipeline_gw"] * sum(
        p * min(1.0, t / lead_i) for p, lead_i in zip(src.pipeline_shares, lead, strict=True)
    )
    total += v["flexible_headroom_gw"] if t >= 1 else 0.0
    btm = v["behind_meter_share"] / 100.0
    for i, share in enumerate(src.shares):
        if share <= 0:
            continue  # not in the mix: only the pipeline
        grid_lead = max(lead[i], v["queue_years"])
        for vintage in range(t + 1):
            wanted = v["build_rate_gw_per_yr"] * per_firm[i] / sum(per_firm)
            cap = (
                src.build_cap_gw_per_yr[i]
                * v["build_cap_share"]
                / 100.0
                * v["build_cap_growth"] ** vintage
            )
            arrived = btm * _clip01(t - vintage - lead[i]) + (1 - btm) * _clip01(
                t - vintage - grid_lead
            )
            total += min(wanted, cap) * arrived * src.firm_factor[i]
    return total


def _started_gw(v: Mapping[str, float], fixed: Fixed, t: int) -> tuple[float, float]:
    """Nameplate wanted and started (after the caps) in year t, all sources. [GW]"""
    src = fixed.sources
    per_firm = [s / f for s, f in zip(src.shares, src.firm_factor, strict=True)]
    wanted = started = 0.0
    for i in range(len(src.shares)):
        w = v["build_rate_gw_per_yr"] * per_firm[i] / sum(per_firm)
        cap = src.build_cap_gw_per_yr[i] * v["build_cap_share"] / 100.0 * v["build_cap_growth"] ** t
        wanted += w
        started += min(w, cap)
    return wanted, started


def _exogenous(v: Mapping[str, float], fixed: Fixed, t: int) -> dict[str, float]:
    """The year's limits that do not depend on the fleet."""
    e0 = fixed.base_efficiency_flop_per_j
    seconds = float(fixed.run_seconds[t])
    stock = (
        v["chip_stock_base_h100e"]
        * v["chip_stock_growth"] ** min(t, 5)
        * v["chip_stock_growth_late"] ** max(t - 5, 0)
    )
    run_chips = stock * v["run_chip_share"] / 100.0
    tokens = v["data_stock_tokens"] * v["data_stock_growth"] ** t
    return {
        "e": min(
            e0 * 2.0 ** (t / v["efficiency_doubling_years"]),
            max(fixed.wall_ceiling_flop_per_j, e0),
        ),
        "seconds": seconds,
        "trend": v["frontier_flop_base"] * v["compute_growth"] ** t,
        "stock": stock,
        "run_chips": run_chips,
        "chips": run_chips * fixed.h100_flop_per_s * fixed.utilization * seconds,
        "data": TRAINING_FLOP_PER_PARAM_TOKEN * tokens / CHINCHILLA_TOKENS_PER_PARAM * tokens,
        "latency": v["latency_wall_flop"],
        "budget": v["run_budget_base_usd"] * v["run_budget_growth"] ** t,
        "hardware": v["hardware_cost_base_usd_per_eflop"]
        / FLOP_PER_EFLOP
        / v["price_performance_growth"] ** t,
        "site": min(v["campus_power_base_gw"] * v["campus_growth"] ** t, v["campus_max_gw"])
        * v["training_sites"],
    }


def _binding(limits: Mapping[str, float]) -> int:
    smallest = min(limits.values())
    step = next(s for s in TIE_ORDER if limits[s] == smallest)
    return STEPS.index(step)


def simulate_one(v: Mapping[str, float], fixed: Fixed, lead: np.ndarray) -> dict[str, list]:
    """One sample's projection, year by year: the columns of projection.simulate."""
    rows: dict[str, list] = {}
    served_compute = training_before = 0.0
    k = v["frontier_runs"]
    for t in range(len(fixed.run_seconds)):
        x = _exogenous(v, fixed, t)
        e, sec = x["e"], x["seconds"]
        supply = _supply_gw(v, fixed, lead, t)
        serve_demand = (
            v["other_ai_power_base_gw"]
            if t == 0
            else served_compute * v["other_ai_compute_growth"] / e
        )
        base_price = fixed.sources.lcoe_mid_usd_per_mwh * v["price_scale"]
        capital_first = x["budget"] / (x["hardware"] + base_price / (e * JOULES_PER_MWH))
        site_flop = x["site"] * W_PER_GW * e * sec
        wanted = min(x["trend"], x["chips"], capital_first, x["data"], x["latency"], site_flop)
        train_demand = k * (wanted / (e * sec) / W_PER_GW)
        kept = min(training_before, train_demand, supply)
        serve_got = min(serve_demand, supply - kept)
        short = serve_demand + train_demand > supply
        price = base_price + (v["scarcity_adder_usd_per_mwh"] * v["price_scale"] if short else 0)
        energy = price / (e * JOULES_PER_MWH)
        capital = x["budget"] / (x["hardware"] + energy)
        cap_gw = min(x["site"], (supply - serve_got) / k)
        power = cap_gw * W_PER_GW * e * sec
        limits = {
            "trend": x["trend"],
            "power": power,
            "chips": x["chips"],
            "capital": capital,
            "data": x["data"],
            "latency": x["latency"],
        }
        achieved = min(limits.values())
        nameplate_wanted, nameplate_started = _started_gw(v, fixed, t)
        row = {
            "compute_demand_flop": x["trend"],
            "compute_limit_power_flop": power,
            "compute_limit_chips_flop": x["chips"],
            "compute_limit_capital_flop": capital,
            "compute_limit_data_flop": x["data"],
            "compute_limit_latency_flop": x["latency"],
            "compute_achieved_flop": achieved,
            "binding_index": float(_binding(limits)),
            "compute_wanted_flop": wanted,
            "efficiency_flop_per_j": e,
            "run_days": sec / SECONDS_PER_DAY,
            "frontier_run_power_gw": x["trend"] / (e * sec) / W_PER_GW,
            "frontier_run_power_wanted_gw": wanted / (e * sec) / W_PER_GW,
            "frontier_run_power_achieved_gw": achieved / (e * sec) / W_PER_GW,
            "run_power_cap_gw": cap_gw,
            "largest_site_gw": x["site"],
            "power_demand_gw": serve_demand + train_demand,
            "power_supply_gw": supply,
            "power_achieved_gw": serve_got + k * (achieved / (e * sec) / W_PER_GW),
            "inference_power_demand_gw": serve_demand,
            "inference_power_achieved_gw": serve_got,
            "training_power_demand_gw": train_demand,
            "training_power_achieved_gw": k * (achieved / (e * sec) / W_PER_GW),
            "energy_limited": float(serve_demand + train_demand > supply),
            "electricity_price_usd_per_mwh": price,
            "energy_share_of_run_cost": energy / (x["hardware"] + energy),
            "run_budget_usd": x["budget"],
            "chip_stock_h100e": x["stock"],
            "run_chips_h100e": x["run_chips"],
            "nameplate_wanted_gw": nameplate_wanted,
            "nameplate_started_gw": nameplate_started,
        }
        for name, value in row.items():
            rows.setdefault(name, []).append(value)
        served_compute = serve_got * e
        training_before = k * (min(power, wanted, capital) / (e * sec) / W_PER_GW)
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
