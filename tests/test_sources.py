"""Provenance: every input has a source and a unit, every data row a source, links parse."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest

from model.catalog import SCHEMAS, default_catalog
from model.scenario import INPUTS
from ui.format import first_source_url, source_markdown, source_urls
from ui.sidebar import help_text


@pytest.mark.parametrize("spec", INPUTS, ids=lambda s: s.name)
def test_every_input_has_a_source(spec):
    assert spec.source.strip(), f"{spec.name} has no source for its default"


@pytest.mark.parametrize("spec", [s for s in INPUTS if s.kind in ("float", "int")], ids=str)
def test_every_numeric_input_has_a_unit(spec):
    assert spec.unit.strip(), f"{spec.name} has no unit"


@pytest.mark.parametrize("spec", INPUTS, ids=lambda s: s.name)
def test_help_text_gives_the_unit_and_the_source(spec):
    text = help_text(spec)
    assert spec.source in text
    if spec.unit:
        assert f"Unit: {spec.unit}" in text


@pytest.mark.parametrize("name", list(SCHEMAS))
def test_every_data_row_has_a_source(name):
    table = default_catalog()[name]
    assert "source" in table.columns
    blank = table.index[table["source"].astype(str).str.strip() == ""].tolist()
    assert not blank, f"{SCHEMAS[name].file}: rows {blank} have no source"


def _all_source_texts() -> list[str]:
    texts = [s.source for s in INPUTS]
    for table in default_catalog().tables.values():
        texts += table["source"].astype(str).tolist()
    return texts


def test_links_in_every_source_are_well_formed():
    urls = {url for text in _all_source_texts() for url in source_urls(text)}
    # Epoch AI's repository, Patterson et al.'s arXiv paper and EIA tables are all cited.
    assert "https://github.com/epoch-research/training-cost-trends" in urls
    assert "https://arxiv.org/abs/2104.10350" in urls
    for url in urls:
        parts = urlparse(url)
        assert parts.scheme == "https", url
        assert re.fullmatch(r"([a-z0-9-]+\.)+[a-z]{2,}", parts.netloc, re.I), url
        assert parts.path.startswith("/"), url
        assert not re.search(r"\s", url), url
        assert url[-1] not in ".,;:)'\"", url


def test_source_urls_finds_addresses_with_paths_and_arxiv_ids():
    text = (
        "Epoch AI (2024), epoch.ai/blog/can-ai-scaling-continue-through-2030; Patterson et "
        "al. 2021, arXiv:2104.10350, Table 4.08.A (lazard.com/media/x/lcoe.pdf), via "
        "business-standard.com."
    )
    assert source_urls(text) == [
        "https://epoch.ai/blog/can-ai-scaling-continue-through-2030",
        "https://arxiv.org/abs/2104.10350",
        "https://lazard.com/media/x/lcoe.pdf",
    ]


def test_source_urls_keeps_a_scheme_and_ignores_bare_domains():
    assert source_urls("see https://www.iea.org/reports/energy-and-ai.") == [
        "https://www.iea.org/reports/energy-and-ai"
    ]
    assert source_urls("via yourstory.com, particle.news") == []
    assert first_source_url("Design choice") is None


def test_source_markdown_escapes_the_text_and_appends_the_link():
    text = "A *bold* <b>claim</b>, eia.gov/tools/faqs/faq.php?id=74"
    shown = source_markdown(text)
    assert "\\*bold\\*" in shown
    assert "<b>" not in shown
    assert shown.endswith("[link](https://eia.gov/tools/faqs/faq.php?id=74)")
