"""Placeholder while this page is built (see the open issue)."""

import streamlit as st

st.title("Compare")
st.info("This page is being built.")
