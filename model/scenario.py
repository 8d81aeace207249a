"""The one table of user inputs, and the frozen Scenario built from it.

Sliders, URL binding, the Scenario's defaults, the methods page and the corner-case tests
all read INPUTS, so a range or a default is stated in exactly one place.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

Kind = Literal["float", "int", "bool", "choice"]

#: Ids of the generation sources, in display order (rows of data/generation_sources.csv).
SOURCE_IDS: tuple[str, ...] = (
    "coal",
    "gas_ccgt",
    "gas_peaker",
    "nuclear_large",
    "nuclear_smr",
    "hydro",
    "wind_onshore",
    "wind_offshore",
    "solar_pv_utility",
    "solar_plus_storage",
    "geothermal",
)
#: The chip option that uses the custom-efficiency input instead of a catalog chip.
CUSTOM_CHIP = "Custom chip"
#: The grid option that takes its carbon intensity from the generation-mix inputs.
MY_MIX_GRID = "my_mix"
#: First year of every projection.
BASE_YEAR = 2025
#: Last year of every projection.
END_YEAR = 2040


@dataclass(frozen=True)
class InputSpec:
    """One user-settable input: its range, default, unit and the source of its default."""

    name: str
    label: str
    unit: str
    kind: Kind
    default: Any
    group: str
    source: str
    min: float | None = None
    max: float | None = None
    step: float | None = None
    log: bool = False
    #: For kind "choice": fixed options, or the catalog table that lists them.
    options: tuple[str, ...] = ()
    options_from: str | None = None
    help: str = ""
    #: A sub-group inside the group, whose heading the sidebar shows above its inputs.
    subgroup: str = ""


#: The regions that have their own power inputs, as input names end and labels read.
REGION_SUFFIXES = (("us", "US"), ("row", "rest of world"))


def regional(
    name: str,
    label: str,
    unit: str,
    kind: Kind,
    defaults: tuple[Any, Any],
    group: str,
    sources: tuple[str, str],
    **common: Any,
) -> tuple[InputSpec, InputSpec]:
    """One input per region (`name_us`, `name_row`), the same but for the default and its
    source: the inputs of the power system, which each region has of its own."""
    return tuple(  # type: ignore[return-value]
        InputSpec(
            f"{name}_{end}", f"{label}, {words}", unit, kind, default, group, source, **common
        )
        for (end, words), default, source in zip(REGION_SUFFIXES, defaults, sources, strict=True)
    )


#: Sidebar groups of inputs, in display order (ui/sidebar.py GROUP_TITLES words them).
GROUPS: tuple[str, ...] = (
    "hardware",
    "train",
    "growth",
    "chips",
    "limits",
    "supply",
    "mix",
    "leads",
    "serve",
)

#: The dashboard's pages, by the id app.py gives each.
PAGE_IDS: tuple[str, ...] = (
    "home",
    "claims",
    "growth",
    "train",
    "serve",
    "power",
    "compare",
    "methods",
)
#: The pages whose numbers each sidebar group's inputs can move (some input of the group,
#: at some value, changes a number the page shows). tests/test_input_pages.py derives
#: this by moving every input across its range and checks the table against it.
GROUP_PAGES: dict[str, tuple[str, ...]] = {
    "hardware": PAGE_IDS,
    "train": ("train", "serve", "methods"),
    "growth": ("home", "claims", "growth", "serve", "power", "compare", "methods"),
    "chips": ("home", "claims", "growth", "serve", "power", "compare", "methods"),
    "limits": ("home", "claims", "growth", "serve", "power", "compare", "methods"),
    "supply": ("home", "claims", "growth", "serve", "power", "compare", "methods"),
    "mix": ("home", "claims", "growth", "train", "serve", "power", "compare", "methods"),
    "leads": ("home", "claims", "growth", "serve", "power", "compare", "methods"),
    "serve": ("serve", "methods"),
}

_EMBER_2024 = "Ember Global Electricity Review 2025 (2024 world generation shares)"
_MIX_DEFAULTS = {
    "coal": 34.0,
    "gas_ccgt": 22.0,
    "gas_peaker": 0.0,
    "nuclear_large": 9.0,
    "nuclear_smr": 0.0,
    "hydro": 14.3,
    "wind_onshore": 8.1,
    "wind_offshore": 0.0,
    "solar_pv_utility": 6.9,
    "solar_plus_storage": 0.0,
    "geothermal": 0.0,
}
_MIX_LABELS = {
    "coal": "Coal",
    "gas_ccgt": "Gas (CCGT)",
    "gas_peaker": "Gas peaker",
    "nuclear_large": "Nuclear (large)",
    "nuclear_smr": "Nuclear (SMR)",
    "hydro": "Hydro",
    "wind_onshore": "Wind onshore",
    "wind_offshore": "Wind offshore",
    "solar_pv_utility": "Solar PV",
    "solar_plus_storage": "Solar + storage",
    "geothermal": "Geothermal",
}

#: Sub-groups inside the Generation mix and Lead times groups (ui/sidebar.py
#: SUBGROUP_HEADINGS words them, with the unit their inputs share).
MIX_SUBGROUP, LEAD_SUBGROUP = "mix_weights", "lead_times"
#: Lead times from decision to first power, low, mid and high (data/generation_sources.csv,
#: where each figure has its source); the mid is the input's default, and the Monte Carlo's
#: low and high move with it. [years]
LEAD_TIMES: dict[str, tuple[float, float, float]] = {
    "coal": (3.5, 5.0, 7.0),
    "gas_ccgt": (3.5, 4.25, 5.0),
    "gas_peaker": (1.0, 2.5, 5.0),
    "nuclear_large": (6.3, 8.0, 10.4),
    "nuclear_smr": (4.5, 5.0, 8.0),
    "hydro": (3.0, 5.5, 10.0),
    "wind_onshore": (1.7, 4.4, 7.1),
    "wind_offshore": (5.5, 8.75, 12.0),
    "solar_pv_utility": (1.6, 3.4, 6.25),
    "solar_plus_storage": (1.6, 3.4, 6.25),
    "geothermal": (5.0, 6.0, 7.0),
}
_LEAD_SOURCES = {
    "coal": "assumption (no source)",
    "gas_ccgt": "gas projects 3.5 y in 2023 -> 5 y in 2025 with the turbine backlog "
    "(sourcerockep.com; S&P Global Platts 2025 quoting EPRI)",
    "gas_peaker": "reciprocating engines 12-18 months (sourcerockep.com)",
    "nuclear_large": "median construction time of reactors in operation (2023); high: "
    "Vogtle 3/4 (RMIT ABC Fact Check)",
    "nuclear_smr": "OPG Darlington BWRX-300 (CNSC; neimagazine.com 2025)",
    "hydro": "AQPER: 4-7 y, run-of-river 3-4 y, ~10 y for large stations",
    "wind_onshore": "Clapin & Longden 2024, Energy Economics (170 Australian projects)",
    "wind_offshore": "Energy Transitions Commission (2023) via Energy Institute",
    "solar_pv_utility": "Clapin & Longden 2024, Energy Economics (170 Australian projects)",
    "solar_plus_storage": "assumption: as utility solar PV (Clapin & Longden 2024)",
    "geothermal": "Levine, Young & Witherbee 2013, GRC Transactions (NREL)",
}
#: Shortest lead time any input or Monte Carlo sample may take. [years]
MIN_LEAD_YEARS = 0.5


def _lead_range(sid: str) -> tuple[float, float]:
    """Half the fastest to 1.5x the slowest lead time in data/, on half years. [years]"""
    low, _, high = LEAD_TIMES[sid]
    return max(MIN_LEAD_YEARS, math.floor(low) / 2.0), float(math.ceil(high * 1.5))


INPUTS: tuple[InputSpec, ...] = (
    # Chips and facility: shared by training, serving and the projection's efficiency.
    InputSpec(
        "chip",
        "Accelerator",
        "",
        "choice",
        "NVIDIA H100 SXM5",
        "hardware",
        "Epoch AI ML Hardware dataset (2026); H100: the chip of most 2024-25 frontier runs",
        options_from="chips",
        help="Peak dense BF16 FLOP/s and TDP from data/chips.csv. "
        "Choose 'Custom chip' to set efficiency directly.",
    ),
    InputSpec(
        "custom_efficiency_x_h100",
        "Custom chip efficiency",
        "x H100 FLOP per joule",
        "float",
        1.0,
        "hardware",
        "H100 = 1 (989 TFLOP/s BF16 at 700 W; Epoch AI ML Hardware dataset)",
        min=0.1,
        max=100.0,
        log=True,
        help="For chips not in the catalog or future ones: FLOP per joule at the wall "
        "as a multiple of an H100 in the same facility. Used when the accelerator "
        "is 'Custom chip'.",
    ),
    InputSpec(
        "utilization",
        "Utilization (MFU)",
        "fraction of peak",
        "float",
        0.40,
        "hardware",
        "Llama 3.1 405B: MFU 0.40 on 16,384 H100s (Epoch AI Notable Models dataset)",
        min=0.05,
        max=0.8,
        step=0.01,
        help="Model FLOP utilization: achieved training FLOP/s over peak. "
        "GPT-3 reached about 0.20 (Patterson et al. 2021).",
    ),
    InputSpec(
        "pue",
        "PUE",
        "ratio",
        "float",
        1.2,
        "hardware",
        "Assumption between Google's fleet 1.09 (2024) and the industry average 1.56 "
        "(Uptime Institute 2024); new large builds are at or below 1.3",
        min=1.0,
        max=2.0,
        step=0.01,
        help="Power usage effectiveness: facility power over IT power (cooling, power "
        "conversion). 1.0 means no overhead.",
    ),
    InputSpec(
        "server_overhead",
        "Server overhead",
        "x accelerator TDP",
        "float",
        1.5,
        "hardware",
        "DGX H100: 6.5-8.5 kW typical, 10.2 kW max for 8 GPUs of 700 W "
        "(NVIDIA DGX H100 user guide) -> 8.5 / 8 / 0.7 = 1.52",
        min=1.0,
        max=2.5,
        step=0.05,
        help="Whole-server power per accelerator (host CPUs, memory, network, fans) "
        "as a multiple of the accelerator's TDP.",
    ),
    # One training run.
    InputSpec(
        "params",
        "Model parameters",
        "parameters",
        "float",
        4.05e11,
        "train",
        "Llama 3.1 405B (Meta model card, 2024)",
        min=1e8,
        max=1e14,
        log=True,
        help="Dense parameter count (for a mixture of experts, the active parameters).",
    ),
    InputSpec(
        "tokens",
        "Training tokens",
        "tokens",
        "float",
        1.5e13,
        "train",
        "Llama 3.1: about 15 trillion tokens (Meta model card, 2024)",
        min=1e9,
        max=1e16,
        log=True,
        help="Tokens seen in training. Ignored when 'compute-optimal' is on.",
    ),
    InputSpec(
        "compute_optimal",
        "Compute-optimal tokens (20 per parameter)",
        "",
        "bool",
        False,
        "train",
        "Hoffmann et al. 2022 (Chinchilla), arXiv:2203.15556",
        help="Set tokens = 20 x parameters, the compute-optimal ratio of Hoffmann et al.",
    ),
    InputSpec(
        "cluster_size",
        "Cluster size",
        "accelerators",
        "float",
        16384.0,
        "train",
        "Llama 3.1 405B: 16,384 H100s (Meta; Epoch AI Notable Models dataset)",
        min=1.0,
        max=1e7,
        log=True,
        help="Accelerators working on the run at once; sets days and facility power.",
    ),
    InputSpec(
        "grid",
        "Grid carbon intensity",
        "",
        "choice",
        "us",
        "train",
        "data/grids.csv (EIA 2023, Ember/OWID 2023, IEA 2024)",
        options_from="grids",
        help="Where the run draws its electricity. 'My mix' uses the generation mix "
        "set under Generation mix.",
    ),
    InputSpec(
        "price_usd_per_mwh",
        "Electricity price",
        "USD/MWh",
        "float",
        80.0,
        "train",
        "Assumption: about the US industrial average of ~8 cents/kWh in 2024 (EIA "
        "Electric Power Monthly, Table 5.3)",
        min=10.0,
        max=400.0,
        step=5.0,
        help="Price paid per MWh at the facility meter.",
    ),
    # Growth of frontier compute, and all-AI demand.
    InputSpec(
        "frontier_basis",
        "Set base-year frontier run by",
        "",
        "choice",
        "flop",
        "growth",
        "Design choice",
        options=("flop", "params"),
        help="Either the FLOP of the largest 2025 run directly, or a model size trained "
        "compute-optimally (6 x N x 20N).",
    ),
    InputSpec(
        "frontier_flop_base",
        "Largest training run in 2025",
        "FLOP",
        "float",
        4.64e26,
        "growth",
        "Grok-3: 4.64e26 FLOP, the largest run in Epoch AI's Notable Models dataset (2025)",
        min=1e24,
        max=1e28,
        log=True,
        help="Training compute of the frontier run in the base year.",
    ),
    InputSpec(
        "frontier_params",
        "Frontier model size in 2025",
        "parameters",
        "float",
        2e12,
        "growth",
        "Chosen so that 6 x N x 20N = 4.8e26 FLOP, close to Grok-3's 4.64e26 (Epoch AI)",
        min=1e10,
        max=1e14,
        log=True,
        help="Used when the base-year run is set by model size: FLOP = 6 x N x 20N.",
    ),
    InputSpec(
        "compute_growth",
        "Frontier compute growth",
        "x per year",
        "float",
        4.0,
        "growth",
        "Epoch AI 2024: frontier training compute grows 4-5x per year (about 4x since 2018)",
        min=1.0,
        max=10.0,
        step=0.1,
        help="Yearly multiplier of the largest training run's FLOP if nothing stops it.",
    ),
    InputSpec(
        "run_days_base",
        "Frontier run length in 2025",
        "days",
        "float",
        100.0,
        "growth",
        "Grok-3: about 100 days (Epoch AI Notable Models dataset)",
        min=10.0,
        max=365.0,
        step=5.0,
        help="Wall-clock length of the largest training run in the base year.",
    ),
    InputSpec(
        "run_length_growth",
        "Run length growth",
        "x per year",
        "float",
        1.15,
        "growth",
        "Epoch AI 2024: runs 4x longer over a decade = 1.15x/yr; Epoch/EPRI 2025 expect 10-20%/yr",
        min=1.0,
        max=1.6,
        step=0.01,
        help="Longer runs need less power for the same FLOP.",
    ),
    InputSpec(
        "run_days_cap",
        "Longest run",
        "days",
        "float",
        365.0,
        "growth",
        "Assumption: runs much longer than a year risk being overtaken by newer "
        "hardware and methods (Epoch AI 2024 argues for runs under about 15 months)",
        min=30.0,
        max=1000.0,
        step=5.0,
        help="Run length stops growing at this cap.",
    ),
    InputSpec(
        "hardware_efficiency_growth",
        "Chip energy efficiency growth",
        "x per year",
        "float",
        1.28,
        "growth",
        "Epoch AI 2024 ('Can AI scaling continue through 2030?', power section): FLOP per "
        "joule of GPUs improved ~12x per decade (1.28x/yr) in 2010-24; leading chips "
        "about 1.4x/yr",
        min=1.0,
        max=2.0,
        step=0.01,
        help="Yearly gain in FLOP/s per watt of each new generation of accelerators at the "
        "same number format. Each year's chips keep their own efficiency.",
    ),
    InputSpec(
        "precision_gain_growth",
        "Number-format gain",
        "x per year",
        "float",
        1.23,
        "growth",
        "Epoch AI 2024: lower precision gave ~8x per decade (1.23x/yr), e.g. FP16 -> FP8",
        min=1.0,
        max=2.0,
        step=0.01,
        help="Yearly gain in useful work per chip from training and serving in fewer bits "
        "(BF16 -> FP8 -> FP4), until the step to FP4 is taken.",
    ),
    InputSpec(
        "precision_gain_max",
        "Number-format gain at most",
        "x over BF16",
        "float",
        4.0,
        "growth",
        "BF16 -> FP8 -> FP4 halves the bits twice (NVIDIA Blackwell runs FP4); Epoch AI 2024 "
        "expects no useful training below FP4",
        min=1.0,
        max=8.0,
        step=0.5,
        help="Number-format gains stop here: 4 means FP4 is the last step from BF16.",
    ),
    InputSpec(
        "serving_power_base_gw_us",
        "Serving & other AI power in 2025, US",
        "GW",
        "float",
        13.5,
        "growth",
        "Derived: 15M H100e (Epoch AI chip sales, end of 2025) x 1.26 kW each (700 W x 1.5 "
        "server x 1.2 PUE) = 18.9 GW, less ~0.9 GW of frontier training, x 75% in the US "
        "(Epoch AI, 'Trends in AI supercomputers' 2025: US ~75% of GPU cluster performance). "
        "Epoch AI puts the 15M H100e at 'over 10 GW'",
        min=0.0,
        max=100.0,
        step=0.5,
        help="Serving and all smaller training in the US in 2025, as average power at the "
        "base year's efficiency. Their compute demand grows from here.",
    ),
    InputSpec(
        "serving_power_base_gw_row",
        "Serving & other AI power in 2025, rest of world",
        "GW",
        "float",
        4.5,
        "growth",
        "Derived as the US figure: 18 GW x 25% outside the US (Epoch AI 2025: the US hosts "
        "~75% of AI supercomputer performance, China ~15%)",
        min=0.0,
        max=100.0,
        step=0.5,
        help="Serving and all smaller training outside the US in 2025, as average power.",
    ),
    InputSpec(
        "serving_compute_growth",
        "Serving & other AI compute growth",
        "x per year",
        "float",
        2.0,
        "growth",
        "Derived: IEA 'Energy and AI' (2025): electricity use of AI-optimised data centres "
        "more than x4 in 2024-30 (1.26x/yr) x efficiency 1.59x/yr = 2.0x/yr of compute. "
        "EPRI/Epoch 2025 (US AI power 5 -> 50 GW by 2030) imply 2.5x/yr; Epoch AI's "
        "installed NVIDIA compute grew 2.3x/yr",
        min=1.0,
        max=5.0,
        step=0.05,
        help="Yearly multiplier of the compute wanted for serving and smaller training, at "
        "the reference price.",
    ),
    InputSpec(
        "serving_price_elasticity",
        "Serving demand's price elasticity",
        "-",
        "float",
        1.0,
        "growth",
        "Assumption: demand for AI compute roughly unit-elastic in its cost (so far cheaper "
        "compute has been met by more use); electricity is ~10% of the cost of a served "
        "FLOP here, so doubling the price cuts serving by ~10%",
        min=0.0,
        max=3.0,
        step=0.1,
        help="How strongly serving demand falls as the cost of compute (chips plus "
        "electricity) rises: 1 means a 10% dearer compute cost cuts demand by ~10%.",
    ),
    InputSpec(
        "training_share",
        "Frontier training's share of chips when short",
        "%",
        "float",
        25.0,
        "growth",
        "Assumption from a reported split: OpenAI's 2024 compute spend, ~$3B training vs "
        "~$1.8B inference (The Information, as reported by Epoch AI) = ~60% training at a "
        "frontier lab; across all AI chips (cloud serving included) less: 25% puts frontier "
        "training at 14 GW in 2030, inside Epoch AI/EPRI 2025's 4-16 GW",
        min=5.0,
        max=90.0,
        step=1.0,
        help="When chips or power are short, frontier training is sure of this share of the "
        "fleet's compute and serving of the rest; what one side leaves, the other takes.",
    ),
    InputSpec(
        "run_share_of_training",
        "Largest run's share of frontier training",
        "%",
        "float",
        20.0,
        "growth",
        "Assumption: 2-4 labs train at the frontier at once (Epoch AI counts 2-3 runs above "
        "1e26 FLOP in 2025), and experiments take a part; AI 2027's compute forecast gives "
        "the leading lab 15-20% of all AI compute by 2027",
        min=1.0,
        max=100.0,
        step=1.0,
        help="The largest run's share of the compute that goes to frontier training, over "
        "its run length.",
    ),
    # Supply: what can be built.
    *regional(
        "supply_base_gw",
        "Power available to AI in 2025",
        "GW",
        "float",
        (14.5, 5.0),
        "supply",
        (
            "Derived: the US share (75%, Epoch AI 2025) of the 18.9 GW that 15M H100e draw at "
            "1.26 kW each (Epoch AI chip sales), plus ~0.3 GW being energised",
            "Derived: the rest of the world's 25% of the 18.9 GW that 15M H100e draw, plus ~0.3 GW",
        ),
        min=1.0,
        max=200.0,
        step=0.5,
        help="Average power that AI can draw in the base year, including capacity being energised.",
    ),
    *regional(
        "pipeline_gw",
        "Capacity already being built for AI",
        "GW of average power",
        "float",
        (30.0, 10.0),
        "supply",
        (
            "Derived: LBNL 2024 puts US data-centre load at 37-66 GW average in 2028 (325-580 "
            "TWh) against 20 GW in 2023 (176 TWh): +17-46 GW; we take the middle, 30 GW, for AI",
            "Assumption: a third of the US figure (IEA 2025: the US is about half of data-centre "
            "electricity growth to 2030, China a fifth)",
        ),
        min=0.0,
        max=300.0,
        step=1.0,
        help=(
            "Capacity committed before the base year, in today's world mix; it arrives steadily "
            "over each source's lead time."
        ),
    ),
    *regional(
        "build_rate_gw_per_yr",
        "New capacity started for AI",
        "GW nameplate per year",
        "float",
        (20.0, 20.0),
        "supply",
        (
            "Derived: EPRI/Epoch 2025 expect US AI power above 50 GW by 2030, ~8 GW/yr delivered "
            "after the pipeline, ~20 GW/yr nameplate at a firm factor near 0.5. For scale: the US "
            "added 48.6 GW of all kinds in 2024 (EIA)",
            "Assumption: as the US (IEA 2025: data-centre growth to 2030 about half in the US)",
        ),
        min=0.0,
        max=500.0,
        step=5.0,
        help=(
            "Nameplate capacity started each year for AI in the region; each source delivers "
            "after its lead time, at its firm factor."
        ),
    ),
    *regional(
        "queue_years",
        "Grid connection wait",
        "years",
        "float",
        (5.0, 3.0),
        "supply",
        (
            "LBNL 'Queued Up' 2024 edition: median ~5 years from interconnection request to "
            "commercial operation for US projects built in 2023",
            "Assumption: no world-wide source; European and Asian connection waits vary from 1 to "
            "10 years (e.g. Irish and Dutch data-centre moratoria): 3 years",
        ),
        min=0.0,
        max=10.0,
        step=0.5,
        help=(
            "Grid-connected builds arrive no sooner than this (it runs alongside permitting and "
            "construction). Behind-the-meter builds skip it."
        ),
    ),
    *regional(
        "behind_meter_share",
        "Built behind the meter",
        "% of new capacity",
        "float",
        (25.0, 10.0),
        "supply",
        (
            "Assumption: recent US AI campuses pair grid power with on-site gas (xAI Colossus "
            "turbines; Meta Prometheus ~200 MW on-site gas of ~1 GW; news 2024-25)",
            "Assumption: on-site generation for data centres is rarer outside the US",
        ),
        min=0.0,
        max=100.0,
        step=5.0,
        help=(
            "Share of new AI capacity built on site (behind the meter), which skips the grid "
            "connection queue."
        ),
    ),
    *regional(
        "build_cap_share",
        "AI's share of the world's build",
        "% of yearly world additions",
        "float",
        (25.0, 25.0),
        "supply",
        (
            "Assumption. Caps per source are one year of world additions (data/build_limits.csv): "
            "e.g. nuclear 8.2 GW (2024), gas turbines 60-70 GW/yr made",
            "Assumption, as the US: together AI may claim half of what the world builds of each "
            "source",
        ),
        min=1.0,
        max=100.0,
        step=1.0,
        help=(
            "New AI capacity of each source in the region is capped each year at this share of "
            "what the whole world builds of it (e.g. reactors, gas turbines)."
        ),
    ),
    *regional(
        "flexible_headroom_gw",
        "Grid headroom for flexible load",
        "GW",
        "float",
        (0.0, 0.0),
        "supply",
        (
            "Norris et al., Duke Nicholas Institute 'Rethinking Load Growth' (2025): 76 / 98 / "
            "126 GW of new load fits on the US grid if curtailed 0.25% / 0.5% / 1% of the year",
            "No source for grids outside the US: off",
        ),
        min=0.0,
        max=150.0,
        step=1.0,
        help=(
            "Extra power AI can draw from existing grids from 2026 by agreeing to be curtailed in "
            "rare peak hours. Off (0) by default."
        ),
    ),
    *regional(
        "scarcity_adder_usd_per_mwh",
        "Scarcity price when AI wants all its supply",
        "USD/MWh",
        "float",
        (12.5, 12.5),
        "supply",
        (
            "Derived: PJM capacity price rose from $28.92 (2024/25) to $329.17/MW-day (2026/27); "
            "(329.17 - 28.92) / 24 h = $12.5/MWh for a flat load",
            "Assumption: the US figure; no comparable capacity-market price outside the US",
        ),
        min=0.0,
        max=200.0,
        step=0.5,
        help=(
            "Added to the mix's cost when AI wants all of the region's supply; it rises smoothly "
            "with the fourth power of wanted over supply (a fifth of it at two thirds, 5x at "
            "1.5x)."
        ),
    ),
    InputSpec(
        "build_cap_growth",
        "Growth of build capacity",
        "x per year",
        "float",
        1.1,
        "supply",
        "Assumption: turbine makers and reactor supply chains expanding; world solar "
        "additions grew ~1.3x/yr in 2020-24 (IRENA)",
        min=1.0,
        max=1.5,
        step=0.01,
        help="Yearly growth of each source's world build cap.",
    ),
    InputSpec(
        "price_scale",
        "Electricity price multiplier",
        "x",
        "float",
        1.0,
        "supply",
        "Neutral default (1 = the mix's cost of new supply plus the shortage adder)",
        min=0.25,
        max=4.0,
        step=0.05,
        help="Scales the electricity price the projection uses, to test 'rising energy "
        "prices make everything retract'.",
    ),
    *(
        InputSpec(
            f"mix_{sid}",
            _MIX_LABELS[sid],
            "weight",
            "float",
            _MIX_DEFAULTS[sid],
            "mix",
            _EMBER_2024 if _MIX_DEFAULTS[sid] else "Not in the 2024 world mix default",
            min=0.0,
            max=100.0,
            step=0.1,
            help="Relative weight of this source in new AI power; the weights of all "
            "sources are normalised to shares that add to 100%.",
            subgroup=MIX_SUBGROUP,
        )
        for sid in SOURCE_IDS
    ),
    *(
        InputSpec(
            f"lead_{sid}",
            f"{_MIX_LABELS[sid]} lead time",
            "years",
            "float",
            LEAD_TIMES[sid][1],
            "leads",
            f"data/generation_sources.csv, mid of {LEAD_TIMES[sid][0]:g}-{LEAD_TIMES[sid][2]:g} "
            f"years: {_LEAD_SOURCES[sid]}",
            min=_lead_range(sid)[0],
            max=_lead_range(sid)[1],
            step=0.05,
            help="Years from the decision to build to first power (permits, equipment, "
            "construction), the middle of the range. The Monte Carlo's fastest and "
            "slowest cases move with it.",
            subgroup=LEAD_SUBGROUP,
        )
        for sid in SOURCE_IDS
    ),
    # Chips and capital: what the largest run can buy and get.
    InputSpec(
        "chip_stock_base_h100e",
        "World AI chips at end of 2025",
        "H100-equivalents",
        "float",
        1.5e7,
        "chips",
        "Epoch AI, AI chip sales data: ~15 million H100-equivalents in use at the end of 2025",
        min=1e6,
        max=1e8,
        log=True,
        help="Installed AI accelerators worldwide, counted in H100s of equal FLOP/s.",
    ),
    InputSpec(
        "chip_production_base_h100e",
        "AI chips made in 2025",
        "H100-equivalents per year",
        "float",
        1.0e7,
        "chips",
        "Derived: Epoch AI chip sales (2026): ~15M H100e in use at the end of 2025, growing "
        "3.3x/yr, so about 15M x (1 - 1/3.3) = 10M H100e were made in 2025",
        min=1e6,
        max=1e8,
        log=True,
        help="Accelerators the chip makers delivered in 2025, counted in H100s of equal "
        "BF16 FLOP/s. Production grows from here.",
    ),
    InputSpec(
        "chip_production_growth",
        "AI chip production growth",
        "x per year",
        "float",
        1.4,
        "chips",
        "Derived: Epoch AI 2024 expects ~100M H100e by 2030 (20M-400M); 1.4x/yr from 10M "
        "gives ~150M in service in 2030. Recent sales grew 3.3x/yr (Epoch AI chip sales), "
        "AI 2027's forecast 2.25x/yr to 2027",
        min=1.0,
        max=3.5,
        step=0.05,
        help="Yearly growth of what the chip makers can deliver (packaging, memory, wafers).",
    ),
    InputSpec(
        "chip_lifetime_years",
        "Accelerator lifetime",
        "years",
        "float",
        5.0,
        "chips",
        "Hyperscalers depreciate servers over 5-6 years (Amazon, Microsoft, Alphabet, Meta "
        "annual reports 2024-25; Amazon shortened to 5 in 2025)",
        min=2.0,
        max=10.0,
        step=0.5,
        help="Accelerators retire after this many years; the 2025 stock retires evenly "
        "over one lifetime.",
    ),
    InputSpec(
        "us_chip_share",
        "US share of new AI chips",
        "%",
        "float",
        75.0,
        "chips",
        "Epoch AI, 'Trends in AI supercomputers' (2025): the US hosts ~75% of GPU cluster "
        "performance, China ~15%",
        min=0.0,
        max=100.0,
        step=1.0,
        help="Share of the world's AI chips (in service in 2025, and bought each year) that "
        "go to the US; chips go elsewhere where one region has no power left.",
    ),
    InputSpec(
        "h100e_price_usd",
        "Capital cost per installed H100e in 2025",
        "USD",
        "float",
        45000.0,
        "chips",
        "Derived: an H100 at ~$25-30k with its share of server and network (~$40k), plus "
        "the building at ~$10B per GW x 1.26 kW; all-in AI data centres cost ~$30-50B per "
        "GW (industry estimates, 2025) = $38-63k per 1.26 kW",
        min=5000.0,
        max=200000.0,
        log=True,
        help="What one more H100-equivalent in service costs: the chip, its server share and "
        "the building. It falls with price-performance.",
    ),
    InputSpec(
        "chip_price_performance_growth",
        "Hardware FLOP per dollar growth",
        "x per year",
        "float",
        1.3,
        "chips",
        "Epoch AI, ML hardware: FLOP/s per dollar of ML GPUs doubles every ~2.5 years (1.3x/yr)",
        min=1.0,
        max=2.0,
        step=0.01,
        help="Yearly fall in the capital cost of one H100-equivalent.",
    ),
    InputSpec(
        "ai_capex_base_usd",
        "AI capital spending in 2025",
        "USD per year",
        "float",
        4.0e11,
        "chips",
        "Derived: Amazon ~$125B, Alphabet $91-93B, Meta $70-72B, Microsoft ~$35B a quarter: "
        "~$380B of 2025 capital spending guided by the four (Q3 2025 earnings), mostly for "
        "AI; Oracle, xAI, CoreWeave and Chinese clouds add, non-AI parts subtract: $400B",
        min=5e10,
        max=5e12,
        log=True,
        help="World capital spending on AI (chips, servers, buildings) in 2025. It pays for "
        "new accelerators and the fleet's electricity bill.",
    ),
    InputSpec(
        "ai_capex_growth",
        "AI capital spending growth",
        "x per year",
        "float",
        1.3,
        "chips",
        "Derived: the four largest US clouds spent ~$230B in 2024 and ~$380B in 2025 "
        "(+65%, company reports); we assume the growth halves",
        min=1.0,
        max=2.5,
        step=0.05,
        help="Yearly growth of AI capital spending, until it reaches its share of world GDP.",
    ),
    InputSpec(
        "capex_gdp_cap_share",
        "AI spending at most",
        "% of world GDP",
        "float",
        2.0,
        "chips",
        "Assumption from past booms: US telecom investment peaked near 1.2% of US GDP (2000); "
        "US railroad investment reached a few % of GDP in the 19th century",
        min=0.1,
        max=10.0,
        step=0.1,
        help="AI capital spending never grows above this share of world GDP.",
    ),
    InputSpec(
        "gdp_base_usd",
        "World GDP in 2025",
        "USD per year",
        "float",
        1.17e14,
        "chips",
        "IMF World Economic Outlook, October 2025: world GDP ~$117 trillion (current prices, 2025)",
        min=5e13,
        max=3e14,
        log=True,
        help="World output in 2025; the cap on AI spending grows with it.",
    ),
    InputSpec(
        "gdp_growth",
        "World GDP growth",
        "x per year",
        "float",
        1.031,
        "chips",
        "IMF World Economic Outlook, October 2025: world real growth 3.2% (2025), 3.1% (2026)",
        min=1.0,
        max=1.1,
        step=0.001,
        help="Yearly real growth of world GDP (the model counts in 2025 dollars).",
    ),
    # Limits: site power, data, latency, physics.
    InputSpec(
        "campus_power_base_gw",
        "Largest campus in 2025",
        "GW",
        "float",
        0.3,
        "limits",
        "xAI Colossus phase 2: 300 MW (Tom's Hardware, 2025); Epoch AI estimates Grok-3's "
        "run at 137 MW",
        min=0.05,
        max=5.0,
        step=0.05,
        help="Power of the largest site one training run could use in the base year.",
    ),
    InputSpec(
        "campus_growth",
        "Largest campus growth",
        "x per year",
        "float",
        1.58,
        "limits",
        "Derived: 0.3 GW (2025) to 3 GW (2030), the middle of Epoch AI 2024's 1-5 GW single "
        "campus by 2030: 10^(1/5) = 1.58x/yr",
        min=1.0,
        max=3.0,
        step=0.01,
        help="Yearly multiplier of the largest site's power.",
    ),
    InputSpec(
        "campus_max_gw",
        "Largest campus possible",
        "GW",
        "float",
        10.0,
        "limits",
        "Assumption: the largest announced campus is ~5 GW (Meta Hyperion, news 2025); we "
        "allow twice that",
        min=1.0,
        max=100.0,
        step=1.0,
        help="The largest site stops growing at this power.",
    ),
    InputSpec(
        "training_sites",
        "Sites per training run",
        "sites",
        "int",
        1,
        "limits",
        "Epoch AI 2024: one campus 1-5 GW by 2030; training spread over several sites 2-45 GW",
        min=1,
        max=20,
        step=1,
        help="Distributed training: how many of the largest campuses one run can span.",
    ),
    InputSpec(
        "data_stock_tokens",
        "Usable training data in 2025",
        "tokens",
        "float",
        1.8e15,
        "limits",
        "Derived: Epoch AI 2024: 400T-20Q usable tokens by 2030 (6e28-2e32 FLOP), median "
        "data limit 2e30 FLOP = 6 x (D/20) x D -> D = 2.6e15 in 2030; / 1.08^5 for the web's "
        "growth",
        min=1e14,
        max=1e17,
        log=True,
        help="Tokens of text and other data usable for training (after deduplication, "
        "including multimodal data).",
    ),
    InputSpec(
        "data_stock_growth",
        "Data stock growth",
        "x per year",
        "float",
        1.08,
        "limits",
        "Epoch AI 2024: the indexed web grows ~50% by 2030 (1.5^(1/5) = 1.08x/yr)",
        min=1.0,
        max=2.0,
        step=0.01,
        help="Yearly growth of the usable data stock (synthetic data would raise it).",
    ),
    InputSpec(
        "latency_wall_flop",
        "Latency wall",
        "FLOP",
        "float",
        3e31,
        "limits",
        "Epoch AI 2024 ('Can AI scaling continue through 2030?'): median 3e31 FLOP "
        "(80% CI 3e30-1e32)",
        min=1e29,
        max=1e33,
        log=True,
        help="Largest run that the minimum time per training step allows within a run "
        "of a few months.",
    ),
    InputSpec(
        "efficiency_ceiling_flop_per_j",
        "Chip efficiency ceiling",
        "FLOP per joule at the chip",
        "float",
        4.7e15,
        "limits",
        "Epoch AI: CMOS limit about 4.7e15 FP4 FLOP/J at the chip (an H100 does 1.4e12 BF16 "
        "FLOP/J); precision gains end at FP4",
        min=1e13,
        max=1e17,
        log=True,
        help="Physical ceiling on chip energy efficiency; efficiency at the wall stops "
        "growing when the chip reaches it.",
    ),
    InputSpec(
        "wall_threshold_share",
        "Wall: compute lost to power",
        "%",
        "float",
        5.0,
        "limits",
        "Design choice: a loss that a lab or a cloud would notice (one year of ~5% slower "
        "growth); 1-20% shown in the sensitivity",
        min=0.5,
        max=50.0,
        step=0.5,
        help="The wall is the first year in which the power that could not be built costs "
        "all of AI at least this share of the compute that chips and money would allow.",
    ),
    # Serving.
    InputSpec(
        "active_params",
        "Active parameters",
        "parameters",
        "float",
        1e11,
        "serve",
        "Epoch AI 2025 ('How much energy does ChatGPT use?') assumes ~100B active "
        "parameters for GPT-4o",
        min=1e8,
        max=2e12,
        log=True,
        help="Parameters used per token (for a mixture of experts, the active ones).",
    ),
    InputSpec(
        "input_tokens",
        "Input tokens per query",
        "tokens",
        "float",
        500.0,
        "serve",
        "Assumption: a short chat prompt with some context",
        min=10.0,
        max=1e6,
        log=True,
        help="Prompt, context and documents read per query.",
    ),
    InputSpec(
        "output_tokens",
        "Output tokens per query",
        "tokens",
        "float",
        500.0,
        "serve",
        "Epoch AI 2025 assumes ~500 output tokens for a typical ChatGPT reply; "
        "ML.ENERGY 2025 measured 717 for chat, 6,988 for reasoning",
        min=10.0,
        max=1e5,
        log=True,
        help="Generated tokens per query, including hidden reasoning tokens.",
    ),
    InputSpec(
        "queries_per_day",
        "Queries per day",
        "queries/day",
        "float",
        2.5e9,
        "serve",
        "OpenAI, July 2025: 2.5 billion ChatGPT prompts per day (via IEEE Spectrum)",
        min=1e6,
        max=1e12,
        log=True,
        help="Queries served per day by the fleet.",
    ),
    InputSpec(
        "inference_utilization",
        "Inference utilization",
        "fraction of peak",
        "float",
        0.2,
        "serve",
        "Assumption: decoding is memory-bound; ML.ENERGY 2025 finds 3-5x energy "
        "differences from batch size alone",
        min=0.01,
        max=0.8,
        step=0.01,
        help="Achieved FLOP/s over peak while serving.",
    ),
)

INPUTS_BY_NAME: dict[str, InputSpec] = {spec.name: spec for spec in INPUTS}


def _default(name: str) -> Any:
    return INPUTS_BY_NAME[name].default


@dataclass(frozen=True)
class Scenario:
    """Every user input, in the units of the inputs table. `Scenario()` is the default."""

    chip: str = _default("chip")
    custom_efficiency_x_h100: float = _default("custom_efficiency_x_h100")
    utilization: float = _default("utilization")
    pue: float = _default("pue")
    server_overhead: float = _default("server_overhead")
    params: float = _default("params")
    tokens: float = _default("tokens")
    compute_optimal: bool = _default("compute_optimal")
    cluster_size: float = _default("cluster_size")
    grid: str = _default("grid")
    price_usd_per_mwh: float = _default("price_usd_per_mwh")
    frontier_basis: str = _default("frontier_basis")
    frontier_flop_base: float = _default("frontier_flop_base")
    frontier_params: float = _default("frontier_params")
    compute_growth: float = _default("compute_growth")
    run_days_base: float = _default("run_days_base")
    run_length_growth: float = _default("run_length_growth")
    run_days_cap: float = _default("run_days_cap")
    hardware_efficiency_growth: float = _default("hardware_efficiency_growth")
    precision_gain_growth: float = _default("precision_gain_growth")
    precision_gain_max: float = _default("precision_gain_max")
    serving_power_base_gw_us: float = _default("serving_power_base_gw_us")
    serving_power_base_gw_row: float = _default("serving_power_base_gw_row")
    serving_compute_growth: float = _default("serving_compute_growth")
    serving_price_elasticity: float = _default("serving_price_elasticity")
    training_share: float = _default("training_share")
    run_share_of_training: float = _default("run_share_of_training")
    supply_base_gw_us: float = _default("supply_base_gw_us")
    supply_base_gw_row: float = _default("supply_base_gw_row")
    pipeline_gw_us: float = _default("pipeline_gw_us")
    pipeline_gw_row: float = _default("pipeline_gw_row")
    build_rate_gw_per_yr_us: float = _default("build_rate_gw_per_yr_us")
    build_rate_gw_per_yr_row: float = _default("build_rate_gw_per_yr_row")
    queue_years_us: float = _default("queue_years_us")
    queue_years_row: float = _default("queue_years_row")
    behind_meter_share_us: float = _default("behind_meter_share_us")
    behind_meter_share_row: float = _default("behind_meter_share_row")
    build_cap_share_us: float = _default("build_cap_share_us")
    build_cap_share_row: float = _default("build_cap_share_row")
    flexible_headroom_gw_us: float = _default("flexible_headroom_gw_us")
    flexible_headroom_gw_row: float = _default("flexible_headroom_gw_row")
    scarcity_adder_usd_per_mwh_us: float = _default("scarcity_adder_usd_per_mwh_us")
    scarcity_adder_usd_per_mwh_row: float = _default("scarcity_adder_usd_per_mwh_row")
    build_cap_growth: float = _default("build_cap_growth")
    price_scale: float = _default("price_scale")
    mix_coal: float = _default("mix_coal")
    mix_gas_ccgt: float = _default("mix_gas_ccgt")
    mix_gas_peaker: float = _default("mix_gas_peaker")
    mix_nuclear_large: float = _default("mix_nuclear_large")
    mix_nuclear_smr: float = _default("mix_nuclear_smr")
    mix_hydro: float = _default("mix_hydro")
    mix_wind_onshore: float = _default("mix_wind_onshore")
    mix_wind_offshore: float = _default("mix_wind_offshore")
    mix_solar_pv_utility: float = _default("mix_solar_pv_utility")
    mix_solar_plus_storage: float = _default("mix_solar_plus_storage")
    mix_geothermal: float = _default("mix_geothermal")
    lead_coal: float = _default("lead_coal")
    lead_gas_ccgt: float = _default("lead_gas_ccgt")
    lead_gas_peaker: float = _default("lead_gas_peaker")
    lead_nuclear_large: float = _default("lead_nuclear_large")
    lead_nuclear_smr: float = _default("lead_nuclear_smr")
    lead_hydro: float = _default("lead_hydro")
    lead_wind_onshore: float = _default("lead_wind_onshore")
    lead_wind_offshore: float = _default("lead_wind_offshore")
    lead_solar_pv_utility: float = _default("lead_solar_pv_utility")
    lead_solar_plus_storage: float = _default("lead_solar_plus_storage")
    lead_geothermal: float = _default("lead_geothermal")
    chip_stock_base_h100e: float = _default("chip_stock_base_h100e")
    chip_production_base_h100e: float = _default("chip_production_base_h100e")
    chip_production_growth: float = _default("chip_production_growth")
    chip_lifetime_years: float = _default("chip_lifetime_years")
    us_chip_share: float = _default("us_chip_share")
    h100e_price_usd: float = _default("h100e_price_usd")
    chip_price_performance_growth: float = _default("chip_price_performance_growth")
    ai_capex_base_usd: float = _default("ai_capex_base_usd")
    ai_capex_growth: float = _default("ai_capex_growth")
    capex_gdp_cap_share: float = _default("capex_gdp_cap_share")
    gdp_base_usd: float = _default("gdp_base_usd")
    gdp_growth: float = _default("gdp_growth")
    campus_power_base_gw: float = _default("campus_power_base_gw")
    campus_growth: float = _default("campus_growth")
    campus_max_gw: float = _default("campus_max_gw")
    training_sites: int = _default("training_sites")
    data_stock_tokens: float = _default("data_stock_tokens")
    data_stock_growth: float = _default("data_stock_growth")
    latency_wall_flop: float = _default("latency_wall_flop")
    efficiency_ceiling_flop_per_j: float = _default("efficiency_ceiling_flop_per_j")
    wall_threshold_share: float = _default("wall_threshold_share")
    active_params: float = _default("active_params")
    input_tokens: float = _default("input_tokens")
    output_tokens: float = _default("output_tokens")
    queries_per_day: float = _default("queries_per_day")
    inference_utilization: float = _default("inference_utilization")

    def mix_weights(self) -> dict[str, float]:
        """The generation-mix weights by source id, as entered (not normalised)."""
        return {sid: float(getattr(self, f"mix_{sid}")) for sid in SOURCE_IDS}

    def lead_times(self) -> dict[str, float]:
        """Mid lead time from decision to first power, by source id. [years]"""
        return {sid: float(getattr(self, f"lead_{sid}")) for sid in SOURCE_IDS}

    def training_tokens(self) -> float:
        """Tokens for the training run: 20 per parameter when compute-optimal. [tokens]"""
        return 20.0 * self.params if self.compute_optimal else self.tokens


#: Inputs that only count for some values of another: input -> (the other input, the
#: value it needs). Otherwise the model ignores the input, and the sidebar disables it.
USED_ONLY_WHEN: dict[str, tuple[str, Any]] = {
    "custom_efficiency_x_h100": ("chip", CUSTOM_CHIP),
    "tokens": ("compute_optimal", False),
    "frontier_flop_base": ("frontier_basis", "flop"),
    "frontier_params": ("frontier_basis", "params"),
}


def ignored_inputs(values: Scenario | Mapping[str, Any]) -> frozenset[str]:
    """The inputs the model ignores for these values (a Scenario, or input names to
    values, missing ones taking their defaults): see USED_ONLY_WHEN."""
    get = (
        (lambda name: getattr(values, name))
        if isinstance(values, Scenario)
        else (lambda name: values.get(name, INPUTS_BY_NAME[name].default))
    )
    return frozenset(name for name, (by, needs) in USED_ONLY_WHEN.items() if get(by) != needs)


#: The options of the choice inputs whose options come from a catalog table, by input
#: name (model.scenario_io.choice_options builds it from a Catalog).
Choices = Mapping[str, tuple[str, ...]]


class InputValueError(ValueError):
    """A value an input cannot take.

    str(error) names the input and the value (for a scenario file); `reason` says why in
    a few words without them, and `bounds` holds the range a number fell outside, so a
    message elsewhere (the URL warning) can word it in its own number format.
    """

    def __init__(
        self, name: str, reason: str, message: str, bounds: tuple[float, float] | None = None
    ) -> None:
        super().__init__(f"{name}: {message}")
        self.name = name
        self.reason = reason
        self.bounds = bounds


def parse_value(spec: InputSpec, value: Any, choices: Choices | None) -> Any:
    """The one check of a value against the inputs table: `value` coerced to the input's
    kind, or InputValueError saying why not (model/link.py reads a link's text into a
    value first, then checks it here).

    `choices` gives the catalog's options for the inputs whose options come from a table
    (`spec.options_from`); None checks only that such a value is a string.
    """
    name = spec.name
    if spec.kind == "bool":
        if isinstance(value, bool):
            return value
        raise InputValueError(
            name, "expected true or false", f"expected true or false, got {value!r}"
        )
    if spec.kind == "choice":
        allowed = spec.options or (choices or {}).get(name, ())
        unchecked = not spec.options and choices is None
        if isinstance(value, str) and (unchecked or value in allowed):
            return value
        raise InputValueError(
            name, "not one of the options", f"{value!r} is not one of the options"
        )
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InputValueError(name, "not a number", f"expected a number, got {value!r}")
    try:
        number = float(value)
    except OverflowError:  # an int too large for a float
        number = math.inf
    assert spec.min is not None
    assert spec.max is not None
    bounds = (spec.min, spec.max)
    if not math.isfinite(number):
        raise InputValueError(name, "not a finite number", f"{value!r} is not a finite number")
    if not spec.min <= number <= spec.max:
        raise InputValueError(
            name,
            f"outside {spec.min:g} to {spec.max:g}",
            f"{number:g} is outside {spec.min:g} to {spec.max:g}",
            bounds,
        )
    if spec.kind == "int":
        if number != int(number):
            raise InputValueError(
                name, "not a whole number", f"expected a whole number, got {value!r}"
            )
        return int(number)
    return number


def scenario_from_mapping(values: Mapping[str, Any], choices: Choices | None = None) -> Scenario:
    """Build a Scenario from input names to values, each checked by parse_value.

    `choices`: the catalog's options (model.scenario_io.choice_options); pass them
    wherever a catalog is at hand, since without them a chip or grid is only checked to
    be a string. Raises ValueError naming every unknown key and every invalid value at once.
    """
    unknown = sorted(set(values) - set(INPUTS_BY_NAME))
    problems = [f"unknown input {name!r}" for name in unknown]
    clean: dict[str, Any] = {}
    for name, value in values.items():
        if name in unknown:
            continue
        try:
            clean[name] = parse_value(INPUTS_BY_NAME[name], value, choices)
        except InputValueError as err:
            problems.append(str(err))
    if problems:
        raise ValueError("; ".join(problems))
    return dataclasses.replace(Scenario(), **clean)


def scenario_to_dict(scenario: Scenario) -> dict[str, Any]:
    """The scenario as input names to plain values (the inverse of scenario_from_mapping)."""
    return dataclasses.asdict(scenario)
