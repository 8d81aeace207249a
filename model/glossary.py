"""The glossary (data/glossary.csv): which terms of art a text uses, and what they mean."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Term:
    """One glossary row: the term, the spellings that name it, its definition and source."""

    term: str
    spellings: tuple[str, ...]
    definition: str
    source: str


def terms(table: pd.DataFrame) -> tuple[Term, ...]:
    """Every row of the glossary table, in file order; a term is also one of its spellings."""
    out = []
    for row in table[["term", "aliases", "definition", "source"]].astype(str).to_numpy():
        term, aliases, meaning, source = (str(cell) for cell in row)
        spellings = (term, *(a.strip() for a in aliases.split(";") if a.strip()))
        out.append(Term(term, spellings, meaning, source))
    return tuple(out)


def _pattern(spelling: str) -> str:
    # Whole words only; an all-capitals spelling (an acronym such as PUE) must match its
    # case, so the word "smr" in a URL or "pue" in an input name does not count.
    body = re.escape(spelling)
    flags = "" if spelling.upper() == spelling else "(?i:"
    return rf"(?<![\w-]){flags}{body}{')' if flags else ''}(?![\w-])"


def terms_in(text: str, table: pd.DataFrame) -> list[Term]:
    """The glossary terms `text` uses, in the order they first appear, each once.

    Longer spellings win where spellings overlap: "Latency wall" is the latency wall, not
    the wall.
    """
    return rows_in(text, terms(table))


def rows_in(text: str, rows: tuple[Term, ...]) -> list[Term]:
    """terms_in for glossary rows already read (`terms`), which a caller can keep: reading
    the table is most of the time terms_in takes."""
    found: dict[str, tuple[int, Term]] = {}
    taken: list[tuple[int, int]] = []
    spellings = sorted(((s, t) for t in rows for s in t.spellings), key=lambda pair: -len(pair[0]))
    for spelling, term in spellings:
        for match in re.finditer(_pattern(spelling), text):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            if term.term not in found or start < found[term.term][0]:
                found[term.term] = (start, term)
    return [term for _, term in sorted(found.values(), key=lambda pair: pair[0])]


def definition(term: str, table: pd.DataFrame) -> str:
    """The definition of `term` (its name or one of its spellings, any case); KeyError if
    the glossary does not define it."""
    for row in terms(table):
        if term.lower() in (s.lower() for s in row.spellings):
            return row.definition
    raise KeyError(f"the glossary does not define {term!r}")
