"""Entry point: page config, the scenario sidebar shared by every page, and navigation."""

from __future__ import annotations

import streamlit as st

from ui.data import stop_if_data_broken
from ui.run import SidebarPlan, run_page
from ui.scroll_hints import add_scroll_hints
from ui.url import read_link

st.set_page_config(
    page_title="Is energy AI's limit?",
    # An emoji, drawn by the browser: a Material icon here makes Streamlit point the
    # favicon at fonts.gstatic.com, a request to Google from every visitor.
    page_icon="⚡",
    layout="wide",
    initial_sidebar_state="auto",  # open on desktop, closed on phones
)
add_scroll_hints()  # a table or equation wider than the screen says it scrolls

#: Each page with its id (model.scenario.PAGE_IDS, which GROUP_PAGES uses) and the
#: sidebar group it opens.
PAGES = (
    (
        st.Page("pages/home.py", title="The question", icon=":material/help:", default=True),
        "home",
        "growth",
    ),
    (
        st.Page("pages/claims.py", title="Test the claims", icon=":material/fact_check:"),
        "claims",
        "growth",
    ),
    (
        st.Page("pages/growth.py", title="Growth vs power", icon=":material/trending_up:"),
        "growth",
        "growth",
    ),
    (
        st.Page("pages/train.py", title="Train a model", icon=":material/model_training:"),
        "train",
        "train",
    ),
    (st.Page("pages/serve.py", title="Serve it", icon=":material/chat:"), "serve", "serve"),
    (
        st.Page("pages/power.py", title="Power it", icon=":material/electric_bolt:"),
        "power",
        "mix",
    ),
    (
        st.Page("pages/compare.py", title="Compare & share", icon=":material/compare_arrows:"),
        "compare",
        None,
    ),
    (
        st.Page("pages/methods.py", title="Methods & sources", icon=":material/menu_book:"),
        "methods",
        None,
    ),
)

# The sidebar's page links are ui/page.page_links: each carries the scenario's link.
page = st.navigation([p for p, _, _ in PAGES], position="hidden")
stop_if_data_broken()
read_link()
nav = st.sidebar.container()
share_top = st.sidebar.container()  # the copy-link button, filled once the scenario is known
page_id, open_group = next((i, g) for p, i, g in PAGES if p.url_path == page.url_path)
titles = {i: str(p.title) for p, i, _ in PAGES}

run_page(page, SidebarPlan(nav, share_top, [p for p, _, _ in PAGES], open_group, page_id, titles))
