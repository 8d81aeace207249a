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


#: Sidebar groups, in display order, with their titles.
GROUPS: dict[str, str] = {
    "hardware": "Chips & facility",
    "train": "Training run",
    "growth": "Growth & demand",
    "supply": "Power supply & mix",
    "serve": "Serving (inference)",
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
        "set under Power supply & mix.",
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
        "efficiency_doubling_years",
        "Efficiency doubling time",
        "years",
        "float",
        1.5,
        "growth",
        "Epoch AI 2024 (power insight): hardware 12x and lower precision 8x per "
        "decade = 1.28 x 1.23 = 1.57x/yr, doubling in 1.5 y. Others: +50%/yr for leading "
        "hardware (1.7 y); 1.28x/yr hardware alone (2.8 y); 1.40x/yr leading GPUs (2.1 y)",
        min=0.5,
        max=8.0,
        step=0.1,
        help="Years for useful FLOP per joule at the wall to double (hardware and lower "
        "precision). Sources disagree: 1.5 to 2.8 years.",
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
        "frontier_runs",
        "Frontier-scale runs at once",
        "runs",
        "int",
        3,
        "growth",
        "Assumption: 2-3 runs above 1e26 FLOP were published in 2025 (Epoch AI Notable "
        "Models dataset)",
        min=1,
        max=20,
        step=1,
        help="How many labs train at the frontier's scale in parallel.",
    ),
    InputSpec(
        "other_ai_power_base_gw",
        "Other AI power in 2025",
        "GW",
        "float",
        10.0,
        "growth",
        "Derived: US AI power about 5 GW (EPRI/Epoch 2025) over the US share of "
        "data-centre electricity, 183/415 TWh (IEA 2025) = 11 GW world, less "
        "frontier training",
        min=0.5,
        max=100.0,
        step=0.5,
        help="Inference and all smaller training, worldwide, as average power.",
    ),
    InputSpec(
        "other_ai_growth",
        "Other AI power growth",
        "x per year",
        "float",
        1.5,
        "growth",
        "EPRI/Epoch 2025: US AI power from ~5 GW to >50 GW by 2030 (1.58x/yr); IEA 2025: "
        "accelerated servers +30%/yr",
        min=1.0,
        max=3.0,
        step=0.05,
        help="Yearly multiplier of inference and smaller training demand.",
    ),
    # Supply: what can be built.
    InputSpec(
        "supply_base_gw",
        "Power available to AI in 2025",
        "GW",
        "float",
        15.0,
        "supply",
        "Derived: ~11 GW of AI load worldwide (see 'Other AI power') plus ~4 GW of "
        "1-GW-class campuses due in 2026 (Colossus 2, Stargate Abilene, Prometheus, "
        "Rainier; news reports)",
        min=1.0,
        max=200.0,
        step=1.0,
        help="Average power that AI can draw in the base year, including capacity "
        "already being energised.",
    ),
    InputSpec(
        "pipeline_gw",
        "Capacity already being built for AI",
        "GW (average power)",
        "float",
        30.0,
        "supply",
        "Derived: LBNL 2024 puts US data-centre load at 37-66 GW average in 2028 "
        "(325-580 TWh) against 20 GW in 2023 (176 TWh); we take 30 GW worldwide for AI, "
        "arriving evenly over 2026-2028",
        min=0.0,
        max=300.0,
        step=1.0,
        help="Capacity committed before the base year, whatever the mix below; it "
        "arrives evenly over the first three years.",
    ),
    InputSpec(
        "build_rate_gw_per_yr",
        "New capacity started for AI",
        "GW nameplate per year",
        "float",
        40.0,
        "supply",
        "Derived: reaching >100 GW of AI power by 2030 (EPRI/Epoch 2025) needs ~20 GW/yr "
        "delivered, ~40 GW/yr nameplate at a capacity factor of 0.5. For scale: the US "
        "added 48.6 GW of all kinds in 2024 (EIA)",
        min=0.0,
        max=500.0,
        step=5.0,
        help="Nameplate capacity started each year for AI; each source delivers after "
        "its lead time, at its capacity factor.",
    ),
    *(
        InputSpec(
            f"mix_{sid}",
            _MIX_LABELS[sid],
            "weight (normalised to %)",
            "float",
            _MIX_DEFAULTS[sid],
            "supply",
            _EMBER_2024 if _MIX_DEFAULTS[sid] else "Not in the 2024 world mix default",
            min=0.0,
            max=100.0,
            step=0.1,
            help="Relative weight of this source in new AI power; the weights are "
            "normalised to shares that add to 100%.",
        )
        for sid in SOURCE_IDS
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
    efficiency_doubling_years: float = _default("efficiency_doubling_years")
    run_days_base: float = _default("run_days_base")
    run_length_growth: float = _default("run_length_growth")
    run_days_cap: float = _default("run_days_cap")
    frontier_runs: int = _default("frontier_runs")
    other_ai_power_base_gw: float = _default("other_ai_power_base_gw")
    other_ai_growth: float = _default("other_ai_growth")
    supply_base_gw: float = _default("supply_base_gw")
    pipeline_gw: float = _default("pipeline_gw")
    build_rate_gw_per_yr: float = _default("build_rate_gw_per_yr")
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
    active_params: float = _default("active_params")
    input_tokens: float = _default("input_tokens")
    output_tokens: float = _default("output_tokens")
    queries_per_day: float = _default("queries_per_day")
    inference_utilization: float = _default("inference_utilization")

    def mix_weights(self) -> dict[str, float]:
        """The generation-mix weights by source id, as entered (not normalised)."""
        return {sid: float(getattr(self, f"mix_{sid}")) for sid in SOURCE_IDS}

    def training_tokens(self) -> float:
        """Tokens for the training run: 20 per parameter when compute-optimal. [tokens]"""
        return 20.0 * self.params if self.compute_optimal else self.tokens


def validate_value(spec: InputSpec, value: Any, options: tuple[str, ...] = ()) -> Any:
    """Return `value` coerced to the input's kind, or raise ValueError saying why not.

    `options` lists the valid choices for a choice input whose options come from a
    catalog table; fixed options come from the spec itself.
    """
    if spec.kind == "bool":
        if isinstance(value, bool):
            return value
        raise ValueError(f"{spec.name}: expected true or false, got {value!r}")
    if spec.kind == "choice":
        allowed = spec.options or options
        if isinstance(value, str) and (not allowed or value in allowed):
            return value
        raise ValueError(f"{spec.name}: {value!r} is not one of the options")
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{spec.name}: expected a number, got {value!r}")
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"{spec.name}: {value!r} is not a finite number")
    assert spec.min is not None
    assert spec.max is not None
    if not spec.min <= number <= spec.max:
        raise ValueError(f"{spec.name}: {number:g} is outside {spec.min:g} to {spec.max:g}")
    if spec.kind == "int":
        if number != int(number):
            raise ValueError(f"{spec.name}: expected a whole number, got {value!r}")
        return int(number)
    return number


def scenario_from_mapping(values: Mapping[str, Any]) -> Scenario:
    """Build a Scenario from input names to values, validating each against the table.

    Raises ValueError naming every unknown key and every invalid value at once.
    """
    unknown = sorted(set(values) - set(INPUTS_BY_NAME))
    problems = [f"unknown input {name!r}" for name in unknown]
    clean: dict[str, Any] = {}
    for name, value in values.items():
        if name in unknown:
            continue
        try:
            clean[name] = validate_value(INPUTS_BY_NAME[name], value)
        except ValueError as err:
            problems.append(str(err))
    if problems:
        raise ValueError("; ".join(problems))
    return dataclasses.replace(Scenario(), **clean)


def scenario_to_dict(scenario: Scenario) -> dict[str, Any]:
    """The scenario as input names to plain values (the inverse of scenario_from_mapping)."""
    return dataclasses.asdict(scenario)
