"""Every published fact the pages read from data/, read once when the catalog loads.

model/catalog.py checks each table's columns and cells and the rows the model's inputs
need (the default grid and chip, every source, the presets claim 4 compares). The pages
also read single facts by name: trends, data-centre figures, published per-query energy,
equivalents, the runs of the backcast. A missing or repeated one used to surface only
when a reader opened the page that reads it, as a traceback. Here each reader runs once on
the default scenario, so the first page of a server says which file lacks which fact
(model.catalog.DataFileError: item_row and the equivalents name the file and the item).
"""

from __future__ import annotations

from collections.abc import Callable

from model import equivalents, fleet, inference, presets, runs, validation
from model.catalog import Catalog, DataFileError
from model.scenario import Scenario


def _electricity_totals(catalog: Catalog) -> object:
    return [inference.electricity_total_twh(region, catalog) for region in ("world", "us")]


def _equivalents(catalog: Catalog) -> object:
    return equivalents.reactor_gw(catalog), equivalents.us_home_mwh_per_year(catalog)


#: What reads facts by name, each with the words that say what it is for.
FACT_READERS: tuple[tuple[str, Callable[[Catalog], object]], ...] = (
    ("the published training runs", runs.published_runs),
    ("the check of published runs' power", validation.run_validation),
    ("the checks against published trends", lambda c: validation.trend_validation(Scenario(), c)),
    ("the check of the run's power", lambda c: validation.run_power_validation(Scenario(), c)),
    ("the figures of Methods & sources", lambda c: validation.methods_figures(Scenario(), c)),
    ("the backcast from 2020", validation.backcast),
    ("published energy per query", inference.published_per_query),
    ("published emissions per query", inference.published_emissions_per_query),
    ("the measured energy per token", lambda c: inference.per_token_check(1e12, c)),
    (
        "the reasoning answer's energy",
        lambda c: inference.published_value(inference.REASONING_RATIO_ITEM, c),
    ),
    ("published data-centre electricity", inference.datacenter_facts),
    ("electricity totals", _electricity_totals),
    ("equivalents (reactors, homes)", _equivalents),
    ("the presets", presets.all_presets),
    ("the generation sources", fleet.source_facts),
    ("lead times by source", lambda c: fleet.lead_time_table(Scenario(), c)),
)


def check_facts(catalog: Catalog) -> None:
    """Run every fact reader once; raise DataFileError naming the file and the fact when
    one is missing or given twice (a reader's own DataFileError as it is, any other
    error with what was being read)."""
    for what, read in FACT_READERS:
        try:
            read(catalog)
        except DataFileError:
            raise
        except (KeyError, IndexError, ValueError) as err:
            raise DataFileError(f"data/ lacks a fact for {what} ({err})") from None
