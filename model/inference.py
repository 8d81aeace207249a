"""Serving: energy per query from chip efficiency, fleet energy per year, share of supply."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from model import grid
from model.catalog import Catalog, item_row
from model.checks import ArrayLike, check_physical
from model.constants import (
    DAYS_PER_YEAR,
    HOURS_PER_DAY,
    HOURS_PER_YEAR,
    INFERENCE_FLOP_PER_PARAM_TOKEN,
    JOULES_PER_WH,
    MW_PER_GW,
    MWH_PER_TWH,
    WH_PER_MWH,
)
from model.scenario import Scenario
from model.training import carbon_intensity_g_per_kwh, chip_spec, wall_efficiency_flop_per_j


def flop_per_query(
    active_params: ArrayLike, input_tokens: ArrayLike, output_tokens: ArrayLike
) -> ArrayLike:
    """Forward-pass compute of one query: 2 x N x (input + output) tokens (Kaplan 2020).

    Parameters
    ----------
    active_params : Parameters used per token (active ones for a mixture of experts). [-]
    input_tokens : Prompt and context tokens read. [tokens]
    output_tokens : Tokens generated, including hidden reasoning. [tokens]

    Returns
    -------
    Compute per query. [FLOP]
    """
    check_physical("active_params", active_params)
    check_physical("input_tokens", input_tokens)
    check_physical("output_tokens", output_tokens)
    tokens = np.asarray(input_tokens, float) + output_tokens
    return INFERENCE_FLOP_PER_PARAM_TOKEN * np.asarray(active_params, float) * tokens


def energy_per_query_wh(
    flop_per_query: ArrayLike,
    peak_flop_per_s: ArrayLike,
    inference_utilization: ArrayLike,
    accelerator_power_w: ArrayLike,
    server_overhead: ArrayLike = 1.0,
    pue: ArrayLike = 1.0,
) -> ArrayLike:
    """Facility energy of one query: FLOP / (useful FLOP per joule at the wall) / 3600.

    Parameters
    ----------
    flop_per_query : Compute per query. [FLOP]
    peak_flop_per_s : Peak dense FLOP/s of one accelerator. [FLOP/s]
    inference_utilization : Achieved fraction of peak while serving, in (0, 1]. [fraction]
    accelerator_power_w : Power of one accelerator (TDP). [W]
    server_overhead : Whole-server power over accelerator power, >= 1. [ratio]
    pue : Power usage effectiveness, >= 1. [ratio]

    Returns
    -------
    Energy per query at the facility meter. [Wh]
    """
    check_physical("flop_per_query", flop_per_query)
    check_physical("peak_flop_per_s", peak_flop_per_s, strict=True)
    check_physical("inference_utilization", inference_utilization, strict=True)
    if np.any(np.asarray(inference_utilization, float) > 1):
        raise ValueError(f"inference_utilization must be <= 1, got {inference_utilization!r}")
    efficiency = wall_efficiency_flop_per_j(
        peak_flop_per_s, inference_utilization, accelerator_power_w, pue, server_overhead
    )
    return np.asarray(flop_per_query, float) / efficiency / JOULES_PER_WH


def energy_per_token_j(active_params: ArrayLike, efficiency_flop_per_j: ArrayLike) -> ArrayLike:
    """Energy of one token through the model: 2 x N / (FLOP per joule at the wall). [J]"""
    check_physical("active_params", active_params)
    check_physical("efficiency_flop_per_j", efficiency_flop_per_j, strict=True)
    flop = INFERENCE_FLOP_PER_PARAM_TOKEN * np.asarray(active_params, float)
    return flop / efficiency_flop_per_j


def fleet_energy_mwh_per_day(wh_per_query: ArrayLike, queries_per_day: ArrayLike) -> ArrayLike:
    """Energy of a fleet serving `queries_per_day`: Wh x queries / 1e6. [MWh/day]"""
    check_physical("wh_per_query", wh_per_query)
    check_physical("queries_per_day", queries_per_day)
    return np.asarray(wh_per_query, float) * queries_per_day / WH_PER_MWH


def fleet_twh_per_year(mwh_per_day: ArrayLike) -> ArrayLike:
    """A year of a daily energy use: MWh/day x 365 / 1e6. [TWh/yr]"""
    check_physical("mwh_per_day", mwh_per_day)
    return np.asarray(mwh_per_day, float) * DAYS_PER_YEAR / MWH_PER_TWH


def fleet_average_gw(mwh_per_day: ArrayLike) -> ArrayLike:
    """Average power of a daily energy use: MWh/day / 24 h / 1000. [GW]"""
    check_physical("mwh_per_day", mwh_per_day)
    return np.asarray(mwh_per_day, float) / HOURS_PER_DAY / MW_PER_GW


def average_gw_to_twh_per_year(average_gw: ArrayLike) -> ArrayLike:
    """Energy in a year of an average load: GW x 8760 h / 1000. [TWh/yr]"""
    check_physical("average_gw", average_gw)
    return np.asarray(average_gw, float) * HOURS_PER_YEAR / 1000.0


def electricity_total_twh(region: str, catalog: Catalog) -> tuple[float, int]:
    """Latest yearly electricity total of a region in data/electricity_totals.csv.

    Returns
    -------
    (total [TWh/yr], year of that total)
    """
    by_region = catalog.rows_by("electricity_totals", "region")
    rows = by_region.get(region)
    if not rows:
        known = ", ".join(sorted(str(r) for r in by_region))
        raise ValueError(f"no electricity total for region {region!r} (known: {known})")
    # The latest year; of rows with the same year, the last in the table.
    latest = max(reversed(rows), key=lambda row: float(row["year"]))
    return float(latest["electricity_twh"]), int(latest["year"])


def share_of_electricity(twh_per_year: ArrayLike, region: str, catalog: Catalog) -> ArrayLike:
    """An energy use as a fraction of a region's yearly electricity. [fraction]"""
    check_physical("twh_per_year", twh_per_year)
    total, _ = electricity_total_twh(region, catalog)
    return np.asarray(twh_per_year, float) / total


@dataclass(frozen=True)
class ServingResult:
    """Everything the serving page shows, each in the unit its name says."""

    chip: str
    flop_per_query: float
    efficiency_flop_per_j: float
    wh_per_query: float
    j_per_token: float
    mwh_per_day: float
    twh_per_year: float
    average_gw: float
    share_us: float
    share_world: float
    carbon_intensity_g_per_kwh: float
    g_co2e_per_query: float
    cents_per_query: float
    tco2e_per_year: float
    usd_per_year: float

    @property
    def mwh_per_query(self) -> float:
        """Energy per query. [MWh]"""
        return self.wh_per_query / WH_PER_MWH

    @property
    def mwh_per_year(self) -> float:
        """Fleet energy per year. [MWh/yr]"""
        return self.twh_per_year * MWH_PER_TWH

    @property
    def share_us_percent(self) -> float:
        """Fleet energy as a share of US electricity. [%]"""
        return self.share_us * 100.0

    @property
    def share_world_percent(self) -> float:
        """Fleet energy as a share of world electricity. [%]"""
        return self.share_world * 100.0


def estimate_serving(scenario: Scenario, catalog: Catalog) -> ServingResult:
    """Chain the serving equations (docs/methods/equations.md, "Serving") for one scenario.

    Cost and emissions use the same inputs as a training run: the scenario's grid
    (`grid`, or the mix when it is "My mix") and electricity price (`price_usd_per_mwh`).
    """
    cat = catalog
    chip = chip_spec(scenario, cat)
    flop = float(
        flop_per_query(scenario.active_params, scenario.input_tokens, scenario.output_tokens)
    )
    eff = float(
        wall_efficiency_flop_per_j(
            chip.peak_flop_per_s,
            scenario.inference_utilization,
            chip.power_w,
            scenario.pue,
            scenario.server_overhead,
        )
    )
    wh = float(
        energy_per_query_wh(
            flop,
            chip.peak_flop_per_s,
            scenario.inference_utilization,
            chip.power_w,
            scenario.server_overhead,
            scenario.pue,
        )
    )
    per_day = float(fleet_energy_mwh_per_day(wh, scenario.queries_per_day))
    twh = float(fleet_twh_per_year(per_day))
    intensity = carbon_intensity_g_per_kwh(scenario, cat)
    mwh_query = wh / WH_PER_MWH
    mwh_year = twh * MWH_PER_TWH
    return ServingResult(
        chip=chip.name,
        flop_per_query=flop,
        efficiency_flop_per_j=eff,
        wh_per_query=wh,
        j_per_token=float(energy_per_token_j(scenario.active_params, eff)),
        mwh_per_day=per_day,
        twh_per_year=twh,
        average_gw=float(fleet_average_gw(per_day)),
        share_us=float(share_of_electricity(twh, "us", cat)),
        share_world=float(share_of_electricity(twh, "world", cat)),
        carbon_intensity_g_per_kwh=intensity,
        # t -> g: x 1e6; USD -> cents: x 100.
        g_co2e_per_query=float(grid.emissions_tco2e(mwh_query, intensity)) * 1e6,
        cents_per_query=mwh_query * scenario.price_usd_per_mwh * 100.0,
        tco2e_per_year=float(grid.emissions_tco2e(mwh_year, intensity)),
        usd_per_year=mwh_year * scenario.price_usd_per_mwh,
    )


#: Rows of data/inference.csv that are energy per query, with a short label each.
PER_QUERY_ITEMS: dict[str, str] = {
    "gemini_median_prompt": "Google: median Gemini text prompt (measured, 2025)",
    "epoch_chatgpt_query": "Epoch AI: typical GPT-4o query (modelled, 2025)",
    "altman_chatgpt_query": "OpenAI CEO: average ChatGPT query (2025)",
    "epri_chatgpt_request": "EPRI / de Vries: ChatGPT request (2023-24)",
    "google_search_2009": "Google web search (2009)",
    "open_model_8k_prompt_b200": "Open models, 8k-token prompt on B200 (2026)",
}


def published_per_query(catalog: Catalog) -> pd.DataFrame:
    """Published energy-per-query figures: label, value, low, high [Wh/query], source, note.

    Ranges keep their low and high; a range with no central value gets its geometric mean
    as `value` so it can be plotted on a log axis.
    """
    table = catalog["inference"].set_index("item")
    missing = sorted(set(PER_QUERY_ITEMS) - set(table.index))
    if missing:
        raise ValueError(f"data/inference.csv lacks row(s): {', '.join(missing)}")
    rows = table.loc[list(PER_QUERY_ITEMS)]
    value = rows["value"].where(rows["value"].notna(), np.sqrt(rows["low"] * rows["high"]))
    return pd.DataFrame(
        {
            "item": rows.index,
            "label": [PER_QUERY_ITEMS[i] for i in rows.index],
            "wh_per_query": value.to_numpy(float),
            "low_wh": rows["low"].to_numpy(float),
            "high_wh": rows["high"].to_numpy(float),
            "period": rows["period"].to_numpy(),
            "source": rows["source"].to_numpy(),
            "note": rows["note"].to_numpy(),
        }
    ).reset_index(drop=True)


def measured_j_per_token(item: str, catalog: Catalog) -> float:
    """A J/token measurement from data/inference.csv (e.g. ML.ENERGY's). [J/token]"""
    rows = catalog.rows_by("inference", "item").get(item)
    if not rows or rows[0]["unit"] != "J/token":
        raise ValueError(f"{item!r} is not a J/token row of data/inference.csv")
    return float(rows[0]["value"])


def datacenter_context_twh(datacenter: pd.DataFrame, totals: pd.DataFrame) -> pd.DataFrame:
    """Published data-centre and AI electricity as TWh/yr, for one chart.

    IEA and LBNL rows are TWh already; EPRI's 2030 shares of US electricity are converted
    at the latest US total in `totals`; EPRI/Epoch AI's AI power in GW is x 8760 h.

    Returns
    -------
    Columns series, region, year, twh, low_twh, high_twh, source. [TWh/yr]
    """
    us = totals.loc[totals["region"] == "us"].sort_values("year")
    us_total = float(us["electricity_twh"].to_numpy(float)[-1])
    unit = datacenter["unit"].astype(str)
    is_twh = (unit == "TWh").to_numpy()
    is_share = (unit == "percent").to_numpy()
    is_ai_gw = (
        (unit == "GW") & datacenter["item"].astype(str).str.startswith("ai_power")
    ).to_numpy()
    twh_per_unit = np.select(
        [is_twh, is_share, is_ai_gw], [1.0, us_total / 100.0, HOURS_PER_YEAR / 1000.0], np.nan
    )
    out = pd.DataFrame(
        {
            "item": datacenter["item"].to_numpy(),
            "region": datacenter["region"].to_numpy(),
            "year": datacenter["year"].to_numpy(float),
            # A share has only a range: its central value stays blank.
            "twh": np.where(is_share, np.nan, datacenter["value"].to_numpy(float) * twh_per_unit),
            "low_twh": datacenter["low"].to_numpy(float) * twh_per_unit,
            "high_twh": datacenter["high"].to_numpy(float) * twh_per_unit,
            "source": datacenter["source"].to_numpy(),
            "note": datacenter["note"].to_numpy(),
        }
    )
    out = out[np.isfinite(twh_per_unit)].reset_index(drop=True)
    out["year"] = out["year"].astype(int)
    return out


#: Rows of data/inference.csv that are emissions per query, with a short label each and
#: the row of the same measurement's energy (to show the intensity it implies).
PER_QUERY_EMISSIONS_ITEMS: dict[str, tuple[str, str]] = {
    "gemini_median_prompt_co2e": (
        "Google: median Gemini text prompt (2025)",
        "gemini_median_prompt",
    ),
}


def published_emissions_per_query(catalog: Catalog) -> pd.DataFrame:
    """Published emissions per query, with the carbon intensity they imply.

    Returns columns label, g_co2e_per_query [gCO2e/query], wh_per_query [Wh/query, the same
    source's energy], implied_g_per_kwh (g / Wh x 1000) [gCO2e/kWh], period, source.
    """
    table = catalog["inference"].set_index("item")
    rows = []
    for item, (label, energy_item) in PER_QUERY_EMISSIONS_ITEMS.items():
        grams = float(item_row(catalog["inference"], item)["value"])
        wh = float(item_row(catalog["inference"], energy_item)["value"])
        rows.append(
            {
                "label": label,
                "g_co2e_per_query": grams,
                "wh_per_query": wh,
                "implied_g_per_kwh": grams / wh * 1000.0,
                "period": table.at[item, "period"],
                "source": table.at[item, "source"],
            }
        )
    return pd.DataFrame(rows)


#: ML.ENERGY's per-token measurement and the active parameters of the model it measured
#: (Llama 3.1 8B: 8 billion, as its name says).
PER_TOKEN_CHECK = ("mlenergy_llama31_8b_h100", 8e9)


def per_token_check(efficiency_flop_per_j: float, catalog: Catalog) -> dict[str, float]:
    """A measured J/token beside this model's J/token for the same model size.

    Returns measured_j_per_token and estimate_j_per_token [J/token], and params [-].
    """
    item, params = PER_TOKEN_CHECK
    return {
        "measured_j_per_token": measured_j_per_token(item, catalog),
        "estimate_j_per_token": float(energy_per_token_j(params, efficiency_flop_per_j)),
        "params": params,
    }


def datacenter_facts(catalog: Catalog) -> dict[str, float]:
    """The published data-centre figures the serving page quotes, from data/.

    Returns world_2024_twh and world_2030_twh (IEA), world_2024_share (of the world's
    latest electricity total, Ember) [-], world_total_twh, us_2023_twh (LBNL) and
    us_2028_low_twh / us_2028_high_twh (LBNL's range) [TWh/yr].
    """
    dc = catalog["datacenter"]
    world_now = float(item_row(dc, "dc_electricity_iea", region="world", year=2024)["value"])
    world_total, _ = electricity_total_twh("world", catalog)
    lbnl_2028 = item_row(dc, "dc_electricity_lbnl", region="us", year=2028)
    return {
        "world_2024_twh": world_now,
        "world_2030_twh": float(
            item_row(dc, "dc_electricity_iea", region="world", year=2030)["value"]
        ),
        "world_2024_share": world_now / world_total,
        "world_total_twh": world_total,
        "us_2023_twh": float(item_row(dc, "dc_electricity_lbnl", region="us", year=2023)["value"]),
        "us_2028_low_twh": float(lbnl_2028["low"]),
        "us_2028_high_twh": float(lbnl_2028["high"]),
    }


def ai_demand_twh(frame: pd.DataFrame) -> pd.DataFrame:
    """All-AI power wanted each year as energy: columns year, twh. [TWh/yr]

    `frame` is model.projection.project (its power_demand_gw, x 8760 h / 1000).
    """
    return pd.DataFrame(
        {
            "year": frame["year"].to_numpy(),
            "twh": np.asarray(average_gw_to_twh_per_year(frame["power_demand_gw"].to_numpy(float))),
        }
    )


#: ML.ENERGY's ratio of a reasoning answer's energy to a chat answer's (data/inference.csv).
REASONING_RATIO_ITEM = "mlenergy_reasoning_vs_chat"

#: The PER_QUERY_ITEMS the serving page quotes to explain the spread: a measured median,
#: a modelled estimate and an older estimate.
WHY_ITEMS = ("gemini_median_prompt", "epoch_chatgpt_query", "epri_chatgpt_request")


def published_value(item: str, catalog: Catalog) -> float:
    """The value of one row of data/inference.csv, in that row's unit."""
    return float(item_row(catalog["inference"], item)["value"])
