"""Entry point: page config, the scenario sidebar shared by every page, and navigation."""

from __future__ import annotations

import streamlit as st

from ui.share import render_share_control
from ui.sidebar import render_inputs
from ui.url import report_ignored_params

st.set_page_config(
    page_title="Is energy AI's limit?",
    # An emoji, drawn by the browser: a Material icon here makes Streamlit point the
    # favicon at fonts.gstatic.com, a request to Google from every visitor.
    page_icon="⚡",
    layout="wide",
    initial_sidebar_state="auto",  # open on desktop, closed on phones
)

#: Each page with the sidebar group it opens.
PAGES = (
    (
        st.Page("pages/home.py", title="The question", icon=":material/help:", default=True),
        "growth",
    ),
    (st.Page("pages/claims.py", title="Test the claims", icon=":material/fact_check:"), "growth"),
    (st.Page("pages/growth.py", title="Growth vs power", icon=":material/trending_up:"), "growth"),
    (st.Page("pages/train.py", title="Train a model", icon=":material/model_training:"), "train"),
    (st.Page("pages/serve.py", title="Serve it", icon=":material/chat:"), "serve"),
    (st.Page("pages/power.py", title="Power it", icon=":material/electric_bolt:"), "supply"),
    (st.Page("pages/compare.py", title="Compare & share", icon=":material/compare_arrows:"), None),
    (st.Page("pages/methods.py", title="Methods & sources", icon=":material/menu_book:"), None),
)

page = st.navigation([p for p, _ in PAGES])
report_ignored_params()
open_group = next(group for p, group in PAGES if p.url_path == page.url_path)
st.session_state["scenario"] = render_inputs(open_group)
render_share_control(st.session_state["scenario"])
page.run()
