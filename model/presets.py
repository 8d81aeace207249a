"""Named scenarios a user can start from, each a few inputs away from the defaults."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

import pandas as pd

from model.catalog import Catalog, item_row
from model.constants import HOURS_PER_YEAR
from model.grid import preset_weights
from model.scenario import (
    INPUTS_BY_NAME,
    SOURCE_IDS,
    Scenario,
    scenario_from_mapping,
    scenario_to_dict,
)

#: Capacity factor assumed to turn average-power growth into nameplate started per year;
#: the same 0.5 the default build rate uses (inputs table). [GW/GW]
NAMEPLATE_CAPACITY_FACTOR = 0.5


def iea_data_centre_twh(year: int, catalog: Catalog) -> float:
    """IEA 'Energy and AI' (2025) world data-centre electricity, from data/datacenter.csv."""
    table = catalog["datacenter"]
    return float(item_row(table, "dc_electricity_iea", region="world", year=year)["value"])


def iea_build_rate_gw_per_yr(catalog: Catalog) -> float:
    """Nameplate per year that matches IEA's data-centre growth 2024-2030. [GW/yr]

    (945 - 415) TWh / 6 yr = 88.3 TWh/yr more each year; / 8760 h = 10.1 GW of average
    power per year; / capacity factor 0.5 = 20.2 GW nameplate per year.
    """
    growth = iea_data_centre_twh(2030, catalog) - iea_data_centre_twh(2024, catalog)
    average_gw_per_yr = growth / (2030 - 2024) * 1000.0 / HOURS_PER_YEAR  # TWh -> GWh, / h
    return average_gw_per_yr / NAMEPLATE_CAPACITY_FACTOR


@dataclass(frozen=True)
class Preset:
    """A named scenario: the inputs it changes from the defaults, and where they come from."""

    name: str
    source: str
    #: Input name -> value, as (name, value) pairs; every other input keeps its default.
    changes: tuple[tuple[str, Any], ...]

    def scenario(self) -> Scenario:
        """The defaults with this preset's changes applied (validated by the inputs table)."""
        return scenario_from_mapping(dict(self.changes))

    def describe(self) -> str:
        """The changes in words: 'Efficiency doubling time 1 years', mix weights as %."""
        parts = []
        mix_zeroed = False
        for name, value in self.changes:
            spec = INPUTS_BY_NAME[name]
            if name.startswith("mix_"):
                if value:
                    parts.append(f"{spec.label} {value:g}%")
                else:
                    mix_zeroed = True
            else:
                unit = f"x {spec.unit[2:]}" if spec.unit.startswith("x ") else f" {spec.unit}"
                if value == 1 and unit.endswith("s"):
                    unit = unit[:-1]  # "1 year", not "1 years"
                parts.append(f"{spec.label} {value:g}{unit}")
        if mix_zeroed:
            parts.append("other sources 0%")
        return ", ".join(parts)

    def values(self) -> dict[str, Any]:
        """Every input's value under this preset, by input name."""
        return scenario_to_dict(self.scenario())


def mix_changes(preset_id: str, presets: pd.DataFrame) -> tuple[tuple[str, Any], ...]:
    """Mix weights of a data/mix_presets.csv preset as input changes (unlisted sources 0)."""
    weights = preset_weights(preset_id, presets)
    return tuple((f"mix_{sid}", float(weights.get(sid, 0.0))) for sid in SOURCE_IDS)


def _mix_source(preset_id: str, catalog: Catalog) -> str:
    weights = preset_weights(preset_id, catalog["mix_presets"])
    labels = catalog["generation_sources"].set_index("source_id")["label"]
    parts = ", ".join(f"{w:g}% {labels[sid]}" for sid, w in weights.items())
    return (
        f"Illustrative mix (data/mix_presets.csv): {parts}; per-source lead times and "
        "costs from data/generation_sources.csv"
    )


def mix_scenario(scenario: Scenario, preset_id: str, catalog: Catalog) -> Scenario:
    """`scenario` with the mix of a data/mix_presets.csv preset (unlisted sources 0).

    Reads the preset's rows through the catalog's lookup: claims 4's three mixes are made
    on every rerun of The question and Test the claims, and a pandas mask for each took
    about 1.5 ms."""
    rows = catalog.rows_by("mix_presets", "preset_id").get(preset_id)
    if not rows:
        raise ValueError(f"unknown mix preset {preset_id!r}")
    weights = {str(row["source_id"]): float(row["share"]) for row in rows}
    changes: dict[str, Any] = {f"mix_{sid}": weights.get(sid, 0.0) for sid in SOURCE_IDS}
    return dataclasses.replace(scenario, **changes)


def all_presets(catalog: Catalog) -> tuple[Preset, ...]:
    """The named presets, in the order the compare page lists them. Each tells a different
    story: which step binds the fleet and the largest run, and when the wall comes."""
    cat = catalog
    table = cat["mix_presets"]
    build = round(iea_build_rate_gw_per_yr(cat) / 2 / 5.0) * 5.0
    return (
        Preset(
            "Trend continues",
            "Epoch AI 2024: frontier compute 4x/yr, chip FLOP per joule 1.28x/yr and number "
            "formats 1.23x/yr until FP4, runs 1.15x longer per year (the dashboard's defaults)",
            (
                ("compute_growth", 4.0),
                ("hardware_efficiency_growth", 1.28),
                ("run_length_growth", 1.15),
            ),
        ),
        Preset(
            "Energy is the limit",
            "Today's build-out speed: IEA 'Energy and AI' (2025) has data centres going "
            "from 415 to 945 TWh in 2024-30, +10 GW a year, about 20 GW/yr of nameplate "
            "worldwide, split evenly between the US and the rest of the world",
            (("build_rate_gw_per_yr_us", build), ("build_rate_gw_per_yr_row", build)),
        ),
        Preset("Nuclear bet", _mix_source("nuclear_bet", cat), mix_changes("nuclear_bet", table)),
        Preset("Gas bridge", _mix_source("gas_bridge", cat), mix_changes("gas_bridge", table)),
        Preset(
            "Solar + storage sprint",
            _mix_source("solar_storage_sprint", cat),
            mix_changes("solar_storage_sprint", table),
        ),
        Preset(
            "Flexible data centres",
            "Norris et al., Duke Nicholas Institute 'Rethinking Load Growth' (2025): 98 GW of "
            "new load fits on the US grid if it accepts curtailment in 0.5% of hours",
            (("flexible_headroom_gw_us", 98.0),),
        ),
        Preset(
            "Chips run out",
            "Epoch AI 2024's low case: ~20-40M H100-equivalents by 2030; chip production "
            "growing 1.1x/yr from 10M in 2025 leaves ~60M in service in 2030",
            (("chip_production_growth", 1.1),),
        ),
        Preset(
            "Money runs out",
            "Assumption: AI capital spending stops growing at its 2025 level (~$400B/yr, "
            "company reports), as after the telecom boom of 2000",
            (("ai_capex_growth", 1.0),),
        ),
        Preset(
            "Efficiency breakthrough",
            "Epoch AI 2024: leading chips gained ~1.4x/yr in FLOP per joule (against 1.28x/yr "
            "for GPUs overall); assumed to last to 2040",
            (("hardware_efficiency_growth", 1.4),),
        ),
    )


def preset_by_name(name: str, catalog: Catalog) -> Preset:
    """The preset called `name`; ValueError naming the known presets otherwise."""
    for preset in all_presets(catalog):
        if preset.name == name:
            return preset
    known = ", ".join(p.name for p in all_presets(catalog))
    raise ValueError(f"unknown preset {name!r}; known presets: {known}")
