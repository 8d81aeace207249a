"""Tables of the Methods & sources page: validation results and data with their links."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from model.catalog import DEFAULT_DATA_DIR
from model.validation import run_validation
from ui import format as fmt
from ui.data import catalog

DOCS = Path(__file__).resolve().parent.parent / "docs" / "methods"
LINK = st.column_config.LinkColumn("Link", display_text=r"https?://(?:www\.)?([^/]+)/.*")
SHOW = {
    "MWh": fmt.energy,
    "tCO2e": fmt.mass_co2,
    "FLOP": lambda flop: f"{fmt.scientific(flop, 3)} FLOP",
    "MW": lambda mw: fmt.power(mw / 1000.0),
}


def doc(name: str) -> str:
    """The text of docs/methods/<name>.md."""
    return (DOCS / f"{name}.md").read_text(encoding="utf-8")


def table(
    frame: pd.DataFrame, hide: tuple[str, ...] = (), wrap: bool = False, **config: Any
) -> None:
    """A table with its error as text and links: wrapped text (st.table) or a grid."""
    shown = frame.drop(columns=list(hide))
    if "error_pct" in shown:
        shown["error_pct"] = [
            f"{e:+.1f}%".replace("-0.0", "0.0") if e == e else "" for e in shown["error_pct"]
        ]
    if wrap:
        shown = shown.astype(str).map(fmt.plain).rename(columns={"error_pct": "error", **config})
        st.table(shown.assign(source=frame["source"].map(fmt.source_markdown)), hide_index=True)
        return
    shown["link"] = source_links(tuple(frame["source"]))
    order = [c for c in shown.columns if c not in {"link", "source"}] + ["link", "source"]
    height = 35 * (min(len(shown), 30) + 1) + 3
    config = {"link": LINK, "error_pct": "error", **config}
    st.dataframe(shown, hide_index=True, column_order=order, column_config=config, height=height)


@st.cache_data(show_spinner=False, max_entries=64)
def source_links(sources: tuple[str, ...]) -> list[str | None]:
    """The first link of each source citation (cached: the tables rarely change)."""
    return [fmt.first_source_url(text) for text in sources]


@st.cache_data(show_spinner=False)
def published_validation() -> pd.DataFrame:
    """Published runs against the model: the same for every scenario, so built once."""
    return run_validation(catalog())


@st.cache_data(show_spinner=False)
def codebook() -> pd.DataFrame:
    """data/codebook.csv (the column descriptions and units)."""
    return pd.read_csv(DEFAULT_DATA_DIR / "codebook.csv", keep_default_na=False)


def runs_shown(frame: pd.DataFrame) -> pd.DataFrame:
    """Published and model figures as readable text with their units."""
    as_text = {
        c: [SHOW[u](v) for u, v in zip(frame["unit"], frame[c], strict=True)]
        for c in ("published", "model")
    }
    return frame.assign(**as_text).drop(columns="unit")
