"""The glossary's definitions as tooltip text (data/glossary.csv via model/glossary.py)."""

from __future__ import annotations

import functools

from model.glossary import definition, terms_in
from ui import format as fmt
from ui.data import catalog


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
