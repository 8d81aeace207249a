"""The power system that feeds AI: supply by vintage, build caps, grid queue, flexible load.

Every function works on arrays of shape (years, samples), one source at a time, so the
Monte Carlo in model/uncertainty.py runs the same equations on all samples at once (a
year's samples side by side in memory).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd

from model.catalog import Catalog
from model.scenario import MIN_LEAD_YEARS, Scenario

Array = npt.NDArray[np.float64]

#: The mix preset whose shares stand for capacity already under way before the base year
#: (it was started before anyone chose the scenario's mix).
PIPELINE_MIX_PRESET = "world_2024"


@dataclass(frozen=True)
class Sources:
    """Per-source facts for the sources a projection uses, in data/ order.

    One scenario's sources hold one value per source; several scenarios' sources stacked
    (stack_sources) hold a row per scenario in the fields that depend on the mix (shares,
    nameplate split, lead times, cost).
    """

    ids: tuple[str, ...]
    #: Shares of new AI supply (of the firm power it delivers), normalised. [-]
    shares: Array
    #: GW of nameplate started per GW built, per source (nameplate_split). [GW/GW]
    nameplate_split: Array
    #: Shares of today's world mix, for the pipeline, normalised. [-]
    pipeline_shares: Array
    #: Average power a flat 24/7 load can count on per GW of nameplate. [GW/GW]
    firm_factor: Array
    #: World additions in one recent year: the cap on what is built per year. [GW/yr]
    build_cap_gw_per_yr: Array
    #: Mid lead time from decision to first power. [years]
    lead_time_years: Array
    #: Low and high lead times, for the Monte Carlo. [years]
    lead_time_low_years: Array
    lead_time_high_years: Array
    #: Energy-weighted levelised cost of new supply, middle of the range. [USD/MWh]
    lcoe_mid_usd_per_mwh: float | Array
    #: The same for today's world mix (pipeline_shares): the price serving demand is
    #: calibrated at, so a dearer mix than today's lowers it. [USD/MWh]
    world_mix_lcoe_usd_per_mwh: float = 0.0


def lead_time_table(scenario: Scenario, catalog: Catalog) -> pd.DataFrame:
    """data/generation_sources.csv with the scenario's lead times: the mid from the
    scenario's lead_<source> input, low and high moved by as much as the mid moved (kept
    at least MIN_LEAD_YEARS), so the Monte Carlo's spread follows the input. [years]"""
    table = catalog["generation_sources"].copy()
    mid = table["source_id"].map(scenario.lead_times()).astype(float)
    shift = mid - table["lead_time_mid_years"]
    table["lead_time_mid_years"] = mid
    for column in ("lead_time_low_years", "lead_time_high_years"):
        table[column] = np.maximum(MIN_LEAD_YEARS, table[column] + shift)
    return table


def _column(table: pd.DataFrame, column: str) -> Array:
    return table[column].to_numpy(dtype=float)


def _normalised(weights: Array) -> Array:
    total = weights.sum()
    if not np.all(np.isfinite(weights)) or np.any(weights < 0) or total <= 0:
        raise ValueError("mix weights must be finite, >= 0 and not all zero")
    return weights / total


def _rows_of(table: pd.DataFrame, ids: list[str]) -> list[int]:
    """Row numbers of the source ids `ids` in a table with a source_id column (KeyError
    for an id it lacks)."""
    row = {str(sid): i for i, sid in enumerate(table["source_id"])}
    return [row[sid] for sid in ids]


def preset_mix(presets: pd.DataFrame, preset_id: str, ids: Sequence[str]) -> Array:
    """A data/mix_presets.csv preset's weights in the order of `ids`, 0 for a source it
    lacks: grid.preset_weights with numpy masks (this runs for every projection)."""
    rows = presets["preset_id"].to_numpy() == preset_id
    if not rows.any():
        raise ValueError(f"unknown mix preset {preset_id!r}")
    sources = presets["source_id"].to_numpy()[rows].astype(str).tolist()
    weights = dict(zip(sources, presets["share"].to_numpy(float)[rows].tolist(), strict=True))
    return np.array([weights.get(sid, 0.0) for sid in ids])


@dataclass(frozen=True)
class SourceFacts:
    """What data/ says of every generation source, as arrays in data/generation_sources.csv's
    order: all that `sources_from` reads besides the scenario. Built once (source_facts)
    and shared by the scenarios of a batch, so that their sources are plain numpy."""

    ids: tuple[str, ...]
    #: Weights of today's world mix (PIPELINE_MIX_PRESET), normalised. [-]
    pipeline_shares: Array
    firm_factor: Array  # [GW/GW]
    build_cap_gw_per_yr: Array  # [GW/yr]
    #: data/'s low, mid and high lead times, before the scenario moves them. [years]
    lead_time_low_years: Array
    lead_time_mid_years: Array
    lead_time_high_years: Array
    #: Middle of each source's levelised cost range. [USD/MWh]
    lcoe_mid_usd_per_mwh: Array


def source_facts(catalog: Catalog) -> SourceFacts:
    """The catalog's per-source facts as arrays (the only pandas a projection's sources need)."""
    table = catalog["generation_sources"]
    ids = [str(sid) for sid in table["source_id"]]
    limits = catalog["build_limits"]
    at = _rows_of(limits, ids)
    lcoe_mid = (
        _column(table, "lcoe_low_usd_per_mwh") + _column(table, "lcoe_high_usd_per_mwh")
    ) / 2
    return SourceFacts(
        ids=tuple(ids),
        pipeline_shares=_normalised(preset_mix(catalog["mix_presets"], PIPELINE_MIX_PRESET, ids)),
        firm_factor=_column(limits, "firm_factor")[at],
        build_cap_gw_per_yr=_column(limits, "build_cap_gw_per_yr")[at],
        lead_time_low_years=_column(table, "lead_time_low_years"),
        lead_time_mid_years=_column(table, "lead_time_mid_years"),
        lead_time_high_years=_column(table, "lead_time_high_years"),
        lcoe_mid_usd_per_mwh=lcoe_mid,
    )


def sources_for(scenario: Scenario, catalog: Catalog) -> Sources:
    """The sources with a share in the scenario's mix or in today's world mix, in
    data/generation_sources.csv's order (sources_from the catalog's source_facts)."""
    return sources_from(scenario, source_facts(catalog))


def sources_from(scenario: Scenario, facts: SourceFacts) -> Sources:
    """sources_for with the catalog's facts already read: numpy only (this runs for every
    scenario projected)."""
    mix = scenario.mix_weights()
    shares = _normalised(np.array([mix[sid] for sid in facts.ids]))
    pipeline = facts.pipeline_shares
    leads = scenario.lead_times()
    mid = np.array([leads[sid] for sid in facts.ids])
    shift = mid - facts.lead_time_mid_years
    low = np.maximum(MIN_LEAD_YEARS, facts.lead_time_low_years + shift)
    high = np.maximum(MIN_LEAD_YEARS, facts.lead_time_high_years + shift)
    used = (shares > 0) | (pipeline > 0)
    firm = facts.firm_factor
    return Sources(
        ids=tuple(sid for sid, keep in zip(facts.ids, used, strict=True) if keep),
        shares=shares[used],
        nameplate_split=nameplate_split(shares[used], firm[used]),
        pipeline_shares=pipeline[used],
        firm_factor=firm[used],
        build_cap_gw_per_yr=facts.build_cap_gw_per_yr[used],
        lead_time_years=mid[used],
        lead_time_low_years=low[used],
        lead_time_high_years=high[used],
        lcoe_mid_usd_per_mwh=float((shares * facts.lcoe_mid_usd_per_mwh).sum()),
        world_mix_lcoe_usd_per_mwh=float((pipeline * facts.lcoe_mid_usd_per_mwh).sum()),
    )


def nameplate_split(shares: Array, firm_factor: Array) -> Array:
    """GW of nameplate per source for each GW started, so that source i delivers share_i
    of the firm power: (share_i / firm_i) / sum_j (share_j / firm_j). [GW/GW]"""
    per_firm = shares / firm_factor
    return per_firm / per_firm.sum()


#: Sources fields that come from data/ alone, and those that follow the scenario.
_DATA_FIELDS = ("pipeline_shares", "firm_factor", "build_cap_gw_per_yr")
_SCENARIO_FIELDS = (
    "shares",
    "nameplate_split",
    "lead_time_years",
    "lead_time_low_years",
    "lead_time_high_years",
)


def stack_sources(variants: Sequence[Sources], order: Sequence[str]) -> Sources:
    """Several scenarios' sources as one, to project the scenarios as the samples of one
    batch: every source any of them uses, in `order` (data/'s), with a row per scenario
    of the fields that follow the scenario. Where a scenario does not use a source, its
    share and split are 0 (so the source adds nothing to its supply) and its lead times
    are another scenario's (they then multiply only zeros).

    The facts from data/ alone (today's mix, firm factor, build cap) must agree across
    the scenarios: ValueError otherwise.
    """
    ids = tuple(sid for sid in order if any(sid in v.ids for v in variants))
    at = {sid: i for i, sid in enumerate(ids)}
    where = [np.array([at[sid] for sid in v.ids], dtype=int) for v in variants]

    def donated(name: str) -> Array:
        """Each source's value in the first scenario that uses it (later ones first, so
        that earlier ones overwrite them)."""
        row = np.empty(len(ids))
        for variant, positions in zip(variants[::-1], where[::-1], strict=True):
            row[positions] = getattr(variant, name)
        return row

    def rows(name: str) -> Array:
        """A row per scenario: its own values, 0 or another's where it lacks a source."""
        fill = np.zeros(len(ids)) if name in ("shares", "nameplate_split") else donated(name)
        out = np.tile(fill, (len(variants), 1))
        for row, (variant, positions) in enumerate(zip(variants, where, strict=True)):
            out[row, positions] = getattr(variant, name)
        return out

    data = {name: donated(name) for name in _DATA_FIELDS}
    for variant, positions in zip(variants, where, strict=True):
        if any(not np.array_equal(getattr(variant, name), data[name][positions]) for name in data):
            raise ValueError("the scenarios' sources disagree on facts from data/")
    return Sources(
        ids=ids,
        **data,
        **{name: rows(name) for name in _SCENARIO_FIELDS},
        lcoe_mid_usd_per_mwh=np.array([v.lcoe_mid_usd_per_mwh for v in variants]),
        world_mix_lcoe_usd_per_mwh=variants[0].world_mix_lcoe_usd_per_mwh,
    )


def nameplate_started_gw(
    dt: Array,
    build_rate_gw_per_yr: Array,
    split: float | Array,
    cap_gw_per_yr: float,
    cap_share: Array,
    cap_growth: Array,
) -> tuple[Array, Array]:
    """Nameplate started per year for one source, wanted and after its build cap.

    wanted(t) = B x split; started(t) = min(wanted, cap x share x growth^t).

    Parameters
    ----------
    dt : Years since the base year, a column (years, 1). [years]
    build_rate_gw_per_yr : Nameplate the scenario wants started per year, (1, samples). [GW/yr]
    split : The source's nameplate per GW started, one number or one per sample. [GW/GW]
    cap_gw_per_yr : The source's world additions in the base year. [GW/yr]
    cap_share : Share of world additions AI can claim, (1, samples). [-]
    cap_growth : Yearly growth of the caps, (1, samples). [x/yr]

    Returns
    -------
    (wanted, started): wanted (1, samples), the same every year; started (years, samples).
    [GW/yr]
    """
    wanted = build_rate_gw_per_yr * split
    cap = cap_gw_per_yr * cap_share * cap_growth**dt
    return wanted, np.minimum(wanted, cap)


def ramp_delivered(started_gw: Array, cumulative_gw: Array, delay_years: Array) -> Array:
    """Nameplate delivered by each year when every start arrives `delay_years` later.

    Starts spread evenly over their year v arrive evenly over [v + L, v + L + 1], so by
    year t the vintage v has delivered clip(t - v - L, 0, 1) of itself. With L = m + f
    (m whole, 0 <= f < 1) that is all vintages up to t - m - 2 plus the share 1 - f of
    vintage t - m - 1: a cumulative sum and one more term, instead of a sum over lags.

    Parameters
    ----------
    started_gw : Nameplate started per year, (years, samples). [GW/yr]
    cumulative_gw : Its running sum over years, same shape. [GW]
    delay_years : Delay from start to first power, (samples,). [years]

    Returns
    -------
    Nameplate delivered by each year, (years, samples). [GW]
    """
    years, count = started_gw.shape
    whole = np.floor(delay_years).astype(int)
    part = 1.0 - (delay_years - whole)
    # Zeros before the base year let indices before it read 0 without a mask.
    zeros = np.zeros((years + 2, count))
    t = np.arange(years)[:, None] + years  # index of year t below the zeros
    index = np.clip(t - whole, 0, 2 * years + 1)
    # Positions in the flattened arrays (np.take on them is faster than 2-d indexing).
    flat = index * count + np.arange(count)
    full = np.take(np.concatenate([zeros, cumulative_gw]), flat)
    last = np.take(np.concatenate([zeros, started_gw]), flat + count)
    return full + part * last


def delivered_firm_gw(
    started_gw: Array,
    lead_time_years: Array,
    queue_years: Array,
    behind_meter_share: Array,
    firm_factor: float,
) -> Array:
    """Firm power one source delivers by each year from every vintage started since the
    base year, (years, samples). [GW]

    Behind-the-meter builds (share b) arrive after the lead time L, (samples,); grid-
    connected ones after max(L, Q), the grid queue running alongside permitting and
    construction. `started_gw` is (years, samples) or (years, 1); `queue_years` and
    `behind_meter_share` are rows (1, samples) or (1, 1).
    """
    shape = (started_gw.shape[0], lead_time_years.shape[0])
    started = np.broadcast_to(started_gw, shape)
    grid_delay = np.maximum(lead_time_years, queue_years[0])
    # A sample whose cap never binds starts the same nameplate every year, and the sum
    # over vintages is the closed form rate x max(0, t - L); only capped ones need the
    # ramp over vintages.
    t = np.arange(shape[0], dtype=float)[:, None]  # years since the base year
    rate = started[:1]
    out = np.zeros(shape)
    # Nothing arrives in a year t <= L (for every sample): start after the shortest L.
    first = int(np.floor(lead_time_years.min(initial=shape[0]))) + 1
    # rate x (b x max(0, t - L) + (1 - b) x max(0, t - max(L, Q))), in place; max against
    # a row of zeros runs several times faster than against the number 0.
    zeros = np.zeros(shape[1])
    arrived = np.maximum(t[first:] - lead_time_years, zeros)
    arrived *= behind_meter_share
    on_grid = np.maximum(t[first:] - grid_delay, zeros)
    on_grid *= 1.0 - behind_meter_share
    arrived += on_grid
    arrived *= rate
    out[first:] = arrived
    capped = np.flatnonzero(np.any(started != rate, axis=0))
    if capped.size:
        rising = started[:, capped]
        cumulative = np.cumsum(rising, axis=0)
        share = np.broadcast_to(behind_meter_share, (1, shape[1]))[:, capped]
        behind = ramp_delivered(rising, cumulative, lead_time_years[capped])
        on_grid = ramp_delivered(rising, cumulative, grid_delay[capped])
        out[:, capped] = share * behind + (1.0 - share) * on_grid
    out *= firm_factor
    return out


def pipeline_arrived_gw(
    dt: Array, pipeline_gw: Array, pipeline_shares: Array, lead_time_years: Array
) -> Array:
    """Capacity under way before the base year, arrived by each year. (years, samples) [GW]

    Started steadily over each source's last L years, it arrives steadily over the next L:
    pipeline x sum_i p_i x min(1, dt / L_i), with p the shares of today's world mix.
    `dt` is a column (years, 1), `pipeline_gw` a row (1, samples) and `lead_time_years`
    (sources, samples).
    """
    arrived = np.zeros((dt.shape[0], lead_time_years.shape[1]))
    ones = np.ones(lead_time_years.shape[1])  # min against a row: faster than against 1.0
    for share, lead in zip(pipeline_shares, lead_time_years, strict=True):
        done = dt / lead
        np.minimum(done, ones, out=done)
        done *= share
        arrived += done
    return pipeline_gw * arrived


def headroom_gw(dt: Array, flexible_headroom_gw: Array) -> Array:
    """Grid headroom for flexible load, available from the year after the base. [GW]"""
    return flexible_headroom_gw * (dt >= 1.0)


@dataclass(frozen=True)
class Supply:
    """Power available to AI and what was built, by year: arrays are (years, samples)."""

    supply_gw: Array
    #: Nameplate wanted started, all sources. [GW/yr]
    wanted_gw: Array
    #: Nameplate started after the caps, all sources. [GW/yr]
    started_gw: Array
    #: Per source (in Sources.ids order), when asked for: nameplate wanted and started
    #: [GW/yr], and firm power delivered by new builds [GW].
    wanted_by_source: tuple[Array, ...] = ()
    started_by_source: tuple[Array, ...] = ()
    delivered_by_source: tuple[Array, ...] = ()


def _rows(values: Mapping[str, Array]) -> dict[str, Array]:
    """Inputs of shape (samples, 1) as rows (1, samples)."""
    return {name: array.T for name, array in values.items()}


def supply(
    dt: Array,
    values: Mapping[str, Array],
    sources: Sources,
    lead_time_years: Array,
    by_source: bool = False,
) -> Supply:
    """S(t) = S0 + pipeline(t) + headroom(t) + new builds delivered, for (years, samples).

    `dt` is (years,), `values` maps input names to arrays of shape (samples, 1) or (1, 1);
    `lead_time_years` is (samples, sources). Sources are summed in their order. With
    `by_source`, each source's arrays are kept too (the Monte Carlo does not need them).
    """
    rows = _rows(values)
    column = dt[:, None]
    lead = np.ascontiguousarray(lead_time_years.T)  # (sources, samples)
    shape = (dt.size, lead.shape[1])
    split = sources.nameplate_split
    wanted_total = np.zeros((1, 1))
    started_total = np.zeros(shape)
    delivered_total = np.zeros(shape)
    wanted_by, started_by, delivered_by = [], [], []
    for i in range(len(sources.ids)):
        wanted, started = nameplate_started_gw(
            column,
            rows["build_rate_gw_per_yr"],
            split[..., i],
            float(sources.build_cap_gw_per_yr[i]),
            rows["build_cap_share"] / 100.0,
            rows["build_cap_growth"],
        )
        wanted_total = wanted_total + wanted
        started_total += started
        # Only sources in the scenario's mix are built (the others feed the pipeline alone).
        delivered = np.zeros(shape)
        if np.any(sources.shares[..., i] > 0):
            delivered = delivered_firm_gw(
                started,
                lead[i],
                rows["queue_years"],
                rows["behind_meter_share"] / 100.0,
                float(sources.firm_factor[i]),
            )
            delivered_total += delivered
        if by_source:
            wanted_by.append(wanted)
            started_by.append(started)
            delivered_by.append(delivered)
    total = (
        rows["supply_base_gw"]
        + pipeline_arrived_gw(column, rows["pipeline_gw"], sources.pipeline_shares, lead)
        + headroom_gw(column, rows["flexible_headroom_gw"])
        + delivered_total
    )
    return Supply(
        np.broadcast_to(total, shape),
        np.broadcast_to(wanted_total, shape),
        started_total,
        tuple(wanted_by),
        tuple(started_by),
        tuple(delivered_by),
    )


def build_table(sources: Sources, result: Supply, years: npt.NDArray[np.int64]) -> pd.DataFrame:
    """Per source and year (first sample): nameplate wanted and started, firm power. [GW]

    A row per source and year, sources in their order and years within each."""
    shape = result.supply_gw.shape

    def by_source(arrays: tuple[Array, ...]) -> Array:
        # (sources, years) of the first sample, flattened source by source.
        return np.stack([np.broadcast_to(a, shape)[:, 0] for a in arrays]).ravel()

    count = len(sources.ids)
    return pd.DataFrame(
        {
            "source_id": np.repeat(np.array(sources.ids, dtype=object), years.size),
            "year": np.tile(years.astype(np.int64), count),
            "nameplate_wanted_gw": by_source(result.wanted_by_source),
            "nameplate_started_gw": by_source(result.started_by_source),
            "firm_delivered_gw": by_source(result.delivered_by_source),
        }
    )
