"""Pure chart builders: DataFrame in, plotly Figure out (no streamlit)."""
