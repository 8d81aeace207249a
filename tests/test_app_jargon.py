"""Every term of art readers met unexplained (issue 18: LCOE, CCGT/OCGT/SMR, MFU, P10-P90,
behind the meter, nameplate, H100-equivalent, the latency wall) is defined where a page
first shows it: in that element's tooltip or text, or, for a chart or table (which has no
tooltip), in the words right above or below it."""

from __future__ import annotations

import re

import pytest

from model.catalog import default_catalog
from model.glossary import definition, terms_in
from tests.apptest_support import open_app
from tests.page_text import Shown, main_text
from tests.test_app_methods import TABS as METHODS_TABS
from ui.claims_view import CLAIM_TABS

GLOSSARY = default_catalog()["glossary"]
#: The terms the issue lists, by their glossary names (OCGT is the gas peaker's alias,
#: 'latency allows' the latency wall's).
TERMS = (
    "LCOE",
    "CCGT",
    "Gas peaker",
    "SMR",
    "MFU",
    "P10-P90",
    "Behind the meter",
    "Nameplate",
    "H100-equivalent",
    "Latency wall",
)
#: Elements that cannot carry a tooltip: their neighbours may define their terms.
NO_TOOLTIP = ("plotly_chart", "dataframe", "table")
#: Each page, opened with its uncertainty switch on where it has one (the P10-P90 ranges
#: show only then), each claim's tab and each section of Methods & sources (only the
#: open tab runs).
PAGES = (
    ("pages/home.py", {"home_bands": "true"}),
    # Claim 1 is the tab that opens first; each claim is drawn only while its tab is open.
    ("pages/claims.py", {}),
    *(("pages/claims.py", {"claim_tab": tab}) for tab in CLAIM_TABS[1:]),
    ("pages/growth.py", {"show_bands": "true"}),
    ("pages/train.py", {}),
    ("pages/serve.py", {}),
    ("pages/power.py", {}),
    ("pages/compare.py", {}),
    ("pages/methods.py", {}),
    # Equations is the tab that opens first (the entry above).
    *(("pages/methods.py", {"methods_tab": tab}) for tab in METHODS_TABS[1:]),
)


def _unescaped(text: str) -> str:
    """Markdown with its backslash escapes removed (tooltips escape the definitions)."""
    return re.sub(r"\\(.)", r"\1", text)


def _defines(item: Shown, term: str) -> bool:
    meaning = definition(term, GLOSSARY)
    return meaning in _unescaped(item.help) or meaning in _unescaped(item.text)


def _first_showing(items: list[Shown], term: str) -> int | None:
    for i, item in enumerate(items):
        if any(t.term == term for t in terms_in(item.text, GLOSSARY)):
            return i
    return None


def undefined_terms(items: list[Shown]) -> list[str]:
    """Each listed term shown on the page whose first appearance has no definition at hand,
    with the element that shows it."""
    missing = []
    for term in TERMS:
        first = _first_showing(items, term)
        if first is None:
            continue
        at_hand = [items[first]]
        if items[first].kind in NO_TOOLTIP:
            at_hand += items[max(first - 1, 0) : first] + items[first + 1 : first + 2]
        if not any(_defines(item, term) for item in at_hand):
            missing.append(f"{term}: {items[first].kind} {items[first].text[:120]!r}")
    return missing


def _id(case: tuple[str, dict[str, str]]) -> str:
    path, params = case
    return path.removeprefix("pages/").removesuffix(".py") + "".join(
        f"-{v}" for v in params.values()
    )


@pytest.mark.parametrize("case", PAGES, ids=[_id(c) for c in PAGES])
def test_each_term_of_art_is_defined_where_the_page_first_shows_it(case):
    path, params = case
    items = main_text(open_app(path, dict(params)))
    assert items, "the page showed nothing"
    assert undefined_terms(items) == []


def test_a_term_shown_with_no_definition_is_caught():
    # The check itself: a chart that shows 'Gas (CCGT)' with no words after it fails; the
    # same chart followed by a caption whose tooltip holds the definition passes.
    chart = Shown("plotly_chart", "Your mix | Gas (CCGT)", "")
    assert undefined_terms([chart]) == ["CCGT: plotly_chart 'Your mix | Gas (CCGT)'"]
    note = Shown("caption", "Terms above: CCGT", f"**CCGT**: {definition('CCGT', GLOSSARY)}")
    assert undefined_terms([chart, note]) == []
    # A metric's tooltip that names the term without its definition does not count.
    metric = Shown("metric", "Nameplate per GW | 2.3 GW", "Nameplate to build per GW")
    assert undefined_terms([metric]) == ["Nameplate: metric 'Nameplate per GW | 2.3 GW'"]
