"""The home page's ways on: a card per claim of the post (with its verdict) and the pages."""

from __future__ import annotations

import html
from urllib.parse import urlencode

import streamlit as st

from model.claims import RULES
from model.link import CLAIM_TAB_PARAM
from ui.claims_view import anchor, tab_of

#: The other pages, each with what it answers.
PAGES = (
    (
        "pages/growth.py",
        "Growth vs power",
        ":material/trending_up:",
        "Which step limits the largest run, year by year, and when power runs out.",
    ),
    (
        "pages/train.py",
        "Train a model",
        ":material/model_training:",
        "Energy, power, emissions and cost of one training run.",
    ),
    (
        "pages/serve.py",
        "Serve it",
        ":material/chat:",
        "Energy per query and for a whole fleet, beside published measurements.",
    ),
    (
        "pages/power.py",
        "Power it",
        ":material/electric_bolt:",
        "Emissions, cost and years to build, by generation mix.",
    ),
    (
        "pages/compare.py",
        "Compare & share",
        ":material/compare_arrows:",
        "Presets, saved scenarios side by side, links and downloads.",
    ),
    (
        "pages/methods.py",
        "Methods & sources",
        ":material/menu_book:",
        "Equations, every source, and how far the model is from published figures.",
    ),
)


def claim_card_html(title: str, verdict: str, query: dict[str, list[str]], claim_id: int) -> str:
    """A claim card's link and verdict. A Markdown link would open a new tab (Streamlit
    gives every link but an in-page "#..." one target="_blank"), so the link is an <a>
    that opens in this tab (target="_self"), at the claim's tab and section, with this scenario
    (`query`, the address bar's: the same link, so Streamlit leaves the address and its
    "#claim-3" as they are). Every piece is escaped: the titles and verdicts are ours and
    the query is percent-encoded, but nothing is trusted to be."""
    opens = {**query, CLAIM_TAB_PARAM: [tab_of(claim_id)]}
    href = html.escape(f"claims?{urlencode(opens, doseq=True)}#{anchor(claim_id)}", quote=True)
    return (
        f'<a href="{href}" target="_self">{html.escape(title)}</a><br>'
        f"<strong>{html.escape(verdict)}</strong>"
    )


def render_claim_cards(verdicts: tuple[str, ...], query: dict[str, list[str]]) -> None:
    """One card per claim, linking (in this tab) to its section on Test the claims with
    this scenario."""
    st.markdown("#### Test a claim")
    st.caption("Verdicts for the scenario in the sidebar; each opens its section.")
    for column, rule, verdict in zip(st.columns(len(RULES)), RULES, verdicts, strict=True):
        with column.container(border=True):
            card = claim_card_html(rule.title, verdict, query, rule.claim_id)
            st.markdown(card, unsafe_allow_html=True)


def render_page_links(query: dict[str, list[str]]) -> None:
    """Links to every other page, three to a row, each carrying `query` (the address bar's
    link), so that after a server restart a click here keeps the scenario, as the
    sidebar's links do (ui/page.page_links)."""
    st.markdown("#### Explore")
    columns = st.columns(3)
    for i, (page, label, icon, text) in enumerate(PAGES):
        with columns[i % 3]:
            st.page_link(page, label=label, icon=icon, query_params=query)
            st.caption(text)
