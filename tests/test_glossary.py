"""The glossary: every term of art the app shows is defined, every row is complete, and
tooltips carry the definitions of the terms an input's label uses."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from model.catalog import DEFAULT_DATA_DIR, default_catalog
from model.glossary import definition, terms, terms_in
from model.scenario import INPUTS, INPUTS_BY_NAME

REPO = Path(__file__).resolve().parent.parent
GLOSSARY = default_catalog()["glossary"]

#: Terms of art a reader may not know, as the app writes them. Any that appears in a
#: page, a help text, a chart, the Methods prose or an input must be in the glossary.
KNOWN_TERMS = (
    "CCGT",
    "OCGT",
    "LCOE",
    "SMR",
    "PUE",
    "MFU",
    "TDP",
    "BF16",
    "FLOP",
    "PV",
    "H100e",
    "H100-equivalents",
    "P10",
    "P50",
    "P90",
    "tCO2e",
    "TPU",
    "GPU",
    "nameplate",
    "capacity factor",
    "firm factor",
    "firming",
    "lead time",
    "Monte Carlo",
    "behind the meter",
    "behind-the-meter",
    "flexible load",
    "curtailed",
    "compute-optimal",
    "mixture of experts",
    "active parameters",
    "binding",
    "rate-limiting step",
    "wall",
    "latency wall",
    "wall-plug",
    "tornado",
    "carbon intensity",
    "efficiency ceiling",
    "wanted",
    "achieved",
    "GDP",
    "price elasticity",
    "scarcity price",
)
#: Capitals in input labels and units that are units, places or names, not terms of art.
NOT_TERMS = {"AI", "GW", "MW", "USD", "MWh", "TWh", "US", "x", "H100"}


def app_texts() -> dict[str, str]:
    """Every text a reader can see, by where it is: pages, ui and chart modules (their
    string literals are the visible text), Methods prose, inputs, and source labels."""
    texts = {
        str(path.relative_to(REPO)): path.read_text(encoding="utf-8")
        for folder in ("pages", "ui", "charts", "docs/methods")
        for path in sorted((REPO / folder).glob("*.*"))
        if path.suffix in {".py", ".md"}
    }
    for spec in INPUTS:
        texts[f"input {spec.name}"] = f"{spec.label} ({spec.unit}). {spec.help}"
    labels = default_catalog()["generation_sources"]["label"]
    texts["generation source labels"] = "; ".join(labels)
    return texts


def uses(text: str, term: str) -> bool:
    """True if `text` uses `term` as a word (acronyms in their case, words in any case)."""
    flags = 0 if term.upper() == term else re.IGNORECASE
    return re.search(rf"(?<![\w-]){re.escape(term)}(?![\w-])", text, flags) is not None


@pytest.mark.parametrize("term", sorted(set(KNOWN_TERMS)))
def test_every_known_term_the_app_uses_is_defined(term):
    where = [name for name, text in app_texts().items() if uses(text, term)]
    assert where, f"{term!r} is used nowhere: take it off KNOWN_TERMS"
    try:
        meaning = definition(term, GLOSSARY)
    except KeyError:
        pytest.fail(f"{term!r} is used in {where[:3]} but the glossary does not define it")
    assert len(meaning) > 20


def test_every_acronym_in_an_input_label_or_unit_is_defined():
    for spec in INPUTS:
        for word in re.findall(r"\b[A-Z][A-Z0-9]+e?\b", f"{spec.label} {spec.unit}"):
            if word in NOT_TERMS:
                continue
            assert terms_in(word, GLOSSARY), f"{spec.name}: {word!r} is not in the glossary"


def test_every_row_has_a_term_a_definition_a_source_and_a_status():
    frame = pd.read_csv(DEFAULT_DATA_DIR / "glossary.csv", dtype=str, keep_default_na=False)
    for column in ("term", "definition", "source", "status"):
        blank = frame.index[frame[column].str.strip() == ""].tolist()
        assert not blank, f"glossary.csv rows {blank} have no {column}"
    assert frame["term"].is_unique
    # A definition is a sentence, not a restatement of the term.
    short = frame.loc[frame["definition"].str.len() < 30, "term"].tolist()
    assert not short, f"definitions too short to explain anything: {short}"


def test_no_spelling_names_two_terms():
    seen: dict[str, str] = {}
    for term in terms(GLOSSARY):
        for spelling in term.spellings:
            key = spelling.lower()
            assert key not in seen, f"{spelling!r} names both {seen[key]!r} and {term.term!r}"
            seen[key] = term.term


def test_terms_in_prefers_the_longer_spelling_and_lists_each_term_once():
    found = terms_in("Latency wall (FLOP); the FLOP of the wall", GLOSSARY)
    assert [t.term for t in found] == ["Latency wall", "FLOP", "The wall"]


def test_acronyms_match_their_case_only():
    assert terms_in("PUE", GLOSSARY)
    assert not terms_in("the pue input and smr=3", GLOSSARY)
    assert [t.term for t in terms_in("Nameplate", GLOSSARY)] == ["Nameplate"]


def test_unknown_term_raises_key_error_naming_it():
    with pytest.raises(KeyError, match="flux capacitor"):
        definition("flux capacitor", GLOSSARY)


@pytest.mark.parametrize(
    ("name", "term"),
    [
        ("pue", "PUE"),
        ("utilization", "MFU"),
        ("mix_nuclear_smr", "SMR"),
        ("mix_gas_ccgt", "CCGT"),
        # Each region has its own supply inputs (issue 17): both carry the terms.
        ("build_rate_gw_per_yr_us", "Nameplate"),
        ("build_rate_gw_per_yr_row", "Nameplate"),
        ("behind_meter_share_us", "Behind the meter"),
        ("behind_meter_share_row", "Behind the meter"),
        ("capex_gdp_cap_share", "GDP"),
        ("serving_price_elasticity", "Price elasticity"),
        ("scarcity_adder_usd_per_mwh_us", "Scarcity price"),
        ("chip_stock_base_h100e", "H100-equivalent"),
    ],
)
def test_an_inputs_tooltip_defines_the_terms_of_its_label(name, term):
    from ui.sidebar import help_text

    text = help_text(INPUTS_BY_NAME[name])
    assert f"**{term}**:" in text
    assert definition(term, GLOSSARY)[:25] in text.replace("\\", "")
