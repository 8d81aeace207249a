"""Placeholder while this page is built (see the open issue)."""

import streamlit as st

st.title("Power")
st.info("This page is being built.")
