"""Streamlit-facing helpers: cached data, the scenario sidebar, readable numbers."""
