"""The blog post's five claims, each judged against a scenario by a stated rule.

The post is "The rate limiting step in AI - energy" (April 2024). RULES holds each claim in
our words, the rule that decides its verdict, the thresholds and why they are what they
are; the verdict functions take plain numbers so that tests can build any case by hand;
`evaluate` computes those numbers from the model for a scenario.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from model import fleet, grid, presets, projection
from model.catalog import Catalog
from model.constants import HOURS_PER_YEAR, JOULES_PER_MWH
from model.equivalents import us_home_years
from model.inference import electricity_total_twh
from model.projection import CONSTRAINTS
from model.runs import published_runs
from model.scenario import BASE_YEAR, END_YEAR, INPUTS_BY_NAME, Scenario

SUPPORTED = "Supported"
PARTLY = "Partly"
NOT_SUPPORTED = "Not supported"
CANNOT_JUDGE = "Cannot judge"
VERDICTS = (SUPPORTED, PARTLY, NOT_SUPPORTED, CANNOT_JUDGE)

#: Joules in one GWh. [J/GWh]
J_PER_GWH = JOULES_PER_MWH * 1000.0
#: Steps that the post would call "the physical world".
PHYSICAL_STEPS = ("site", "power", "chips", "latency")
#: Seconds in a year, to sum the fleet's compute over the horizon. [s/yr]
SECONDS_PER_YEAR = HOURS_PER_YEAR * 3600.0
#: The year claims 4 and 5 read their numbers in (the year Epoch AI 2024 looks at).
CHECK_YEAR = 2030
#: The three mixes claim 4 compares (ids in data/mix_presets.csv).
CLAIM_4_MIXES = (
    ("nuclear_bet", "Nuclear-heavy"),
    ("gas_bridge", "Gas-heavy"),
    ("solar_storage_gas", "Solar + storage + gas"),
)


@dataclass(frozen=True)
class Rule:
    """One claim, the rule that judges it, its thresholds and why."""

    claim_id: int
    title: str
    claim: str
    rule: str
    reason: str
    thresholds: tuple[tuple[str, float], ...]
    flip_inputs: tuple[str, ...]
    sources: tuple[str, ...]
    #: The rule in one plain sentence, shown above the claim's numbers.
    plain: str = ""

    def threshold(self, name: str) -> float:
        """The value of one named threshold."""
        return dict(self.thresholds)[name]


RULES: tuple[Rule, ...] = (
    Rule(
        1,
        "Training takes an enormous amount of energy",
        "Training a frontier AI model takes an enormous amount of energy.",
        "Supported if the largest training run of the base year uses at least a town's "
        "electricity for a year (10,000 US homes); Partly from 1,000 homes; Not supported "
        "below that.",
        "A town of 10,000 homes is the everyday scale the post appeals to; a run below a "
        "village's use (1,000 homes) would not be 'enormous' to anyone.",
        (("town_homes", 10_000.0), ("village_homes", 1_000.0)),
        ("frontier_flop_base", "utilization"),
        (
            "Epoch AI, Notable AI Models (Grok-3, 4.64e26 FLOP)",
            "EIA: an average US home uses 10,791 kWh a year (data/equivalents.csv)",
            "Ember 2025: world electricity 30,856 TWh in 2024",
        ),
        plain="Training counts as taking enormous energy if the largest run of "
        f"{BASE_YEAR} used at least what a town of 10,000 US homes uses in a year.",
    ),
    Rule(
        2,
        "Power plants take years to decades",
        "Power plants take years to decades to build, and they are regulated.",
        "Supported if the mix's share-weighted time from decision to first power "
        "(permitting and construction, plus the grid queue for grid-connected builds) is "
        "5 years or more; Partly from 2 years; Not supported below 2 years.",
        "A large AI campus goes up in one to two years (xAI's Colossus in 122 days, the "
        "first 200 MW of Stargate Abilene within about a year; news 2024-25): power that "
        "takes more than twice as long cannot follow it.",
        (("slow_years", 5.0), ("fast_years", 2.0)),
        ("lead_coal", "mix_solar_pv_utility"),
        (
            "Lead times: data/generation_sources.csv (Clapin & Longden 2024, ETC 2023, "
            "atomkraft-jatak compilation, CNSC/OPG, AQPER, NREL/GRC)",
            "LBNL 'Queued Up' 2024: median ~5 years from interconnection request to operation",
        ),
        plain="Power counts as slow if the mix takes 5 years or more, on average, from "
        "the decision to build to its first power.",
    ),
    Rule(
        3,
        "AI keeps growing, but not exponentially",
        "AI will keep growing, but not exponentially, because the physical world limits it.",
        "'Exponential' means the largest run's compute grows each year by at least 80% of "
        "the trend's rate in log terms (e.g. 3.03x a year against a 4x trend) through "
        f"{END_YEAR}. Not supported if it does; Supported if it falls below that while still "
        "growing and the step that binds in that year is physical (the largest site, "
        "power, chips or the latency wall); Partly if the step is data or money, or if "
        "compute stops growing.",
        "Below 80% of the trend's rate in log terms, ten years of growth fall short of the "
        "trend by more than 100x: no longer the exponential the post means.",
        (("exponential_share", 0.8),),
        ("compute_growth", "data_stock_tokens"),
        (
            "Epoch AI 2024: frontier training compute grows 4-5x a year",
            "Epoch AI 2024 ('Can AI scaling continue through 2030?'): power binds first",
        ),
        plain="Growth counts as exponential while the largest run's compute grows every "
        f"year to {END_YEAR} at least 80% as fast as its trend (in log terms).",
    ),
    Rule(
        4,
        "Nuclear is the answer",
        "Nuclear power is the answer to AI's energy needs.",
        "The same scenario is run with a nuclear-heavy, a gas-heavy and a solar + storage + "
        f"gas mix, and AI's compute is added up over {BASE_YEAR}-{END_YEAR}. Supported if "
        "the nuclear-heavy mix gives AI at least as much compute as the better of the "
        "others (within 1%); Partly if it gives at least 90% of it; Not supported below that.",
        "'The answer' to AI's energy needs means power when AI needs it, over the whole "
        "horizon: compute that power made possible. Emissions and cost over the same years "
        "are shown beside the verdict but do not decide it.",
        (("level_share", 0.99), ("close_share", 0.9)),
        ("chip_production_growth", "pipeline_gw_us", "pipeline_gw_row"),
        (
            "Mixes: data/mix_presets.csv (illustrative)",
            "Build caps: data/build_limits.csv (world reactor connections ~8.2 GW in 2024)",
            "Costs: Lazard LCOE+ 2025; emissions: IPCC AR5 lifecycle medians",
        ),
        plain="Nuclear counts as the answer if a nuclear-heavy mix gives AI at least as "
        f"much compute over {BASE_YEAR}-{END_YEAR} as the best other mix (within 1%).",
    ),
    Rule(
        5,
        "Rising prices make everything retract",
        "Rising energy prices will make everything in AI retract.",
        "Double the electricity price (the multiplier x2, no cap): Supported if AI's compute "
        f"over {BASE_YEAR}-{END_YEAR} shrinks by 25% or more; Partly from 5%; Not supported "
        "below 5%.",
        "A dearer grid works through two channels: the bill takes money that would buy chips, "
        "and serving demand answers the cost of compute. Energy is 2-6% of a frontier run's "
        "cost (Cottier et al. 2024): only a shrink of a quarter or more is a retreat.",
        (("retract_share", 0.25), ("dent_share", 0.05)),
        ("ai_capex_growth", "capex_gdp_cap_share"),
        (
            "Cottier et al. 2024, 'The rising costs of training frontier AI models': energy "
            "2-6% of amortized cost",
            "PJM capacity prices 2024-27 (scarcity adder)",
        ),
        plain="Prices count as making AI retract if doubling the electricity price cuts "
        f"AI's compute over {BASE_YEAR}-{END_YEAR} by a quarter (25%) or more.",
    ),
)
RULES_BY_ID = {rule.claim_id: rule for rule in RULES}


# Verdict rules on plain numbers.
def verdict_1(run_energy_gwh: float, home_mwh_per_yr: float) -> str:
    """Claim 1 from the base-year run's energy and a US home's yearly use."""
    rule = RULES_BY_ID[1]
    homes = run_energy_gwh * 1000.0 / home_mwh_per_yr
    if homes >= rule.threshold("town_homes"):
        return SUPPORTED
    return PARTLY if homes >= rule.threshold("village_homes") else NOT_SUPPORTED


def verdict_2(weighted_lead_years: float) -> str:
    """Claim 2 from the mix's share-weighted years from decision to first power."""
    rule = RULES_BY_ID[2]
    if weighted_lead_years >= rule.threshold("slow_years"):
        return SUPPORTED
    return PARTLY if weighted_lead_years >= rule.threshold("fast_years") else NOT_SUPPORTED


def verdict_3(end_year: int | None, step_at_end: str | None, still_growing: bool) -> str:
    """Claim 3 from the year exponential growth ends (None: it never does), the step that
    binds that year, and whether compute still grows after it."""
    if end_year is None:
        return NOT_SUPPORTED
    if step_at_end in PHYSICAL_STEPS and still_growing:
        return SUPPORTED
    return PARTLY


def verdict_4(compute_nuclear: float, compute_others: tuple[float, ...]) -> str:
    """Claim 4 from AI's compute over the horizon under the nuclear mix and the others."""
    rule = RULES_BY_ID[4]
    best = max(compute_others)
    if best <= 0:
        return CANNOT_JUDGE
    if compute_nuclear >= best * rule.threshold("level_share"):
        return SUPPORTED
    return PARTLY if compute_nuclear >= best * rule.threshold("close_share") else NOT_SUPPORTED


def verdict_5(compute_change_when_doubled: float) -> str:
    """Claim 5 from the relative change in AI's compute over the horizon when the price
    doubles."""
    rule = RULES_BY_ID[5]
    shrink = -compute_change_when_doubled
    if shrink >= rule.threshold("retract_share"):
        return SUPPORTED
    return PARTLY if shrink >= rule.threshold("dent_share") else NOT_SUPPORTED


def _after(year: int | None) -> int:
    return END_YEAR + 1 if year is None else year


#: One projection's columns by name, as projection.row_columns gives them: arrays (the
#: steps lists of names), one value per year from BASE_YEAR.
Columns = Mapping[str, Any]
#: The row of CHECK_YEAR in a projection's columns.
CHECK_ROW = CHECK_YEAR - BASE_YEAR


def _columns(frame: pd.DataFrame) -> dict[str, Any]:
    """A projection's frame as Columns (the claims read numbers from arrays, not frames:
    judge_all hands them a batch's rows without building six frames)."""
    return {str(name): frame[name].to_numpy() for name in frame.columns}


def _cell(columns: Columns, column: str) -> float:
    """One column's value in CHECK_YEAR, as a float."""
    return float(np.asarray(columns[column])[CHECK_ROW])


# Evidence from the model.
@dataclass(frozen=True)
class Number:
    """A headline number: its label, value and kind (how the page formats it)."""

    label: str
    value: float | None
    kind: str  # gwh, homes, percent, year, years, ratio, flop, gw, mt, usd_per_mwh, text
    text: str = ""


@dataclass(frozen=True)
class Flip:
    """What would change a verdict: an input, its value now, and where the verdict flips."""

    name: str
    label: str
    unit: str
    current: float
    value: float | None
    verdict: str | None


@dataclass(frozen=True)
class ClaimResult:
    """A claim judged for one scenario."""

    rule: Rule
    verdict: str
    numbers: tuple[Number, ...]
    chart: pd.DataFrame
    note: str = ""
    flips: tuple[Flip, ...] = ()
    extra: Mapping[str, Any] = dataclasses.field(default_factory=dict)


def run_energy_gwh(columns: Columns) -> np.ndarray:
    """Energy of the trend's largest run by year, from a projection's Columns: FLOP /
    (FLOP/J) / 3.6e12 J/GWh. [GWh]"""
    flop = np.asarray(columns["compute_demand_flop"], dtype=float)
    return flop / np.asarray(columns["efficiency_flop_per_j"], dtype=float) / J_PER_GWH


def _home_mwh(catalog: Catalog) -> float:
    return us_home_years(1.0, catalog) ** -1  # MWh per home-year


def base_run_energy_gwh(scenario: Scenario, catalog: Catalog) -> float:
    """Energy of the base year's largest run, without a projection: its FLOP / the base
    year's efficiency at the wall plug / 3.6e12 J/GWh. [GWh]"""
    flop = projection.frontier_flop_base(scenario)
    return flop / (projection.base_efficiency_flop_per_j(scenario, catalog) * J_PER_GWH)


def claim_1(scenario: Scenario, catalog: Catalog, frame: pd.DataFrame | None = None) -> ClaimResult:
    """Claim 1: the base-year run's energy against a town, a reactor-year and the world.
    `frame` is the scenario's projection, when the caller has it."""
    frame = projection.project(scenario, catalog) if frame is None else frame
    return _claim_1(scenario, catalog, _columns(frame))


def _claim_1(scenario: Scenario, catalog: Catalog, columns: Columns) -> ClaimResult:
    """Claim 1 from the scenario's projection as Columns."""
    energy = run_energy_gwh(columns)
    base_gwh = base_run_energy_gwh(scenario, catalog)
    home_mwh = _home_mwh(catalog)
    world_twh, _ = electricity_total_twh("world", catalog)
    runs = published_runs(catalog)
    published = runs.loc[runs["energy_mwh_best"].notna(), ["model", "year", "energy_mwh_best"]]
    chart = pd.DataFrame({"year": np.asarray(columns["year"]), "run_energy_gwh": energy})
    rule = RULES_BY_ID[1]
    numbers = (
        Number(f"Largest run of {BASE_YEAR}", base_gwh, "gwh"),
        Number("US homes for a year", base_gwh * 1000.0 / home_mwh, "homes"),
        Number("Share of world electricity", base_gwh / (world_twh * 1000.0), "percent"),
        Number(f"Trend run in {CHECK_YEAR}", float(energy[CHECK_ROW]), "gwh"),
    )
    yardsticks = {
        "A village (1,000 homes)": rule.threshold("village_homes") * home_mwh / 1000.0,
        "A town (10,000 homes)": rule.threshold("town_homes") * home_mwh / 1000.0,
        "A 1 GW reactor for a year": HOURS_PER_YEAR,
    }
    return ClaimResult(
        rule,
        verdict_1(base_gwh, home_mwh),
        numbers,
        chart,
        extra={
            "yardsticks_gwh": yardsticks,
            "published": published.assign(energy_gwh=published["energy_mwh_best"] / 1000.0),
        },
    )


def lead_table(
    scenario: Scenario, catalog: Catalog, facts: fleet.SourceFacts | None = None
) -> pd.DataFrame:
    """Per source in the mix: share, lead time low/mid/high, the queue's extra wait for a
    grid-connected build, and the share-weighted time to first power; lead times are the
    scenario's (the same as model.fleet.lead_time_table's). Indexed by source id. `facts`
    are fleet.source_facts(catalog), when the caller has them. [years]

    Read from the projection's sources (numpy) rather than the catalog's table with
    pandas lookups: this runs on every move of the claims page's sliders."""
    sources = fleet.sources_from(scenario, facts or fleet.source_facts(catalog))
    built = sources.shares > 0
    ids = [sid for sid, keep in zip(sources.ids, built, strict=True) if keep]
    table = catalog["generation_sources"]
    label_of = dict(zip(table["source_id"].tolist(), table["label"].tolist(), strict=True))
    mid = np.asarray(sources.lead_time_years[built], dtype=float)
    queue_extra = np.maximum(0.0, scenario.queue_years_us - mid)
    on_grid = 1.0 - scenario.behind_meter_share_us / 100.0
    return pd.DataFrame(
        {
            "source_id": ids,
            "label": [label_of[sid] for sid in ids],
            "share": sources.shares[built],
            "lead_low_years": np.asarray(sources.lead_time_low_years[built], dtype=float),
            "lead_mid_years": mid,
            "lead_high_years": np.asarray(sources.lead_time_high_years[built], dtype=float),
            "queue_extra_years": queue_extra,
            "to_first_power_years": mid + on_grid * queue_extra,
        },
        index=pd.Index(ids),
    )


def weighted_lead_years(table: pd.DataFrame) -> float:
    """Share-weighted years from decision to first power. [years]"""
    return float((table["share"] * table["to_first_power_years"]).sum())


def first_new_power_years(
    scenarios: Sequence[Scenario], catalog: Catalog, facts: fleet.SourceFacts | None = None
) -> tuple[int | None, ...]:
    """For each scenario, the first year new builds (not the pipeline) deliver any power,
    or None. `facts` are fleet.source_facts(catalog), when the caller has them.

    The scenarios' sources are stacked into one batch and fleet.supply's per-source arrays
    are read directly: the same numbers projection.supply_by_source tabulates by source,
    year and region, without building that table (3 ms a scenario, for one year each).
    A row of the batch may differ from its scenario alone in the last bit, never in
    whether a year delivers anything: firm power delivered is a sum of terms >= 0, each 0
    exactly until its vintage's delay has passed.
    """
    facts = facts or fleet.source_facts(catalog)
    sources = fleet.stack_sources([fleet.sources_from(s, facts) for s in scenarios], facts.ids)
    values = projection.batch_values(scenarios)
    years = projection.years()
    dt = (years - BASE_YEAR).astype(float)
    delivered_gw = np.zeros((years.size, len(scenarios)))
    for region in projection.REGIONS:
        got = fleet.supply(
            dt,
            projection.region_values(values, region),
            sources,
            sources.lead_time_years,
            by_source=True,
        )
        for source_gw in got.delivered_by_source:
            delivered_gw += source_gw
    firsts = []
    for column in delivered_gw.T:
        rows = np.flatnonzero(column > 0)
        firsts.append(None if rows.size == 0 else int(years[rows[0]]))
    return tuple(firsts)


def first_new_power_year(
    scenario: Scenario, catalog: Catalog, facts: fleet.SourceFacts | None = None
) -> int | None:
    """First year new builds (not the pipeline) deliver any power, or None
    (first_new_power_years of the scenario alone)."""
    return first_new_power_years([scenario], catalog, facts)[0]


def claim_2(
    scenario: Scenario, catalog: Catalog, facts: fleet.SourceFacts | None = None
) -> ClaimResult:
    """Claim 2: years from decision to first power, per source of the mix."""
    return _claim_2(scenario, catalog, first_new_power_year(scenario, catalog, facts), facts)


def _claim_2(
    scenario: Scenario, catalog: Catalog, first: int | None, facts: fleet.SourceFacts | None
) -> ClaimResult:
    """Claim 2, with the first year of new power worked out by the caller (judge_all
    finds it for the scenario and claim 4's mixes in one batch)."""
    table = lead_table(scenario, catalog, facts)
    weighted = weighted_lead_years(table)
    longest = table["lead_high_years"].max()
    numbers = (
        Number("Weighted time to first power", weighted, "years"),
        Number("Longest in the mix (high end)", float(longest), "years"),
        Number("US grid queue (median)", scenario.queue_years_us, "years"),
        Number(
            "First new supply arrives",
            None if first is None else float(first),
            "year",
            "" if first is not None else f"not by {END_YEAR} (no new building)",
        ),
    )
    return ClaimResult(RULES_BY_ID[2], verdict_2(weighted), numbers, table.reset_index(drop=True))


def yearly_growth(achieved: np.ndarray) -> np.ndarray:
    """Growth of the achieved run from each year to the next (0 after a year of none). [x/yr]"""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(achieved[:-1] > 0, achieved[1:] / achieved[:-1], 0.0)


def growth_table(columns: Columns, trend_growth: float) -> pd.DataFrame:
    """Yearly growth of the achieved run against the trend, and the step binding, from a
    projection's Columns. [x/yr]"""
    return pd.DataFrame(
        {
            "year": np.asarray(columns["year"])[1:],
            "achieved_growth": yearly_growth(np.asarray(columns["compute_achieved_flop"])),
            "trend_growth": trend_growth,
            "binding_constraint": np.asarray(columns["binding_constraint"], dtype=object)[1:],
        }
    )


def _first_below(
    years: np.ndarray, growth: np.ndarray, trend_growth: float, share: float
) -> int | None:
    if trend_growth <= 1.0:
        return None  # a flat trend is no exponential to fall short of
    below = years[growth < trend_growth**share * (1 - 1e-12)]
    return None if below.size == 0 else int(below[0])


@dataclass(frozen=True)
class ExponentialEnd:
    """Where claim 3 looks: the year exponential growth ends (None: not by END_YEAR), the
    step that binds then, and whether compute still grows after it."""

    year: int | None
    step: str | None
    still_growing: bool


def exponential_end(
    achieved: np.ndarray, steps: Sequence[str], trend_growth: float
) -> ExponentialEnd:
    """Claim 3's numbers from the achieved run and the binding step, year by year."""
    share = RULES_BY_ID[3].threshold("exponential_share")
    years = projection.years()
    end = _first_below(years[1:], yearly_growth(achieved), trend_growth, share)
    if end is None:
        return ExponentialEnd(None, None, False)
    at = end - BASE_YEAR
    return ExponentialEnd(end, str(steps[at]), bool(achieved[-1] > achieved[at] * (1 + 1e-9)))


def claim_3(scenario: Scenario, catalog: Catalog, frame: pd.DataFrame | None = None) -> ClaimResult:
    """Claim 3: does achieved frontier compute keep the trend's exponential pace?
    `frame` is the scenario's projection, when the caller has it."""
    frame = projection.project(scenario, catalog) if frame is None else frame
    return _claim_3(scenario, _columns(frame))


def _claim_3(scenario: Scenario, columns: Columns) -> ClaimResult:
    """Claim 3 from the scenario's projection as Columns."""
    rule = RULES_BY_ID[3]
    share = rule.threshold("exponential_share")
    table = growth_table(columns, scenario.compute_growth)
    achieved = np.asarray(columns["compute_achieved_flop"])
    steps = [str(step) for step in columns["binding_constraint"]]
    outcome = exponential_end(achieved, steps, scenario.compute_growth)
    end, step = outcome.year, outcome.step
    years = END_YEAR - BASE_YEAR
    overall = (achieved[-1] / achieved[0]) ** (1 / years) if achieved[0] else 0
    note = ""
    if scenario.compute_growth <= 1.0:
        note = "The trend is flat (1x a year): there is no exponential to fall short of."
    numbers = (
        Number(
            "Exponential growth ends",
            None if end is None else float(end),
            "year",
            "" if end is not None else f"not by {END_YEAR}",
        ),
        Number("Step binding that year", None, "text", step or "none"),
        Number(f"Average growth {BASE_YEAR}-{END_YEAR}", float(overall), "ratio"),
        Number("Exponential means at least", scenario.compute_growth**share, "ratio"),
    )
    verdict = verdict_3(end, step, outcome.still_growing)
    return ClaimResult(rule, verdict, numbers, table, note=note)


def mix_variant(scenario: Scenario, preset_id: str, catalog: Catalog) -> Scenario:
    """The scenario with the mix of a data/mix_presets.csv preset (presets.mix_scenario)."""
    return presets.mix_scenario(scenario, preset_id, catalog)


def horizon_compute_flop(fleet_flop_per_s: np.ndarray) -> float:
    """AI's compute added up over the projection's years: sum of FLOP/s x a year. [FLOP]"""
    return float(np.sum(fleet_flop_per_s) * SECONDS_PER_YEAR)


def mix_outcomes(
    scenario: Scenario,
    catalog: Catalog,
    frames: Sequence[pd.DataFrame] | None = None,
    facts: fleet.SourceFacts | None = None,
    first_years: Sequence[int | None] | None = None,
) -> pd.DataFrame:
    """The scenario under each of claim 4's mixes, over the horizon: AI's compute, its
    emissions and electricity bill, the wall, what binds, first new power, the caps' bite.
    `frames` are the mixes' projections in CLAIM_4_MIXES's order, when the caller has
    them (judge_all); `facts` fleet.source_facts(catalog); `first_years` the mixes'
    first_new_power_years, in the same order, when the caller has them."""
    variants = [mix_variant(scenario, preset_id, catalog) for preset_id, _ in CLAIM_4_MIXES]
    if frames is None:
        frames = [projection.project(variant, catalog) for variant in variants]
    if first_years is None:
        first_years = first_new_power_years(variants, catalog, facts)
    columns = [_columns(frame) for frame in frames]
    return pd.DataFrame(_mix_rows(catalog, variants, columns, first_years))


def _mix_rows(
    catalog: Catalog,
    variants: Sequence[Scenario],
    columns: Sequence[Columns],
    first_years: Sequence[int | None],
) -> list[dict[str, Any]]:
    """mix_outcomes' rows, from claim 4's mixes (in CLAIM_4_MIXES's order), their
    projections as Columns and their first years of new power."""
    rows = []
    for i, (preset_id, label) in enumerate(CLAIM_4_MIXES):
        variant, own = variants[i], columns[i]
        weights = variant.mix_weights()
        intensity = grid.mix_intensity_g_per_kwh(weights, catalog["generation_sources"])
        low, high = grid.mix_cost_usd_per_mwh(weights, catalog["generation_sources"])
        wanted = _cell(own, "nameplate_wanted_gw")
        started = _cell(own, "nameplate_started_gw")
        achieved_gw = np.asarray(own["power_achieved_gw"])
        emissions = grid.annual_emissions_mt(achieved_gw, intensity)
        rows.append(
            {
                "mix": label,
                "preset_id": preset_id,
                "compute_flop": horizon_compute_flop(np.asarray(own["fleet_flop_per_s"])),
                "emissions_mt": float(np.sum(emissions)),
                # nansum: pandas' Series.sum, which this was, skips NaN.
                "bill_usd": float(np.nansum(np.asarray(own["electricity_bill_usd"]))),
                "wall_year": projection.wall_year(own),
                "binding_2030": str(own["binding_constraint"][CHECK_ROW]),
                "fleet_binding_2030": str(own["fleet_binding"][CHECK_ROW]),
                "cost_mid_usd_per_mwh": (low + high) / 2.0,
                "first_new_power_year": first_years[i],
                "built_share_2030": started / wanted if wanted > 0 else 1.0,
                "supply_gw": np.asarray(own["power_supply_gw"]),
                "demand_gw": np.asarray(own["power_demand_gw"]),
                "achieved_gw": achieved_gw,
            }
        )
    return rows


def claim_4(
    scenario: Scenario,
    catalog: Catalog,
    frames: Sequence[pd.DataFrame] | None = None,
    facts: fleet.SourceFacts | None = None,
    first_years: Sequence[int | None] | None = None,
) -> ClaimResult:
    """Claim 4: the nuclear-heavy mix against gas-heavy and solar + storage + gas, over
    the horizon (`frames`, `facts` and `first_years` as mix_outcomes takes them)."""
    return _claim_4(mix_outcomes(scenario, catalog, frames, facts, first_years).to_dict("records"))


def _claim_4(rows: Sequence[Mapping[Any, Any]]) -> ClaimResult:
    """Claim 4 from mix_outcomes' rows (as _mix_rows gives them)."""
    compute = np.array([row["compute_flop"] for row in rows], dtype=float)
    verdict = verdict_4(float(compute[0]), tuple(float(c) for c in compute[1:]))
    nuclear = rows[0]
    best = int(np.argmax(compute[1:])) + 1
    numbers = (
        Number(
            f"AI compute {BASE_YEAR}-{END_YEAR}, nuclear-heavy vs best other",
            float(compute[0] / compute[best]) - 1.0 if compute[best] > 0 else None,
            "change",
        ),
        Number(
            f"Emissions {BASE_YEAR}-{END_YEAR}, nuclear-heavy",
            float(nuclear["emissions_mt"]),
            "mt_total",
        ),
        Number(
            f"Emissions {BASE_YEAR}-{END_YEAR}, {rows[best]['mix'].lower()}",
            float(rows[best]["emissions_mt"]),
            "mt_total",
        ),
        Number("Reactors built vs wanted, 2030", float(nuclear["built_share_2030"]), "percent"),
    )
    return ClaimResult(RULES_BY_ID[4], verdict, numbers, pd.DataFrame(rows))


#: The price multipliers claim 5 compares: half, the same and double.
PRICE_FACTORS = (0.5, 1.0, 2.0)


def price_variant(scenario: Scenario, factor: float) -> Scenario:
    """The scenario with its electricity price times `factor` (not clamped to the
    slider's range: doubling a price at the slider's top still doubles it)."""
    return dataclasses.replace(scenario, price_scale=scenario.price_scale * factor)


def price_outcomes(
    scenario: Scenario, catalog: Catalog, frames: Sequence[pd.DataFrame] | None = None
) -> pd.DataFrame:
    """The scenario at half, the same and double the electricity price: AI's compute over
    the horizon, and in CHECK_YEAR the price, compute, power, serving wanted and energy's
    share of cost. `frames` are the projections at PRICE_FACTORS, in order, when the
    caller has them (judge_all)."""
    if frames is None:
        frames = [
            projection.project(price_variant(scenario, factor), catalog) for factor in PRICE_FACTORS
        ]
    return pd.DataFrame(_price_rows([_columns(frame) for frame in frames]))


def _price_rows(columns: Sequence[Columns]) -> list[dict[str, Any]]:
    """price_outcomes' rows, from the projections at PRICE_FACTORS as Columns."""
    return [
        {
            "price_factor": factor,
            "compute_flop": horizon_compute_flop(np.asarray(own["fleet_flop_per_s"])),
            **{
                column: _cell(own, column)
                for column in (
                    "electricity_price_usd_per_mwh",
                    "fleet_flop_per_s",
                    "compute_achieved_flop",
                    "inference_power_demand_gw",
                    "energy_share_of_run_cost",
                    "electricity_bill_usd",
                )
            },
            "binding_constraint": str(own["binding_constraint"][CHECK_ROW]),
            "fleet_binding": str(own["fleet_binding"][CHECK_ROW]),
        }
        for factor, own in zip(PRICE_FACTORS, columns, strict=True)
    ]


def claim_5(
    scenario: Scenario, catalog: Catalog, frames: Sequence[pd.DataFrame] | None = None
) -> ClaimResult:
    """Claim 5: what doubling (and halving) the electricity price does to AI's compute
    (`frames` as price_outcomes takes them)."""
    return _claim_5(price_outcomes(scenario, catalog, frames).to_dict("records"))


def _claim_5(rows: Sequence[Mapping[Any, Any]]) -> ClaimResult:
    """Claim 5 from price_outcomes' rows (as _price_rows gives them)."""
    by_factor = {float(row["price_factor"]): row for row in rows}

    def change(factor: float, column: str) -> float:
        before = float(by_factor[1.0][column])
        return float(by_factor[factor][column]) / before - 1.0 if before > 0 else 0.0

    compute_change = change(2.0, "compute_flop")
    numbers = (
        Number(f"AI compute {BASE_YEAR}-{END_YEAR}, price x2", compute_change, "change"),
        Number(
            f"Serving wanted {CHECK_YEAR}, price x2",
            change(2.0, "inference_power_demand_gw"),
            "change",
        ),
        Number(
            "Energy's share of compute cost",
            float(by_factor[1.0]["energy_share_of_run_cost"]),
            "percent",
        ),
        Number("AI compute, price halved", change(0.5, "compute_flop"), "change"),
    )
    return ClaimResult(RULES_BY_ID[5], verdict_5(compute_change), numbers, pd.DataFrame(rows))


def quick_verdict_1(scenario: Scenario, catalog: Catalog) -> str:
    """Claim 1's verdict without a projection (claim_1's own base-year energy)."""
    return verdict_1(base_run_energy_gwh(scenario, catalog), _home_mwh(catalog))


def weighted_lead_years_of(scenario: Scenario, sources: fleet.Sources) -> float:
    """weighted_lead_years(lead_table(scenario, catalog)) from the projection's sources
    (numpy instead of the table's pandas): the same sum, over the same sources, in the
    same order. [years]"""
    built = sources.shares > 0
    mid = sources.lead_time_years[built]
    on_grid = 1.0 - scenario.behind_meter_share_us / 100.0
    to_first_power = mid + on_grid * np.maximum(0.0, scenario.queue_years_us - mid)
    return float((sources.shares[built] * to_first_power).sum())


def quick_verdict_2(scenario: Scenario, catalog: Catalog) -> str:
    """Claim 2's verdict from the lead times of the mix alone."""
    return verdict_2(weighted_lead_years_of(scenario, fleet.sources_for(scenario, catalog)))


def _compute(out: Mapping[str, np.ndarray], row: int) -> float:
    """AI's compute over the horizon in one row of projection.simulate's outputs. [FLOP]"""
    return horizon_compute_flop(out["fleet_flop_per_s"][row])


def _verdict_3(out: Mapping[str, np.ndarray], row: int, scenario: Scenario) -> str:
    steps = [CONSTRAINTS[int(i)] for i in out["binding_index"][row]]
    end = exponential_end(out["compute_achieved_flop"][row], steps, scenario.compute_growth)
    return verdict_3(end.year, end.step, end.still_growing)


def _verdict_5(out: Mapping[str, np.ndarray], same: int, doubled: int) -> str:
    """Claim 5 from the rows of the scenario at its price and at double the price."""
    before, after = _compute(out, same), _compute(out, doubled)
    return verdict_5(after / before - 1.0 if before > 0 else 0.0)


def quick_verdict_3(scenario: Scenario, catalog: Catalog) -> str:
    """Claim 3's verdict from the projection's arrays (no tables)."""
    return _verdict_3(projection.project_batch([scenario], catalog), 0, scenario)


def quick_verdict_4(scenario: Scenario, catalog: Catalog) -> str:
    """Claim 4's verdict from the three mixes' walls, projected as one batch."""
    mixes = [mix_variant(scenario, preset_id, catalog) for preset_id, _ in CLAIM_4_MIXES]
    out = projection.project_batch(mixes, catalog)
    return verdict_4(_compute(out, 0), (_compute(out, 1), _compute(out, 2)))


def quick_verdict_5(scenario: Scenario, catalog: Catalog) -> str:
    """Claim 5's verdict from the scenario at its price and at double, as one batch."""
    variants = [price_variant(scenario, factor) for factor in (1.0, 2.0)]
    return _verdict_5(projection.project_batch(variants, catalog), 0, 1)


def quick_verdicts(
    scenario: Scenario, catalog: Catalog, facts: fleet.SourceFacts | None = None
) -> tuple[str, ...]:
    """The five verdicts, claims 3-5 read from ONE batched projection of the scenario,
    its price at x1 and x2 and claim 4's three mixes (the same verdicts as the claims
    judged in full; tests/test_claim_verdicts.py). `facts` are fleet.source_facts(catalog),
    when the caller has them already."""
    facts = facts or fleet.source_facts(catalog)  # read once, for the batch and claim 2
    out = projection.project_batch(verdict_scenarios(scenario, catalog), catalog, facts)
    return verdicts_of(scenario, catalog, facts, out)


def verdict_scenarios(scenario: Scenario, catalog: Catalog) -> list[Scenario]:
    """What quick_verdicts projects as one batch: the scenario itself first, its price at
    x1 and x2, then claim 4's three mixes."""
    mixes = [mix_variant(scenario, preset_id, catalog) for preset_id, _ in CLAIM_4_MIXES]
    prices = [price_variant(scenario, factor) for factor in (1.0, 2.0)]
    return [scenario, *prices, *mixes]


def verdicts_of(
    scenario: Scenario,
    catalog: Catalog,
    facts: fleet.SourceFacts,
    out: Mapping[str, np.ndarray],
) -> tuple[str, ...]:
    """The five verdicts, from project_batch(verdict_scenarios(scenario)) as `out`."""
    return (
        quick_verdict_1(scenario, catalog),
        verdict_2(weighted_lead_years_of(scenario, fleet.sources_from(scenario, facts))),
        _verdict_3(out, 0, scenario),
        verdict_4(_compute(out, 3), (_compute(out, 4), _compute(out, 5))),
        _verdict_5(out, 1, 2),
    )


CLAIMS: dict[int, Callable[[Scenario, Catalog], ClaimResult]] = {
    1: claim_1,
    2: claim_2,
    3: claim_3,
    4: claim_4,
    5: claim_5,
}


#: The cheapest way to get each claim's verdict (for the flip search).
QUICK_VERDICTS: dict[int, Callable[[Scenario, Catalog], str]] = {
    1: quick_verdict_1,
    2: quick_verdict_2,
    3: quick_verdict_3,
    4: quick_verdict_4,
    5: quick_verdict_5,
}


# What would change the verdict.
def search_values(name: str, points: int) -> np.ndarray:
    """Values spread over an input's range: log-spaced for log inputs, whole for ints."""
    spec = INPUTS_BY_NAME[name]
    assert spec.min is not None
    assert spec.max is not None
    if spec.log:
        return np.geomspace(spec.min, spec.max, points)
    values = np.linspace(spec.min, spec.max, points)
    return np.unique(np.round(values)) if spec.kind == "int" else values


def find_flip(
    scenario: Scenario,
    name: str,
    verdict_of: Callable[[Scenario], str],
    points: int = 9,
    refine: int = 8,
) -> Flip:
    """The value of `name` nearest today's at which the verdict changes, searched over the
    input's range with the model (a grid, then bisection); value None if none does."""
    spec = INPUTS_BY_NAME[name]
    current_value = float(getattr(scenario, name))
    now = verdict_of(scenario)

    def at(value: float) -> str:
        typed: Any = round(value) if spec.kind == "int" else float(value)
        return verdict_of(dataclasses.replace(scenario, **{name: typed}))

    def distance(value: float) -> float:
        if spec.log:
            return abs(math.log(value) - math.log(current_value))
        return abs(value - current_value)

    flipped = [(v, at(v)) for v in search_values(name, points)]
    flipped = [(v, verdict) for v, verdict in flipped if verdict != now]
    if not flipped:
        return Flip(name, spec.label, spec.unit, current_value, None, None)
    target, verdict = min(flipped, key=lambda item: distance(item[0]))
    inside, outside = current_value, target
    for _ in range(refine if spec.kind != "int" else 0):
        middle = math.sqrt(inside * outside) if spec.log and inside > 0 else (inside + outside) / 2
        if at(middle) == now:
            inside = middle
        else:
            outside, verdict = middle, at(middle)
    return Flip(name, spec.label, spec.unit, current_value, float(outside), verdict)


def evaluate(
    scenario: Scenario, claim_id: int, catalog: Catalog, with_flips: bool = True
) -> ClaimResult:
    """Judge one claim for a scenario, with what would flip its verdict."""
    result = CLAIMS[claim_id](scenario, catalog)
    if not with_flips:
        return result
    return dataclasses.replace(result, flips=claim_flips(scenario, claim_id, catalog))


def flip_names(scenario: Scenario, claim_id: int) -> tuple[str, ...]:
    """The inputs whose values can flip a claim's verdict, as the search moves them."""
    return tuple(_basis_input(scenario, name) for name in RULES_BY_ID[claim_id].flip_inputs)


def claim_flips(scenario: Scenario, claim_id: int, catalog: Catalog) -> tuple[Flip, ...]:
    """What would change one claim's verdict: for each of its flip inputs, the value
    nearest today's at which it changes (find_flip; dozens of projections each)."""

    def verdict_of(variant: Scenario) -> str:
        return QUICK_VERDICTS[claim_id](variant, catalog)

    return tuple(find_flip(scenario, name, verdict_of) for name in flip_names(scenario, claim_id))


def _basis_input(scenario: Scenario, name: str) -> str:
    """The base-year run is set by model size when the scenario says so."""
    if name == "frontier_flop_base" and scenario.frontier_basis == "params":
        return "frontier_params"
    return name


def judge_all(scenario: Scenario, catalog: Catalog) -> tuple[ClaimResult, ...]:
    """The five claims judged for a scenario, without flips: the same results as
    `evaluate` claim by claim, from ONE batched projection of the scenario, its price at
    x0.5 and x2 and claim 4's three mixes (claims 1, 3 and 5 share the scenario's own)."""
    facts = fleet.source_facts(catalog)
    prices = [price_variant(scenario, factor) for factor in PRICE_FACTORS if factor != 1.0]
    mixes = [mix_variant(scenario, preset_id, catalog) for preset_id, _ in CLAIM_4_MIXES]
    variants = [scenario, *prices, *mixes]
    out = projection.project_batch(variants, catalog, facts)
    # The claims read a few columns of each row: arrays, not six frames of ~60 columns.
    columns = [projection.row_columns(out, row) for row in range(len(variants))]
    own, by_price = columns[0], iter(columns[1 : 1 + len(prices)])
    price_columns = [own if factor == 1.0 else next(by_price) for factor in PRICE_FACTORS]
    # Claim 2 and claim 4's mixes each want the first year of new power: one batch for all.
    first_years = first_new_power_years([scenario, *mixes], catalog, facts)
    mix_rows = _mix_rows(catalog, mixes, columns[1 + len(prices) :], first_years[1:])
    return (
        _claim_1(scenario, catalog, own),
        _claim_2(scenario, catalog, first_years[0], facts),
        _claim_3(scenario, own),
        _claim_4(mix_rows),
        _claim_5(_price_rows(price_columns)),
    )


def evaluate_all(scenario: Scenario, catalog: Catalog) -> tuple[ClaimResult, ...]:
    """All five claims for a scenario, in order."""
    return tuple(evaluate(scenario, rule.claim_id, catalog) for rule in RULES)


def claims_table(results: tuple[ClaimResult, ...], version: str) -> pd.DataFrame:
    """One row per claim for the export: claim, verdict, rule, numbers, scenario version."""
    rows = []
    for result in results:
        numbers = "; ".join(
            f"{n.label} = {n.text or ('' if n.value is None else f'{n.value:.4g}')}"
            + (f" ({n.kind})" if n.kind not in ("text",) and not n.text else "")
            for n in result.numbers
        )
        rows.append(
            {
                "claim_id": result.rule.claim_id,
                "claim": result.rule.claim,
                "verdict": result.verdict,
                "rule": result.rule.rule,
                "numbers": numbers,
                "scenario_version": version,
            }
        )
    return pd.DataFrame(rows)
