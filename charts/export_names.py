"""File names for the PNG a chart's camera button downloads, read from the chart's title.

plotly.js names the file after nothing useful ("newplot.png"); a page passes
`image_config(figure)` as st.plotly_chart's `config` so the file is named after the chart,
cut at a word boundary, never mid-word.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import plotly.graph_objects as go

#: Prefix of every downloaded chart, so the files sort together.
PREFIX = "ai-energy"
#: Longest file name without ".png". [characters]
MAX_NAME_CHARS = 60


def png_name(title: str, prefix: str = PREFIX, max_chars: int = MAX_NAME_CHARS) -> str:
    """A short, portable file stem: 'AI power: wanted vs available' ->
    'ai-energy-ai-power-wanted-vs-available'. Words past `max_chars` are dropped whole."""
    text = re.sub(r"<[^>]*>", " ", title)  # plotly titles may hold <br> or <b>
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    stem = prefix
    for word in words:
        longer = f"{stem}-{word}" if stem else word
        if len(longer) > max_chars:
            break
        stem = longer
    return stem or "chart"


def image_config(figure: go.Figure, name: str = "") -> dict[str, Any]:
    """st.plotly_chart `config` whose camera button saves '<name or title>.png'."""
    if name:
        title = name
    elif hasattr(type(figure), "title_text"):  # a charts.style.HouseFigure
        title = figure.title_text()  # read without building plotly's objects
    else:
        title = figure.layout.title.text or ""
    return {"toImageButtonOptions": {"format": "png", "filename": png_name(title)}}
