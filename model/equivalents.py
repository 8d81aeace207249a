"""Everyday equivalents of an energy use: US homes for a year, 1 GW reactor-days."""

from __future__ import annotations

from model.catalog import Catalog, DataFileError
from model.constants import HOURS_PER_DAY, HOURS_PER_YEAR
from model.inference import electricity_total_twh


def _figure(item: str, catalog: Catalog) -> float:
    rows = catalog.rows_by("equivalents", "item").get(item, [])
    if len(rows) != 1:
        raise DataFileError(f"equivalents.csv: no single row with item '{item}'")
    return float(rows[0]["value"])


def us_home_years(energy_mwh: float, catalog: Catalog) -> float:
    """How many average US homes the energy would supply for a year. [home-years]"""
    return energy_mwh * 1000.0 / _figure("us_home_electricity", catalog)


def reactor_days(energy_mwh: float, catalog: Catalog) -> float:
    """Days of output of a 1 GW reactor running flat out: MWh / (1000 MW x 24 h). [days]"""
    return energy_mwh / (_figure("reactor_power", catalog) * 1000.0 * HOURS_PER_DAY)


def average_power_gw(region: str, catalog: Catalog) -> float:
    """A region's average electricity use as power: TWh per year / 8760 h. [GW]"""
    twh, _ = electricity_total_twh(region, catalog)
    return twh * 1000.0 / HOURS_PER_YEAR


def reactor_gw(catalog: Catalog) -> float:
    """Power of the reference reactor or large gas plant (data/equivalents.csv). [GW]"""
    return _figure("reactor_power", catalog)


def us_home_mwh_per_year(catalog: Catalog) -> float:
    """Electricity of an average US home in a year (data/equivalents.csv). [MWh/yr]"""
    return _figure("us_home_electricity", catalog) / 1000.0
