"""The data files: they load, match the codebook, and bad files fail with a clear message."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
import streamlit as st

from model import catalog as catalog_module
from model import equivalents, inference
from model.catalog import (
    DEFAULT_DATA_DIR,
    SCHEMAS,
    Catalog,
    DataFileError,
    chip_row,
    default_catalog,
    load_catalog,
    load_table,
)
from model.fact_check import check_facts
from model.scenario import Scenario
from tests.apptest_support import open_app
from tests.data_readme import listed_files, status_is_defined
from ui import format as fmt


def test_every_data_file_loads_and_validates():
    catalog = load_catalog(DEFAULT_DATA_DIR)
    assert set(catalog.tables) == set(SCHEMAS)
    assert len(catalog["generation_sources"]) == 11


def test_codebook_lists_exactly_the_columns_of_every_csv():
    codebook = pd.read_csv(DEFAULT_DATA_DIR / "codebook.csv", dtype=str, keep_default_na=False)
    for path in sorted(DEFAULT_DATA_DIR.glob("*.csv")):
        header = list(pd.read_csv(path, nrows=0).columns)
        documented = codebook.loc[codebook["file"] == path.name, "column"].tolist()
        assert documented == header, f"codebook.csv is out of sync with {path.name}"
    listed = set(codebook["file"])
    assert listed == {p.name for p in DEFAULT_DATA_DIR.glob("*.csv")}


def test_every_data_row_has_a_source():
    for path in DEFAULT_DATA_DIR.glob("*.csv"):
        if path.name == "codebook.csv":
            continue
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        blank = frame.index[frame["source"].str.strip() == ""].tolist()
        assert not blank, f"{path.name}: rows {blank} have no source"


@pytest.mark.parametrize(
    "path",
    [p for p in sorted(DEFAULT_DATA_DIR.glob("*.csv")) if p.name != "codebook.csv"],
    ids=lambda p: p.name,
)
def test_every_status_is_defined_in_the_readme_vocabulary(path):
    statuses = set(pd.read_csv(path, dtype=str, keep_default_na=False)["status"])
    undefined = sorted(s for s in statuses if not status_is_defined(s))
    assert not undefined, f"{path.name}: statuses not in data/README.md: {undefined}"


def test_the_readme_lists_every_data_file_with_its_row_count():
    counts = {p.name: len(pd.read_csv(p)) for p in DEFAULT_DATA_DIR.glob("*.csv")}
    assert listed_files() == counts


def test_build_limits_has_one_row_per_generation_source():
    catalog = load_catalog(DEFAULT_DATA_DIR)
    limits = catalog["build_limits"]["source_id"].tolist()
    assert sorted(limits) == sorted(catalog["generation_sources"]["source_id"])
    assert len(set(limits)) == len(limits)


def test_training_run_chips_are_in_the_chip_catalog():
    catalog = load_catalog(DEFAULT_DATA_DIR)
    chips = set(catalog["chips"]["chip"])
    used = set(catalog["training_runs"]["chip"]) - {""}
    assert used <= chips


def _copy_data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, target)
    return target


@pytest.mark.parametrize(
    ("file", "row", "column", "value", "message"),
    [
        # The third data row is row 4 of the file (the header is row 1).
        ("chips.csv", 2, "tdp_w", "seven hundred", r"chips\.csv, row 4, column 'tdp_w'"),
        (
            "generation_sources.csv",
            0,
            "capacity_factor",
            "-0.5",
            r"capacity_factor.*finite and >= 0",
        ),
        ("training_runs.csv", 0, "source", " ", "row 2, column 'source': is blank"),
    ],
)
def test_a_bad_cell_is_rejected_naming_file_row_and_column(
    tmp_path, file, row, column, value, message
):
    data = _copy_data(tmp_path)
    frame = pd.read_csv(data / file, dtype=str, keep_default_na=False)
    frame.loc[row, column] = value
    frame.to_csv(data / file, index=False)
    with pytest.raises(DataFileError, match=message):
        load_catalog(data)


def test_a_missing_column_and_a_missing_file_are_named(tmp_path):
    data = _copy_data(tmp_path)
    frame = pd.read_csv(data / "grids.csv", dtype=str, keep_default_na=False)
    frame.drop(columns=["source"]).to_csv(data / "grids.csv", index=False)
    with pytest.raises(DataFileError, match=r"grids\.csv: missing column\(s\) source"):
        load_catalog(data)
    with pytest.raises(DataFileError, match="the file is missing from data/") as err:
        load_table(tmp_path / "nope.csv", SCHEMAS["grids"])
    assert str(tmp_path) not in str(err.value)  # no server path


def _rewrite(data: Path, file: str, change) -> None:
    frame = pd.read_csv(data / file, dtype=str, keep_default_na=False)
    change(frame).to_csv(data / file, index=False)


#: Broken data that used to crash a page or say something no reader could act on (issue
#: 21), each with the message that names the file and what is wrong.
BROKEN = {
    "empty grids": (
        lambda data: (data / "grids.csv").write_text(""),
        "grids.csv: the file is empty (not even a header)",
    ),
    "no US grid": (
        lambda data: _rewrite(data, "grids.csv", lambda f: f[f["grid_id"] != "us"]),
        "grids.csv: no row with grid_id 'us' (the default grid)",
    ),
    "no coal": (
        lambda data: _rewrite(
            data, "generation_sources.csv", lambda f: f[f["source_id"] != "coal"]
        ),
        "generation_sources.csv: no row with source_id 'coal' (a generation source of the mix "
        "inputs)",
    ),
    "no tdp_w": (
        lambda data: _rewrite(data, "chips.csv", lambda f: f.drop(columns=["tdp_w"])),
        "chips.csv: missing column(s) tdp_w",
    ),
    "no default chip": (
        lambda data: _rewrite(data, "chips.csv", lambda f: f[f["chip"] != "NVIDIA H100 SXM5"]),
        "chips.csv: no row with chip 'NVIDIA H100 SXM5' (the default accelerator)",
    ),
    "unknown preset source": (
        lambda data: _rewrite(
            data, "mix_presets.csv", lambda f: f.assign(source_id=f["source_id"].str.upper())
        ),
        "mix_presets.csv, row 2, column 'source_id': 'COAL' is not a source",
    ),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_broken_data_is_refused_with_a_message_naming_the_file(tmp_path, case):
    break_it, message = BROKEN[case]
    data = _copy_data(tmp_path)
    break_it(data)
    with pytest.raises(DataFileError) as err:
        load_catalog(data)
    assert str(err.value) == message


def _with_rows(table: str, rows: list[dict[str, object]]) -> Catalog:
    """The shipped catalog with `rows` appended to one of its tables."""
    cat = default_catalog()
    return Catalog({**cat.tables, table: pd.concat([cat[table], pd.DataFrame(rows)])})


def test_rows_by_groups_a_tables_rows_by_a_column_in_table_order():
    cat = _with_rows("electricity_totals", [{"region": "us", "year": 2019.0}])
    rows = cat.rows_by("electricity_totals", "region")
    assert sorted(rows) == ["us", "world"]
    # data/electricity_totals.csv: us 2024, then the appended us 2019.
    assert [r["year"] for r in rows["us"]] == [2024.0, 2019.0]
    assert cat.rows_by("electricity_totals", "region") is rows  # built once


def test_chip_row_reads_the_chips_table_and_names_an_unknown_chip():
    # data/chips.csv: the H100 SXM5 is 989.4 dense BF16 TFLOP/s at 700 W.
    row = chip_row(default_catalog(), "NVIDIA H100 SXM5")
    assert (row["bf16_dense_tflops"], row["tdp_w"]) == (989.4, 700.0)
    with pytest.raises(ValueError, match="unknown chip 'Abacus'"):
        chip_row(default_catalog(), "Abacus")


def test_a_repeated_chip_name_reads_its_first_row():
    cat = _with_rows("chips", [{"chip": "NVIDIA H100 SXM5", "bf16_dense_tflops": 1.0}])
    assert chip_row(cat, "NVIDIA H100 SXM5")["bf16_dense_tflops"] == 989.4


def test_the_latest_year_of_a_regions_electricity_total_is_read():
    # An older US total (2019) after the 2024 one (4,304 TWh) does not replace it; a newer
    # one (2030, 5,000 TWh) does.
    older = _with_rows("electricity_totals", [{"region": "us", "year": 2019.0}])
    assert inference.electricity_total_twh("us", older) == (4304.0, 2024)
    newer = _with_rows(
        "electricity_totals", [{"region": "us", "year": 2030.0, "electricity_twh": 5000.0}]
    )
    assert inference.electricity_total_twh("us", newer) == (5000.0, 2030)


def test_an_equivalent_given_twice_is_an_error_not_a_guess():
    cat = _with_rows("equivalents", [{"item": "reactor_power", "value": 2.0}])
    with pytest.raises(
        DataFileError, match=r"equivalents\.csv: no single row with item 'reactor_power'"
    ):
        equivalents.reactor_gw(cat)
    assert equivalents.reactor_gw(default_catalog()) == 1.0  # data/equivalents.csv: 1 GW


@pytest.mark.parametrize("page", [None, "pages/compare.py", "pages/methods.py"])
def test_a_page_says_which_data_file_is_broken_without_a_traceback(tmp_path, monkeypatch, page):
    data = _copy_data(tmp_path)
    BROKEN["no coal"][0](data)
    monkeypatch.setattr(catalog_module, "DEFAULT_DATA_DIR", data)
    _clear_caches()
    try:
        at = open_app(page)
        (error,) = at.error
        said = "generation_sources.csv: no row with source_id 'coal'"
        assert fmt.plain(said) in error.value
        assert str(tmp_path) not in error.value
        assert not at.exception
    finally:
        monkeypatch.undo()
        _clear_caches()


def _clear_caches() -> None:
    catalog_module.default_catalog.cache_clear()
    catalog_module.default_codebook.cache_clear()
    st.cache_resource.clear()
    st.cache_data.clear()


#: Tables whose rows are facts named by their `item`.
FACT_TABLES = ("datacenter", "equivalents", "inference", "trends")
#: Items named in the code that a page can do without, with why.
OPTIONAL_ITEMS = {
    # Series of Serve's chart of published data-centre electricity: a chart without a
    # series still reads (charts/serve.py skips a series with no rows).
    "dc_share_epri_2024",
    "dc_share_epri_2026",
}


def _read_by_name() -> list[tuple[str, str]]:
    """(table, item) for every fact whose item the code names in quotes, except the items
    that are also an input's name (the trends row is then that input's source, read as a
    default by no code) and OPTIONAL_ITEMS."""
    code = "".join(
        path.read_text()
        for folder in ("model", "ui", "charts", "pages")
        for path in Path(folder).rglob("*.py")
    )
    inputs = set(Scenario.__dataclass_fields__)
    cat = default_catalog()
    return [
        (table, item)
        for table in FACT_TABLES
        for item in sorted(set(cat[table]["item"]))
        if f'"{item}"' in code and item not in inputs and item not in OPTIONAL_ITEMS
    ]


def test_facts_read_by_name_are_found_in_the_code():
    # The list below must not be empty for a reason such as a moved folder: at least the
    # two equivalents (reactor_power, us_home_electricity) are read by name.
    assert {("equivalents", "reactor_power"), ("equivalents", "us_home_electricity")} <= set(
        _read_by_name()
    )


@pytest.mark.parametrize(("table", "item"), _read_by_name())
def test_a_fact_read_by_name_is_checked_when_the_catalog_loads(table, item):
    cat = default_catalog()
    frame = cat[table]
    without = Catalog({**cat.tables, table: frame[frame["item"] != item]})
    with pytest.raises(DataFileError) as err:
        check_facts(without)
    # The message names the file and the fact; the shipped data pass.
    assert SCHEMAS[table].file in str(err.value)
    assert item in str(err.value)
    check_facts(cat)


def test_a_page_names_a_missing_trend_fact_without_a_traceback(tmp_path, monkeypatch):
    data = _copy_data(tmp_path)
    _rewrite(data, "trends.csv", lambda f: f[f["item"] != "frontier_run_power_2030"])
    monkeypatch.setattr(catalog_module, "DEFAULT_DATA_DIR", data)
    _clear_caches()
    try:
        at = open_app("pages/growth.py")
        (error,) = at.error
        said = "trends.csv: expected one row with item 'frontier_run_power_2030', found 0"
        assert fmt.plain(said) in error.value
        assert not at.exception
    finally:
        monkeypatch.undo()
        _clear_caches()
