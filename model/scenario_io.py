"""Scenario files: the scenario as JSON, its time series as CSV, packed with a methods note.

Everything here works on strings and bytes (no disk): the page hands over what a user
uploaded and offers what these functions return as a download. A malformed file raises
one ScenarioFileError whose message says what is wrong, naming the keys involved.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from model import grid
from model.catalog import Catalog, chip_names, default_catalog, grid_ids
from model.constants import HOURS_PER_YEAR
from model.scenario import (
    CUSTOM_CHIP,
    INPUTS,
    INPUTS_BY_NAME,
    MY_MIX_GRID,
    InputValueError,
    Scenario,
    parse_value,
    scenario_from_mapping,
    scenario_to_dict,
)

#: What the "format" field of a scenario file says.
FILE_FORMAT = "ai-energy-dashboard scenario"
#: Largest scenario file accepted; a full scenario is about 1.5 kB. [bytes]
MAX_FILE_BYTES = 64_000
#: Longest scenario name kept in a file. [characters]
MAX_NAME_CHARS = 40
#: Top-level keys a scenario file may hold.
FILE_KEYS = ("format", "app_version", "name", "inputs")
#: Names of the files inside the export zip.
ZIP_SCENARIO, ZIP_TIMESERIES, ZIP_METHODS = "scenario.json", "timeseries.csv", "methods.md"
#: The verdicts of the Test the claims page (model.claims.claims_table), when included.
ZIP_CLAIMS = "claims.csv"
#: The saved scenarios of Compare & share side by side, when there are any: their yearly
#: series (a block of columns per scenario) and their inputs (a column per scenario,
#: with each input's unit and the source of its default).
ZIP_SAVED_TIMESERIES, ZIP_SAVED_INPUTS = "saved_timeseries.csv", "saved_inputs.csv"
#: First characters that make a spreadsheet read a cell as a formula (OWASP, "CSV
#: Injection"): a scenario name that starts with one gets a leading apostrophe.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: Fixed timestamp for zip members, so the same scenario always gives the same bytes.
_ZIP_DATE = (2025, 1, 1, 0, 0, 0)
#: Most problems listed in one message before "and N more".
_MAX_PROBLEMS = 6
#: Longest number a file may hold, as written; the largest input maximum, 1e28 FLOP,
#: has 29 digits in full. Python refuses to convert integers over 4,300 digits with a
#: message meant for programmers, and reads a long decimal as inf, so longer numbers are
#: refused here first. [characters]
MAX_NUMBER_CHARS = 40
#: Zip compression methods accepted: their readers unpack no more than a read asks for.
#: zipfile's bzip2 and LZMA readers unpack a whole compressed block at once, so a small
#: member whose header understates its size can unpack to many megabytes.
ZIP_METHODS_READ = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)

#: Inputs of earlier versions that this one no longer has, with what a reader of an old
#: link or file is told. Values are never converted: each replacement measures something
#: else. The URL handling (ui/url.py) and the file import both read this table.
RETIRED_INPUTS: Mapping[str, str] = MappingProxyType(
    {
        "other_ai_growth": (
            "'other_ai_growth' (Other AI power growth, x per year) was retired in version "
            "0.2.0. It is replaced by 'serving_compute_growth' (Serving & other AI compute "
            "growth, x per year), which measures compute rather than power, so the old "
            "value was not carried over and the new input keeps its default"
        ),
        "frontier_runs": (
            "'frontier_runs' (Frontier-scale runs at once) was retired in version 0.3.0, when the "
            "projection became one "
            "economy of chips, power and money. The largest run now takes its share of frontier "
            "training compute ('run_share_of_training'). The old value was not carried over"
        ),
        "other_ai_power_base_gw": (
            "'other_ai_power_base_gw' (Serving & other AI power in 2025) was retired in version "
            "0.3.0, when the projection became one "
            "economy of chips, power and money. It is now set per region "
            "('serving_power_base_gw_us', 'serving_power_base_gw_row'). The old value was not "
            "carried over"
        ),
        "other_ai_compute_growth": (
            "'other_ai_compute_growth' (Serving & other AI compute growth) was retired in version "
            "0.3.0, when the projection became one "
            "economy of chips, power and money. It is now 'serving_compute_growth', which serving "
            "demand also scales by its price response. The old value was not carried over"
        ),
        "efficiency_doubling_years": (
            "'efficiency_doubling_years' (Efficiency doubling time) was retired in version 0.3.0, "
            "when the projection became one "
            "economy of chips, power and money. Efficiency is now the chips' own gain "
            "('hardware_efficiency_growth') times number-format gains that stop at FP4 "
            "('precision_gain_growth', 'precision_gain_max'), kept by each year's chips. The old "
            "value was not carried over"
        ),
        "chip_stock_growth": (
            "'chip_stock_growth' (AI chip stock growth to 2030) was retired in version 0.3.0, "
            "when the projection became one "
            "economy of chips, power and money. The chip stock is now built from what the chip "
            "makers deliver ('chip_production_base_h100e', 'chip_production_growth'), less "
            "retirements, when money and power allow. The old value was not carried over"
        ),
        "chip_stock_growth_late": (
            "'chip_stock_growth_late' (AI chip stock growth after 2030) was retired in version "
            "0.3.0, when the projection became one "
            "economy of chips, power and money. See 'chip_production_growth'. The old value was "
            "not carried over"
        ),
        "run_chip_share": (
            "'run_chip_share' (Largest run's share of world chips) was retired in version 0.3.0, "
            "when the projection became one "
            "economy of chips, power and money. The largest run now takes 'run_share_of_training' "
            "of frontier training compute. The old value was not carried over"
        ),
        "run_budget_base_usd": (
            "'run_budget_base_usd' (Largest run's budget in 2025) was retired in version 0.3.0, "
            "when the projection became one "
            "economy of chips, power and money. Money is now AI's capital spending "
            "('ai_capex_base_usd', 'ai_capex_growth'), capped at a share of world GDP, which buys "
            "chips and pays the electricity bill. The old value was not carried over"
        ),
        "run_budget_growth": (
            "'run_budget_growth' (Budget growth) was retired in version 0.3.0, when the "
            "projection became one "
            "economy of chips, power and money. See 'ai_capex_growth'. The old value was not "
            "carried over"
        ),
        "hardware_cost_base_usd_per_eflop": (
            "'hardware_cost_base_usd_per_eflop' (Hardware cost per 1e18 FLOP in 2025) was retired "
            "in version 0.3.0, when the projection became one "
            "economy of chips, power and money. Chips are now priced per installed "
            "H100-equivalent ('h100e_price_usd'). The old value was not carried over"
        ),
        "price_performance_growth": (
            "'price_performance_growth' (Hardware FLOP per dollar growth) was retired in version "
            "0.3.0, when the projection became one "
            "economy of chips, power and money. It is now 'chip_price_performance_growth', "
            "without the number-format gains (those are in 'precision_gain_growth'). The old "
            "value was not carried over"
        ),
        "supply_base_gw": (
            "'supply_base_gw' (Power available to AI in 2025) was retired in version 0.3.0, when "
            "the projection became one "
            "economy of chips, power and money. Power inputs are now set per region: "
            "'supply_base_gw_us' and 'supply_base_gw_row'. The old value was not carried over"
        ),
        "pipeline_gw": (
            "'pipeline_gw' (Capacity already being built for AI) was retired in version 0.3.0, "
            "when the projection became one "
            "economy of chips, power and money. It is now set per region: 'pipeline_gw_us' and "
            "'pipeline_gw_row'. The old value was not carried over"
        ),
        "build_rate_gw_per_yr": (
            "'build_rate_gw_per_yr' (New capacity started for AI) was retired in version 0.3.0, "
            "when the projection became one "
            "economy of chips, power and money. It is now set per region: "
            "'build_rate_gw_per_yr_us' and 'build_rate_gw_per_yr_row'. The old value was not "
            "carried over"
        ),
        "queue_years": (
            "'queue_years' (Grid connection wait) was retired in version 0.3.0, when the "
            "projection became one "
            "economy of chips, power and money. It is now set per region: 'queue_years_us' (LBNL) "
            "and 'queue_years_row'. The old value was not carried over"
        ),
        "behind_meter_share": (
            "'behind_meter_share' (Built behind the meter) was retired in version 0.3.0, when the "
            "projection became one "
            "economy of chips, power and money. It is now set per region: 'behind_meter_share_us' "
            "and 'behind_meter_share_row'. The old value was not carried over"
        ),
        "build_cap_share": (
            "'build_cap_share' (AI's share of the world's build) was retired in version 0.3.0, "
            "when the projection became one "
            "economy of chips, power and money. It is now set per region: 'build_cap_share_us' "
            "and 'build_cap_share_row'. The old value was not carried over"
        ),
        "flexible_headroom_gw": (
            "'flexible_headroom_gw' (Grid headroom for flexible load) was retired in version "
            "0.3.0, when the projection became one "
            "economy of chips, power and money. It is now set per region: "
            "'flexible_headroom_gw_us' (Duke) and 'flexible_headroom_gw_row'. The old value was "
            "not carried over"
        ),
        "scarcity_adder_usd_per_mwh": (
            "'scarcity_adder_usd_per_mwh' (Price adder in a shortage) was retired in version "
            "0.3.0, when the projection became one "
            "economy of chips, power and money. It is now set per region and rises smoothly with "
            "how much of its supply AI wants: 'scarcity_adder_usd_per_mwh_us', "
            "'scarcity_adder_usd_per_mwh_row'. The old value was not carried over"
        ),
    }
)


class ScenarioFileError(ValueError):
    """A scenario file that cannot be read; the message is meant for the user."""


@dataclass(frozen=True)
class LoadedScenario:
    """A scenario read from a file, with what the reader should be told about it."""

    scenario: Scenario
    name: str
    app_version: str
    #: Inputs the file did not set (they keep their defaults).
    missing: tuple[str, ...]
    #: What to tell the reader about inputs of earlier versions the file set (ignored).
    retired: tuple[str, ...] = ()


def retired_note(key: object) -> str | None:
    """What to say about an input an earlier version had and this one does not, or None."""
    if not isinstance(key, str) or key in INPUTS_BY_NAME:
        # A key is retired only once the inputs table has dropped it.
        return None
    return RETIRED_INPUTS.get(key)


def choice_options(catalog: Catalog) -> dict[str, tuple[str, ...]]:
    """Allowed values of the choice inputs whose options come from the data tables."""
    return {
        "chip": (*chip_names(catalog), CUSTOM_CHIP),
        "grid": (*grid_ids(catalog), MY_MIX_GRID),
    }


def scenario_document(scenario: Scenario, app_version: str, name: str = "") -> dict[str, Any]:
    """The scenario as a JSON-ready dict: format, app version, optional name, every input."""
    doc: dict[str, Any] = {"format": FILE_FORMAT, "app_version": app_version}
    if name:
        doc["name"] = name[:MAX_NAME_CHARS]
    doc["inputs"] = scenario_to_dict(scenario)
    return doc


def scenario_to_json(scenario: Scenario, app_version: str, name: str = "") -> str:
    """The scenario file's text (pretty-printed JSON, inputs in table order)."""
    return json.dumps(scenario_document(scenario, app_version, name), indent=2) + "\n"


def _reject_constant(token: str) -> None:
    raise ScenarioFileError(f"The file holds {token}, which is not a number a scenario may use.")


def _summary(problems: list[str], sep: str = "; ") -> str:
    """The first _MAX_PROBLEMS items joined, then how many more there are."""
    shown = problems[:_MAX_PROBLEMS]
    more = len(problems) - len(shown)
    return sep.join(shown) + (f"{sep}and {more} more" if more > 0 else "")


def _check_number_length(text: str) -> str:
    if len(text) > MAX_NUMBER_CHARS:
        raise ScenarioFileError(
            f"The file holds a number written with {len(text):,} characters "
            f"({text[:12]}...); scenario inputs are numbers of at most {MAX_NUMBER_CHARS} "
            "characters, such as 1.5 or 4.64e+26."
        )
    return text


def _parse_int(text: str) -> int:
    return int(_check_number_length(text))


def _parse_float(text: str) -> float:
    return float(_check_number_length(text))


def _decode(data: bytes | str, in_zip: bool = False) -> Any:
    if len(data) > MAX_FILE_BYTES:
        raise ScenarioFileError(
            f"The file is {len(data):,} bytes; scenario files are at most "
            f"{MAX_FILE_BYTES:,} bytes (a full scenario is about 2 kB)."
        )
    if isinstance(data, bytes):
        if data.startswith(b"PK\x03\x04"):
            if in_zip:  # one level only: a zip inside a zip could contain itself
                raise ScenarioFileError(f"{ZIP_SCENARIO} in the zip is itself a zip file.")
            return _decode(_scenario_from_zip(data), in_zip=True)
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ScenarioFileError(
                "The file is not text (UTF-8), so not a scenario JSON file."
            ) from None
    try:
        return json.loads(
            data, parse_constant=_reject_constant, parse_int=_parse_int, parse_float=_parse_float
        )
    except ScenarioFileError:
        raise
    except RecursionError:
        raise ScenarioFileError("The file is nested too deeply to be a scenario file.") from None
    except ValueError as err:
        raise ScenarioFileError(f"The file is not valid JSON ({err}).") from None


def _scenario_from_zip(data: bytes) -> bytes:
    """scenario.json from an export zip, refusing oversized members.

    The header's size can lie, so the member is also read with a hard cap, and only with
    compression methods whose reader honours that cap (ZIP_METHODS_READ).
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            try:
                info = archive.getinfo(ZIP_SCENARIO)
            except KeyError:
                raise ScenarioFileError(f"The zip file holds no {ZIP_SCENARIO}.") from None
            if info.compress_type not in ZIP_METHODS_READ:
                raise ScenarioFileError(
                    f"{ZIP_SCENARIO} in the zip is compressed with a method this app does not "
                    "unpack (only stored or deflated, as the dashboard's own export is)."
                )
            if info.file_size > MAX_FILE_BYTES:
                raise ScenarioFileError(
                    f"{ZIP_SCENARIO} in the zip is {info.file_size:,} bytes; at most "
                    f"{MAX_FILE_BYTES:,} bytes are accepted."
                )
            with archive.open(info) as member:
                content = member.read(MAX_FILE_BYTES + 1)
            if len(content) > MAX_FILE_BYTES:
                raise ScenarioFileError(
                    f"{ZIP_SCENARIO} in the zip unpacks to more than {MAX_FILE_BYTES:,} bytes."
                )
            return content
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, NotImplementedError) as err:
        raise ScenarioFileError(f"The zip file cannot be read ({err}).") from None
    except RuntimeError as err:  # encrypted members
        raise ScenarioFileError(f"The zip file cannot be read ({err}).") from None


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def scenario_from_document(doc: Any, catalog: Catalog | None = None) -> LoadedScenario:
    """Validate a parsed scenario file and build its Scenario; ScenarioFileError if bad."""
    if not isinstance(doc, dict):
        raise ScenarioFileError(
            f"A scenario file is a JSON object with an 'inputs' object; this one is a "
            f"{type(doc).__name__}."
        )
    problems: list[str] = []
    unknown = sorted(str(k) for k in doc if k not in FILE_KEYS)
    if unknown:
        problems.append("unknown top-level key(s) " + _summary([_short(k) for k in unknown], ", "))
    if doc.get("format", FILE_FORMAT) != FILE_FORMAT:
        problems.append(f"'format' must be {FILE_FORMAT!r}, not {_short(doc.get('format'))}")
    version = doc.get("app_version", "")
    if not isinstance(version, str) or len(version) > 20:
        problems.append(f"'app_version' must be a short text, not {_short(version)}")
        version = ""
    name = doc.get("name", "")
    if not isinstance(name, str):
        problems.append(f"'name' must be a text, not {_short(name)}")
        name = ""
    inputs = doc.get("inputs")
    if not isinstance(inputs, dict):
        problems.append(
            "'inputs' is missing"
            if inputs is None
            else "'inputs' must be an object of input values"
        )
        raise ScenarioFileError("Not a valid scenario file: " + _summary(problems) + ".")
    options = choice_options(catalog or default_catalog())
    retired = tuple(note for key in inputs if (note := retired_note(key)) is not None)
    unknown_inputs = sorted(
        str(k) for k in inputs if k not in INPUTS_BY_NAME and retired_note(k) is None
    )
    if unknown_inputs:
        problems.append("unknown input(s) " + _summary([_short(k) for k in unknown_inputs], ", "))
    clean: dict[str, Any] = {}
    for key, value in inputs.items():
        if key not in INPUTS_BY_NAME:
            continue
        try:
            clean[key] = parse_value(INPUTS_BY_NAME[key], value, options)
        except InputValueError as err:
            problems.append(_short_error(str(err)))
    if problems:
        raise ScenarioFileError("Not a valid scenario file: " + _summary(problems) + ".")
    scenario = scenario_from_mapping(clean, options)
    if sum(scenario.mix_weights().values()) <= 0:  # each weight is >= 0 by its range
        raise ScenarioFileError(
            "Not a valid scenario file: every generation-mix weight (mix_*) is zero; give "
            "at least one source a weight."
        )
    missing = tuple(spec.name for spec in INPUTS if spec.name not in clean)
    return LoadedScenario(scenario, name.strip()[:MAX_NAME_CHARS], version, missing, retired)


def _short_error(message: str) -> str:
    return message if len(message) <= 120 else message[:117] + "..."


def read_scenario_file(data: bytes | str, catalog: Catalog | None = None) -> LoadedScenario:
    """A scenario from an uploaded file's content (JSON, or the export zip).

    Raises ScenarioFileError with a readable message for anything that is not a valid,
    complete-or-partial scenario file: too large, not text, not JSON, wrong types,
    unknown keys, values outside the inputs table's ranges, unknown chips or grids.
    """
    return scenario_from_document(_decode(data), catalog)


#: Monte Carlo percentiles the export writes for each banded column.
PERCENTILES = ("p10", "p50", "p90")


def mix_intensity(scenario: Scenario, catalog: Catalog) -> float:
    """Lifecycle carbon intensity of the scenario's generation mix. [gCO2e/kWh]"""
    sources = catalog["generation_sources"]
    return float(grid.mix_intensity_g_per_kwh(scenario.mix_weights(), sources))


def _energy_mwh(power_gw: pd.Series) -> npt.NDArray[np.float64]:
    # An average load held all year: GW x 8760 h x 1000 MWh/GWh.
    return power_gw.to_numpy(dtype=np.float64) * HOURS_PER_YEAR * 1000.0


def timeseries_frame(
    frame: pd.DataFrame,
    bands: pd.DataFrame | None = None,
    carbon_intensity_g_per_kwh: float | None = None,
) -> pd.DataFrame:
    """The projection's yearly series, plus the Monte Carlo P10/P50/P90 bands if given.

    With the mix's `carbon_intensity_g_per_kwh` it adds, per year, the emissions of the
    power AI wants and of the power it gets (x 8760 h x intensity) and the electricity
    cost of the power it gets (x 8760 h x the projection's price); with bands too, the
    P10/P50/P90 of those emissions (the intensity is fixed across samples, so each
    percentile of emissions is that percentile of power x 8760 h x intensity).
    """
    out = frame.copy()
    out["energy_limited"] = out["energy_limited"].astype(bool)
    if carbon_intensity_g_per_kwh is not None:
        intensity = float(carbon_intensity_g_per_kwh)
        wanted, achieved = out["power_demand_gw"], out["power_achieved_gw"]
        out["emissions_wanted_tco2e_per_yr"] = grid.emissions_tco2e(_energy_mwh(wanted), intensity)
        out["emissions_achieved_tco2e_per_yr"] = grid.emissions_tco2e(
            _energy_mwh(achieved), intensity
        )
        out["electricity_cost_achieved_usd_per_yr"] = _energy_mwh(achieved) * out[
            "electricity_price_usd_per_mwh"
        ].to_numpy(np.float64)
    if bands is not None:
        out = out.merge(bands, on="year", how="left", validate="one_to_one")
        if carbon_intensity_g_per_kwh is not None:
            for level in PERCENTILES:
                column = f"power_achieved_gw_{level}"
                if column in out:
                    out[f"emissions_achieved_tco2e_per_yr_{level}"] = grid.emissions_tco2e(
                        _energy_mwh(out[column]), float(carbon_intensity_g_per_kwh)
                    )
    return out


def timeseries_csv(
    frame: pd.DataFrame,
    bands: pd.DataFrame | None = None,
    carbon_intensity_g_per_kwh: float | None = None,
) -> str:
    """The time series as CSV text, one row per year, full precision."""
    table = timeseries_frame(frame, bands, carbon_intensity_g_per_kwh)
    return table.to_csv(index=False, float_format="%.6g")


def spreadsheet_text(text: str) -> str:
    """A name as a CSV cell a spreadsheet shows as text: a leading apostrophe when it
    starts like a formula (FORMULA_STARTS)."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def saved_timeseries_frame(
    saved: Mapping[str, tuple[Scenario, pd.DataFrame]], catalog: Catalog
) -> pd.DataFrame:
    """The saved scenarios' yearly series side by side: the year, then a block of columns
    per scenario (name -> (scenario, its projection), in order), each block its
    timeseries_frame with emissions and cost (no Monte Carlo bands).

    The columns have two levels, (scenario name, column), the year's being ("scenario",
    "year"), so a CSV has two header rows: the scenario of each column, then the column.
    """
    blocks = []
    for name, (scenario, frame) in saved.items():
        block = timeseries_frame(frame, None, mix_intensity(scenario, catalog))
        block = block.set_index("year")
        block.columns = pd.MultiIndex.from_product([[spreadsheet_text(name)], block.columns])
        blocks.append(block)
    years = pd.DataFrame({("scenario", "year"): blocks[0].index.to_numpy()})
    series = pd.concat(blocks, axis=1).reset_index(drop=True)
    return pd.concat([years, series], axis=1)


def saved_inputs_frame(saved: Mapping[str, Scenario]) -> pd.DataFrame:
    """The saved scenarios' inputs side by side: a row per input with its label and unit,
    a column of values per scenario (in order), the default and the default's source."""
    table: dict[str, list[Any]] = {
        "input": [spec.name for spec in INPUTS],
        "label": [spec.label for spec in INPUTS],
        "unit": [spec.unit for spec in INPUTS],
    }
    for name, scenario in saved.items():
        table[spreadsheet_text(name)] = [getattr(scenario, spec.name) for spec in INPUTS]
    table["default"] = [spec.default for spec in INPUTS]
    table["source_of_default"] = [spec.source for spec in INPUTS]
    return pd.DataFrame(table)


def export_zip(
    scenario: Scenario,
    app_version: str,
    frame: pd.DataFrame,
    bands: pd.DataFrame | None = None,
    name: str = "",
    methods_md: str = "",
    claims: pd.DataFrame | None = None,
    catalog: Catalog | None = None,
    saved: Mapping[str, tuple[Scenario, pd.DataFrame]] | None = None,
) -> bytes:
    """One zip with scenario.json, timeseries.csv (with emissions and cost per year, and
    the Monte Carlo `bands` when given), methods.md (`methods_md`, the note ui/export_note.py
    writes), when given claims.csv (the claims' verdicts) and, when there are `saved`
    scenarios (name -> (scenario, its projection)), saved_timeseries.csv and
    saved_inputs.csv with each of them side by side; same input, same bytes."""
    cat = catalog or default_catalog()
    intensity = mix_intensity(scenario, cat)
    members = {
        ZIP_SCENARIO: scenario_to_json(scenario, app_version, name),
        ZIP_TIMESERIES: timeseries_csv(frame, bands, intensity),
        ZIP_METHODS: methods_md,
    }
    if claims is not None:
        members[ZIP_CLAIMS] = claims.to_csv(index=False)
    if saved:
        series = saved_timeseries_frame(saved, cat)
        members[ZIP_SAVED_TIMESERIES] = series.to_csv(index=False, float_format="%.6g")
        inputs = saved_inputs_frame({n: s for n, (s, _) in saved.items()})
        members[ZIP_SAVED_INPUTS] = inputs.to_csv(index=False)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for filename, text in members.items():
            info = zipfile.ZipInfo(filename, date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()
