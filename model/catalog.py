"""Loads and validates the CSV facts in data/ (the only module of model/ that reads files)."""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from model.scenario import INPUTS_BY_NAME, SOURCE_IDS

#: The data folder shipped with the app.
DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True)
class TableSchema:
    """What a data file must hold: numeric columns, columns that may not be blank."""

    file: str
    numeric: tuple[str, ...]
    required: tuple[str, ...]
    positive: tuple[str, ...] = ()


SCHEMAS: dict[str, TableSchema] = {
    "backcast": TableSchema(
        "backcast.csv",
        numeric=("year", "value", "low", "high"),
        required=("item", "kind", "year", "unit", "source", "status"),
    ),
    "chips": TableSchema(
        "chips.csv",
        numeric=("bf16_dense_tflops", "fp8_dense_tflops", "tdp_w", "memory_gb"),
        required=("chip", "release_date", "bf16_dense_tflops", "tdp_w", "source"),
        positive=("bf16_dense_tflops", "tdp_w"),
    ),
    "training_runs": TableSchema(
        "training_runs.csv",
        numeric=(
            "year",
            "params_total_b",
            "params_active_b",
            "train_tokens_b",
            "train_flop",
            "n_chips",
            "train_days",
            "chip_hours",
            "w_per_chip",
            "pue",
            "energy_mwh",
            "grid_kg_co2e_per_kwh",
            "tco2e",
            "epoch_power_mw",
        ),
        required=("model", "developer", "year", "source"),
    ),
    "generation_sources": TableSchema(
        "generation_sources.csv",
        numeric=(
            "lifecycle_gco2e_per_kwh",
            "capacity_factor",
            "lcoe_low_usd_per_mwh",
            "lcoe_high_usd_per_mwh",
            "lead_time_low_years",
            "lead_time_mid_years",
            "lead_time_high_years",
        ),
        required=(
            "source_id",
            "label",
            "lifecycle_gco2e_per_kwh",
            "capacity_factor",
            "lcoe_low_usd_per_mwh",
            "lcoe_high_usd_per_mwh",
            "lead_time_low_years",
            "lead_time_mid_years",
            "lead_time_high_years",
            "source",
        ),
        positive=("capacity_factor", "lead_time_low_years"),
    ),
    "build_limits": TableSchema(
        "build_limits.csv",
        numeric=("firm_factor", "build_cap_gw_per_yr"),
        required=("source_id", "firm_factor", "build_cap_gw_per_yr", "source"),
        positive=("firm_factor", "build_cap_gw_per_yr"),
    ),
    "mix_presets": TableSchema(
        "mix_presets.csv",
        numeric=("share",),
        required=("preset_id", "label", "source_id", "share", "source"),
    ),
    "grids": TableSchema(
        "grids.csv",
        numeric=("carbon_intensity_g_per_kwh", "year"),
        required=("grid_id", "label", "carbon_intensity_g_per_kwh", "source"),
    ),
    "electricity_totals": TableSchema(
        "electricity_totals.csv",
        numeric=("year", "electricity_twh"),
        required=("region", "year", "electricity_twh", "source"),
        positive=("electricity_twh",),
    ),
    "datacenter": TableSchema(
        "datacenter.csv",
        numeric=("year", "value", "low", "high"),
        required=("item", "unit", "source"),
    ),
    "inference": TableSchema(
        "inference.csv",
        numeric=("value", "low", "high"),
        required=("item", "unit", "source"),
    ),
    "trends": TableSchema(
        "trends.csv",
        numeric=("value", "low", "high"),
        required=("item", "unit", "source"),
    ),
    "equivalents": TableSchema(
        "equivalents.csv",
        numeric=("value",),
        required=("item", "value", "unit", "source"),
        positive=("value",),
    ),
    "epoch_frontier_models": TableSchema(
        "epoch_frontier_models.csv",
        numeric=(
            "parameters",
            "training_compute_flop",
            "hardware_quantity",
            "training_time_hours",
            "hardware_utilization_mfu",
            "training_power_draw_w",
        ),
        required=("model", "publication_date", "training_compute_flop", "source"),
    ),
    "glossary": TableSchema(
        "glossary.csv",
        numeric=(),
        required=("term", "definition", "source", "status"),
    ),
}
#: What every column of every data file means, and its unit (no sources: not a table of
#: facts, so not in SCHEMAS; the Methods page shows it beside each table's columns).
CODEBOOK = TableSchema("codebook.csv", numeric=(), required=("file", "column", "description"))


class DataFileError(ValueError):
    """A data file is missing, malformed, or holds a bad value (message names where)."""


#: Rows of one table by the value of one column (see Catalog.rows_by).
RowsBy = dict[Any, list[pd.Series]]


@dataclass(frozen=True)
class Catalog:
    """Every validated data table, by name (keys of SCHEMAS)."""

    tables: dict[str, pd.DataFrame]
    #: Lookups built from the tables on first use (`rows_by`), by (table, column).
    _lookups: dict[tuple[str, str], RowsBy] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]

    def rows_by(self, table: str, column: str) -> RowsBy:
        """The rows of `table` by their value in `column`, each value's rows in table
        order; built once per catalog, table and column. Read only, like the tables.

        A pandas mask and .loc per look-up took about 0.5 ms; the pages look up chips,
        grids and facts several times on every rerun.
        """
        key = (table, column)
        if key not in self._lookups:
            frame = self.tables[table]
            rows: RowsBy = {}
            for i, value in enumerate(frame[column]):
                rows.setdefault(value, []).append(frame.iloc[i])
            self._lookups[key] = rows
        return self._lookups[key]


def _bad_cell(schema: TableSchema, row: int, column: str, why: str) -> DataFileError:
    # Row numbers as a spreadsheet shows them: the header is line 1.
    return DataFileError(f"{schema.file}, row {row + 2}, column '{column}': {why}")


def load_table(path: Path, schema: TableSchema) -> pd.DataFrame:
    """Read one CSV and check it against its schema; raise DataFileError naming the cell."""
    # Messages name the file in data/, never the server's path to it.
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    except FileNotFoundError:
        raise DataFileError(f"{schema.file}: the file is missing from data/") from None
    except pd.errors.EmptyDataError:
        raise DataFileError(f"{schema.file}: the file is empty (not even a header)") from None
    except (pd.errors.ParserError, UnicodeDecodeError) as err:
        raise DataFileError(f"{schema.file}: not a readable CSV ({err})") from None
    wanted = dict.fromkeys((*schema.required, *schema.numeric))  # each column named once
    missing = [c for c in wanted if c not in frame.columns]
    if missing:
        raise DataFileError(f"{schema.file}: missing column(s) {', '.join(missing)}")
    for column in schema.required:
        for row, cell in enumerate(frame[column]):
            if not str(cell).strip():
                raise _bad_cell(schema, row, column, "is blank but required")
    out = frame.copy()
    for column in schema.numeric:
        values: list[float] = []
        for row, cell in enumerate(frame[column]):
            text = str(cell).strip()
            if not text:
                values.append(math.nan)
                continue
            try:
                number = float(text)
            except ValueError:
                raise _bad_cell(schema, row, column, f"{text!r} is not a number") from None
            if not math.isfinite(number) or number < 0:
                raise _bad_cell(schema, row, column, f"{text!r} must be finite and >= 0")
            if column in schema.positive and number == 0:
                raise _bad_cell(schema, row, column, "must be greater than 0")
            values.append(number)
        out[column] = pd.Series(values, index=frame.index, dtype="float64")
    out.attrs["file"] = schema.file  # item_row names the file of a missing fact
    return out


#: Rows the model cannot do without, by table: (column, value, why it is needed).
REQUIRED_ROWS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "generation_sources": tuple(
        ("source_id", sid, "a generation source of the mix inputs") for sid in SOURCE_IDS
    ),
    "build_limits": tuple(
        ("source_id", sid, "the firm factor and build cap of a source") for sid in SOURCE_IDS
    ),
    "grids": (("grid_id", str(INPUTS_BY_NAME["grid"].default), "the default grid"),),
    "chips": (("chip", str(INPUTS_BY_NAME["chip"].default), "the default accelerator"),),
    "mix_presets": tuple(
        ("preset_id", preset, "a preset claim 4 compares")
        for preset in ("nuclear_bet", "gas_bridge", "solar_storage_gas")
    ),
}


def check_rows(tables: dict[str, pd.DataFrame]) -> None:
    """Raise DataFileError naming the file, the column and the value of the first row the
    model needs that a table lacks, or of a mix preset's source that is not a source."""
    for name, rows in REQUIRED_ROWS.items():
        for column, value, why in rows:
            if value not in set(tables[name][column]):
                raise DataFileError(f"{SCHEMAS[name].file}: no row with {column} '{value}' ({why})")
    known = set(tables["generation_sources"]["source_id"])
    for row, sid in enumerate(tables["mix_presets"]["source_id"]):
        if sid not in known:
            raise _bad_cell(SCHEMAS["mix_presets"], row, "source_id", f"'{sid}' is not a source")


def load_catalog(data_dir: Path | str) -> Catalog:
    """Load and validate every table in `data_dir`, and the rows the model needs."""
    folder = Path(data_dir)
    tables = {name: load_table(folder / s.file, s) for name, s in SCHEMAS.items()}
    check_rows(tables)
    return Catalog(tables)


@functools.cache
def default_catalog() -> Catalog:
    """The shipped data, loaded once per process (read-only, the same for every visitor)."""
    return load_catalog(DEFAULT_DATA_DIR)


@functools.cache
def default_codebook() -> pd.DataFrame:
    """data/codebook.csv, loaded once per process (read-only)."""
    return load_table(DEFAULT_DATA_DIR / CODEBOOK.file, CODEBOOK)


def chip_names(catalog: Catalog) -> tuple[str, ...]:
    """Chip names in catalog order. [names]"""
    return tuple(catalog["chips"]["chip"])


def chip_row(catalog: Catalog, chip: str) -> pd.Series:
    """The catalog row of one chip (the first, if a name repeats); raise ValueError
    naming an unknown chip. Read only: the same row is returned on every call."""
    rows = catalog.rows_by("chips", "chip").get(chip)
    if not rows:
        raise ValueError(f"unknown chip {chip!r}")
    return rows[0]


def grid_ids(catalog: Catalog) -> tuple[str, ...]:
    """Grid ids in catalog order. [ids]"""
    return tuple(catalog["grids"]["grid_id"])


def item_row(table: pd.DataFrame, item: str, **match: object) -> pd.Series:
    """The one row of a facts table whose `item` is `item` and whose other columns match
    `match` (e.g. region="world", year=2030); DataFileError naming the table's file (set
    by load_table) if there is not exactly one."""
    rows = table[table["item"] == item]
    for column, value in match.items():
        rows = rows[rows[column] == value]
    if len(rows) != 1:
        where = "".join(f", {column} {value}" for column, value in match.items())
        file = table.attrs.get("file", "a data table")
        raise DataFileError(
            f"{file}: expected one row with item '{item}'{where}, found {len(rows)}"
        )
    return rows.iloc[0]
