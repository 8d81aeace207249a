"""Named scenarios a user can start from, each a few inputs away from the defaults."""

from __future__ import annotations

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


def all_presets(catalog: Catalog) -> tuple[Preset, ...]:
    """The named presets, in the order the compare page lists them."""
    cat = catalog
    table = cat["mix_presets"]
    default = Scenario()
    return (
        Preset(
            "Trend continues",
            "Epoch AI 2024: frontier compute 4x/yr, FLOP per joule doubling every 1.5 y, "
            "runs 1.15x longer per year (the dashboard's defaults)",
            (
                ("compute_growth", 4.0),
                ("efficiency_doubling_years", 1.5),
                ("run_length_growth", 1.15),
            ),
        ),
        Preset(
            "Energy is the limit",
            "Today's build-out speed: IEA 'Energy and AI' (2025) has data centres going "
            "from 415 to 945 TWh in 2024-30, +10 GW a year, about 20 GW/yr of nameplate",
            (("build_rate_gw_per_yr", round(iea_build_rate_gw_per_yr(cat) / 5.0) * 5.0),),
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
            (("flexible_headroom_gw", 98.0),),
        ),
        Preset(
            "Chips run out",
            "Epoch AI 2024: ~100M H100-equivalents for training by 2030; from ~15M at the end "
            "of 2025 that is (100/15)^(1/5) = 1.46x/yr, against 3.3x/yr for recent chip sales",
            (("chip_stock_growth", 1.5),),
        ),
        Preset(
            "Efficiency breakthrough",
            "Assumption: FLOP per joule doubles every year instead of every "
            f"{default.efficiency_doubling_years:g} y (Epoch AI 2024), as if lower precision "
            "and specialised chips kept compounding at their best historical pace",
            (("efficiency_doubling_years", 1.0),),
        ),
    )


def preset_by_name(name: str, catalog: Catalog) -> Preset:
    """The preset called `name`; ValueError naming the known presets otherwise."""
    for preset in all_presets(catalog):
        if preset.name == name:
            return preset
    known = ", ".join(p.name for p in all_presets(catalog))
    raise ValueError(f"unknown preset {name!r}; known presets: {known}")
