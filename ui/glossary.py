"""The glossary's definitions as tooltip text (data/glossary.csv via model/glossary.py)."""

from __future__ import annotations

import functools
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from charts.words import drawn_words
from model.glossary import definition, terms_in
from ui import format as fmt
from ui.data import catalog

#: Terms of art that readers met with no explanation (issue 18), and the few other
#: acronyms the pages show: wherever a page shows one, a tooltip beside it defines it.
JARGON = (
    "CCGT",
    "Gas peaker",
    "SMR",
    "LCOE",
    "MFU",
    "P10-P90",
    "Behind the meter",
    "Nameplate",
    "H100-equivalent",
    "Latency wall",
    "PUE",
    "TDP",
)


@functools.cache
def define(*terms: str) -> str:
    """Tooltip Markdown: each term in bold with its glossary definition, one per paragraph.
    KeyError if the glossary does not define one (a test then names it)."""
    table = catalog()["glossary"]
    return "\n\n".join(f"**{term}**: {fmt.plain(definition(term, table))}" for term in terms)


@functools.cache
def terms_help(text: str) -> str | None:
    """Tooltip Markdown defining each glossary term `text` uses, or None if it uses none."""
    named = terms_in(text, catalog()["glossary"])
    if not named:
        return None
    return "\n\n".join(f"**{t.term}**: {fmt.plain(t.definition)}" for t in named)


@functools.cache
def _jargon_table() -> pd.DataFrame:
    """The glossary's rows of JARGON (read once: scanning ten terms, not sixty, keeps a
    rerun fast)."""
    table = catalog()["glossary"]
    return table[table["term"].isin(JARGON)]


def jargon_in(*texts: str) -> tuple[str, ...]:
    """The JARGON terms the texts use, in the order they first appear, each once."""
    named = terms_in(" | ".join(texts), _jargon_table())
    return tuple(t.term for t in named)


def jargon_help(*texts: str, figure: go.Figure | None = None) -> str | None:
    """Tooltip defining each JARGON term the texts (and the words `figure` draws) use, or
    None if they use none."""
    shown = (*texts, drawn_words(figure)) if figure is not None else texts
    named = jargon_in(*shown)
    return define(*named) if named else None


def table_words(frame: pd.DataFrame) -> str:
    """A table's column names, index labels and cells, as one text to scan for terms."""
    cells = [*map(str, frame.columns), *map(str, frame.index), *map(str, frame.to_numpy().ravel())]
    return " | ".join(cells)


def terms_note(*texts: str, figure: go.Figure | None = None, where: Any = st) -> None:
    """Under a chart or table with no words of its own beside it: a caption naming its
    terms of art, whose tooltip defines them (nothing if it uses none)."""
    shown = (*texts, drawn_words(figure)) if figure is not None else texts
    named = jargon_in(*shown)
    if named:
        them = "it" if len(named) == 1 else "them"
        words = f"Terms above: {', '.join(named)}; the ? defines {them}."
        where.caption(words, help=define(*named))
