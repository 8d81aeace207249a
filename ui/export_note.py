"""The methods note of a scenario download (methods.md): what the export holds, every
input with its value, unit and source, what each column of the time series means."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from model.scenario import INPUTS, Scenario
from model.scenario_io import (
    MAX_NAME_CHARS,
    ZIP_METHODS,
    ZIP_SAVED_INPUTS,
    ZIP_SAVED_TIMESERIES,
    ZIP_SCENARIO,
    ZIP_TIMESERIES,
)

#: What each projection column means, for the methods note. [units in brackets]
COLUMN_NOTES: dict[str, str] = {
    "year": "Calendar year",
    "compute_demand_flop": "Largest training run if the trend continues [FLOP]",
    "compute_limit_site_flop": "Largest run the largest site(s) one run can span allow [FLOP]",
    "compute_limit_power_flop": (
        "Largest run if only power had limited the year's new chips [FLOP]"
    ),
    "compute_limit_chips_flop": "Largest run if only chip making had limited them [FLOP]",
    "compute_limit_capital_flop": "Largest run if only money had limited them [FLOP]",
    "compute_limit_data_flop": "Largest compute-optimal run the usable data allows [FLOP]",
    "compute_limit_latency_flop": "The latency wall [FLOP]",
    "compute_achieved_flop": "Largest run achieved: the smallest of the seven limits [FLOP]",
    "binding_constraint": "The step that sets the achieved run (trend, site, power, ...)",
    "fleet_binding": "What limited the year's new accelerators (demand, chips, capital, power)",
    "compute_wanted_flop": "Largest run the trend, site, data and latency allow [FLOP]",
    "efficiency_flop_per_j": "Useful FLOP per joule at the wall plug, the year's chips [FLOP/J]",
    "run_days": "Length of the largest run [days]",
    "frontier_run_power_gw": "Wall-plug power the trend's run would need (wanted) [GW]",
    "frontier_run_power_wanted_gw": "Power of the run the site, data and latency allow [GW]",
    "frontier_run_power_achieved_gw": "Power of the achieved largest run [GW]",
    "largest_site_gw": "Power of the largest site(s) one run can span [GW]",
    "run_chips_h100e": "Chips the achieved run uses, the year's vintage [H100-equivalents]",
    "power_demand_gw": "Power AI's chips would draw if power were no limit this year [GW]",
    "power_supply_gw": "Power available to AI, both regions [GW]",
    "power_achieved_gw": "Power AI's powered chips draw [GW]",
    "power_wanted_unlimited_gw": "Power AI would draw with power never a limit [GW]",
    "inference_power_demand_gw": "Serving and smaller AI's compute wanted, at this year's chips "
    "[GW]",
    "inference_power_achieved_gw": "Power of serving and smaller AI [GW]",
    "training_power_demand_gw": "Frontier training on the trend, at this year's chips [GW]",
    "training_power_achieved_gw": "Power of frontier training [GW]",
    "compute_lost_to_power_share": "1 - AI's compute / its compute with power unlimited [fraction]",
    "energy_limited": "True where the compute lost to power reaches the wall threshold",
    "electricity_price_usd_per_mwh": "Mix cost plus scarcity, power-weighted [USD/MWh]",
    "energy_share_of_run_cost": "Electricity's share of a year of compute's cost [fraction]",
    "chip_stock_h100e": "AI chips in service [H100-equivalents]",
    "chip_production_h100e": "AI chips the makers can deliver this year [H100e/yr]",
    "chips_installed_h100e": "New AI chips installed this year [H100e/yr]",
    "chips_idle_h100e": "Chips in service without power [H100-equivalents]",
    "chips_wanted_h100e": "New chips demand wants this year [H100e/yr]",
    "chips_affordable_h100e": "New chips the money left after the bill buys [H100e/yr]",
    "chips_powerable_h100e": "New chips the power left can run [H100e/yr]",
    "ai_capex_usd": "AI capital spending, capped at its share of GDP [USD/yr]",
    "gdp_usd": "World GDP [USD/yr]",
    "electricity_bill_usd": "AI's electricity bill [USD/yr]",
    "chip_spending_usd": "Spent on new chips and their buildings [USD/yr]",
    "fleet_flop_per_s": "AI's useful compute in service [FLOP/s]",
    "fleet_flop_per_s_unlimited": "The same with power never a limit [FLOP/s]",
    "nameplate_wanted_gw": "New nameplate the scenario wants started this year [GW]",
    "nameplate_started_gw": "New nameplate started after the build caps [GW]",
    **{
        f"{column}_{region}": f"{note} ({name})"
        for region, name in (("us", "US"), ("row", "rest of world"))
        for column, note in (
            ("power_supply_gw", "Power available to AI [GW]"),
            ("power_demand_gw", "Power AI's chips would draw [GW]"),
            ("power_achieved_gw", "Power AI's powered chips draw [GW]"),
            ("electricity_price_usd_per_mwh", "Mix cost plus scarcity [USD/MWh]"),
        )
    },
    "emissions_wanted_tco2e_per_yr": (
        "Emissions if AI got all the power it wants: power_demand_gw x 8760 h x the mix's "
        "lifecycle intensity [tCO2e/yr]"
    ),
    "emissions_achieved_tco2e_per_yr": (
        "Emissions of the power AI gets: power_achieved_gw x 8760 h x the mix's lifecycle "
        "intensity [tCO2e/yr]"
    ),
    "electricity_cost_achieved_usd_per_yr": (
        "Electricity cost of the power AI gets: power_achieved_gw x 8760 h x "
        "electricity_price_usd_per_mwh [USD/yr]"
    ),
}


#: "<" that would open an HTML tag, comment or autolink in Markdown.
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
#: "&" that would start an HTML entity (&lt; &#60;) in Markdown.
_ENTITY_START = re.compile(r"&(?=#?[A-Za-z0-9]+;)")


def _cell(text: object) -> str:
    """Text safe inside a Markdown table cell, and readable as plain text.

    The note is read raw as often as rendered, so HTML entities (&gt;) are not used:
    CommonMark backslash escapes are, and only where Markdown would read something as
    markup. A "<" before a letter, "/", "!" or "?" (an HTML tag, comment or autolink) and
    an "&" that starts an entity get a backslash, as do "[" (a link), "|" (a table
    cell's end) and backslashes themselves (so a typed backslash cannot undo ours);
    "->", "R&D" and ">100 GW" read as written.
    """
    out = str(text).replace("\r", " ").replace("\n", " ").replace("\\", "\\\\")
    out = out.replace("|", "\\|").replace("[", "\\[")
    out = _TAG_START.sub(r"\\<", out)
    return _ENTITY_START.sub(r"\\&", out)


def methods_note(
    scenario: Scenario,
    app_version: str,
    name: str = "",
    link: str = "",
    headline: Mapping[str, Any] | None = None,
    saved_names: Sequence[str] = (),
) -> str:
    """Markdown: what the export holds (with the `saved_names` of the saved scenarios it
    sets side by side), every input with its value, unit and source."""
    default = Scenario()
    lines = [
        "# Is energy AI's limit? Scenario export",
        "",
        f"- Model (app) version: {app_version}",
    ]
    if name:
        lines.append(f"- Scenario name: {_cell(name[:MAX_NAME_CHARS])}")
    if link:
        lines.append(f"- Link to this scenario: {link}")
    lines += [
        f"- Files: `{ZIP_SCENARIO}` (re-import it on the Compare & share page), "
        f"`{ZIP_TIMESERIES}` (one row per year), `{ZIP_METHODS}` (this note).",
    ]
    if saved_names:
        names = "; ".join(_cell(n[:MAX_NAME_CHARS]) for n in saved_names)
        lines.append(
            f"- Saved scenarios side by side ({len(saved_names)}: {names}): "
            f"`{ZIP_SAVED_TIMESERIES}` (one row per year; the first header row names the "
            "scenario of each block of columns, the second the column, as in "
            f"`{ZIP_TIMESERIES}` without the Monte Carlo bands) and `{ZIP_SAVED_INPUTS}` "
            "(one row per input: its unit, each scenario's value, the default and the "
            "source of the default)."
        )
    lines.append("")
    if headline:
        lines += ["## Headline numbers", ""]
        lines += [f"- {_cell(k)}: {_cell(v)}" for k, v in headline.items()]
        lines.append("")
    lines += [
        "## Inputs",
        "",
        "Inputs marked * differ from the default.",
        "",
        "| input | label | value | unit | default | source of the default |",
        "|---|---|---|---|---|---|",
    ]
    for spec in INPUTS:
        value = getattr(scenario, spec.name)
        mark = " *" if value != getattr(default, spec.name) else ""
        lines.append(
            f"| `{spec.name}` | {_cell(spec.label)} | {_cell(_value_text(value))}{mark} | "
            f"{_cell(spec.unit)} | {_cell(_value_text(spec.default))} | {_cell(spec.source)} |"
        )
    lines += [
        "",
        f"## Columns of {ZIP_TIMESERIES}",
        "",
        *(f"- `{col}`: {note}" for col, note in COLUMN_NOTES.items()),
        "- `<column>_p10`, `_p50`, `_p90`: percentiles over the Monte Carlo samples "
        "(the inputs in model/uncertainty.py SPREADS and each source's lead time, drawn "
        "around the scenario's values), for the power columns, `compute_achieved_flop` "
        "and `emissions_achieved_tco2e_per_yr`. The electricity cost has none: the price "
        "varies with the samples too, so a percentile of the cost is not the product of "
        "the percentiles of energy and price.",
        "",
        "## Method",
        "",
        "All of AI (serving, smaller models and the frontier runs) is one economy of "
        "chips, power and money, in two regions (US, rest of world). Each year AI buys "
        "the smallest of the accelerators its demand wants, the chips made, what its "
        "spending (capped at a share of world GDP) buys after the electricity bill, and "
        "what the power still free can run; chips last a lifetime, then retire. Supply "
        "per region = base-year power + the pipeline (arriving over each source's lead "
        "time) + new capacity started each year, behind the meter after its lead time or "
        "on the grid after the queue. The price rises with scarcity and serving demand "
        "answers it. The largest run is the smallest of the trend C0 g^t, the largest "
        "single site, frontier training's share of what power, chips and money allow, "
        "data (6 N D with N = D / 20) and the latency wall (Epoch AI 2024). The wall is "
        "the first year power costs all of AI at least the threshold share of the "
        "compute that chips and money would allow. Emissions = power AI gets x 8760 h x "
        "the mix's "
        "lifecycle intensity. Sources: data/ and the Methods & sources "
        "page for every table.",
        "",
    ]
    return "\n".join(lines)


def _value_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:.6g}"
    return str(value)
