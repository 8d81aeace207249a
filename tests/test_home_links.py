"""The home page's links to the other pages carry the reader's link (issue 21, defect 1):
after a server restart a click there must not open the defaults."""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, urlsplit

from tests.apptest_support import open_app
from ui.home_links import claim_card_html


def test_every_explore_link_carries_the_scenario_of_the_address_bar():
    at = open_app(params={"pue": "1.5", "mix_nuclear_large": "40"})
    links = [link.proto for link in at.get("page_link")]
    explore = [p for p in links if p.label in {"Growth vs power", "Methods & sources"}]
    # The sidebar's link and the Explore section's link, for each of the two pages.
    assert len(explore) >= 4
    for proto in explore:
        query = parse_qs(proto.query_string)
        assert query["pue"] == ["1.5"], proto.label
        assert query["mix_nuclear_large"] == ["40"], proto.label


def test_the_claim_cards_open_their_claim_in_this_tab_with_the_address_bars_scenario():
    at = open_app(params={"pue": "1.5"})
    cards = [m.value for m in at.markdown if 'href="claims?' in m.value]
    assert len(cards) == 5
    for claim_id, card in enumerate(cards, start=1):
        # A Markdown link would get target="_blank" from Streamlit (a new tab).
        assert 'target="_self"' in card
        assert "](" not in card
        href = html.unescape(re.search(r'href="([^"]*)"', card).group(1))
        parts = urlsplit(href)
        assert parts.path == "claims"
        assert parts.fragment == f"claim-{claim_id}"
        # The address bar's link (it carries no version: the page is the same app), and
        # the claim's tab, which Streamlit opens from the link (each claim is in a tab).
        assert parse_qs(parts.query) == {"pue": ["1.5"], "claim_tab": [f"Claim {claim_id}"]}


def test_a_claim_card_escapes_what_it_shows():
    card = claim_card_html('<img src=x onerror="y">', "Partly & more", {"a": ['"><b>']}, 3)
    assert "<img" not in card
    assert "<b>" not in card
    assert "&amp; more" in card
    href = html.unescape(re.search(r'href="([^"]*)"', card).group(1))
    assert parse_qs(urlsplit(href).query) == {"a": ['"><b>'], "claim_tab": ["Claim 3"]}
