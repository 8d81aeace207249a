"""The model against published figures: training runs, growth trends, data-centre totals.

Every number here is computed from data/ and the model on each call; nothing is typed in.
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any

import pandas as pd

from model import inference, training
from model.catalog import Catalog, chip_row, default_catalog, item_row
from model.constants import BILLION, HOURS_PER_DAY, W_PER_GW, W_PER_MW
from model.projection import project
from model.runs import published_runs, reproduce_emissions_tco2e, reproduce_energy_mwh
from model.scenario import BASE_YEAR, Scenario

#: Columns of run_validation's frame.
RUN_COLUMNS = (
    "item",
    "quantity",
    "unit",
    "published",
    "model",
    "error_pct",
    "inputs",
    "source",
)
#: Columns of trend_validation's frame.
TREND_COLUMNS = (
    "item",
    "year",
    "unit",
    "model",
    "published",
    "low",
    "high",
    "published_text",
    "error_pct",
    "verdict",
    "compared",
    "source",
)


def error_pct(model: float, published: float) -> float:
    """Signed error of the model against a published figure: (model - pub) / pub. [%]"""
    if not (math.isfinite(model) and math.isfinite(published)) or published == 0:
        return math.nan
    return (model - published) / published * 100.0


def range_verdict(model: float, low: float, high: float) -> str:
    """'inside range', 'above range' or 'below range'; a blank `high` is a lower bound."""
    if not math.isfinite(high):
        return "above the lower bound" if model >= low else "below the lower bound"
    if model < low:
        return "below range"
    if model > high:
        return "above range"
    return "inside range"


def _fmt(value: float) -> str:
    """Inputs as people write them: 3,552,000 chip-h, 0.057 kg/kWh, 1.09."""
    if abs(value) >= 1000 and value == round(value):
        return f"{value:,.0f}"
    return f"{value:,.6g}"


def _hours_text(run: pd.Series) -> str:
    if math.isfinite(run["chip_hours"]):
        return f"{_fmt(run['chip_hours'])} chip-h"
    return f"{_fmt(run['n_chips'])} chips x {_fmt(run['train_days'])} d x 24"


def _energy_inputs(run: pd.Series) -> str:
    pue = "no separate PUE" if math.isnan(run["pue"]) else f"PUE {_fmt(run['pue'])}"
    text = f"{_hours_text(run)} x {_fmt(run['w_per_chip'])} W x {pue}"
    if "energy_mwh derived" in str(run["note"]):
        # Meta publishes GPU-hours and W, not MWh: the row checks the transcription only.
        text += " (the card gives no MWh: the published figure is this product)"
    return text


def primary_source(source: str) -> str:
    """The first citation of a source cell (before any ';'): the model card or paper."""
    return source.split(";")[0].strip()


def _donors(runs: pd.DataFrame) -> pd.DataFrame:
    """Runs without a grid factor but with energy and tCO2e: one donor per primary source."""
    has_both = runs["grid_kg_co2e_per_kwh"].isna() & runs["energy_mwh"].gt(0)
    donors = runs[has_both & runs["tco2e"].notna()]
    return donors.loc[~donors["source"].map(primary_source).duplicated()]


def implied_grid_factors_kg_per_kwh(runs: pd.DataFrame) -> pd.Series:
    """Each run's grid factor: published, else implied by a sibling on the same source.

    Meta's model cards give tCO2e and GPU-hours but no grid factor; the first run of a card
    with both energy and tCO2e implies one (tCO2e / MWh), used for the card's other runs,
    never for the run it came from. [kgCO2e/kWh]
    """
    out = runs["grid_kg_co2e_per_kwh"].copy()
    cards = runs["source"].map(primary_source)
    for donor, row in _donors(runs).iterrows():
        same = runs.index[(cards == primary_source(row["source"])) & out.isna()]
        out.loc[same.drop([donor])] = row["tco2e"] / row["energy_mwh"]
    return out


def _factor_text(runs: pd.DataFrame, run: pd.Series) -> str:
    if math.isfinite(run["grid_kg_co2e_per_kwh"]):
        return f"published {_fmt(run['grid_kg_co2e_per_kwh'])} kg/kWh"
    donors = _donors(runs)
    donor = donors[donors["source"].map(primary_source) == primary_source(run["source"])]
    row = donor.iloc[0]
    return (
        f"{_fmt(row['tco2e'] / row['energy_mwh'])} kg/kWh implied by {row['model']} on the "
        f"same card ({_fmt(row['tco2e'])} t / {_fmt(row['energy_mwh'])} MWh)"
    )


def run_validation(catalog: Catalog | None = None) -> pd.DataFrame:
    """Published training runs against the model run on their own published inputs.

    Rows: energy (chip-hours x W x PUE, Patterson et al. 2021), emissions (that energy x
    the published or same-card grid factor), and training compute (6 N D, Kaplan et al.
    2020, against the published FLOP). Columns are RUN_COLUMNS; error_pct in [%].
    """
    runs = published_runs(catalog or default_catalog())
    energy = reproduce_energy_mwh(runs)
    factors = implied_grid_factors_kg_per_kwh(runs)
    with_factor = runs.assign(grid_kg_co2e_per_kwh=factors)
    emissions = reproduce_emissions_tco2e(with_factor)
    rows: list[dict[str, object]] = []
    for i in range(len(runs)):
        run = runs.iloc[i]
        name, source = run["model"], run["source"]
        if math.isfinite(run["energy_mwh"]) and math.isfinite(energy.iloc[i]):
            rows.append(
                {
                    "item": name,
                    "quantity": "Training energy",
                    "unit": "MWh",
                    "published": run["energy_mwh"],
                    "model": energy.iloc[i],
                    "inputs": _energy_inputs(run),
                    "source": source,
                }
            )
        if math.isfinite(run["tco2e"]) and math.isfinite(emissions.iloc[i]):
            rows.append(
                {
                    "item": name,
                    "quantity": "Training emissions",
                    "unit": "tCO2e",
                    "published": run["tco2e"],
                    "model": emissions.iloc[i],
                    "inputs": f"model energy x {_factor_text(runs, run)}",
                    "source": source,
                }
            )
        params_b, tokens_b = run["params_active_b"], run["train_tokens_b"]
        if math.isfinite(run["train_flop"]) and math.isfinite(params_b * tokens_b):
            rows.append(
                {
                    "item": name,
                    "quantity": "Training compute",
                    "unit": "FLOP",
                    "published": run["train_flop"],
                    "model": float(training.training_flop(params_b * BILLION, tokens_b * BILLION)),
                    "inputs": f"6 x {_fmt(params_b)}B params x {_fmt(tokens_b)}B tokens",
                    "source": source,
                }
            )
    frame = pd.DataFrame(rows, columns=[c for c in RUN_COLUMNS if c != "error_pct"])
    frame.insert(
        5,
        "error_pct",
        [error_pct(m, p) for m, p in zip(frame["model"], frame["published"], strict=True)],
    )
    return frame


def run_power_validation(scenario: Scenario, catalog: Catalog | None = None) -> pd.DataFrame:
    """Epoch AI's estimated power draw of past runs against chips x TDP x overhead x PUE.

    Uses each run's published chip count and chip, and the scenario's server overhead and
    PUE: a check of the dashboard's all-in watts per accelerator. Columns as
    run_validation; power in [MW].
    """
    cat = catalog or default_catalog()
    runs = published_runs(cat)
    rows: list[dict[str, object]] = []
    for _, run in runs.dropna(subset=["epoch_power_mw", "n_chips"]).iterrows():
        tdp_w = float(chip_row(cat, run["chip"])["tdp_w"])
        mw = training.facility_power_mw(
            run["n_chips"], tdp_w, scenario.pue, scenario.server_overhead
        )
        rows.append(
            {
                "item": run["model"],
                "quantity": "Training power (Epoch AI estimate)",
                "unit": "MW",
                "published": run["epoch_power_mw"],
                "model": float(mw),
                "error_pct": error_pct(float(mw), run["epoch_power_mw"]),
                "inputs": f"{_fmt(run['n_chips'])} x {run['chip']} at {_fmt(tdp_w)} W x "
                f"overhead {_fmt(scenario.server_overhead)} x PUE {_fmt(scenario.pue)}",
                "source": run["source"],
            }
        )
    return pd.DataFrame(rows, columns=list(RUN_COLUMNS))


def _twh(gw: float) -> float:
    return float(inference.average_gw_to_twh_per_year(gw))


def _published(
    value: float, low: float = math.nan, high: float = math.nan, source: str = ""
) -> pd.Series:
    return pd.Series({"value": value, "low": low, "high": high, "source": source})


def _lower_bound(row: pd.Series) -> pd.Series:
    """A 'more than X' figure: X as the low end of an open range, no central value."""
    return _published(math.nan, low=row["low"], source=row["source"])


def value_verdict(error: float) -> str:
    """How close a model figure is to a published value, in words."""
    size = abs(error)
    if size <= 10:
        return "within 10%"
    if size <= 25:
        return "within 25%"
    return "more than 25% off"


def subset_verdict(model: float, low: float, high: float) -> str:
    """For AI against a total that includes it: the share, and whether it fits inside."""
    if not math.isfinite(high) or high == low:
        share = f"{model / low:.0%} of the published total"
    else:
        share = f"{model / high:.0%}-{model / low:.0%} of the published range"
    fits = (
        "consistent (AI is a subset)"
        if model < high or not math.isfinite(high)
        else ("inconsistent: AI exceeds the total it is part of")
    )
    return f"{share}; {fits}"


def published_text(value: float, low: float, high: float) -> str:
    """A published figure as written: '2.1 (1.9-2.2)', '4-16', 'more than 50', '415'."""
    spread = ""
    if math.isfinite(low):
        spread = f"{low:,.3g}-{high:,.3g}" if math.isfinite(high) else f"more than {low:,.3g}"
    if not math.isfinite(value):
        return spread
    return f"{value:,.3g} ({spread})" if spread else f"{value:,.3g}"


def _trend(
    item: str,
    year: int,
    unit: str,
    model: float,
    published: pd.Series,
    compared: str,
    subset: bool = False,
) -> dict[str, object]:
    """One trend row: a value gets a % error, a range a verdict, a subset its share."""
    value, low, high = (float(published[k]) for k in ("value", "low", "high"))
    err = math.nan if subset else error_pct(model, value)
    if subset:
        bounds = (low, high) if math.isfinite(low) else (value, value)
        verdict = subset_verdict(model, *bounds)
    elif math.isfinite(value):
        verdict = value_verdict(err)
        if math.isfinite(low) and math.isfinite(high):
            verdict += f"; {range_verdict(model, low, high)} (published CI)"
    else:
        verdict = range_verdict(model, low, high)
    return {
        "item": item,
        "year": year,
        "unit": unit,
        "model": model,
        "published": value,
        "low": low,
        "high": high,
        "published_text": published_text(value, low, high),
        "error_pct": err,
        "verdict": verdict,
        "compared": compared,
        "source": published["source"],
    }


def trend_validation(scenario: Scenario, catalog: Catalog | None = None) -> pd.DataFrame:
    """The scenario's projection against published trends and data-centre totals.

    Frontier-run power growth (Epoch AI), the largest run's power in 2025 and 2030 (Epoch
    AI, Epoch AI & EPRI), and all-AI electricity against IEA, LBNL and EPRI/Epoch figures.
    Columns are TREND_COLUMNS; a published range gets a verdict and a blank error_pct.
    """
    cat = catalog or default_catalog()
    trends, dc, runs = cat["trends"], cat["datacenter"], cat["training_runs"]
    frame = project(scenario, cat).set_index("year")
    run_gw = frame["frontier_run_power_gw"]
    achieved_gw = frame["power_achieved_gw"]
    us_gw = frame["power_achieved_gw_us"]
    growth_5y = float((run_gw[BASE_YEAR + 5] / run_gw[BASE_YEAR]) ** (1 / 5))
    growth_text = (
        f"model: largest-run power growth {BASE_YEAR}-{BASE_YEAR + 5}, as a yearly "
        "multiplier; published: the historical trend"
    )
    iea = {
        (region, year): item_row(dc, "dc_electricity_iea", region=region, year=year)
        for region, year in (("world", 2024), ("world", 2030), ("us", 2024))
    }
    grok = item_row(runs.rename(columns={"model": "item"}), "Grok-3")
    rows = [
        _trend(
            "Frontier-run power growth (Epoch AI 2024)",
            BASE_YEAR,
            "x per year",
            growth_5y,
            item_row(trends, "power_growth_frontier_2024"),
            growth_text + " 2010-2024 (90% CI 1.9-2.2)",
        ),
        _trend(
            "Frontier-run power growth (Epoch AI & EPRI 2025)",
            BASE_YEAR,
            "x per year",
            growth_5y,
            item_row(trends, "power_growth_frontier_2025"),
            growth_text + " to 2025",
        ),
        _trend(
            "Largest run's power, 2025 (Grok-3)",
            BASE_YEAR,
            "MW",
            float(run_gw[BASE_YEAR]) * 1000.0,
            _published(grok["epoch_power_mw"], source=grok["source"]),
            "model: base-year FLOP / (wall-plug FLOP per J x run length); published: "
            "Epoch AI's estimate for Grok-3 from its chips",
        ),
        _trend(
            "Largest run's power, 2030 (Epoch AI & EPRI 2025)",
            2030,
            "GW",
            float(run_gw[2030]),
            item_row(trends, "frontier_run_power_2030"),
            "model: unconstrained largest run in 2030; published: likely range",
        ),
        _trend(
            "Single-campus power, 2030 (Epoch AI 2024)",
            2030,
            "GW",
            float(run_gw[2030]),
            item_row(trends, "single_campus_power_2030"),
            "model: unconstrained largest run in 2030; published: power one campus could "
            "supply for runs of 1e28-3e29 FLOP (an older, lower estimate)",
        ),
        _trend(
            "AI electricity vs all data centres, world",
            2024,
            "TWh/yr",
            _twh(float(achieved_gw[BASE_YEAR])),
            iea["world", 2024],
            f"model: all AI served in {BASE_YEAR}; published: all data centres in 2024 (IEA)",
            subset=True,
        ),
        _trend(
            "AI electricity vs all data centres, world",
            2030,
            "TWh/yr",
            _twh(float(achieved_gw[2030])),
            iea["world", 2030],
            "model: all AI served in 2030 (after any energy limit); published: all data "
            "centres, IEA base case",
            subset=True,
        ),
        _trend(
            "US AI electricity vs all US data centres",
            2028,
            "TWh/yr",
            _twh(float(us_gw[2028])),
            item_row(dc, "dc_electricity_lbnl", region="us", year=2028),
            "model: the US region's AI power in 2028; published: all US data centres (LBNL range)",
            subset=True,
        ),
        _trend(
            "US AI power (EPRI/Epoch AI)",
            BASE_YEAR,
            "GW",
            float(us_gw[BASE_YEAR]),
            item_row(dc, "ai_power_epri_epoch", region="us", year=2025),
            "model: the US region's AI power in the base year (its share of Epoch AI's "
            "~15M H100e at 1.26 kW each); published: 'currently ~5 GW', a press summary "
            "that Epoch AI's own chip count (over 10 GW worldwide) does not bear out",
        ),
        _trend(
            "US AI power (EPRI/Epoch AI)",
            2030,
            "GW",
            float(frame["power_demand_gw_us"][2030]),
            _lower_bound(item_row(dc, "ai_power_epri_epoch", region="us", year=2030)),
            "model: the US region's AI power wanted in 2030 (it gets "
            f"{float(us_gw[2030]):.0f} GW once power limits it); published: 'more than "
            "50 GW', a lower bound on a projection that has no power limit",
        ),
    ]
    out = pd.DataFrame(rows, columns=list(TREND_COLUMNS))
    out["model"] = out["model"].astype(float)
    return out


#: Accelerators (H100-equivalents) that could be produced for AI by 2030; Epoch AI 2024,
#: "Can AI scaling continue through 2030?", as read in secondary summaries. [chips]
H100E_PRODUCIBLE_BY_2030 = 100e6
#: Water per median Gemini text prompt; Google 2025, arXiv:2508.15734 (data/inference.csv,
#: note of gemini_median_prompt). [mL/prompt]
GEMINI_WATER_ML_PER_PROMPT = 0.26
#: Investment per GW of AI systems in the Nvidia-OpenAI letter of intent (Sep 2025):
#: up to $100 billion for 10 GW (sherwood.news, as read in the reference notes). [USD/GW]
NVIDIA_OPENAI_USD_PER_GW = 100e9 / 10.0
#: Millilitres in a cubic metre. [mL/m3]
ML_PER_M3 = 1e6


def _item_value(table: pd.DataFrame, item: str) -> float:
    return float(item_row(table, item)["value"])


def methods_figures(scenario: Scenario, catalog: Catalog | None = None) -> dict[str, float]:
    """The numbers the methods page's prose quotes, from the scenario and the data.

    Keys: tdp_w, all_in_w, epoch_w_per_gpu (Grok-3: Epoch AI's power estimate per H100)
    [W]; efficiency_growth, efficiency_growth_low [x/yr]; efficiency_gap_2030 (how many
    times more power 2030 needs at the low growth) [ratio]; wh_per_query, wh_low, wh_high
    [Wh]; fleet_twh_low, fleet_twh_high, fleet_twh [TWh/yr]; queries_per_day;
    water_m3_per_day [m3]; chips_gw, demand_2030_gw, run_2030_gw [GW];
    run_2030_capital_billion [billion USD]; all_in_ratio [ratio]; queries_billion [billion].
    """
    cat = catalog or default_catalog()
    chip = training.chip_spec(scenario, cat)
    all_in_w = chip.power_w * scenario.server_overhead * scenario.pue
    grok = item_row(cat["training_runs"].rename(columns={"model": "item"}), "Grok-3")
    efficiency_growth = scenario.hardware_efficiency_growth * min(
        scenario.precision_gain_growth, scenario.precision_gain_max
    )
    low_growth = _item_value(cat["trends"], "efficiency_growth_gpu_flop_per_w")
    wh_low = _item_value(cat["inference"], "gemini_median_prompt")
    wh_high = _item_value(cat["inference"], "epri_chatgpt_request")
    queries = scenario.queries_per_day
    wh = inference.estimate_serving(scenario, cat).wh_per_query
    frame = project(scenario, cat).set_index("year")
    run_2030_gw = float(frame["frontier_run_power_gw"][2030])
    return {
        "tdp_w": chip.power_w,
        "all_in_w": all_in_w,
        "epoch_w_per_gpu": float(grok["epoch_power_mw"]) * W_PER_MW / float(grok["n_chips"]),
        "efficiency_growth": efficiency_growth,
        "efficiency_growth_low": low_growth,
        "efficiency_gap_2030": (efficiency_growth / low_growth) ** (2030 - BASE_YEAR),
        "wh_per_query": wh,
        "wh_low": wh_low,
        "wh_high": wh_high,
        "queries_per_day": queries,
        "fleet_twh": _twh(wh * queries / HOURS_PER_DAY / W_PER_GW),
        "fleet_twh_low": _twh(wh_low * queries / HOURS_PER_DAY / W_PER_GW),
        "fleet_twh_high": _twh(wh_high * queries / HOURS_PER_DAY / W_PER_GW),
        "water_m3_per_day": queries * GEMINI_WATER_ML_PER_PROMPT / ML_PER_M3,
        "chips_gw": H100E_PRODUCIBLE_BY_2030 * all_in_w / W_PER_GW,
        "demand_2030_gw": float(frame["power_demand_gw"][2030]),
        "run_2030_gw": run_2030_gw,
        "run_2030_capital_billion": run_2030_gw * NVIDIA_OPENAI_USD_PER_GW / 1e9,
        "all_in_ratio": all_in_w / chip.power_w,
        "queries_billion": queries / 1e9,
    }


#: Columns of backcast's frame.
BACKCAST_COLUMNS = ("quantity", "observed", "modelled", "ratio", "low", "high", "unit", "source")
#: Years from the backcast's start (2020) to the year it is compared in (2025).
BACKCAST_YEARS = 5
#: What each observed item is called on the Methods page.
BACKCAST_LABELS = {
    "compute_achieved_flop": "Largest training run",
    "chip_stock_h100e": "AI chips in service (H100e)",
    "ai_capex_usd": "AI capital spending",
    "power_achieved_gw": "AI power drawn",
}


def backcast_scenario(catalog: Catalog | None = None) -> Scenario:
    """The default scenario with data/backcast.csv's 2020 levels in place of 2025's: the
    model started five years early."""
    table = (catalog or default_catalog())["backcast"]
    start = table[table["kind"] == "start"]
    changes: dict[str, Any] = {}
    for _, row in start.iterrows():
        if row["item"] == "chip":
            changes["chip"] = str(row["unit"])
        else:
            changes[str(row["item"])] = float(row["value"])
    return dataclasses.replace(Scenario(), **changes)


def backcast(catalog: Catalog | None = None) -> pd.DataFrame:
    """The model started in 2020 from 2020 levels (data/backcast.csv), its fifth year
    against what was observed in 2025: one row per quantity, with the observed band and
    its source. `ratio` is modelled / observed."""
    cat = catalog or default_catalog()
    frame = project(backcast_scenario(cat), cat)
    table = cat["backcast"]
    rows = []
    for _, row in table[table["kind"] == "observed"].iterrows():
        modelled = float(frame[str(row["item"])].iloc[BACKCAST_YEARS])
        observed = float(row["value"])
        rows.append(
            {
                "quantity": BACKCAST_LABELS[str(row["item"])],
                "observed": observed,
                "modelled": modelled,
                "ratio": modelled / observed,
                "low": float(row["low"]),
                "high": float(row["high"]),
                "unit": str(row["unit"]),
                "source": str(row["source"]),
            }
        )
    return pd.DataFrame(rows, columns=list(BACKCAST_COLUMNS))
