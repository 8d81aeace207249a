"""The Test the claims page, run headless: verdicts follow the sidebar and the model."""

from __future__ import annotations

import dataclasses

import plotly.graph_objects as go
import pytest

from model import claims
from model.catalog import default_catalog
from model.link import CLAIM_TAB_PARAM
from model.scenario import Scenario
from tests.apptest_support import open_app
from ui.claims_view import (
    CLAIM_TABS,
    FLIPS_OPEN_KEY,
    claim_figure,
    flip_text,
    number_text,
)


def verdicts(at) -> list[str]:
    boxes = [*at.success, *at.warning, *at.error, *at.info]
    texts = [b.value for b in boxes if "Verdict for this scenario" in b.value]
    # Boxes come back grouped by kind; order them by claim through the headers instead.
    return sorted(texts)


def open_claim(claim_id: int, params: dict[str, str] | None = None):
    """The claims page with claim `claim_id`'s tab open, as a link to it opens it."""
    return open_app("pages/claims.py", {**(params or {}), CLAIM_TAB_PARAM: f"Claim {claim_id}"})


def verdict_of(at, claim_id: int) -> str:
    """The verdict the summary above the tabs gives claim `claim_id`."""
    markdown = [m.value for m in at.markdown]
    summary = next(m for m in markdown if m.startswith("1. ["))
    line = summary.splitlines()[claim_id - 1]
    return line.rsplit("**", 2)[1]


def test_the_page_judges_five_claims_with_defaults_as_the_model_does():
    at = open_app("pages/claims.py")
    assert at.title[0].value == "Test the claims"
    expected = [r.verdict for r in claims.evaluate_all(Scenario(), default_catalog())]
    assert [verdict_of(at, i) for i in range(1, 6)] == expected  # all five, above the tabs
    assert [t.label for t in at.tabs] == list(CLAIM_TABS)
    assert any("claims.csv" in str(b.proto.label) for b in at.get("download_button"))
    for claim_id in range(1, 6):
        # Only the open tab is drawn: its heading, verdict box, two to four numbers and
        # one chart (a link without claim_tab opens claim 1).
        at = open_claim(claim_id) if claim_id > 1 else at
        assert [h.value.split(". ")[0] for h in at.header] == [str(claim_id)]
        assert verdicts(at) == [f"**Verdict for this scenario: {expected[claim_id - 1]}**"]
        assert 2 <= len(at.metric) <= 4
        assert len(at.get("plotly_chart")) == 1


def test_moving_the_named_input_past_its_flip_flips_the_verdict():
    # Claim 1 flips to Partly below ~1.22e26 FLOP (a town's electricity); 1e26 is a step.
    at = open_claim(1, {"frontier_flop_base": "1e26"})
    assert verdict_of(at, 1) == claims.PARTLY
    assert verdicts(at) == ["**Verdict for this scenario: Partly**"]  # the tab's box agrees
    # Claim 5 flips to Partly with AI spending growing below ~1.10x a year: money then
    # binds, and the bill a doubled price adds leaves fewer chips.
    at = open_claim(5, {"ai_capex_growth": "1.05"})
    assert verdict_of(at, 5) == claims.PARTLY
    assert verdicts(at) == ["**Verdict for this scenario: Partly**"]


def test_a_preset_scenario_gives_its_own_verdicts():
    # "Chips run out" (production growing 1.1x a year): chips, not power, set the largest
    # run when exponential growth ends, and the page agrees with the model.
    scenario = dataclasses.replace(Scenario(), chip_production_growth=1.1)
    at = open_claim(3, {"chip_production_growth": "1.1"})
    expected = [r.verdict for r in claims.evaluate_all(scenario, default_catalog())]
    assert [verdict_of(at, i) for i in range(1, 6)] == expected
    texts = [m.value for m in at.metric]  # claim 3's numbers name the binding step
    assert any(t == "Chips" for t in texts)


@pytest.mark.parametrize("claim_id", [1, 2, 3, 4, 5])
def test_each_claim_has_its_rule_flips_and_link(claim_id):
    at = open_claim(claim_id)
    rule = claims.RULES_BY_ID[claim_id]
    markdown = "\n".join(m.value for m in at.markdown).replace("\\", "")
    assert rule.rule.split(";")[0][:40] in markdown
    assert markdown.count("What would change the verdict") == 1
    assert f"**The rule:** {rule.plain}" in markdown  # the rule in one sentence
    # The claim's own link opens its tab at its section.
    (code,) = [c.value for c in at.main.code]
    assert code.endswith(f"&claim_tab=Claim+{claim_id}#claim-{claim_id}"), code


def test_the_flip_search_runs_only_for_the_claim_a_reader_opens(monkeypatch):
    searched: list[str] = []
    real = claims.find_flip

    def counted(scenario, name, verdict_of, *args, **kwargs):
        searched.append(name)
        return real(scenario, name, verdict_of, *args, **kwargs)

    monkeypatch.setattr(claims, "find_flip", counted)
    # A scenario no other test opens, so no cached search answers for it.
    params = {"ai_capex_growth": "1.31", "pue": "1.21"}
    at = open_claim(5, params)
    assert searched == []  # the page names the inputs but searches none of them
    named = next(m.value for m in at.markdown if "would change the verdict:** **AI cap" in m.value)
    assert "(sidebar: *Chips & capital*)" in named  # the inputs are named, with their group
    at.session_state[FLIPS_OPEN_KEY.format(claim_id=5)] = True
    at.run()
    assert not at.exception
    # Claim 5's own inputs only (model/claims.py RULES: its flip_inputs).
    assert searched == list(claims.RULES_BY_ID[5].flip_inputs)
    shown = [m.value for m in at.markdown if m.value.startswith("- ")]
    # Spending growth 1.31x: claim 5 turns Partly below ~1.10x a year (the test above).
    assert any("AI capital spending growth" in t and "**Partly**" in t for t in shown)


@pytest.mark.parametrize("claim_id", [1, 2, 3, 4, 5])
def test_every_claim_chart_is_valid_plotly_with_titled_axes(claim_id):
    result = claims.evaluate(Scenario(), claim_id, default_catalog(), with_flips=False)
    figure = claim_figure(result, Scenario())
    checked = go.Figure(figure.to_dict())  # validates every property
    assert checked.layout.title.text
    assert checked.layout.xaxis.title.text
    if claim_id != 2:  # bars by source name need no y title
        assert checked.layout.yaxis.title.text


def test_numbers_and_flips_read_as_words():
    assert number_text(claims.Number("x", 410.3, "gwh")) == "410 GWh"
    assert number_text(claims.Number("x", 0.0, "change")) == "no change"
    assert number_text(claims.Number("x", -0.123, "change")) == "-12.3%"
    assert number_text(claims.Number("x", None, "year", "not by 2040")) == "not by 2040"
    flip = claims.Flip("ai_capex_growth", "Spending growth", "x per year", 1.3, 1.0996, "Partly")
    # The input's own label and where it is in the sidebar, the value to three figures.
    assert flip_text(flip) == (
        "**AI capital spending growth** (sidebar: *Chips & capital*) below about 1.1x per "
        "year (now 1.3x per year) makes it **Partly**."
    )
    none = claims.Flip("queue_years_us", "Grid connection wait, US", "years", 5.0, None, None)
    assert "**Grid connection wait, US** (sidebar: *Power supply & build*)" in flip_text(none)
    assert "no value in its range (0 years to 10 years)" in flip_text(none)


def test_claim_numbers_define_the_terms_of_art_they_use():
    helps = {m.label: m.proto.help for i in range(1, 6) for m in open_claim(i).metric}
    binding = next(label for label in helps if label.startswith("Step binding"))
    assert "**Binding step**:" in helps[binding]
    # All of AI's compute is defined as such, not as one run's training compute.
    price = next(label for label in helps if label.startswith("AI compute 2025-2040, price"))
    assert "**AI compute**:" in helps[price]
    assert "**Training compute**" not in helps[price]
    queue = next(label for label in helps if "queue" in label)
    assert "**Interconnection queue**:" in helps[queue]


@pytest.mark.parametrize("bad", ["Claim 9", "<b>Claim 2</b>", "", "claim 2"])
def test_a_tab_the_page_does_not_have_opens_the_first_claim(bad):
    # Streamlit binds claim_tab to the tabs; a value that names no tab (a typo, markup, a
    # claim that does not exist) must not break the page: claim 1 opens.
    at = open_app("pages/claims.py", {CLAIM_TAB_PARAM: bad})
    assert [h.value.split(". ")[0] for h in at.header] == ["1"]
    assert len(at.get("plotly_chart")) == 1
